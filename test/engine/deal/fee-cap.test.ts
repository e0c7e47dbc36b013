import { describe, expect, it } from 'vitest';
import { dealIssues, runDeal, type Deal, type Step } from '../../../engine/index.ts';
import { DATES, note, poolOf } from './helpers.ts';

// A cap on senior expenses per payment date (优先支出上限), the excess paid at a junior position, by hand.
// A 800,000 at 6% 30/360 (0.5% a month); B 200,000 subordinate, no coupon. Expenses accrue 1,500 a
// payment date, capped at 1,000 ahead of A's interest; the rest is paid after A's interest (beyondCap).
const principalSteps: Step[] = [
  { kind: 'principal', rule: 'sequential' },
  { kind: 'residual', to: 'B' },
];
const deal: Deal = {
  dates: DATES,
  notes: [note('A', 1, 800_000, 0.06), note('B', 2, 200_000, null)],
  fees: [{ id: 'expenses', basis: { type: 'fixed', amount: 1500 }, capPerPaymentDate: 1000 }],
  waterfall: {
    interest: [
      { kind: 'fee', fee: 'expenses' },
      { kind: 'interest', notes: ['A'] },
      { kind: 'fee', fee: 'expenses', beyondCap: true },
    ],
    principal: principalSteps,
  },
};

describe('expenses capped per payment date (优先支出上限)', () => {
  const result = runDeal(
    deal,
    poolOf(1_000_000, [
      { beginningBalance: 1_000_000, interest: 5_200, scheduledPrincipal: 10_000, endingBalance: 990_000 },
      { beginningBalance: 990_000, interest: 7_000, scheduledPrincipal: 10_000, endingBalance: 980_000 },
      { beginningBalance: 980_000, interest: 6_000, scheduledPrincipal: 980_000, endingBalance: 0 },
    ]),
  );
  const [p1, p2, p3] = result.periods;
  const paidAt = (period: typeof p1, path: string): number | undefined => period?.steps[result.stepPaths.indexOf(path)];

  it('period 1: 1,000 within the cap before A, 200 of the 500 excess after A, 300 carried', () => {
    // Income 5,200: capped step min(1,500, 1,000) = 1,000; A 4,000; left 200 for the 500 beyond the cap.
    expect(paidAt(p1, 'waterfall.interest[0]')).toBe(1000);
    expect(paidAt(p1, 'waterfall.interest[2]')).toBe(200);
    expect(p1?.fees[0]).toEqual({ id: 'expenses', due: 1500, paid: 1200, unpaid: 300 });
    expect(p1?.notes[0]).toMatchObject({ interestPaid: 4000, principalPaid: 10_000, endingBalance: 790_000 });
  });

  it('period 2: the carried 300 counts against the cap; the excess 800 is paid junior, 1,250 to principal then residual', () => {
    // Due 300 + 1,500 = 1,800: capped step 1,000; A 790,000 × 0.5% = 3,950; left 7,000 − 4,950 = 2,050;
    // beyond the cap 800. Income left 1,250 joins principal: A gets the 10,000 principal due, B the 1,250 residual.
    expect(paidAt(p2, 'waterfall.interest[0]')).toBe(1000);
    expect(paidAt(p2, 'waterfall.interest[2]')).toBe(800);
    expect(p2?.fees[0]).toEqual({ id: 'expenses', due: 1800, paid: 1800, unpaid: 0 });
    expect(p2?.notes[0]).toMatchObject({ interestPaid: 3950, principalPaid: 10_000, endingBalance: 780_000 });
    expect(p2?.notes[1]).toMatchObject({ residualPaid: 1250 });
  });

  it('final period reconciles: 1,000 + 3,900 + 500 from income, 600 left to principal', () => {
    // A 780,000 × 0.5% = 3,900. Principal pot 980,000 + 600: A 780,000, B 200,000, residual 600 to B.
    expect(p3?.fees[0]).toEqual({ id: 'expenses', due: 1500, paid: 1500, unpaid: 0 });
    expect(p3?.notes.map((n) => [n.principalPaid, n.residualPaid])).toEqual([
      [780_000, 0],
      [200_000, 600],
    ]);
  });

  it('the reserve covers only the part within the cap', () => {
    // Income 800: capped step pays 800, the reserve draws the 200 left of the cap (not the 500 beyond it);
    // A's 4,000 all from the reserve. Draws 4,200; the 500 beyond the cap stays unpaid.
    const covered: Deal = {
      ...deal,
      reserve: { initialDeposit: 10_000, target: { basis: 'initialNoteBalance', percent: 0.01 }, covers: { fees: ['expenses'], notes: ['A'] } },
    };
    const p = runDeal(
      covered,
      poolOf(1_000_000, [
        { beginningBalance: 1_000_000, interest: 800, scheduledPrincipal: 10_000, endingBalance: 990_000 },
        { beginningBalance: 990_000, interest: 20_000, scheduledPrincipal: 990_000, endingBalance: 0 },
      ]),
    ).periods[0];
    expect(p?.fees[0]).toEqual({ id: 'expenses', due: 1500, paid: 1000, unpaid: 500 });
    expect(p?.reserve).toMatchObject({ draws: 4200, endingBalance: 5800 });
  });

  it('a capped fee needs a beyondCap step, and a beyondCap step a capped fee', () => {
    const noJunior: Deal = {
      ...deal,
      waterfall: {
        interest: [
          { kind: 'fee', fee: 'expenses' },
          { kind: 'interest', notes: ['A'] },
        ],
        principal: principalSteps,
      },
    };
    expect(dealIssues(noJunior).map((i) => `${i.path}: ${i.rule}`)).toContain(
      "fees[0].capPerPaymentDate: a capped fee needs a step with beyondCap true that pays what is due beyond the cap (fee 'expenses')",
    );
    const uncapped: Deal = { ...deal, fees: [{ id: 'expenses', basis: { type: 'fixed', amount: 1500 } }] };
    expect(dealIssues(uncapped).map((i) => `${i.path}: ${i.rule}`)).toContain("waterfall.interest[2].beyondCap: fee 'expenses' has no capPerPaymentDate: nothing is due beyond a cap");
  });
});
