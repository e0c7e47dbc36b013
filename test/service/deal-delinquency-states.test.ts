import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDealFile } from '../../service/files/deal-file.ts';
import { dealRunOf } from '../../service/jobs/job-manager.ts';
import { dealRunResult } from '../../service/runs/deal-run.ts';
import { prepareDeal, runPrepared } from '../../service/runs/prepare-deal.ts';
import { REPO_ROOT } from '../helpers/repo.ts';
import { useSampleTape } from '../helpers/service.ts';

// The deal run's pool by delinquency state (DealPeriod.pool.delinquencyStates): a balance is a
// stock, so a quarterly payment period reads its LAST collection month's month-end balances from
// the projection (never the sum of its three months), and the states add up to the pool balance.

const cents = (x: number): number => Math.round(x * 100);
const STATES = ['current', 'dpd1_30', 'dpd31_60', 'dpd61_90', 'dpd91_180'] as const;

// One level-payment line of 1,200,000 at 12% over 24 months, no prepayment, current at cutoff; each
// month 10% of current loans miss a payment, half the 1–30 bucket cures, the rest roll on.
function quarterlyDeal(): unknown {
  return {
    name: 'Quarterly roll-rate deal',
    dates: { cutoff: '2026-12-31', closing: '2027-01-05', firstPaymentDate: '2027-04-20', legalFinalMaturity: '2031-12-20', paymentFrequencyMonths: 3 },
    notes: [
      { id: 'A', seniority: 1, originalBalance: 1_000_000, coupon: { type: 'fixed', rate: 0.04 } },
      { id: 'Sub', seniority: 2, originalBalance: 200_000, coupon: { type: 'none' } },
    ],
    waterfall: {
      interest: [{ kind: 'interest', notes: ['A'] }],
      principal: [
        { kind: 'principal', rule: 'sequential' },
        { kind: 'residual', to: 'Sub' },
      ],
    },
    pool: { name: 'One line', lines: [{ id: 'L', amortization: 'level_payment', balance: 1_200_000, rate: 0.12, originalTerm: 24, remainingTerm: 24 }] },
    assumptions: {
      months: 24,
      pool: {
        rollRates: {
          rollForward: { current: 0.1, dpd1_30: 0.5, dpd31_60: 0.5, dpd61_90: 0.5, dpd91_180: 0.5 },
          cure: { dpd1_30: 0.5, dpd31_60: 0.5, dpd61_90: 0.5, dpd91_180: 0.5 },
        },
        servicingFeeRate: 0,
      },
    },
  };
}

