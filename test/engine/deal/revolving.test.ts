import { describe, expect, it } from 'vitest';
import { poolColumns, poolLedger, runDeal, type Deal } from '../../../engine/index.ts';
import { DATES, note, poolOf } from './helpers.ts';

// Revolving purchases and the clean-up call, numbers by hand (30/360: a month = 1/12 year).

const base = poolColumns(1_000_000, [
  { beginningBalance: 1_000_000, interest: 10_000, scheduledPrincipal: 100_000, endingBalance: 900_000 },
  { beginningBalance: 900_000, interest: 9_000, scheduledPrincipal: 100_000, endingBalance: 800_000 },
  { beginningBalance: 800_000, interest: 8_000, scheduledPrincipal: 100_000, endingBalance: 700_000 },
  { beginningBalance: 700_000, interest: 7_000, scheduledPrincipal: 700_000, endingBalance: 0 },
]);
// One yuan of the purchase profile: 1 % interest a month, repaid in two halves.
const unit = poolColumns(1, [
  { beginningBalance: 1, interest: 0.01, scheduledPrincipal: 0.5, endingBalance: 0.5 },
  { beginningBalance: 0.5, interest: 0.005, scheduledPrincipal: 0.5, endingBalance: 0 },
]);

const revolvingDeal = (extra: Partial<Deal> = {}): Deal => ({
  dates: DATES,
  notes: [note('A', 1, 900_000, 0.06), note('E', 2, 100_000, null)],
  revolving: { periods: 2 },
  waterfall: {
    combined: [
      { kind: 'interest', notes: ['A'] },
      { kind: 'principal', rule: 'sequential' },
      { kind: 'residual', to: 'seller' },
    ],
  },
  ...extra,
});

describe('revolving period', () => {
  it('buys loans with principal collections, then amortises', () => {
    const result = runDeal(
      revolvingDeal(),
      poolLedger(base, () => unit),
    );
    const [p1, p2, p3, p4] = result.periods;
    // P1: A interest 900,000 × 0.5 % = 4,500; the 100,000 of principal buys loans; 5,500 to the seller.
    expect(p1).toMatchObject({ revolving: true, residualToSeller: 5500 });
    expect(p1?.pool.purchasesCash).toBe(100_000);
    expect(p1?.notes[0]?.principalPaid).toBe(0);
    // P2: month 2 + the 100,000 bought: interest 9,000 + 1,000; principal 100,000 + 50,000 → bought; pool 850,000 + 150,000 bought.
    expect(p2?.pool).toMatchObject({ beginningBalance: 1_000_000, interest: 10_000, scheduledPrincipal: 150_000, endingBalance: 850_000, purchasesCash: 150_000 });
    // P3: interest 8,000 + 500 + 1,500; principal 100,000 + 50,000 + 75,000 = 225,000 to A.
    expect(p3?.revolving).toBe(false);
    expect(p3?.pool).toMatchObject({ beginningBalance: 1_000_000, interest: 10_000, scheduledPrincipal: 225_000, endingBalance: 775_000, purchasesCash: 0 });
    expect(p3?.notes[0]).toMatchObject({ interestPaid: 4500, principalPaid: 225_000, endingBalance: 675_000, writeDown: 0 });
    // P4 (final): interest 7,000 + 750; A 3,375 interest; A 675,000 and E 100,000 repaid; 4,375 to the seller.
    expect(p4?.pool).toMatchObject({ beginningBalance: 775_000, interest: 7750, scheduledPrincipal: 775_000, endingBalance: 0 });
    expect(p4?.notes.map((n) => n.principalPaid)).toEqual([675_000, 100_000]);
    expect(p4?.residualToSeller).toBe(4375);
    expect(result.revolvingEnd).toEqual({ period: 3, paymentDate: '2026-04-01', reason: 'scheduled' });
    // Cumulative default rate is over cutoff + principal purchased (none defaulted here).
    expect(result.cumulativeDefaultRate).toEqual([0, 0, 0, 0]);
  });

  it('ends early when an early-amortisation trigger breaches', () => {
    const deal = revolvingDeal({ triggers: [{ id: 'factor', metric: 'poolFactor', breachedWhen: '<', threshold: 0.88, effects: ['endRevolving'] }] });
    const result = runDeal(
      deal,
      poolLedger(base, () => unit),
    );
    // Pool factor 0.9 after P1 (revolves), 0.85 after P2: revolving ends on payment date 2.
    expect(result.revolvingEnd).toEqual({ period: 2, paymentDate: '2026-03-01', reason: 'trigger', trigger: 'factor' });
    expect(result.periods.map((p) => p.pool.purchasesCash)).toEqual([100_000, 0, 0, 0]);
    expect(result.periods[1]?.notes[0]?.principalPaid).toBe(150_000);
  });

  it('spends the stated share of the residual on loans too', () => {
    const result = runDeal(
      revolvingDeal({ revolving: { periods: 1, excessSpreadShare: 0.5 } }),
      poolLedger(base, () => unit),
    );
    // P1 residual 5,500: half (2,750) buys loans with the 100,000 of principal.
    expect(result.periods[0]?.pool.purchasesCash).toBe(102_750);
    expect(result.periods[0]?.residualToSeller).toBe(2750);
  });
});

