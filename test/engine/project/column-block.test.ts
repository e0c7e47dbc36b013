import { describe, expect, it } from 'vitest';
import { allocateLoanArrays, amortizationCode, parseVector, projectionCache, projectPool, type LoanArrays, type PoolAssumptions, type PoolCashFlows } from '../../../engine/index.ts';

// A deal run projects hundreds of small pools (a cohort per purchase month and profile line), and a
// typed array with a buffer of its own costs a native allocation and a sweep by V8's helper threads
// (docs/sweeps.md). A pool of one chunk therefore takes its chunk's accumulators (the pool's) and its
// own columns from one block: the result's columns are disjoint views of one buffer.

function columns(flows: PoolCashFlows): Float64Array[] {
  const out: Float64Array[] = [];
  for (const value of Object.values(flows)) if (value instanceof Float64Array) out.push(value);
  out.push(...Object.values(flows.balanceByState));
  return out;
}

function twoLoans(): LoanArrays {
  const loans = allocateLoanArrays(2);
  for (let i = 0; i < 2; i++) {
    loans.currentPrincipal[i] = 100_000 * (i + 1);
    loans.originalPrincipal[i] = 100_000 * (i + 1);
    loans.rateAnnual[i] = 0.18;
    loans.originalTerm[i] = 12;
    loans.remainingTerm[i] = 12;
    loans.amortization[i] = amortizationCode('level_payment');
  }
  return loans;
}

const ASSUMPTIONS: PoolAssumptions = {
  pool: { prepayment: { kind: 'notation', notation: parseVector('6 CPR') }, default: { kind: 'notation', notation: parseVector('10 CDR') }, recoveryRate: 0.3, recoveryLagMonths: 4 },
};

/** The columns share one buffer and no two of them overlap in it. */
function expectDisjointViewsOfOneBuffer(all: readonly Float64Array[]): void {
  expect(new Set(all.map((column) => column.buffer)).size).toBe(1);
  const spans = all.map((column) => [column.byteOffset, column.byteOffset + column.byteLength] as const).sort((a, b) => a[0] - b[0]);
  for (let k = 1; k < spans.length; k++) expect(spans[k]![0]).toBeGreaterThanOrEqual(spans[k - 1]![1]);
}

describe('a projection’s columns', () => {
  it('are disjoint views of one block for a pool of one chunk, each as long as the horizon', () => {
    const flows = projectPool(twoLoans(), ASSUMPTIONS, { months: 14, defaultDefinition: { daysPastDue: 90, curable: false } });
    const all = columns(flows);
    expectDisjointViewsOfOneBuffer(all);
    for (const column of all) expect(column.length).toBe(14);
    // The recoveries within the horizon are a copy of the accumulator's first months: lagged recoveries past it are counted apart.
    const recovered = flows.recoveries.reduce((sum, x) => sum + x, 0) + flows.recoveriesAfterHorizon;
    const defaults = flows.defaults.reduce((sum, x) => sum + x, 0);
    expect(recovered).toBeCloseTo(0.3 * defaults, 6);
    expect(flows.recoveriesAfterHorizon).toBeGreaterThan(0);
  });

  it('of a run’s projections come from the run’s arena: blocks of one slab that never overlap', () => {
    const cache = projectionCache();
    const first = projectPool(twoLoans(), ASSUMPTIONS, { months: 14, cache });
    const second = projectPool(twoLoans(), ASSUMPTIONS, { months: 9, startMonth: 6, cache });
    const all = [...columns(first), ...columns(second)];
    expectDisjointViewsOfOneBuffer(all);
    // The first projection's flows are untouched by the second's (both equal a projection alone).
    expect([...first.prepayments]).toEqual([...projectPool(twoLoans(), ASSUMPTIONS, { months: 14 }).prepayments]);
  });
});
