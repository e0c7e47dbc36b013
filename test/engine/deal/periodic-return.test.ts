import { describe, expect, it } from 'vitest';
import { dealIssues, runDeal, type Deal } from '../../../engine/index.ts';
import { DATES, note, poolOf } from './helpers.ts';

// A capped, non-cumulative periodic return (期间收益) to the subordinate class while the senior class is
// outstanding (和享 2017-5: up to 2% a year, never made good later), worked by hand.
// A 800,000 at 6% 30/360 (0.5% a month); B 200,000 subordinate, no coupon, 2% ACT/365 periodic return.
// Accrual periods: 2026-01-01 → 02-01 (31 days), → 03-01 (28 days), → 04-01 (31 days).
const deal: Deal = {
  dates: DATES,
  notes: [note('A', 1, 800_000, 0.06), note('B', 2, 200_000, null)],
  waterfall: {
    interest: [
      { kind: 'interest', notes: ['A'] },
      { kind: 'periodicReturn', note: 'B', rateAnnual: 0.02, whileOutstanding: ['A'] },
    ],
    principal: [
      { kind: 'principal', rule: 'sequential' },
      { kind: 'residual', to: 'B' },
    ],
  },
};

describe('periodic return to the subordinate class (期间收益)', () => {
  const result = runDeal(
    deal,
    poolOf(1_000_000, [
      { beginningBalance: 1_000_000, interest: 6_000, scheduledPrincipal: 100_000, endingBalance: 900_000 },
      { beginningBalance: 900_000, interest: 3_600, scheduledPrincipal: 700_000, endingBalance: 200_000 },
      { beginningBalance: 200_000, interest: 5_000, scheduledPrincipal: 200_000, endingBalance: 0 },
    ]),
  );
  const [p1, p2, p3] = result.periods;

  it('period 1: the full 2% × 31/365 on B, paid after A’s interest', () => {
    // A 4,000. B 200,000 × 0.02 × 31 ÷ 365 = 339.726… → 339.73. Income left 6,000 − 4,000 − 339.73 = 1,660.27
    // joins principal: A the 100,000 principal due, B the 1,660.27 residual.
    expect(p1?.notes[1]).toMatchObject({ periodicReturnPaid: 339.73, residualPaid: 1660.27, interestPaid: 0 });
    expect(p1?.notes[0]).toMatchObject({ interestPaid: 4000, principalPaid: 100_000, periodicReturnPaid: 0 });
  });

  it('period 2: capped by the funds; the 206.85 unpaid is not carried', () => {
    // A 700,000 × 0.5% = 3,500; left 100 of the 200,000 × 0.02 × 28 ÷ 365 = 306.849… → 306.85 return.
    expect(p2?.notes[1]).toMatchObject({ periodicReturnPaid: 100, residualPaid: 0 });
    expect(p2?.notes[0]).toMatchObject({ principalPaid: 700_000, endingBalance: 0 });
  });

  it('period 3: A was repaid, so no return even with funds left, and nothing of period 2 made good', () => {
    // A's balance at the start of the period is 0: the 5,000 of income all goes to B as residual.
    expect(p3?.notes[1]).toMatchObject({ periodicReturnPaid: 0, principalPaid: 200_000, residualPaid: 5000 });
  });

  it('B’s cash-flow leg counts the periodic return as its interest', () => {
    expect(result.legs[1]?.interest).toEqual([339.73, 100, 0]);
  });

  it('names only notes the deal has', () => {
    const bad = { ...deal, waterfall: { ...deal.waterfall, interest: [{ kind: 'periodicReturn', note: 'Z', rateAnnual: 0.02, whileOutstanding: ['Y'] }] } };
    expect(dealIssues(bad).map((i) => `${i.path}: ${i.rule}`)).toEqual(
      expect.arrayContaining(["waterfall.interest[0].note: unknown note 'Z'", "waterfall.interest[0].whileOutstanding[0]: unknown note 'Y'"]),
    );
  });
});
