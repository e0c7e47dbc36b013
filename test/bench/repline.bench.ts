import { readFileSync } from 'node:fs';
import { sampleTapeLoans } from '../../data/sample/loan-arrays.ts';
import { groupRepLines, loanCount, projectPool, type PoolCashFlows } from '../../engine/index.ts';
import { readAssumptions } from '../../service/files/assumption-file.ts';
import { budget, round, summarize, type Bench, type BenchResult } from './harness.ts';

const LOANS = 100_000;

const principal = (f: PoolCashFlows, k: number): number => (f.scheduledPrincipal[k] ?? 0) + (f.prepayments[k] ?? 0);
const interest = (f: PoolCashFlows, k: number): number => (f.interestCollected[k] ?? 0) + (f.penaltyInterest[k] ?? 0);
const RUNS = 50;
const EXAMPLE = new URL('../../templates/assumptions/consumer-base.json', import.meta.url);

/**
 * DESIGN.md: an interactive run on a 100,000-loan pool in representative-line mode. Here the
 * pool part: the sample tape's loans grouped into lines (once per tape: the service caches it)
 * and the lines projected under the shipped example assumptions (every assumption edit), with
 * the gap to loan level on monthly principal and interest.
 */
export const bench: Bench = {
  name: 'repline',
  run(): BenchResult {
    const { loans, segmentNames, cutoffDate } = sampleTapeLoans(LOANS, 20_260_930);
    const { months, assumptions } = readAssumptions(JSON.parse(readFileSync(EXAMPLE, 'utf8')), segmentNames);
    const grouping: number[] = [];
    const projecting: number[] = [];
    let lines = groupRepLines(loans);
    let flows = projectPool(lines.lines, assumptions, { months, cutoffDate });
    for (let r = 0; r < RUNS; r++) {
      const t0 = performance.now();
      lines = groupRepLines(loans);
      const t1 = performance.now();
      flows = projectPool(lines.lines, assumptions, { months, cutoffDate });
      const t2 = performance.now();
      grouping.push(t1 - t0);
      projecting.push(t2 - t1);
    }
    const exact = projectPool(loans, assumptions, { months, cutoffDate });
    let worstGap = 0;
    for (let k = 0; k < months; k++) {
      for (const measure of [principal, interest]) {
        const base = measure(exact, k);
        if (base > exact.cutoffBalance * 1e-5) worstGap = Math.max(worstGap, Math.abs(measure(flows, k) - base) / base);
      }
    }
    const group = summarize(grouping);
    const project = summarize(projecting);
    const metrics = {
      loans: LOANS,
      months,
      lines: loanCount(lines.lines),
      groupingMeanMs: group['meanMs'] ?? Number.NaN,
      groupingP95Ms: group['p95Ms'] ?? Number.NaN,
      projectionMeanMs: project['meanMs'] ?? Number.NaN,
      projectionP95Ms: project['p95Ms'] ?? Number.NaN,
      totalP50Ms: round((group['p50Ms'] ?? Number.NaN) + (project['p50Ms'] ?? Number.NaN)),
      worstMonthlyGapToLoanLevelPct: round(worstGap * 100, 5),
    };
    return {
      name: 'repline',
      description: `Representative lines of the ${LOANS.toLocaleString('en-US')}-loan sample tape: grouping and projection under the example assumptions (${months} months)`,
      metrics,
      budgets: [budget(metrics, 'projectionP95Ms', 20), budget(metrics, 'totalP50Ms', 20), budget(metrics, 'worstMonthlyGapToLoanLevelPct', 0.5)],
      notes: [`${RUNS} runs in one process; the service groups a tape once and caches the lines, so an assumption edit costs the projection only`],
    };
  },
};
