import { describe, expect, it } from 'vitest';
import { poolColumns, poolLedger, runDeal, type Deal } from '../../engine/index.ts';
import { periodsCsv } from '../../service/runs/deal-report.ts';

// The period CSV reports a trigger's early-warning level beside its breach flag (issue 16): only for
// a trigger that has one. Values by hand: 61+ DPD ÷ pool end = 8,000 ÷ 800,000 = 1 %, 24,000 ÷ 600,000 = 4 %,
// 1,600 ÷ 400,000 = 0.4 %, 0; warning above 0.5 %: yes, yes, no, no; threshold 3 %: breached in period 2 only.
const deal: Deal = {
  dates: { cutoff: '2026-01-01', closing: '2026-01-01', firstPaymentDate: '2026-02-01', legalFinalMaturity: '2035-01-01' },
  notes: [{ id: 'A', seniority: 1, originalBalance: 1_000_000, coupon: { type: 'fixed', rate: 0.06 }, dayCount: '30/360' }],
  triggers: [
    { id: 'dq', metric: 'delinquency60Plus', breachedWhen: '>', threshold: 0.03, warning: 0.005, curable: true, effects: [] },
    { id: 'factor', metric: 'poolFactor', breachedWhen: '<', threshold: 0.1, curable: true, effects: [] },
  ],
  waterfall: {
    combined: [
      { kind: 'interest', notes: ['A'] },
      { kind: 'principal', rule: 'sequential' },
      { kind: 'residual', to: 'seller' },
    ],
  },
};
const pool = poolColumns(1_000_000, [
  { beginningBalance: 1_000_000, interest: 10_000, scheduledPrincipal: 200_000, endingBalance: 800_000, delinquent60Plus: 8000 },
  { beginningBalance: 800_000, interest: 8000, scheduledPrincipal: 200_000, endingBalance: 600_000, delinquent60Plus: 24_000 },
  { beginningBalance: 600_000, interest: 6000, scheduledPrincipal: 200_000, endingBalance: 400_000, delinquent60Plus: 1600 },
  { beginningBalance: 400_000, interest: 4000, scheduledPrincipal: 400_000, endingBalance: 0 },
]);

describe('period CSV: trigger warning levels', () => {
  it('adds a warning column for a trigger with a warning level, none for one without', () => {
    const [header = '', ...rows] = periodsCsv(runDeal(deal, poolLedger(pool)))
      .trim()
      .split('\n');
    const columns = header.split(',');
    expect(columns.filter((c) => c.startsWith('dq ') || c.startsWith('factor '))).toEqual([
      'dq value',
      'dq threshold',
      'dq breached',
      'dq warning',
      'factor value',
      'factor threshold',
      'factor breached',
    ]);
    const cell = (name: string) => rows.map((r) => r.split(',')[columns.indexOf(name)]);
    expect(cell('dq warning')).toEqual(['yes', 'yes', 'no', 'no']);
    expect(cell('dq breached')).toEqual(['no', 'yes', 'no', 'no']);
  });
});
