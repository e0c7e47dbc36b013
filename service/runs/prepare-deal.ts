import { UserError } from '../../data/errors.ts';
import {
  scheduledPaymentDate,
  allocateLoanArrays,
  amortizationCode,
  EngineError,
  formatIsoDate,
  loanCount,
  parseIsoDate,
  parseVector,
  poolLedger,
  projectionCache,
  projectCohorts,
  projectPool,
  runDeal,
  selectLoans,
  type CohortColumns,
  type Deal,
  type DealResult,
  type LoanArrays,
  type PoolAssumptions,
  type PoolCashFlows,
  type CodedMessage,
  type ProjectionCache,
  type ProjectionOptions,
  type SegmentAssumptions,
  type YieldSupplementLine,
} from '../../engine/index.ts';
import type { ScenarioOverrides } from '../api/contract.ts';
import { dealCalendar } from '../calendars/index.ts';
import { readAssumptionFile, unmatchedWarnings, type Assumptions, type PoolNames } from '../files/assumption-file.ts';
import { dealOf, type DealFile } from '../files/deal-file.ts';
import { fileError } from '../files/file-issues.ts';
import { readPoolFile } from '../files/pool-file.ts';
import { checkStartMonths } from '../files/start-months.ts';
import { assumptionGroups } from './assumption-groups.ts';
import { poolAttributes, type ProjectionInput } from './projection.ts';
import { withEvents, withIndexRates, withMultipliers, withRecoveries } from './scenario.ts';
import { purchaseMix } from './purchase-mix.ts';
import { prepareSchedule, scheduleCashFlows, schedulePoolInput, type PreparedSchedule } from './schedule-pool.ts';

/** Everything a deal run needs, read and checked once (a breakeven re-runs it many times). */
export interface PreparedDeal {
  readonly file: DealFile;
  readonly deal: Deal;
  readonly input: ProjectionInput;
  readonly assumptions: PoolAssumptions;
  /** Pool months projected: through the legal-final payment period. */
  readonly months: number;
  /** One yuan of principal of each purchase profile line (line j is loan j), or null without revolving. */
  readonly profile: LoanArrays | null;
  /** Segment → the pool's loans in it, for each segment with a share limit (empty without one). */
  readonly segmentLoans: ReadonlyMap<string, number[]>;
  /** The run's base default multiplier (ScenarioOverrides.defaultMultiplier, default 1); a multiplier stress multiplies it. */
  readonly defaultMultiplier: number;
  /** The purchase profile's shares by purchase month under the scenario's purchase-mix shifts, or null (the profile's own). */
  readonly purchaseMix: ((month: number) => number[] | undefined) | null;
  /** The deal's schedule pool (docs/schedule-pools.md), or null: the pool is loans or lines. */
  readonly schedule: PreparedSchedule | null;
  /** What the run says of the scenario: the segments and products it names that no loan (nor purchase) is in, whose assumptions were not used. */
  readonly scenarioWarnings: readonly CodedMessage[];
}

const MAX_MONTHS = 600;

/** Pool months the deal can use: every collection month up to the legal-final payment period (the first period's extra months included). */
function dealMonths(deal: Deal): number {
  const frequency = deal.dates.paymentFrequencyMonths ?? 1;
  const extraFirstMonths = (deal.dates.firstPeriodCollectionMonths ?? frequency) - frequency;
  const legalFinal = formatIsoDate(parseIsoDate(deal.dates.legalFinalMaturity));
  let periods = 0;
  while (periods * frequency < MAX_MONTHS && formatIsoDate(scheduledPaymentDate(deal.dates, periods + 1)) <= legalFinal) periods++;
  return Math.max(1, Math.min(MAX_MONTHS, periods * frequency + extraFirstMonths));
}

/** The pool a deal runs on: the tape's (loans or lines) when given, else the deal file's own lines. */
export function dealPool(file: DealFile, tapeInput: ProjectionInput | null): ProjectionInput {
  if (tapeInput !== null) return tapeInput;
  if (file.schedulePool) return schedulePoolInput(file);
  if (!file.pool) throw fileError('Deal', [{ path: '$.pool', message: 'the deal has no pool — give a tape, or write the pool as representative lines in the deal file' }]);
  return readPoolFile({ ...file.pool, cutoffDate: file.pool.cutoffDate ?? file.dates.cutoff }, file.pool.name ?? file.name ?? 'deal pool');
}

/** Reads an assumption file against a pool's names (readAssumptionFile, or a sweep's ScenarioReader). */
export type ScenarioReader = (scenario: unknown, names: PoolNames) => Assumptions;

