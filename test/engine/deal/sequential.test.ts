import { describe, expect, it } from 'vitest';
import { runDeal, type Deal } from '../../../engine/index.ts';
import { DATES, note, poolOf } from './helpers.ts';

// A two-note sequential deal over a four-month pool, every number computed by hand below.
// Conventions checked: 30/360 accrual (each monthly period = 30/360 = 1/12 year, the first from
// closing 2026-01-01 to 2026-02-01); interest = balance × rate × days / 360 rounded half-up to cents;
// separate waterfalls, the interest pot's remainder moving to the principal pot; principal due =
// scheduled + prepaid principal, raised in write-down mode to the notes' excess over the collateral
// (pool ending balance + reserve) so that excess spread covers losses before the residual;
// write-down = notes − collateral, most junior first, reimbursed (as principal) before any residual;
// final period (pool horizon) pays every balance.
const deal: Deal = {
  dates: DATES,
  notes: [note('B', 2, 200_000, 0.12), note('A', 1, 800_000, 0.06)], // listed out of order on purpose
  fees: [
    { id: 'trustee', basis: { type: 'fixed', amount: 1_000 } },
    { id: 'servicer', basis: { type: 'poolBalance', rateAnnual: 0.01, dayCount: '30/360' } },
  ],
  waterfall: {
    interest: [
      { kind: 'fee', fee: 'trustee' },
      { kind: 'fee', fee: 'servicer' },
      { kind: 'interest', notes: ['A'] },
      { kind: 'interest', notes: ['B'] },
    ],
    principal: [
      { kind: 'principal', rule: 'sequential', notes: ['A', 'B'] },
      { kind: 'residual', to: 'seller' },
    ],
  },
};

const pool = (): ReturnType<typeof poolOf> =>
  poolOf(1_000_000, [
    { beginningBalance: 1_000_000, interest: 10_000, scheduledPrincipal: 50_000, prepayments: 20_000, endingBalance: 930_000 },
    { beginningBalance: 930_000, interest: 9_300, scheduledPrincipal: 50_000, prepayments: 10_000, defaults: 5_000, losses: 3_000, endingBalance: 865_000 },
    { beginningBalance: 865_000, interest: 8_650, scheduledPrincipal: 50_000, recoveries: 2_000, endingBalance: 815_000 },
    { beginningBalance: 815_000, interest: 8_150, scheduledPrincipal: 815_000, endingBalance: 0 },
  ]);

