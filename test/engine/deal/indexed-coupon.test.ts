import { describe, expect, it } from 'vitest';
import { dealIssues, runDeal, type Deal } from '../../../engine/index.ts';
import { DATES, note, poolOf } from './helpers.ts';

// A floating coupon on a dated policy-rate index (基准利率 + 基本利差) with 和享 2017-5's reset rule, by hand.
// A 1,000,000 at PBOC-1Y + 0.50%, ACT/365; no principal until the last date. The index: 4.35% in force since
// 2015-10-24, then (illustrative changes) 4.10% from 2026-02-10, 4.00% from 02-20 and 3.85% from 03-01.
// Accrual periods: 01-01→02-01 (31 days), →03-01 (28), →04-01 (31), →05-01 (30).
const deal: Deal = {
  dates: DATES,
  notes: [{ id: 'A', seniority: 1, originalBalance: 1_000_000, coupon: { type: 'indexed', index: 'PBOC-1Y', margin: 0.005 } }, note('B', 2, 100_000, null)],
  rateIndices: {
    'PBOC-1Y': [
      { effective: '2015-10-24', rate: 0.0435 },
      { effective: '2026-02-10', rate: 0.041 },
      { effective: '2026-02-20', rate: 0.04 },
      { effective: '2026-03-01', rate: 0.0385 },
    ],
  },
  waterfall: {
    combined: [
      { kind: 'interest', notes: ['A'] },
      { kind: 'principal', rule: 'sequential' },
      { kind: 'residual', to: 'seller' },
    ],
  },
};
const pool = (): ReturnType<typeof poolOf> =>
  poolOf(1_100_000, [
    { beginningBalance: 1_100_000, interest: 10_000, endingBalance: 1_100_000 },
    { beginningBalance: 1_100_000, interest: 10_000, endingBalance: 1_100_000 },
    { beginningBalance: 1_100_000, interest: 10_000, endingBalance: 1_100_000 },
    { beginningBalance: 1_100_000, interest: 10_000, scheduledPrincipal: 1_100_000, endingBalance: 0 },
  ]);

const rules = (d: unknown): string[] => dealIssues(d).map((i) => `${i.path}: ${i.rule}`);

describe('indexed coupon (PBOC 1-year lending rate + margin)', () => {
  it('resets on the first interest date after a change; two changes in one period: the last', () => {
    // P1, P2: 4.35% + 0.50% = 4.85% (the 02-10 and 02-20 changes fall inside period 2):
    //   1,000,000 × 4.85% × 31/365 = 4,119.178… → 4,119.18; × 28/365 = 3,720.547… → 3,720.55.
    // P3 (from 03-01): the last change before it, 4.00% → 4.50%: × 31/365 = 3,821.917… → 3,821.92
    //   (the 3.85% effective on 03-01 itself waits for the next interest date).
    // P4 (from 04-01): 3.85% → 4.35%: × 30/365 = 3,575.342… → 3,575.34.
    const rows = runDeal(deal, pool()).periods.map((p) => p.notes[0]);
    expect(rows.map((n) => n?.couponRate)).toEqual([0.0485, 0.0485, 0.045, 0.0435]);
    expect(rows.map((n) => n?.interestPaid)).toEqual([4119.18, 3720.55, 3821.92, 3575.34]);
  });

  it('reset periodStart takes a fixing effective on the period’s first day', () => {
    // P3: 3.85% + 0.50% = 4.35%: 1,000,000 × 4.35% × 31/365 = 3,694.520… → 3,694.52.
    const onStart: Deal = {
      ...deal,
      notes: [{ id: 'A', seniority: 1, originalBalance: 1_000_000, coupon: { type: 'indexed', index: 'PBOC-1Y', margin: 0.005, reset: 'periodStart' } }, note('B', 2, 100_000, null)],
    };
    expect(runDeal(onStart, pool()).periods[2]?.notes[0]).toMatchObject({ couponRate: 0.0435, interestPaid: 3694.52 });
  });

  it('names a defined index whose first fixing precedes closing', () => {
    expect(rules({ ...deal, rateIndices: { LPR: [{ effective: '2020-01-01', rate: 0.04 }] } })).toContain("notes[0].coupon.index: unknown rate index 'PBOC-1Y' (define it in rateIndices)");
    expect(rules({ ...deal, rateIndices: { 'PBOC-1Y': [{ effective: '2026-01-01', rate: 0.04 }] } })).toContain(
      'rateIndices.PBOC-1Y[0].effective: no fixing for the first accrual period: the first must take effect before closing (2026-01-01)',
    );
  });
});