/**
 * readAssumptionFile kept per file object and pool names, for a sweep whose every cell or scenario
 * reads the same base file against the same pool (a grid cell spent ≈ 4% of its CPU reading it
 * again). Reading is pure and its result is never changed (the overrides make new objects), so the
 * kept value is the value read again. Only for files that are not changed while the sweep runs (a
 * sweep's shared data, read once per thread).
 */
export function scenarioReader(): ScenarioReader {
  const kept = new WeakMap<object, Map<string, Assumptions>>();
  return (scenario, names) => {
    if (typeof scenario !== 'object' || scenario === null) return readAssumptionFile(scenario, names);
    let byNames = kept.get(scenario);
    if (byNames === undefined) {
      byNames = new Map();
      kept.set(scenario, byNames);
    }
    const key = JSON.stringify([names.segments, names.products]);
    let read = byNames.get(key);
    if (read === undefined) {
      read = readAssumptionFile(scenario, names);
      byNames.set(key, read);
    }
    return read;
  };
}

/**
 * The pool's names with those a revolving purchase profile buys that the pool lacks (a purchase of a
 * segment or product the cutoff pool has none of is a loan of it all the same), after the pool's own
 * codes; code 0 is '' when the pool's list is empty (its loans' code: unknown).
 */
function withPurchases(names: readonly string[], bought: readonly (string | undefined)[]): string[] {
  const extra = bought.filter((n): n is string => n !== undefined && !names.includes(n));
  return extra.length === 0 ? [...names] : [...new Set([...(names.length === 0 ? [''] : names), ...extra])];
}

/**
 * Reads the pool (a tape's loans or lines, else the deal file's lines), the scenario (the given
 * assumption file, else the deal file's) and the revolving profile. `tapeInput` is the tape's pool
 * when the deal runs on a tape (already grouped into lines in mode 'repline'). `readScenario`: a
 * sweep's reader that keeps what it read (scenarioReader).
 */
