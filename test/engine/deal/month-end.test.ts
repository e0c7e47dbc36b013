import { describe, expect, it } from 'vitest';
import { dealIssues, runDeal, type Deal, type DayCount } from '../../../engine/index.ts';
import { amortizingRows, poolOf } from './helpers.ts';

// A note paying on month ends, the case where the 30/360 variants part (docs/deals.md, "Day counts").
// Each note: 1,200,000 at 6 % fixed, no principal paid in the first three periods, so
// interest = 1,200,000 × 0.06 × days ÷ 360 = 200 × days, half-up to cents (whole here).

const CONVENTIONS: readonly DayCount[] = ['30/360', '30/360 US', '30E/360', '30E/360 ISDA', 'ACT/360'];

function monthEndDeal(endOfMonth: boolean, legalFinalMaturity = '2026-12-31'): Deal {
  return {
    dates: { cutoff: '2025-01-31', closing: '2025-01-31', firstPaymentDate: '2025-02-28', legalFinalMaturity, ...(endOfMonth ? { endOfMonth } : {}) },
    notes: CONVENTIONS.map((dayCount, k) => ({ id: `N${k}`, seniority: 1, originalBalance: 1_200_000, dayCount, coupon: { type: 'fixed' as const, rate: 0.06 } })),
    waterfall: {
      combined: [
        { kind: 'interest', notes: CONVENTIONS.map((_, k) => `N${k}`) },
        { kind: 'principal', rule: 'proRata' },
        { kind: 'residual', to: 'seller' },
      ],
    },
  };
}

// Interest of 300,000 a month covers every coupon; principal only from month 4.
const rows = amortizingRows(6_000_000, [
  { scheduled: 0, interestRate: 0.05 },
  { scheduled: 0, interestRate: 0.05 },
  { scheduled: 0, interestRate: 0.05 },
  { scheduled: 6_000_000, interestRate: 0.05 },
]);

describe('end-of-month payment dates and the 30/360 family on them', () => {
  it('endOfMonth pays on every month end after a first payment on 28 February', () => {
    const eom = runDeal(monthEndDeal(true), poolOf(6_000_000, rows));
    expect(eom.periods.map((p) => p.paymentDate)).toEqual(['2025-02-28', '2025-03-31', '2025-04-30', '2025-05-31']);
    // Without it: 28 February + whole months, clamped (the day stays the 28th).
    const plain = runDeal(monthEndDeal(false), poolOf(6_000_000, rows));
    expect(plain.periods.map((p) => p.paymentDate)).toEqual(['2025-02-28', '2025-03-28', '2025-04-28', '2025-05-28']);
  });

  it('accrues each convention’s days: Jan 31 → Feb 28 → Mar 31 → Apr 30', () => {
    const result = runDeal(monthEndDeal(true), poolOf(6_000_000, rows));
    const interest = result.periods.slice(0, 3).map((p) => p.notes.map((n) => n.interestDue));
    // Days by hand, [Bond Basis, US, 30E/360, 30E/360 ISDA, ACT/360]:
    // Jan 31 → Feb 28: 28, 28, 28, 30 (ISDA: both month ends → 30), 28 actual
    // Feb 28 → Mar 31: 33 (30 + 31 − 28), 30 (Feb end → 30, then 31 → 30), 32 (31 → 30 only), 30, 31 actual
    // Mar 31 → Apr 30: 30 in every variant (31 → 30), 30 actual
    expect(interest).toEqual([
      [5_600, 5_600, 5_600, 6_000, 5_600],
      [6_600, 6_000, 6_400, 6_000, 6_200],
      [6_000, 6_000, 6_000, 6_000, 6_000],
    ]);
  });

  it('30E/360 ISDA keeps a February termination date (the legal final maturity) as its own day', () => {
    // Legal final 28 Feb 2025, the only period: Jan 31 → Feb 28 is 30 − 30 + 28 = 28 days under ISDA, 5,600.
    const result = runDeal(monthEndDeal(true, '2025-02-28'), poolOf(6_000_000, rows));
    expect(result.periods).toHaveLength(1);
    expect(result.periods[0]?.notes.map((n) => n.interestDue)).toEqual([5_600, 5_600, 5_600, 5_600, 5_600]);
  });

  it('a deal without a revolving period reports its default cumulative-ratio denominator as the cutoff pool, not the revolving rule', () => {
    // With no revolving end to switch at, NAFMII's "cutoff pool while revolving, then the pool when revolving
    // ended" is the cutoff pool throughout: said so (a US static deal read "(NAFMII)" on every screen).
    expect(runDeal(monthEndDeal(true), poolOf(6_000_000, rows)).cumulativeRatioDenominator).toBe('initialPool');
    expect(runDeal({ ...monthEndDeal(true), cumulativeRatioDenominator: 'initialPoolThenRevolvingEnd' }, poolOf(6_000_000, rows)).cumulativeRatioDenominator).toBe('initialPoolThenRevolvingEnd');
  });

  it('refuses endOfMonth with a first payment date that is not a month end, naming the field', () => {
    const deal = monthEndDeal(true);
    const issues = dealIssues({ ...deal, dates: { ...deal.dates, firstPaymentDate: '2025-02-27' } });
    expect(issues).toEqual([
      expect.objectContaining({ code: 'DEAL_DATES', path: 'dates.endOfMonth', rule: expect.stringContaining('first payment date (2025-02-27) must be the last day of its month') }),
    ]);
  });

  it('refuses endOfMonth with a legal final maturity that is not a month end, at the legal final', () => {
    // 27 Feb 2027 would end the schedule on 31 Jan 2027, and 30E/360 ISDA's termination date (the
    // legal final, engine/daycount.ts) would be a day no period ends on.
    expect(dealIssues(monthEndDeal(true, '2027-02-27'))).toEqual([
      {
        code: 'DEAL_DATES',
        path: 'dates.legalFinalMaturity',
        rule: 'endOfMonth puts every payment date on a month end: the legal final maturity (2027-02-27) must be the last day of its month too, so that it is the final payment date (30E/360 ISDA reads it as the termination date)',
        coded: expect.objectContaining({ code: 'deal.endOfMonthNeedsMonthEndFinal', params: { final: '2027-02-27' } }),
      },
    ]);
    // Month ends, a leap February's included, pass; so does any legal final without the flag.
    expect(dealIssues(monthEndDeal(true, '2028-02-29'))).toEqual([]);
    expect(dealIssues(monthEndDeal(true, '2026-12-31'))).toEqual([]);
    expect(dealIssues(monthEndDeal(false, '2027-02-27'))).toEqual([]);
  });
});
