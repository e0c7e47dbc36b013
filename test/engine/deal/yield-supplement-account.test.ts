import { describe, expect, it } from 'vitest';
import { runDeal, type Deal } from '../../../engine/index.ts';
import { amortizingRows, DATES, note, poolOf } from './helpers.ts';

// The yield supplement account: cash deposited at closing that tops up the interest of low-APR
// receivables, withdrawn each payment date by the schedule's yield supplement amount (up to the
// balance) into available funds. Worked by hand: pool 1,000,000, 100,000 principal a month and only
// 0.2 % interest a month (a subvented pool); note A 950,000 at 6 % 30/360 (4,750 of interest in period 1);
// account 10,000, schedule 3,000 a period. Combined waterfall: A interest, principal = principal
// collected, residual to the seller.
//   P1: funds 2,000 + 3,000 + 100,000 = 105,000 → interest 4,750, principal 100,000, seller 250.
//   P2: A 850,000 → interest 4,250; funds 1,800 + 3,000 + 100,000 → principal 100,000, seller 550.
//   P3: the account has 4,000 → withdraws 3,000 (1,000 left): 1,600 + 3,000 + 100,000; interest 3,750 → seller 850.
// Without the account period 1 has 102,000: interest 4,750 and only 97,250 of principal.

const rows = amortizingRows(
  1_000_000,
  [1, 2, 3, 4].map(() => ({ scheduled: 100_000, interestRate: 0.002 })),
);

function deal(extra: Partial<Deal> = {}): Deal {
  return {
    dates: DATES,
    notes: [note('A', 1, 950_000, 0.06)],
    waterfall: {
      combined: [
        { kind: 'interest', notes: ['A'] },
        { kind: 'principal', rule: 'sequential' },
        { kind: 'residual', to: 'seller' },
      ],
    },
    ...extra,
  };
}

describe('yield supplement account', () => {
  it('tops up available funds by the schedule, up to the balance', () => {
    const result = runDeal(deal({ yieldSupplementAccount: { initialDeposit: 10_000, byPeriod: [3000, 3000, 3000, 3000] } }), poolOf(1_000_000, rows));
    expect(result.periods.slice(0, 4).map((p) => p.availableFunds.yieldSupplement)).toEqual([3000, 3000, 3000, 1000]);
    expect(result.periods.slice(0, 3).map((p) => p.notes[0]?.principalPaid)).toEqual([100_000, 100_000, 100_000]);
    expect(result.periods.slice(0, 3).map((p) => p.residualToSeller)).toEqual([250, 550, 850]);
  });

  it('without it the subvented pool falls short of interest plus principal', () => {
    const first = runDeal(deal(), poolOf(1_000_000, rows)).periods[0];
    expect(first?.availableFunds.yieldSupplement).toBeUndefined();
    expect(first?.notes[0]?.interestPaid).toBe(4750);
    expect(first?.notes[0]?.principalPaid).toBe(97_250);
  });
});