export function prepareDeal(
  file: DealFile,
  tapeInput: ProjectionInput | null,
  assumptionFile: unknown,
  overrides: ScenarioOverrides = {},
  readScenario: ScenarioReader = readAssumptionFile,
): PreparedDeal {
  // A scenario's index rates change the floating notes' coupons: the deal as run, and as reported.
  const dealFile = withIndexRates(file, overrides.indexRates);
  const deal = dealOf(dealFile);
  const schedule = prepareSchedule(file, overrides);
  if (schedule !== null) {
    // dealPool's own input for the schedule (no loans) may come back here; a tape or lines may not.
    if (tapeInput !== null && tapeInput.loanCount > 0)
      throw fileError('Deal', [{ path: '$.schedulePool', message: 'the deal’s pool is its collection schedule: run it without a tape or pool lines' }]);
    const input = schedulePoolInput(file);
    if (assumptionFile !== undefined && assumptionFile !== null) {
      throw fileError('Deal', [
        { path: '$.schedulePool.stress', message: 'a schedule pool is stressed by schedulePool.stress and the run’s overrides (--default, --prepay, --default-mult), not by an assumption file' },
      ]);
    }
    // No loans to resolve curves for: the schedule's stress is its own (schedule-pool.ts).
    const assumptions: PoolAssumptions = { pool: {} };
    return {
      file: dealFile,
      deal,
      input,
      assumptions,
      months: dealMonths(deal),
      profile: null,
      segmentLoans: new Map(),
      defaultMultiplier: overrides.defaultMultiplier ?? 1,
      purchaseMix: null,
      schedule,
      scenarioWarnings: [],
    };
  }
  let input = dealPool(file, tapeInput);
  const scenario = assumptionFile ?? file.assumptions;
  if (scenario === undefined) throw fileError('Deal', [{ path: '$.assumptions', message: 'no scenario — give an assumption file, or write `assumptions` in the deal file' }]);
  const attributes = poolAttributes(input);
  const pool = {
    ...attributes,
    segmentNames: withPurchases(
      attributes.segmentNames,
      (file.revolving?.profile ?? []).map((line) => line.segment ?? ''),
    ),
    productNames: withPurchases(
      attributes.productNames,
      (file.revolving?.profile ?? []).map((line) => line.product),
    ),
  };
  const names: PoolNames = { segments: pool.segmentNames, products: pool.productNames };
  const read = readScenario(scenario, names);
  const scenarioFile = withEvents(withMultipliers(read, overrides.multipliers, pool.segmentNames), overrides.events, pool.segmentNames);
  if (deal.defaultDefinition !== undefined && (scenarioFile.events?.length ?? 0) > 0) {
    // The count by the deal's definition runs beside the roll-rate masses of whole loans; an event splits loans into tracks (docs/assumptions.md).
    throw fileError('Deal', [
      {
        path: '$.defaultDefinition',
        message: 'a default definition is not counted under event stresses (holidays, outages, shocks): run the scenario without its events, or the deal without defaultDefinition',
      },
    ]);
  }
  const months = dealMonths(deal);
  checkStartMonths(input.startMonths, months, 'Deal');
  let profile: LoanArrays | null = null;
  let profileProducts: Uint8Array | null = null;
  if (file.revolving) {
    const lines = file.revolving.profile;
    const loans = allocateLoanArrays(lines.length);
    const products = new Uint8Array(lines.length);
    lines.forEach((line, j) => {
      // Every line's segment and product are in the pool's names (withPurchases above).
      const segment = Math.max(0, pool.segmentNames.indexOf(line.segment ?? ''));
      const product = line.product === undefined ? 0 : Math.max(0, pool.productNames.indexOf(line.product));
      // One yuan of principal of the line (the engine buys cash ÷ price of principal, split by share).
      const remaining = line.remainingTerm ?? line.originalTerm;
      loans.currentPrincipal[j] = 1;
      loans.originalPrincipal[j] = 1;
      loans.rateAnnual[j] = line.rate;
      loans.originalTerm[j] = line.originalTerm;
      loans.remainingTerm[j] = remaining;
      loans.ageMonths[j] = line.originalTerm - remaining;
      loans.amortization[j] = amortizationCode(line.amortization);
      loans.segment[j] = segment;
      products[j] = product;
    });
    profile = loans;
    profileProducts = products;
  }
  // The scenario's segments and override rules onto the pool and the purchase profile alike.
  const grouped = assumptionGroups(scenarioFile, pool, profile && profileProducts ? [{ loans: profile, product: profileProducts }] : []);
  const assumptions = withRecoveries(withCurves(grouped.assumptions, overrideCurves(overrides)), overrides);
  const segmentLoans = segmentLoansFor(deal, pool.segmentNames, input.loans.segment);
  input = { ...input, loans: grouped.loans };
  profile = grouped.more[0] ?? null;
  const mix = purchaseMix(scenarioFile.events, pool.segmentNames, file.revolving?.profile ?? null);
  return {
    file: dealFile,
    deal,
    input,
    assumptions,
    months,
    profile,
    segmentLoans,
    defaultMultiplier: overrides.defaultMultiplier ?? 1,
    purchaseMix: mix,
    schedule: null,
    scenarioWarnings: unmatchedWarnings(scenarioFile.unmatched, names),
  };
}

/** For a segment share limit: the indices of the pool's loans (or lines) in each limited segment. */
function segmentLoansFor(deal: Deal, segmentNames: readonly string[], segmentOf: Uint8Array): ReadonlyMap<string, number[]> {
  const limits = Object.keys(deal.revolving?.eligibility?.maxSegmentShare ?? {});
  const out = new Map(limits.map((segment) => [segment, [] as number[]]));
  if (limits.length === 0) return out;
  segmentOf.forEach((code, i) => out.get(segmentNames[code] ?? '')?.push(i));
  return out;
}

/**
 * The pool flows under a stress (default multiplier × the run's base multiplier, or a constant CDR
 * replacing the default curves). `startMonths`: the loans' own start months (pool lines' `startMonth`).
 * A schedule pool's flows come from its collection schedule under the same stress.
 */
export function poolFlows(prepared: PreparedDeal, loans: LoanArrays, months: number, startMonth: number, stress: Stress, startMonths?: Uint16Array, cache?: ProjectionCache): PoolCashFlows {
  const definition = prepared.deal.defaultDefinition;
  if (prepared.schedule !== null) {
    const flows = scheduleCashFlows(prepared.schedule, months, stress, prepared.defaultMultiplier);
    // A schedule's defaults are its own (or its overlay's): the definition the schedule was drawn on.
    return definition === undefined ? flows : { ...flows, definitionDefaults: flows.defaults };
  }
  return projectPool(loans, stressed(prepared.assumptions, stress), projectionOptions(prepared, months, startMonth, stress, startMonths, cache));
}

/**
 * The purchase profile's lines bought on one date, each a cohort as the pool ledger reads it
 * (projectCohorts: line j's is poolFlows' columns of those names for line j alone, without its
 * rates, the lines' set-up shared); a schedule pool's are its schedule's.
 */
