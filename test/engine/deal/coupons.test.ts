import { describe, expect, it } from 'vitest';
import { runDeal, type Deal, type PoolPeriodFlows } from '../../../engine/index.ts';
import { poolOf } from './helpers.ts';

// Quarterly payments: each period collects three pool months; accrual between payment dates (from
// closing for the first) by each note's day count; floating coupon = index of the period (last held
// flat) + margin, floored and capped. Interest = balance × rate × days / basis, half-up to cents.

const deal: Deal = {
  dates: { cutoff: '2026-01-01', closing: '2026-01-15', firstPaymentDate: '2026-04-26', legalFinalMaturity: '2030-01-01', paymentFrequencyMonths: 3 },
  notes: [
    { id: 'F', seniority: 1, originalBalance: 1_000_000, dayCount: 'ACT/360', coupon: { type: 'floating', index: [0.02, 0.035, 0.01], margin: 0.01, floor: 0.025, cap: 0.04 } },
    { id: 'X', seniority: 2, originalBalance: 500_000, dayCount: 'ACT/365', coupon: { type: 'fixed', rate: 0.05 } },
  ],
  waterfall: {
    combined: [
      { kind: 'interest', notes: ['F', 'X'] },
      { kind: 'principal', rule: 'sequential' },
      { kind: 'residual', to: 'seller' },
    ],
  },
};

const rows: Partial<PoolPeriodFlows>[] = [];
let balance = 1_500_000;
for (let m = 1; m <= 12; m++) {
  const scheduled = m === 12 ? balance : 10_000;
  rows.push({ beginningBalance: balance, interest: 10_000, scheduledPrincipal: scheduled, endingBalance: balance - scheduled });
  balance -= scheduled;
}

describe('coupons, day counts and quarterly collection periods', () => {
  const result = runDeal(deal, poolOf(1_500_000, rows));
  const [p1, p2, p3, p4] = result.periods;

  it('sums three pool months per quarterly period', () => {
    expect(result.periods.map((p) => p.paymentDate)).toEqual(['2026-04-26', '2026-07-26', '2026-10-26', '2027-01-26']);
    expect(p1?.availableFunds).toEqual({ interest: 30_000, principal: 30_000, principalCarried: 0 });
    expect(p1?.pool).toMatchObject({ beginningBalance: 1_500_000, endingBalance: 1_470_000 });
  });

  it('period 1: 101 days from closing (Jan 15 → Apr 26)', () => {
    // F: 0.02 + 0.01 = 3 % → 1,000,000 × 0.03 × 101/360 = 8,416.666… → 8,416.67
    // X: 500,000 × 0.05 × 101/365 = 6,917.808… → 6,917.81
    expect(p1?.notes.map((n) => [n.couponRate, n.interestDue])).toEqual([
      [0.03, 8416.67],
      [0.05, 6917.81],
    ]);
  });

  it('period 2: the cap binds (91 days)', () => {
    // F: min(4.5 %, 4 %) on 970,000 × 91/360 = 9,807.777… → 9,807.78; X: 500,000 × 0.05 × 91/365 = 6,232.876… → 6,232.88
    expect(p2?.notes.map((n) => [n.couponRate, n.interestDue])).toEqual([
      [0.04, 9807.78],
      [0.05, 6232.88],
    ]);
  });

  it('period 3: the floor binds (92 days); period 4 holds the last fixing flat', () => {
    // F: max(2 %, 2.5 %) on 940,000 × 92/360 = 6,005.555… → 6,005.56
    expect(p3?.notes[0]).toMatchObject({ couponRate: 0.025, interestDue: 6005.56 });
    expect(p4?.notes[0]?.couponRate).toBe(0.025);
  });
});
