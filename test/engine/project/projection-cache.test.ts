import { describe, expect, it } from 'vitest';
import {
  allocateLoanArrays,
  amortizationCode,
  buildTransitionMatrix,
  parseVector,
  projectCohort,
  projectCohorts,
  projectionCache,
  projectPool,
  selectLoans,
  type CohortCashFlows,
  type LoanArrays,
  type PoolAssumptions,
  type PoolCashFlows,
  type ProjectionOptions,
} from '../../../engine/index.ts';

// A run's projections share their set-up through one ProjectionCache (a deal run: the pool and a
// cohort per purchase month and profile line). A cache hit must be the value recomputed: here every
// projection made on a shared cache — in an order that revisits the same assumptions under other
// stresses, start months and horizons — is compared, bit for bit, with the same projection alone.

/** Three lines in three segments: level payment, equal principal and flat fee, one of them aged. */
function lines(): LoanArrays {
  const loans = allocateLoanArrays(3);
  const rows = [
    { balance: 600_000, rate: 0.18, term: 12, remaining: 12, amortization: 'level_payment', segment: 0 },
    { balance: 250_000, rate: 0.156, term: 6, remaining: 4, amortization: 'equal_principal', segment: 1 },
    { balance: 150_000, rate: 0.2388, term: 12, remaining: 12, amortization: 'flat_fee', segment: 2 },
  ] as const;
  rows.forEach((row, i) => {
    loans.currentPrincipal[i] = row.balance;
    loans.originalPrincipal[i] = row.balance;
    loans.rateAnnual[i] = row.rate;
    loans.originalTerm[i] = row.term;
    loans.remainingTerm[i] = row.remaining;
    loans.ageMonths[i] = row.term - row.remaining;
    loans.amortization[i] = amortizationCode(row.amortization);
    loans.segment[i] = row.segment;
  });
  return loans;
}

/** ACT/365 accrual, a period-based CPR ramp, roll rates per segment, one segment on an age-based SDA curve beside its roll rates. */
function assumptions(cure: number): PoolAssumptions {
  const rollRates = buildTransitionMatrix({ rollForward: { current: 0.01, dpd1_30: 0.4, dpd31_60: 0.55, dpd61_90: 0.7 }, cure: { dpd1_30: 0.4, dpd31_60: 0.2, dpd61_90: 0.1, dpd91_180: 0.02 } });
  return {
    pool: {
      prepayment: { kind: 'notation', notation: parseVector('2 ramp 8 6 CPR') },
      rollRates,
      recoveryRate: 0.15,
      recoveryLagMonths: 6,
      penaltyMultiple: 1.5,
      dayCount: 'ACT/365',
    },
    segments: [
      undefined,
      { multipliers: { cure, prepayment: 1.5 } },
      { default: { kind: 'notation', notation: parseVector('200 SDA') }, defaultSources: 'both', prepayment: { kind: 'notation', notation: parseVector('4 CPR') } },
    ],
  };
}

/** Every float64 column of the flows as bytes, keyed by column: equal bytes, equal numbers to the bit (and the sign of 0). */
function bytes(flows: PoolCashFlows): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(flows)) {
    if (value instanceof Float64Array) out[key] = Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('hex');
    else if (typeof value === 'number') out[key] = String(value);
  }
  for (const [state, column] of Object.entries(flows.balanceByState)) out[`state:${state}`] = Buffer.from(column.buffer, column.byteOffset, column.byteLength).toString('hex');
  return out;
}

/** Segment 2 recovers later than the others: the lines' set-up then holds a longer recovery column than lines 0 and 1 need alone. */
function lagged(cure: number): PoolAssumptions {
  const a = assumptions(cure);
  return { ...a, segments: [a.segments?.[0], a.segments?.[1], { ...a.segments?.[2], recoveryLagMonths: 9 }] };
}

/** A column as the hex of its bytes. */
function hex(column: Float64Array): string {
  return Buffer.from(column.buffer, column.byteOffset, column.byteLength).toString('hex');
}

/** A cohort's columns as bytes (and its two numbers), by name. */
function columns(flows: CohortCashFlows): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of [
    'interestCollected',
    'penaltyInterest',
    'scheduledPrincipal',
    'prepayments',
    'capitalisedInterest',
    'defaults',
    'definitionDefaults',
    'recoveries',
    'losses',
    'servicingFee',
    'endingBalance',
    'overdueTotal',
  ] as const) {
    const column = flows[key];
    out[key] = column === undefined ? 'absent' : hex(column);
  }
  for (const state of ['current', 'dpd1_30', 'dpd31_60', 'dpd61_90', 'dpd91_180'] as const) out[state] = hex(flows.balanceByState[state]);
  out['months'] = String(flows.months);
  out['cutoffBalance'] = String(flows.cutoffBalance);
  return out;
}

