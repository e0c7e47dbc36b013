import { describe, expect, it } from 'vitest';
import { runDeal, type Deal } from '../../../engine/index.ts';
import { DATES, note, poolOf } from './helpers.ts';

// An event of default (违约事件) on the most senior class's unpaid interest, and the post-default waterfall that
// merges the income and principal accounts and pays class by class, interest then principal (和享 2017-5
// event of default (b), p. 116; post-default priority, pp. 31–32), worked by hand.
// A 800,000 at 6% 30/360 (0.5% a month); B 200,000 subordinate, no coupon; a senior 500 fee.
// Accrual periods from 2026-01-01: 31, 28 and 31 days (90 days in all).
const deal: Deal = {
  dates: DATES,
  notes: [note('A', 1, 800_000, 0.06), note('B', 2, 200_000, null)],
  fees: [{ id: 'base', basis: { type: 'fixed', amount: 500 } }],
  triggers: [{ id: 'eod', name: 'Class A interest unpaid', metric: 'interestShortfall', notes: ['A'], breachedWhen: '>', threshold: 0, effects: ['accelerate'] }],
  waterfall: {
    interest: [
      { kind: 'fee', fee: 'base' },
      { kind: 'interest', notes: ['A'] },
    ],
    principal: [
      { kind: 'principal', rule: 'sequential' },
      { kind: 'excessServicing', note: 'B', tiers: [{ hurdleRate: 0.12, noteShare: 1 }] },
      { kind: 'residual', to: 'seller' },
    ],
  },
};

describe('event of default → post-default waterfall (违约事件)', () => {
  const result = runDeal(
    deal,
    poolOf(1_000_000, [
      { beginningBalance: 1_000_000, interest: 2_000, scheduledPrincipal: 50_000, endingBalance: 950_000 },
      { beginningBalance: 950_000, interest: 6_000, scheduledPrincipal: 50_000, endingBalance: 900_000 },
      { beginningBalance: 900_000, interest: 5_000, scheduledPrincipal: 900_000, endingBalance: 0 },
    ]),
  );
  const [p1, p2, p3] = result.periods;

  it('period 1: income pays the fee and 1,500 of A’s 4,000; the 2,500 is unpaid on the payment date', () => {
    expect(p1?.accelerated).toBe(false);
    expect(p1?.notes[0]).toMatchObject({ interestPaid: 1500, interestShortfall: 2500, principalPaid: 50_000, endingBalance: 750_000 });
  });

  it('period 2: the default is seen, the accounts merge: fee, A’s interest with its arrears, then A’s principal', () => {
    // One pot 6,000 + 50,000 = 56,000: fee 500; A 750,000 × 0.5% + 2,500 = 6,250; A principal the rest 49,250.
    expect(p2?.triggers[0]).toMatchObject({ value: 2500, breached: true });
    expect(p2?.accelerated).toBe(true);
    expect(p2?.notes[0]).toMatchObject({ interestPaid: 6250, principalPaid: 49_250, endingBalance: 700_750 });
    expect(p2?.notes[1]).toMatchObject({ principalPaid: 0 });
  });

  it('final period: class by class to B’s principal, the last 246.25 through the excess servicing split', () => {
    // Pot 905,000: fee 500; A interest 700,750 × 0.5% = 3,503.75; A 700,750; B 200,000; 246.25 left.
    // B's 12% cost 200,000 × 90 days × 0.12 / 365 = 5,917.81 > 0 received, so the split pays B all 246.25.
    expect(p3?.accelerated).toBe(true);
    expect(p3?.notes[0]).toMatchObject({ interestPaid: 3503.75, principalPaid: 700_750, endingBalance: 0 });
    expect(p3?.notes[1]).toMatchObject({ principalPaid: 200_000, residualPaid: 246.25, endingBalance: 0 });
    expect(p3?.excessServicing).toBe(0);
    expect(p3?.residualToSeller).toBe(0);
  });
});