describe('the deal run carries the pool by delinquency state per payment period', () => {
  it('a quarterly period reads the projection’s balances at its last collection month (3, 6, 9, …), and the states add up to the pool balance', () => {
    const prepared = prepareDeal(readDealFile(quarterlyDeal()), null, undefined);
    const { result, flows } = runPrepared(prepared);
    // Hand check of month 1 (the first month of period 1): 10% of the current balance misses its
    // payment and keeps its principal: 1–30 DPD = 0.1 × 1,200,000 = 120,000.00.
    expect(flows.balanceByState.dpd1_30[0]).toBeCloseTo(120_000, 6);
    expect(result.periods.length).toBeGreaterThan(4);
    result.periods.forEach((p, k) => {
      const states = p.pool.delinquencyStates;
      if (states === undefined) throw new Error(`period ${p.period}: no delinquency states`);
      const last = Math.min(3 * (k + 1), flows.months) - 1; // payment period p collects months 3p − 2 … 3p
      for (const key of STATES.slice(1)) expect(cents(states[key]), `period ${p.period} ${key}`).toBe(Math.round((flows.balanceByState[key][last] ?? 0) * 100));
      // Current is the ledger's balance less the rounded delinquent states: within a cent of the projection's.
      expect(Math.abs(states.current - (flows.balanceByState.current[last] ?? 0))).toBeLessThanOrEqual(0.011);
      expect(cents(states.overdueTotal)).toBe(Math.round((flows.overdueTotal[last] ?? 0) * 100));
      const sum = STATES.reduce((s, key) => s + cents(states[key]), 0);
      expect(sum, `period ${p.period}: states sum to the pool balance`).toBe(cents(p.pool.endingBalance));
    });
    // Not a sum of the quarter's months: period 1's 1–30 balance is month 3's alone (month 1's is 120,000).
    const firstQuarter = [0, 1, 2].reduce((s, k) => s + (flows.balanceByState.dpd1_30[k] ?? 0), 0);
    expect(result.periods[0]?.pool.delinquencyStates?.dpd1_30).toBeLessThan(firstQuarter / 2);
    expect(dealRunResult(prepared, 'repline').delinquencyStateBasis).toBe('rollRate');
  });

  it('the revolving template: purchased cohorts are in the states, which still add up to the pool balance and agree with the 61+ and 91+ balances', () => {
    const file = readDealFile(JSON.parse(readFileSync(join(REPO_ROOT, 'templates', 'deals', 'cn-consumer-revolving.json'), 'utf8')));
    const { result, flows } = runPrepared(prepareDeal(file, null, undefined));
    const bought = result.periods.filter((p) => p.pool.principalPurchased > 0).length;
    expect(bought).toBeGreaterThan(0);
    for (const p of result.periods) {
      const s = p.pool.delinquencyStates;
      if (s === undefined) throw new Error(`period ${p.period}: no delinquency states`);
      expect(STATES.reduce((sum, key) => sum + cents(s[key]), 0)).toBe(cents(p.pool.endingBalance));
      expect(Math.abs(cents(s.dpd61_90 + s.dpd91_180) - cents(p.pool.delinquent60Plus))).toBeLessThanOrEqual(1);
      expect(cents(s.dpd91_180)).toBe(cents(p.pool.delinquent90Plus));
    }
    // After purchases the pool holds more than the base projection: the bought loans' states are counted.
    const late = result.periods[bought - 1];
    const month = (late?.period ?? 1) - 1;
    expect(late?.pool.delinquencyStates?.current ?? 0).toBeGreaterThan((flows.balanceByState.current[month] ?? 0) + 1);
  });

  it('a schedule pool shows only what its delinquent column says: 61+ in dpd61_90, current the rest, the basis named', () => {
    const rows = [
      { periodEnd: '2025-01-31', openingBalance: 1_000_000, scheduledPrincipal: 250_000, interest: 10_000, delinquent: 20_000 },
      { periodEnd: '2025-02-28', openingBalance: 750_000, scheduledPrincipal: 250_000, interest: 7_500, delinquent: 15_000 },
      { periodEnd: '2025-03-31', openingBalance: 500_000, scheduledPrincipal: 250_000, interest: 5_000, delinquent: 10_000 },
      { periodEnd: '2025-04-30', openingBalance: 250_000, scheduledPrincipal: 250_000, interest: 2_500 },
    ];
    const file = readDealFile({
      name: 'Schedule pool deal',
      dates: { cutoff: '2024-12-31', closing: '2025-01-10', firstPaymentDate: '2025-02-20', legalFinalMaturity: '2025-12-20' },
      notes: [{ id: 'A', seniority: 1, originalBalance: 1_000_000, coupon: { type: 'fixed', rate: 0.03 } }],
      waterfall: {
        combined: [
          { kind: 'interest', notes: ['A'] },
          { kind: 'principal', rule: 'sequential' },
          { kind: 'residual', to: 'seller' },
        ],
      },
      schedulePool: { rows },
    });
    const run = dealRunResult(prepareDeal(file, null, undefined), 'repline');
    expect(run.delinquencyStateBasis).toBe('schedule');
    const first = run.periods[0]?.pool.delinquencyStates;
    // Month 1 ends at 750,000 with 20,000 delinquent (the schedule's column, as printed): 730,000 current.
    expect(first).toEqual({ current: 730_000, dpd1_30: 0, dpd31_60: 0, dpd61_90: 20_000, dpd91_180: 0, overdueTotal: 0 });
  });
});

describe('a deal on a tape, over the API, loan level and in representative lines', () => {
  const sample = useSampleTape({ loans: 2_000, seed: 2026 });
  const file = readDealFile(JSON.parse(readFileSync(join(REPO_ROOT, 'templates', 'deals', 'cn-consumer-revolving.json'), 'utf8')));

  it.each(['loan', 'repline'] as const)('%s: every period carries the states, adding up to the pool balance, 61+ and 91+ as the deal’s own columns', async (mode) => {
    const service = sample.service();
    const job = await service.call('deal.run', { deal: file, tapeId: sample.tapeId(), mode, sizeToPool: true });
    if (!job.ok) throw new Error(job.error.message);
    const run = dealRunOf(await service.jobs.wait(job.value.id))?.run;
    if (run === undefined) throw new Error('no run');
    expect(run.delinquencyStateBasis).toBe('rollRate');
    for (const p of run.periods) {
      const s = p.pool.delinquencyStates;
      if (s === undefined) throw new Error(`period ${p.period}: no delinquency states`);
      expect(STATES.reduce((sum, key) => sum + cents(s[key]), 0)).toBe(cents(p.pool.endingBalance));
      expect(Math.abs(cents(s.dpd61_90 + s.dpd91_180) - cents(p.pool.delinquent60Plus))).toBeLessThanOrEqual(1);
      expect(cents(s.dpd91_180)).toBe(cents(p.pool.delinquent90Plus));
    }
    // The sample tape has loans 1–30 days past due at cutoff and the template's roll rates keep some there.
    expect(run.periods[0]?.pool.delinquencyStates?.dpd1_30 ?? 0).toBeGreaterThan(0);
    expect(run.periods[0]?.pool.delinquencyStates?.overdueTotal ?? 0).toBeGreaterThan(0);
  });
});