describe('clean-up call', () => {
  it('sells the pool at par of its performing balance once the pool factor falls to the threshold and the sale repays the notes', () => {
    const deal: Deal = {
      dates: DATES,
      notes: [note('A', 1, 800_000, 0), note('B', 2, 200_000, 0)],
      cleanUpCall: { poolFactor: 0.5 },
      waterfall: {
        combined: [
          { kind: 'principal', rule: 'sequential' },
          { kind: 'residual', to: 'seller' },
        ],
      },
    };
    const result = runDeal(
      deal,
      poolOf(1_000_000, [
        { beginningBalance: 1_000_000, scheduledPrincipal: 200_000, endingBalance: 800_000 },
        { beginningBalance: 800_000, scheduledPrincipal: 200_000, endingBalance: 600_000 },
        { beginningBalance: 600_000, scheduledPrincipal: 150_000, endingBalance: 450_000, delinquent60Plus: 50_000 },
        { beginningBalance: 450_000, scheduledPrincipal: 150_000, endingBalance: 300_000 },
      ]),
    );
    // P3: factor 0.45 ≤ 0.5, but proceeds 450,000 − 50,000 (61+ delinquent) = 400,000 + 150,000 collected
    // = 550,000 < notes 600,000: the call would short B, so it waits. P3 pays A 150,000 (A 250,000, B 200,000 left).
    // P4: factor 0.30; proceeds 300,000 + 150,000 collected = 450,000 = the notes: called, both paid in full.
    expect(result.periods[2]?.final).toBe(false);
    expect(result.cleanUpPeriod).toBe(4);
    expect(result.periods).toHaveLength(4);
    expect(result.periods[3]?.pool.cleanUpProceeds).toBe(300_000);
    expect(result.periods[3]?.final).toBe(true);
    expect(result.periods[3]?.notes.map((n) => [n.principalPaid, n.writeDown, n.endingBalance])).toEqual([
      [250_000, 0, 0],
      [200_000, 0, 0],
    ]);
  });

  it('legal final maturity ends the deal and writes off what is unpaid', () => {
    const deal: Deal = {
      dates: { ...DATES, legalFinalMaturity: '2026-03-15' },
      notes: [note('A', 1, 1_000_000, 0)],
      waterfall: {
        combined: [
          { kind: 'principal', rule: 'sequential' },
          { kind: 'residual', to: 'seller' },
        ],
      },
    };
    const result = runDeal(
      deal,
      poolOf(1_000_000, [
        { beginningBalance: 1_000_000, scheduledPrincipal: 100_000, endingBalance: 900_000 },
        { beginningBalance: 900_000, scheduledPrincipal: 100_000, endingBalance: 800_000 },
        { beginningBalance: 800_000, scheduledPrincipal: 100_000, endingBalance: 700_000 },
      ]),
    );
    // Payment dates 2026-02-01 and 2026-03-01 fall on or before 2026-03-15: period 2 is final.
    expect(result.periods).toHaveLength(2);
    expect(result.periods[1]?.notes[0]).toMatchObject({ principalPaid: 100_000, writeDown: 800_000, endingBalance: 0 });
  });
});
