import { describe, expect, it } from 'vitest';
import { EngineError, notePriceYield, settle, type NoteSchedule } from '../../../engine/index.ts';

// A 2-period bullet: face 100, 5% coupon paid semi-annually (30/360), closing 2025-01-15,
// payments 2025-07-15 (coupon 2.5) and 2026-01-15 (coupon 2.5 + principal 100).
const BULLET: NoteSchedule = {
  originalBalance: 100,
  closingDate: '2025-01-15',
  paymentsPerYear: 2,
  dayCount: '30/360',
  paymentDates: ['2025-07-15', '2026-01-15'],
  principal: [0, 100],
  interest: [2.5, 2.5],
  endingBalance: [100, 0],
  couponRate: [0.05, 0.05],
};

describe('accrued interest from the previous payment date (or closing) to settlement, on the note’s day count', () => {
  it('30/360: 15 Jan → 15 Apr is 90 days; accrued = 100 × 5% × 90/360 = 1.25', () => {
    const s = settle(BULLET, '2025-04-15');
    expect(s.previousPaymentDate).toBe('2025-01-15');
    expect(s.nextPaymentDate).toBe('2025-07-15');
    expect(s.accrualDays).toBe(90);
    expect(s.accrued).toBeCloseTo(1.25, 12);
    expect(s.accruedPct).toBeCloseTo(1.25, 12);
  });

  it('ACT/365: 15 Jan → 15 Apr 2025 is 16 + 28 + 31 + 15 = 90 actual days; accrued = 100 × 5% × 90/365 = 1.2328767…', () => {
    const s = settle({ ...BULLET, dayCount: 'ACT/365' }, '2025-04-15');
    expect(s.accrualDays).toBe(90);
    expect(s.accrued).toBeCloseTo((100 * 0.05 * 90) / 365, 12);
  });

  it('30/360 to a 31st: 15 Jan → 31 May counts 30·4 + (31 − 15) = 136 days (D2 = 31 stays 31 because D1 < 30)', () => {
    // 30/360 US: D1 = 15 stays 15; D2 = 31 stays 31 because D1 < 30: 360·0 + 30·(5 − 1) + (31 − 15) = 136.
    const s = settle(BULLET, '2025-05-31');
    expect(s.accrualDays).toBe(136);
    expect(s.accrued).toBeCloseTo((100 * 0.05 * 136) / 360, 12);
  });

  it('after the first payment: accrues from 15 Jul on the face then outstanding; on a payment date nothing accrues', () => {
    const s = settle(BULLET, '2025-10-15');
    expect(s.previousPaymentDate).toBe('2025-07-15');
    expect(s.accrualDays).toBe(90);
    expect(s.leg.paymentDates).toHaveLength(1);
    expect(settle(BULLET, '2025-07-15').accrued).toBe(0);
  });

  it('refuses a settlement before closing or after the last payment', () => {
    expect(() => settle(BULLET, '2025-01-14')).toThrow(EngineError);
    expect(() => settle(BULLET, '2026-01-15')).toThrow(/before the note’s last payment/);
  });
});

describe('price at yield and yield at price, settling 2025-04-15 (w = 91 of 181 actual days of the period left)', () => {
  // Semi-annual note: BEY 5% is 2.5% a period (BEY = 2 × ((1 + r)^(2/2) − 1) = 2r).
  // dirty = 2.5 / 1.025^w + 102.5 / 1.025^(1 + w) = 102.5 / 1.025^w, w = 91/181
  // (15 Apr → 15 Jul = 91 days; 15 Jan → 15 Jul = 181 days).
  const w = 91 / 181;
  const dirtyByHand = 102.5 / 1.025 ** w; // 101.23538…
  const cleanByHand = dirtyByHand - 1.25;

  it('bond-equivalent 5%: dirty 102.5 / 1.025^(91/181), clean = dirty − 1.25', () => {
    const py = notePriceYield(BULLET, '2025-04-15', 'bondEquivalent', { yield: 0.05 });
    expect(dirtyByHand).toBeCloseTo(101.2354, 4);
    expect(py.dirtyPrice).toBeCloseTo(dirtyByHand, 10);
    expect(py.cleanPrice).toBeCloseTo(cleanByHand, 10);
  });

  it('China interbank 5% (f = 2, d/TS = 91/181, two payments left: compounded) gives the same full price', () => {
    // PV = 2.5 / (1 + 5%/2)^(91/181) + 102.5 / (1 + 5%/2)^(91/181 + 1): the same numbers as above.
    const py = notePriceYield(BULLET, '2025-04-15', 'chinaInterbank', { yield: 0.05 });
    expect(py.dirtyPrice).toBeCloseTo(dirtyByHand, 10);
  });

  it('China interbank in the final period is simple interest: 15 Oct 2025, PV = 102.5 / (1 + y × 92/365)', () => {
    // D = 15 Oct 2025 → 15 Jan 2026 = 92 days; TY = 15 Jan 2025 → 15 Jan 2026 = 365 days. Accrued 30/360 90 days = 1.25.
    const py = notePriceYield(BULLET, '2025-10-15', 'chinaInterbank', { yield: 0.05 });
    expect(py.dirtyPrice).toBeCloseTo(102.5 / (1 + (0.05 * 92) / 365), 10);
    expect(py.cleanPrice).toBeCloseTo(102.5 / (1 + (0.05 * 92) / 365) - 1.25, 10);
  });

  it('annual effective 5%: each payment discounted by 1.05^(ACT/365 years from settlement): 91 and 275 days', () => {
    const py = notePriceYield(BULLET, '2025-04-15', 'annualEffective', { yield: 0.05 });
    expect(py.dirtyPrice).toBeCloseTo(2.5 / 1.05 ** (91 / 365) + 102.5 / 1.05 ** (275 / 365), 10);
  });

  it('mortgage-equivalent: MEY y ↔ r = (1 + y/12)^(12/2) − 1 a period', () => {
    const r = (1 + 0.05 / 12) ** 6 - 1;
    const py = notePriceYield(BULLET, '2025-04-15', 'mortgageEquivalent', { yield: 0.05 });
    expect(py.dirtyPrice).toBeCloseTo(2.5 / (1 + r) ** w + 102.5 / (1 + r) ** (1 + w), 10);
  });

  it('round trip: the yield at the clean price found is the yield given, in every convention', () => {
    for (const convention of ['annualEffective', 'bondEquivalent', 'mortgageEquivalent', 'chinaInterbank'] as const) {
      const priced = notePriceYield(BULLET, '2025-04-15', convention, { yield: 0.0437 });
      const back = notePriceYield(BULLET, '2025-04-15', convention, { cleanPrice: priced.cleanPrice });
      expect(back.yield).toBeCloseTo(0.0437, 10);
      expect(back.dirtyPrice).toBeCloseTo(priced.dirtyPrice, 10);
    }
  });

  it('at par on a coupon date the BEY of a semi-annual 5% note is 5%', () => {
    // Settling at closing: w = 1, 2.5/1.025 + 102.5/1.025² = 100.
    const py = notePriceYield(BULLET, '2025-01-15', 'bondEquivalent', { cleanPrice: 100 });
    expect(py.yield).toBeCloseTo(0.05, 12);
    expect(py.settlement.accrued).toBe(0);
  });
});