describe('two-note sequential deal, by hand', () => {
  const result = runDeal(deal, pool());
  const [p1, p2, p3, p4] = result.periods;
  const noteRow = (row: typeof p1, id: string) => row?.notes.find((n) => n.id === id);

  it('runs to the pool horizon, the last period final', () => {
    expect(result.periods.map((r) => r.paymentDate)).toEqual(['2026-02-01', '2026-03-01', '2026-04-01', '2026-05-01']);
    expect(result.periods.map((r) => r.final)).toEqual([false, false, false, true]);
    expect(p1?.notes.map((n) => n.id)).toEqual(['B', 'A']); // result keeps the deal's note order
  });

  it('period 1: fees 1,000 + 833.33; A 4,000, B 2,000; principal 70,000 to A; 2,166.67 to the seller', () => {
    // servicer = 1,000,000 × 1 % × 30/360 = 833.333… → 833.33; interest pot 10,000 − 1,000 − 833.33 − 4,000 − 2,000 = 2,166.67
    expect(p1?.fees).toEqual([
      { id: 'trustee', due: 1000, paid: 1000, unpaid: 0 },
      { id: 'servicer', due: 833.33, paid: 833.33, unpaid: 0 },
    ]);
    expect(noteRow(p1, 'A')).toMatchObject({ beginningBalance: 800_000, interestDue: 4000, interestPaid: 4000, principalPaid: 70_000, writeDown: 0, endingBalance: 730_000 });
    expect(noteRow(p1, 'B')).toMatchObject({ beginningBalance: 200_000, interestDue: 2000, interestPaid: 2000, principalPaid: 0, endingBalance: 200_000 });
    expect(p1?.residualToSeller).toBe(2166.67);
    expect(p1?.excessSpread).toBe(2166.67);
    // liquidity coverage = 10,000 / (1,000 + 833.33 + 4,000)
    expect(p1?.liquidityCoverage).toBeCloseTo(10_000 / 5833.33, 12);
    expect(p1?.seniorDue).toBe(5833.33); // the coverage ratios' denominator, in cents
    expect(p1?.availableFunds).toEqual({ interest: 10_000, principal: 70_000, principalCarried: 0 });
  });

  it('period 2: defaults of 5,000 leave the notes 5,000 over the pool: excess spread pays 1,875 of it, B is written down 3,125', () => {
    // servicer 930,000 × 1 %/12 = 775; A 730,000 × 0.5 % = 3,650; pot 9,300 − 1,000 − 775 − 3,650 − 2,000 = 1,875
    // principal due = max(60,000, notes 930,000 − pool 865,000 = 65,000) = 65,000; pot 60,000 + 1,875 → A 61,875;
    // notes 868,125 − pool 865,000 = 3,125 written off B; nothing to the seller.
    expect(p2?.fees.map((f) => f.paid)).toEqual([1000, 775]);
    expect(noteRow(p2, 'A')).toMatchObject({ interestPaid: 3650, principalPaid: 61_875, endingBalance: 668_125 });
    expect(noteRow(p2, 'B')).toMatchObject({ interestPaid: 2000, principalPaid: 0, writeDown: 3125, endingBalance: 196_875 });
    expect(p2?.residualToSeller).toBe(0);
    expect(result.cumulativeDefaultRate[1]).toBe(0.005);
    expect(result.cumulativeNetLoss).toEqual([0, 3000, 3000, 3000]);
  });

  it("period 3: recoveries are interest-pot revenue; B accrues on its written-down balance; the residual first reimburses B's write-down", () => {
    // servicer 865,000/1,200 = 720.833… → 720.83; A 668,125 × 0.5 % = 3,340.625 → 3,340.63; B 196,875 × 1 % = 1,968.75;
    // pot 8,650 + 2,000 − 1,000 − 720.83 − 3,340.63 − 1,968.75 = 3,619.79; principal due max(50,000, 865,000 − 815,000) = 50,000
    expect(p3?.availableFunds.interest).toBe(10_650);
    expect(p3?.fees.map((f) => f.paid)).toEqual([1000, 720.83]);
    expect(noteRow(p3, 'A')).toMatchObject({ interestPaid: 3340.63, principalPaid: 50_000, endingBalance: 618_125 });
    // the residual 3,619.79 first reimburses B's 3,125 written down in period 2 (paid as principal; the balance
    // is not written back up), the seller gets 494.79.
    expect(noteRow(p3, 'B')).toMatchObject({ interestDue: 1968.75, interestPaid: 1968.75, principalPaid: 3125, writeDown: 0, writeDownReimbursed: 3125, endingBalance: 196_875 });
    expect(p3?.residualToSeller).toBe(494.79);
  });

  it('period 4 (final): every balance is paid off sequentially', () => {
    // servicer 815,000/1,200 = 679.166… → 679.17; A 618,125 × 0.5 % = 3,090.625 → 3,090.63; B 1,968.75;
    // pot 8,150 − 1,000 − 679.17 − 3,090.63 − 1,968.75 = 1,411.45
    expect(p4?.fees.map((f) => f.paid)).toEqual([1000, 679.17]);
    expect(noteRow(p4, 'A')).toMatchObject({ interestPaid: 3090.63, principalPaid: 618_125, endingBalance: 0 });
    expect(noteRow(p4, 'B')).toMatchObject({ interestPaid: 1968.75, principalPaid: 196_875, endingBalance: 0 });
    expect(p4?.residualToSeller).toBe(1411.45);
  });

  it('exposes each note leg for analytics', () => {
    const legA = result.legs.find((l) => l.id === 'A');
    expect(legA?.principal).toEqual([70_000, 61_875, 50_000, 618_125]);
    expect(legA?.interest).toEqual([4000, 3650, 3340.63, 3090.63]);
    expect(legA?.balance).toEqual([730_000, 668_125, 618_125, 0]);
    const legB = result.legs.find((l) => l.id === 'B');
    // the leg's write-down column is net of reimbursements, earliest first
    expect(legB?.writeDown).toEqual([0, 0, 0, 0]);
    expect(legB?.principal).toEqual([0, 0, 3125, 196_875]);
    expect(legB?.dates).toEqual(['2026-02-01', '2026-03-01', '2026-04-01', '2026-05-01']);
  });

  it('records the amount each step paid', () => {
    expect(result.stepPaths.slice(0, 6)).toEqual([
      'waterfall.interest[0]',
      'waterfall.interest[1]',
      'waterfall.interest[2]',
      'waterfall.interest[3]',
      'waterfall.principal[0]',
      'waterfall.principal[1]',
    ]);
    expect(p1?.steps.slice(0, 6)).toEqual([1000, 833.33, 4000, 2000, 70_000, 2166.67]);
  });
});