function cohortFlows(prepared: PreparedDeal, lines: LoanArrays, months: number, startMonth: number, stress: Stress, cache: ProjectionCache): CohortColumns[] {
  if (prepared.schedule !== null) return Array.from({ length: loanCount(lines) }, (_, j) => poolFlows(prepared, selectLoans(lines, [j]), months, startMonth, stress, undefined, cache));
  return projectCohorts(lines, stressed(prepared.assumptions, stress), projectionOptions(prepared, months, startMonth, stress, undefined, cache));
}

function projectionOptions(prepared: PreparedDeal, months: number, startMonth: number, stress: Stress, startMonths?: Uint16Array, cache?: ProjectionCache): ProjectionOptions {
  const definition = prepared.deal.defaultDefinition;
  return {
    months,
    cutoffDate: prepared.input.cutoffDate,
    startMonth,
    ...(startMonths ? { startMonths } : {}),
    ...(cache ? { cache } : {}),
    ...(stress.by === 'multiplier' ? { defaultMultiplier: stress.value * prepared.defaultMultiplier } : {}),
    ...(definition !== undefined ? { defaultDefinition: definition } : {}),
  };
}

export type Stress = { readonly by: 'multiplier'; readonly value: number } | { readonly by: 'cdr'; readonly value: number };

const NO_STRESS: Stress = { by: 'multiplier', value: 1 };

/**
 * The run's own pool projection (no stress) as projectPool's arguments, for a pool of loans that
 * all start in month 1: what a loan-level run hands to the worker pool (service/jobs/deal-job.ts),
 * whose chunked projection gives runPrepared the same flows to the bit. Null for a schedule pool
 * or loans with their own start months (those project in one piece, here).
 */
export function runProjection(prepared: PreparedDeal): { loans: LoanArrays; assumptions: PoolAssumptions; options: ProjectionOptions } | null {
  if (prepared.schedule !== null || prepared.input.startMonths !== undefined) return null;
  return { loans: prepared.input.loans, assumptions: stressed(prepared.assumptions, NO_STRESS), options: projectionOptions(prepared, prepared.months, 1, NO_STRESS) };
}

type Curve = NonNullable<SegmentAssumptions['prepayment']>;

/** A curve in vector notation, or a problem at its path among the overrides. */
function notationCurve(text: string, purpose: 'prepayment' | 'default'): Curve {
  try {
    return { kind: 'notation', notation: parseVector(text, { purpose }) };
  } catch (error) {
    if (!(error instanceof Error)) throw error;
    throw fileError('Scenario override', [{ path: `$.${purpose}`, message: error.message }], { value: text });
  }
}

function overrideCurves(overrides: ScenarioOverrides): { prepayment?: Curve; default?: Curve } {
  return {
    ...(overrides.prepayment !== undefined ? { prepayment: notationCurve(overrides.prepayment, 'prepayment') } : {}),
    ...(overrides.default !== undefined ? { default: notationCurve(overrides.default, 'default') } : {}),
  };
}

/**
 * The curves put on the pool and on every segment and override group; a default curve replaces any
 * defaultTiming. A default curve given this way (a CDR stress, or abs run --default) is an explicit
 * instruction, so it applies even where the scenario takes its defaults from roll-rate charge-offs:
 * those segments default from both sources (defaultSources 'both'), as a stress on top of the roll rates.
 */
function withCurves(assumptions: PoolAssumptions, curves: { prepayment?: Curve; default?: Curve }): PoolAssumptions {
  if (curves.prepayment === undefined && curves.default === undefined) return assumptions;
  const put = (segment: SegmentAssumptions): SegmentAssumptions => {
    const { defaultTiming, ...rest } = segment;
    return {
      ...rest,
      ...(curves.prepayment ? { prepayment: curves.prepayment } : {}),
      ...(curves.default ? { default: curves.default, defaultSources: 'both' as const } : defaultTiming ? { defaultTiming } : {}),
    };
  };
  return { ...assumptions, pool: put(assumptions.pool), segments: (assumptions.segments ?? []).map((segment) => (segment ? put(segment) : undefined)) };
}

function stressed(assumptions: PoolAssumptions, stress: Stress): PoolAssumptions {
  if (stress.by === 'multiplier') return assumptions;
  return withCurves(assumptions, { default: notationCurve(`${(stress.value * 100).toFixed(6)} CDR`, 'default') });
}

