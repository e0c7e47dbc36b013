import { describe, expect, it } from 'vitest';
import {
  allocateLoanArrays,
  amortizationCode,
  buildTransitionMatrix,
  parseVector,
  projectPool,
  PROJECTION_CHUNK_LOANS,
  type LoanArrays,
  type PoolAssumptions,
  type PoolCashFlows,
} from '../../../engine/index.ts';
import { projectOnThreads, sharedLoans } from '../../../service/jobs/project-chunks.ts';

const WORKER = new URL('../../../service/jobs/workers/pool-worker.ts', import.meta.url);
const MONTHS = 24;

/** 6.5 chunks of varied loans (terms, types, states, segments), deterministic: i-based, no random source. */
function pool(): LoanArrays {
  const count = Math.floor(6.5 * PROJECTION_CHUNK_LOANS);
  const loans = allocateLoanArrays(count);
  const types = (['level_payment', 'equal_principal', 'interest_only', 'flat_fee'] as const).map(amortizationCode);
  for (let i = 0; i < count; i++) {
    const term = [6, 12, 24, 36][i % 4] ?? 12;
    const age = (i * 7) % term;
    const balance = 1_000 + ((i * 7919) % 49_000) + (i % 100) / 100;
    const state = i % 25 === 0 ? 1 + (i % 4) : 0;
    loans.currentPrincipal[i] = balance;
    loans.originalPrincipal[i] = balance * 1.5;
    loans.rateAnnual[i] = 0.08 + (i % 1600) / 10_000;
    loans.originalTerm[i] = term;
    loans.remainingTerm[i] = term - age;
    loans.ageMonths[i] = age;
    loans.amortization[i] = types[(i >> 2) % 4] ?? 0;
    loans.delinquency[i] = state;
    loans.overduePrincipal[i] = state === 0 ? 0 : Math.round(balance * 0.05 * state * 100) / 100;
    loans.overdueInterest[i] = state === 0 ? 0 : Math.round(balance * 0.01 * state * 100) / 100;
    loans.segment[i] = i % 3;
  }
  return loans;
}

const assumptions: PoolAssumptions = {
  pool: {
    prepayment: { kind: 'notation', notation: parseVector('10 CPR') },
    rollRates: buildTransitionMatrix({
      rollForward: { current: 0.02, dpd1_30: 0.4, dpd31_60: 0.6, dpd61_90: 0.8, dpd91_180: 0.9 },
      cure: { dpd1_30: 0.4, dpd31_60: 0.15, dpd61_90: 0.05, dpd91_180: 0.02 },
      rollBack: { dpd31_60: 0.1, dpd61_90: 0.05 },
    }),
    recoveryRate: 0.2,
    recoveryLagMonths: 6,
    penaltyMultiple: 1.5,
    servicingFeeRate: 0.01,
  },
  segments: [undefined, { default: { kind: 'notation', notation: parseVector('1 CDR') } }, { prepayment: { kind: 'notation', notation: parseVector('150 PSA') } }],
};

/** Every figure of the projection as bytes: equal bytes, equal bits. */
function bytes(flows: PoolCashFlows): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(flows)) {
    if (value instanceof Float64Array) parts.push(`${key}:${Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64')}`);
    else if (typeof value === 'number') parts.push(`${key}:${value}`);
    else if (typeof value === 'object' && value !== null) {
      for (const [state, column] of Object.entries(value as Record<string, Float64Array>))
        parts.push(`${key}.${state}:${Buffer.from(column.buffer, column.byteOffset, column.byteLength).toString('base64')}`);
    }
  }
  return parts.join('\n');
}

describe('a loan-level projection split across the worker pool', () => {
  it('gives projectPool’s figures to the bit with 1, 2 and 3 threads', async () => {
    const loans = pool();
    const options = { months: MONTHS };
    const single = bytes(projectPool(loans, assumptions, options));
    const one = bytes(await projectOnThreads(WORKER, loans, assumptions, options, { jobs: 1 }));
    const two = bytes(await projectOnThreads(WORKER, loans, assumptions, options, { jobs: 2 }));
    const three = bytes(await projectOnThreads(WORKER, loans, assumptions, options, { jobs: 3 }));
    expect(one).toBe(single);
    expect(two).toBe(single);
    expect(three).toBe(single);
    // Not a vacuous comparison: the pool has flows in every month.
    const flows = projectPool(loans, assumptions, options);
    expect(flows.interestCollected[MONTHS - 1]).toBeGreaterThan(0);
    expect(flows.prepayments[0]).toBeGreaterThan(0);
    expect(flows.defaults.reduce((sum, x) => sum + x, 0)).toBeGreaterThan(0);
  }, 120_000);

  it('counts a deal’s default definition on the threads as projectPool does, to the bit', async () => {
    const loans = pool();
    const options = { months: MONTHS, defaultDefinition: { daysPastDue: 90, curable: false } };
    const flows = projectPool(loans, assumptions, options);
    const two = await projectOnThreads(WORKER, loans, assumptions, options, { jobs: 2 });
    // The definition's column is carried by every chunk and added in chunk order like the flows.
    expect(two.definitionDefaults).toBeInstanceOf(Float64Array);
    expect(bytes(two)).toBe(bytes(flows));
    expect(bytes(two)).toContain('definitionDefaults:');
    expect((flows.definitionDefaults ?? new Float64Array()).reduce((sum, x) => sum + x, 0)).toBeGreaterThan(0);
  }, 120_000);

  it('keeps the realised MDR’s denominator of a pool whose defaults follow scheduled principal (defaultOrder), as the threads resolved it', async () => {
    const loans = pool();
    const after: PoolAssumptions = { ...assumptions, pool: { ...assumptions.pool, defaultOrder: 'afterScheduled' } };
    const flows = projectPool(loans, after, { months: MONTHS });
    const two = await projectOnThreads(WORKER, loans, after, { months: MONTHS }, { jobs: 2 });
    expect(bytes(two)).toBe(bytes(flows));
    // Month 1's MDR by hand: defaults ÷ (beginning balance − scheduled principal), not ÷ beginning balance.
    const month1 = (flows.defaults[0] ?? 0) / ((flows.beginningBalance[0] ?? 0) - (flows.scheduledPrincipal[0] ?? 0));
    expect(two.mdr[0]).toBe(month1);
  }, 120_000);

  it('projects loans read onto shared memory without copying them', async () => {
    const plain = pool();
    const loans = allocateLoanArrays(plain.currentPrincipal.length, 'shared');
    for (const key of Object.keys(loans) as (keyof LoanArrays)[]) loans[key].set(plain[key]);
    expect(loans.currentPrincipal.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(sharedLoans(loans).rateAnnual).toBe(loans.rateAnnual);
    expect(bytes(await projectOnThreads(WORKER, loans, assumptions, { months: MONTHS }, { jobs: 2 }))).toBe(bytes(projectPool(plain, assumptions, { months: MONTHS })));
  }, 120_000);

  it('reports progress up to every loan', async () => {
    const loans = pool();
    const seen: number[] = [];
    await projectOnThreads(WORKER, loans, assumptions, { months: MONTHS }, { jobs: 2, onProgress: (done) => seen.push(done) });
    expect(seen.at(-1)).toBe(loans.currentPrincipal.length);
  }, 120_000);
});
