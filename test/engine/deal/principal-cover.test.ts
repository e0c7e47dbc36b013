import { describe, expect, it } from 'vitest';
import { dealIssues, runDeal, type Deal } from '../../../engine/index.ts';
import { DATES, note, poolOf } from './helpers.ts';

// Separate income (收入) and principal (本金) accounts with cross-funding both ways, numbers by hand.
// A 800,000 at 6% 30/360 (a month accrues 0.5%); B 200,000 subordinate, no coupon; a fixed 1,000 fee.
// Income waterfall: fee → A interest → repay the principal-cover ledger → PDL cure (defaults);
// what is left turbos into principal. Principal waterfall: principal due sequential → turbo → residual to B.
const separate = {
  interest: [{ kind: 'fee', fee: 'trustee' }, { kind: 'interest', notes: ['A'] }, { kind: 'repayPrincipalCover' }, { kind: 'pdlCure' }],
  principal: [{ kind: 'principal', rule: 'sequential' }, { kind: 'turbo' }, { kind: 'residual', to: 'B' }],
  principalCovers: { fees: ['trustee'], notes: ['A'] },
} as const satisfies Deal['waterfall'];
const deal: Deal = {
  dates: DATES,
  notes: [note('A', 1, 800_000, 0.06), note('B', 2, 200_000, null)],
  fees: [{ id: 'trustee', basis: { type: 'fixed', amount: 1000 } }],
  lossAllocation: 'pdl',
  waterfall: separate,
};

const result = runDeal(
  deal,
  poolOf(1_000_000, [
    { beginningBalance: 1_000_000, interest: 2_000, scheduledPrincipal: 50_000, endingBalance: 950_000 },
    { beginningBalance: 950_000, interest: 14_000, scheduledPrincipal: 50_000, defaults: 5_000, endingBalance: 895_000 },
    { beginningBalance: 895_000, interest: 8_950, scheduledPrincipal: 895_000, endingBalance: 0 },
  ]),
);
const [p1, p2, p3] = result.periods;

describe('principal covers income shortfalls (本金账户补足), repaid later from income (收入账户偿还)', () => {
  it('period 1: principal covers 3,000 of A’s interest, debited to the ledger; 47,000 principal left for A', () => {
    // Income 2,000: fee 1,000; A's interest 800,000 × 0.5% = 4,000, only 1,000 left → 3,000 from principal.
    // Principal pot 50,000 − 3,000 = 47,000 to A (due 50,000, short by the cover).
    expect(p1?.fees[0]).toMatchObject({ due: 1000, paid: 1000, unpaid: 0 });
    expect(p1?.notes[0]).toMatchObject({ interestDue: 4000, interestPaid: 4000, interestShortfall: 0, principalPaid: 47_000, endingBalance: 753_000 });
    expect(p1?.principalCover).toEqual({ drawn: 3000, repaid: 0, ledger: 3000 });
    expect(p1?.notes[1]).toMatchObject({ principalPaid: 0, residualPaid: 0, endingBalance: 200_000 });
  });

  it('period 2: income repays the 3,000, replenishes the 5,000 of defaults, and turbos the excess into principal', () => {
    // Income 14,000: fee 1,000; A 753,000 × 0.5% = 3,765; ledger 3,000 repaid; PDL cure 5,000;
    // left 14,000 − 1,000 − 3,765 − 3,000 − 5,000 = 1,235.
    // Principal pot 50,000 + 3,000 + 5,000 + 1,235 = 59,235. Principal due 50,000 + 3,000 + 5,000 = 58,000
    // to A; the turbo pays the 1,235 to A too. A: 753,000 − 59,235 = 693,765.
    expect(p2?.principalCover).toEqual({ drawn: 0, repaid: 3000, ledger: 0 });
    expect(p2?.pdlCured).toBe(5000);
    expect(p2?.notes[0]).toMatchObject({ interestPaid: 3765, principalPaid: 59_235, endingBalance: 693_765, pdlBalance: 0 });
    expect(result.stepPaths.indexOf('waterfall.principal[1]')).toBeGreaterThan(-1);
    expect(p2?.steps[result.stepPaths.indexOf('waterfall.principal[0]')]).toBe(58_000);
    expect(p2?.steps[result.stepPaths.indexOf('waterfall.principal[1]')]).toBe(1235);
  });

  it('final period: every note repaid, the excess to B as residual; the ledger stays clear', () => {
    // A interest 693,765 × 0.5% = 3,468.825 → 3,468.83 (half-up). Income 8,950 − 1,000 − 3,468.83 = 4,481.17 to principal.
    // Principal pot 895,000 + 4,481.17 = 899,481.17: A 693,765, B 200,000, residual 5,716.17 to B.
    expect(p3?.notes[0]).toMatchObject({ interestPaid: 3468.83, principalPaid: 693_765, endingBalance: 0 });
    expect(p3?.notes[1]).toMatchObject({ principalPaid: 200_000, residualPaid: 5716.17, endingBalance: 0 });
    expect(p3?.principalCover).toEqual({ drawn: 0, repaid: 0, ledger: 0 });
  });

  it('covers only the named items, and never more than the principal funds', () => {
    // Same period 1 but the fee is not covered and the pool collects only 2,500 principal:
    // income 2,000 → fee 1,000, A 1,000 paid; A's 3,000 shortfall covered up to the 2,500 of principal;
    // 500 of A's interest stays unpaid and carries.
    const narrow: Deal = { ...deal, waterfall: { ...separate, principalCovers: { notes: ['A'] } } };
    const one = runDeal(
      narrow,
      poolOf(1_000_000, [
        { beginningBalance: 1_000_000, interest: 2_000, scheduledPrincipal: 2_500, endingBalance: 997_500 },
        { beginningBalance: 997_500, interest: 0, scheduledPrincipal: 997_500, endingBalance: 0 },
      ]),
    ).periods[0];
    expect(one?.principalCover).toEqual({ drawn: 2500, repaid: 0, ledger: 2500 });
    expect(one?.notes[0]).toMatchObject({ interestPaid: 3500, interestShortfall: 500, principalPaid: 0 });
  });
});

describe('principal-cover rules', () => {
  it('a repayment step belongs in the interest waterfall of a deal that names principalCovers', () => {
    const misplaced = { ...deal, waterfall: { ...separate, principal: [{ kind: 'repayPrincipalCover' }, ...separate.principal] } };
    expect(dealIssues(misplaced).map((i) => `${i.path}: ${i.rule}`)).toContain(
      'waterfall.principal[0]: a principal-cover repayment moves interest funds to the principal pot: it belongs in the interest waterfall',
    );
    const withoutCovers = { interest: separate.interest, principal: separate.principal };
    expect(dealIssues({ ...deal, waterfall: withoutCovers }).map((i) => `${i.path}: ${i.rule}`)).toContain(
      'waterfall.interest[2]: a principal-cover repayment needs waterfall.principalCovers (what the principal funds cover)',
    );
    expect(dealIssues({ ...deal, waterfall: { ...separate, principalCovers: { fees: ['nope'] } } }).map((i) => `${i.path}: ${i.rule}`)).toContain(
      "waterfall.principalCovers.fees[0]: unknown fee 'nope'",
    );
  });
});