/**
 * Pool projection + waterfall under a stress. `projected`: the pool's flows of the run's own
 * projection (runProjection, no stress) when they were projected elsewhere — on the worker pool.
 */
export function runPrepared(prepared: PreparedDeal, stress: Stress = NO_STRESS, projected?: PoolCashFlows): { result: DealResult; flows: PoolCashFlows } {
  const { months, profile } = prepared;
  const starts = prepared.input.startMonths;
  // The pool, each purchase cohort and each limited segment project on the same assumptions: their set-up is shared (projection-cache.ts).
  const cache = projectionCache();
  const flows = projected ?? poolFlows(prepared, prepared.input.loans, months, 1, stress, starts, cache);
  // Every line's unit cohort bought at the end of month afterMonth, projected together on the first ask, once per run.
  const cohorts = new Map<number, CohortColumns[]>();
  const unitCohort = (afterMonth: number, line: number): CohortColumns => {
    if (profile === null) throw new RangeError(`purchase line ${line}`);
    let bought = cohorts.get(afterMonth);
    if (bought === undefined) {
      bought = cohortFlows(prepared, profile, Math.max(1, months - afterMonth), afterMonth + 1, stress, cache);
      cohorts.set(afterMonth, bought);
    }
    const cohort = bought[line];
    if (cohort === undefined) throw new RangeError(`purchase line ${line}`);
    return cohort;
  };
  const segmentEndingBalance = new Map<string, Float64Array>();
  for (const [segment, indices] of prepared.segmentLoans) {
    const subset = starts ? Uint16Array.from(indices, (i) => starts[i] ?? 1) : undefined;
    segmentEndingBalance.set(
      segment,
      indices.length === 0 ? new Float64Array(months) : poolFlows(prepared, selectLoans(prepared.input.loans, indices), months, 1, stress, subset, cache).endingBalance,
    );
  }
  const ysocLines = yieldSupplementLines(prepared, stress, cache);
  try {
    const pool = poolLedger(flows, { unitCohort, ...(prepared.segmentLoans.size > 0 ? { segmentEndingBalance } : {}), ...(ysocLines ? { yieldSupplementLines: ysocLines } : {}) });
    const calendar = dealCalendar(prepared.deal);
    const options = { skipValidation: true, ...(prepared.purchaseMix !== null ? { purchaseMix: prepared.purchaseMix } : {}), ...(calendar !== undefined ? { calendar } : {}) };
    return { result: runDeal(prepared.deal, pool, options), flows };
  } catch (error) {
    if (error instanceof EngineError) {
      throw new UserError('BAD_REQUEST', `Deal: ${error.message}`, { ...error.details, engineCode: error.code });
    }
    throw error;
  }
}

/**
 * For a YSOC computed at a required rate (Deal.yieldSupplementOCFromPool): each pool line whose APR
 * is below the highest required rate, projected on its own under the run's scenario and stress (so
 * its balance moves with the speed), with its remaining term and start month. The present value is
 * defined on level monthly payments, so such a line of another amortization type is refused.
 */
function yieldSupplementLines(prepared: PreparedDeal, stress: Stress, cache: ProjectionCache): YieldSupplementLine[] | undefined {
  const spec = prepared.deal.yieldSupplementOCFromPool;
  if (spec === undefined) return undefined;
  const highest = Math.max(spec.requiredRate, spec.afterNotesPaid?.requiredRate ?? 0);
  const { loans, startMonths } = prepared.input;
  const level = amortizationCode('level_payment');
  const lines: YieldSupplementLine[] = [];
  for (let i = 0; i < loanCount(loans); i++) {
    const rateAnnual = loans.rateAnnual[i] ?? 0;
    if (!(rateAnnual < highest)) continue;
    if (loans.amortization[i] !== level) {
      const path = prepared.input.tapeId === null ? `$.pool.lines[${i}].amortization` : '$.yieldSupplementOCFromPool';
      throw fileError('Deal', [{ path, message: `line ${i + 1} (APR ${rateAnnual}) is not level payment: the yield supplement OC discounts level monthly payments` }]);
    }
    const startMonth = startMonths?.[i] ?? 1;
    const own = poolFlows(prepared, selectLoans(loans, [i]), prepared.months, 1, stress, startMonths ? Uint16Array.of(startMonth) : undefined, cache);
    lines.push({ rateAnnual, remainingTerm: Math.max(1, loans.remainingTerm[i] ?? 1), startMonth, cutoffBalance: loans.currentPrincipal[i] ?? 0, endingBalance: own.endingBalance });
  }
  return lines;
}