describe('projection cache', () => {
  it('gives each projection of a run, on a shared cache, the flows it has alone — across default multipliers, cure stresses, start months and horizons', () => {
    const loans = lines();
    const shared = assumptions(0.5);
    const other = assumptions(2);
    const base: ProjectionOptions = { months: 30, cutoffDate: '2026-12-31' };
    const cases: { assumptions: PoolAssumptions; options: ProjectionOptions }[] = [
      { assumptions: shared, options: base },
      { assumptions: shared, options: { ...base, defaultMultiplier: 2 } },
      { assumptions: shared, options: { ...base, months: 25, startMonth: 6 } },
      { assumptions: shared, options: { ...base, months: 25, startMonth: 6, defaultMultiplier: 2 } },
      { assumptions: other, options: { ...base, months: 25, startMonth: 6, defaultMultiplier: 2 } },
      { assumptions: shared, options: { ...base, defaultMultiplier: 0 } },
      { assumptions: shared, options: base },
      { assumptions: other, options: { ...base, months: 12, startMonth: 19 } },
      { assumptions: shared, options: { ...base, months: 25, startMonth: 6 } },
      // Horizons ending before and after the others': the run keeps each table (rates, accrual) as
      // long as the longest horizon asked for and hands out its start (projection-cache.ts prefixOf).
      { assumptions: shared, options: { ...base, months: 20 } },
      { assumptions: shared, options: { ...base, months: 10, startMonth: 3 } },
      { assumptions: shared, options: { ...base, months: 36, startMonth: 2 } },
      { assumptions: shared, options: { ...base, months: 9, startMonth: 4, defaultMultiplier: 2 } },
      { assumptions: shared, options: base },
    ];
    const cache = projectionCache();
    const cached = cases.map(({ assumptions: a, options }) => bytes(projectPool(loans, a, { ...options, cache })));
    const alone = cases.map(({ assumptions: a, options }) => bytes(projectPool(loans, a, options)));
    cases.forEach((_, k) => expect(cached[k], `case ${k}`).toEqual(alone[k]));
    // The stresses do move the flows: a cache that ignored them would fail above, not pass trivially.
    expect(alone[1]?.['defaults']).not.toEqual(alone[0]?.['defaults']);
    expect(alone[4]?.['defaults']).not.toEqual(alone[3]?.['defaults']);
    expect(alone[2]?.['prepayments']).not.toEqual(alone[0]?.['prepayments']);
    expect(cache.accrual.size).toBeGreaterThan(1);
    // One ACT/365 calendar from the cutoff, as long as the longest horizon (36 + 1 months).
    expect([...cache.accrual.values()].map((kept) => kept.length)).toContain(37);
  });

  it("projects a purchase profile's lines together, each line's cohort the columns of its own projection alone, to the bit", () => {
    const timed: PoolAssumptions = {
      pool: { prepayment: { kind: 'notation', notation: parseVector('6 CPR') }, defaultTiming: { cumulativeDefaultRate: 0.06, timingPct: [40, 35, 25], monthsPerPeriod: 6 }, recoveryRate: 0.2 },
    };
    const base: ProjectionOptions = { months: 30, cutoffDate: '2026-12-31' };
    const cases: { name: string; assumptions: PoolAssumptions; options: ProjectionOptions; loans?: LoanArrays }[] = [
      { name: 'from month 1', assumptions: lagged(0.5), options: base },
      { name: 'bought after month 5, ×2 defaults', assumptions: lagged(0.5), options: { ...base, months: 25, startMonth: 6, defaultMultiplier: 2 } },
      { name: 'counting 90+ days as default', assumptions: lagged(2), options: { ...base, months: 20, startMonth: 11, defaultDefinition: { daysPastDue: 90, curable: false } } },
      { name: 'a cumulative timing curve (solved line by line)', assumptions: timed, options: { ...base, months: 18, startMonth: 4 } },
    ];
    // Two lines in one segment, as the revolving template's profile has: a timing curve is solved on a segment's loans, so these must project apart.
    const sharing = lines();
    sharing.segment[1] = 0;
    cases.push({ name: 'a timing curve, two lines in one segment', assumptions: timed, options: { ...base, months: 18, startMonth: 4 }, loans: sharing });
    const cache = projectionCache();
    for (const { name, assumptions: a, options, loans: given } of cases) {
      const profile = given ?? lines();
      const together = projectCohorts(profile, a, { ...options, cache });
      expect(together, name).toHaveLength(3);
      together.forEach((cohort, i) => {
        const alone = projectPool(selectLoans(profile, [i]), a, options);
        expect(columns(cohort), `${name}, line ${i}`).toEqual(columns(alone));
        expect(columns(projectCohort(selectLoans(profile, [i]), a, options)), `${name}, line ${i} as projectCohort`).toEqual(columns(alone));
      });
    }
    // The lines differ, and the stresses move them: equal columns above are not equal by accident.
    const [first, second] = projectCohorts(lines(), lagged(0.5), base);
    expect(columns(first as CohortCashFlows)['defaults']).not.toEqual(columns(second as CohortCashFlows)['defaults']);
    expect(projectCohorts(lines(), lagged(0.5), { ...base, defaultMultiplier: 2 })[0]?.defaults).not.toEqual(first?.defaults);
  });

  it('still refuses a bad roll-rate matrix on a cache', () => {
    const bad = new Float64Array(64).fill(0.5);
    const run = (): PoolCashFlows => projectPool(lines(), { pool: { rollRates: bad } }, { months: 12, cache: projectionCache() });
    expect(run).toThrow(/row|sum|matrix/i);
  });
});
