import { assertMonths } from '../curves/checks.ts';
import { addMonths, parseIsoDate } from '../dates.ts';
import { yearFraction, type DayCount } from '../daycount.ts';
import { assert } from '../errors.ts';
import { mergeSegment, resolveAssumptions, type PoolAssumptions, type ResolvedSegment, type SegmentAssumptions } from './assumptions.ts';
import { timingRates, type ProjectLines } from './default-timing.ts';
import {
  accumulatorLengths,
  allocateAccumulators,
  cohortCashFlows,
  cohortColumnLengths,
  columnBlock,
  LIVE_STATES,
  poolCashFlows,
  poolColumnLengths,
  type CohortCashFlows,
  type ColumnSource,
  type PoolCashFlows,
} from './cash-flows.ts';
import { projectLoanInto } from './kernel.ts';
import { definitionCount, type DefaultDefinition } from './definition-defaults.ts';
import { DEFAULT_TAIL_TOLERANCE, kernelContext, type KernelContext } from './kernel-context.ts';
import { loanCount, selectLoans, validateLoanArrays, type LoanArrays } from './loans.ts';
import { prefixOf, type ProjectionCache } from './projection-cache.ts';
import { STATE_COUNT, TRACE_COLUMNS } from './transitions.ts';

export interface ProjectionOptions {
  /** Months to project, ≥ 1. Loans maturing earlier contribute nothing after maturity (save unpaid arrears). */
  readonly months: number;
  /**
   * Accrual year fraction of each projected month, pool-wide; default 1/12 each (30/360:
   * monthly interest = APR / 12 × balance). The hook for ACT/365: actual days of each period / 365.
   * Level installments stay the APR/12 annuity; the day count moves the interest/principal split
   * (as engine/schedule does), re-amortized each month when any fraction differs from 1/12.
   */
  readonly yearFractions?: Float64Array;
  /**
   * Cutoff date (ISO YYYY-MM-DD): needed when a segment accrues on ACT/365 or ACT/360. Month k
   * accrues from cutoff + (k − 1) months to cutoff + k months (addMonths, clamped to month end):
   * the loans' due dates are taken on the cutoff's day of the month, so a pool cut off on the 30th
   * accrues 31 days in the month to the 30th of a 31-day month, 28 or 29 in February.
   */
  readonly cutoffDate?: string;
  /** Month of period-based curves and of the accrual calendar that is this projection's month 1; default 1 (see CurveShape). */
  readonly startMonth?: number;
  /** Scales the default curve and the entry into delinquency; default 1 (see CurveShape). */
  readonly defaultMultiplier?: number;
  /**
   * Each loan's (representative line's) start month: the projection month in which its first
   * scheduled payment falls; 1 (the default, or no array) = month 1. A loan that starts in month
   * s > 1 (a prospectus's hypothetical pool with a later "assumed cutoff date", e.g. GM Financial
   * Consumer Automobile Receivables Trust 2025-2: pools cut off 1 April beside pools cut off 1 March,
   * "the first due date for each automobile loan contract is the last day of the month of the assumed
   * cutoff date") is held at its balance, current, with no payment, prepayment, default or interest
   * in months 1 … s − 1; from month s it is projected as from its own cutoff (its age-based curves
   * read its age + 1 in month s; its period-based curves and accrual calendar read month s, as a
   * purchase's do). Such a loan must be current with nothing overdue.
   */
  readonly startMonths?: Uint16Array;
  /**
   * The deal's default definition (definition-defaults.ts): the projection also counts the balance
   * that meets it, month by month (PoolCashFlows.definitionDefaults). Runs every loan on the dense
   * kernel; not combined with event stresses.
   */
  readonly defaultDefinition?: DefaultDefinition;
  /**
   * Relative tolerance at which a matured loan stops: once, after its maturity, its balance plus
   * overdue interest plus accrued penalty is at or below tailTolerance × its balance at cutoff,
   * its remaining months are skipped (delinquent arrears decay geometrically under roll rates and
   * never reach exactly 0). Default DEFAULT_TAIL_TOLERANCE (1e-9); 0: only an exact 0 stops.
   * What it leaves out of the pool's flows is bounded in docs/assumptions.md (Tail tolerance).
   */
  readonly tailTolerance?: number;
  /**
   * Set-up shared with the other projections of one run (projection-cache.ts): a deal run projects
   * the pool and a cohort per purchase month and profile line on the same assumptions. Without
   * one, each projection computes its own; the flows are the same to the bit either way.
   */
  readonly cache?: ProjectionCache;
  /** Called after every chunk of PROJECTION_CHUNK_LOANS loans and at the end with (loans projected, loans in all). */
  readonly onProgress?: (done: number, total: number) => void;
}

interface Prepared {
  readonly segments: ResolvedSegment[];
  readonly ctx: KernelContext;
  readonly maxLag: number;
}

function prepare(loans: LoanArrays, assumptions: PoolAssumptions, options: ProjectionOptions): Prepared {
  const { months } = options;
  assertMonths(months, 'months');
  assert(months >= 1, 'INVALID_MONTHS', { field: 'months', value: months, minimum: 1 });
  // 1/12 a month (30/360) unless given: the run's one table when there is a cache (the kernels only read it).
  const yearFractions = options.yearFractions ?? cachedAccrualFractions(options.cache, '30/360', months, options.cutoffDate, 0);
  assert(yearFractions.length >= months, 'YEAR_FRACTIONS', { length: yearFractions.length, months });
  for (let k = 0; k < months; k++) {
    const yf = yearFractions[k] ?? Number.NaN;
    assert(yf >= 0 && yf < Infinity, 'YEAR_FRACTIONS', { month: k + 1, value: yf });
  }
  const tailTolerance = options.tailTolerance ?? DEFAULT_TAIL_TOLERANCE;
  assert(tailTolerance >= 0 && tailTolerance < 1, 'TAIL_TOLERANCE', { value: tailTolerance, minimum: 0, below: 1 });
  validateLoanArrays(loans);
  let maxAge = 0;
  let maxSegment = 0;
  for (let i = 0; i < loanCount(loans); i++) {
    maxAge = Math.max(maxAge, loans.ageMonths[i] ?? 0);
    maxSegment = Math.max(maxSegment, loans.segment[i] ?? 0);
  }
  const tables = new Map<DayCount | null, Float64Array>([[null, yearFractions]]);
  const accrual = (dayCount: DayCount | null): Float64Array => {
    let table = tables.get(dayCount);
    if (table === undefined) {
      table = cachedAccrualFractions(options.cache, dayCount ?? '30/360', months, options.cutoffDate, (options.startMonth ?? 1) - 1);
      tables.set(dayCount, table);
    }
    return table;
  };
  const shape = { startMonth: options.startMonth ?? 1, defaultMultiplier: options.defaultMultiplier ?? 1 };
  const segments = resolveAssumptions(withTimingRates(loans, assumptions, maxSegment + 1, options), maxSegment + 1, months, maxAge, accrual, shape, options.cache);
  const maxLag = segments.reduce((lag, s) => Math.max(lag, s.recoveryLagMonths), 0);
  const definition = options.defaultDefinition === undefined ? null : definitionCount(options.defaultDefinition);
  if (definition !== null) {
    const stressed = segments.findIndex((segment) => segment.events !== null);
    assert(stressed < 0, 'DEFAULT_DEFINITION', { segment: stressed, rule: 'a default definition is not counted under event stresses (holidays, outages, shocks)' });
  }
  return { segments, ctx: kernelContext(months, tailTolerance, definition, options.cache?.scratch), maxLag };
}

/** A timing curve is solved only where it applies: without roll rates, or with defaultSources 'both'. */
function applies(segment: SegmentAssumptions): boolean {
  return segment.defaultTiming !== undefined && (!segment.rollRates || segment.defaultSources === 'both');
}

/**
 * Segments whose default is a cumulative timing curve get the monthly default rates that produce
 * it, solved on their own loans' representative lines (default-timing.ts) under the same months,
 * accrual and start month; a default multiplier then scales those rates like any default curve.
 */
function withTimingRates(loans: LoanArrays, assumptions: PoolAssumptions, segmentCount: number, options: ProjectionOptions): PoolAssumptions {
  const merged = Array.from({ length: segmentCount }, (_, s) => mergeSegment(assumptions.pool, assumptions.segments?.[s]));
  if (!merged.some(applies)) return assumptions;
  // The solve needs no count by a deal's default definition (it would only move every loan to the dense kernel).
  const { onProgress: _progress, defaultMultiplier: _multiplier, startMonths: _starts, defaultDefinition: _definition, ...plain } = options;
  const project: ProjectLines = (lines, groupAssumptions) => projectPool(lines, groupAssumptions, plain);
  const segments = merged.map((segment, s) => {
    const timing = segment.defaultTiming;
    if (!timing || !applies(segment)) return assumptions.segments?.[s];
    const rates = timingRates(loans, s, segment, timing, options.months, project);
    const { defaultTiming: _timing, ...rest } = segment;
    return { ...rest, default: { kind: 'monthly' as const, rates } };
  });
  return { ...assumptions, segments };
}

/** accrualFractions, kept in the run's cache when there is one (an ACT/365 calendar is date arithmetic for every month; a shorter horizon's is the start of a longer). */
function cachedAccrualFractions(cache: ProjectionCache | undefined, dayCount: DayCount, months: number, cutoffDate: string | undefined, skipMonths: number): Float64Array {
  if (cache === undefined) return accrualFractions(dayCount, months, cutoffDate, skipMonths);
  const fromCutoff = prefixOf(
    cache.accrual,
    `${dayCount}|${cutoffDate ?? ''}`,
    skipMonths + months,
    (length) => accrualFractions(dayCount, length, cutoffDate),
    (longest, length) => longest.value.subarray(0, length),
  );
  return skipMonths === 0 ? fromCutoff : fromCutoff.subarray(skipMonths);
}

/** Year fractions of the monthly periods from the cutoff: 1/12 each on 30/360, actual days / 365 or 360 otherwise. */
function accrualFractions(dayCount: DayCount, months: number, cutoffDate: string | undefined, skipMonths = 0): Float64Array {
  if (dayCount === '30/360') return new Float64Array(months).fill(1 / 12);
  assert(cutoffDate !== undefined, 'MISSING_ACCRUAL_DATES', { dayCount });
  const cutoff = parseIsoDate(cutoffDate);
  const out = new Float64Array(months);
  for (let k = 0; k < months; k++) out[k] = yearFraction(dayCount, addMonths(cutoff, skipMonths + k), addMonths(cutoff, skipMonths + k + 1));
  return out;
}

function segmentOf(prepared: Prepared, loans: LoanArrays, i: number): ResolvedSegment {
  const segment = prepared.segments[loans.segment[i] ?? 0];
  assert(segment !== undefined, 'LOAN_CODE', { loan: i, field: 'segment', value: loans.segment[i] });
  return segment;
}

/**
 * The pool's monthly cash flows, loan by loan (deterministic Markov expectation; the order of
 * events within a month is documented on projectLoanInto). Float64 throughout: pass the result
 * to roundToCents for the cent table. Inputs are validated once, up front.
 */
export function projectPool(loans: LoanArrays, assumptions: PoolAssumptions, options: ProjectionOptions): PoolCashFlows {
  const groups = startMonthGroups(loans, options);
  if (groups !== null) return projectStaggered(loans, groups, assumptions, options);
  const { acc, cutoffBalance, defaultsFirst, poolColumns } = accumulate(loans, assumptions, options, poolColumnLengths);
  options.onProgress?.(loanCount(loans), loanCount(loans));
  return poolCashFlows(acc, loanCount(loans), cutoffBalance, defaultsFirst, poolColumns);
}

/**
 * A revolving purchase's cohort projected for the pool ledger: projectPool's flows, ending balance,
 * month-end states and 逾期总额, to the bit, without the rates and cumulative columns (a deal run
 * projects some forty cohorts, and the ledger reads none of those; cash-flows.ts cohortCashFlows).
 */
export function projectCohort(loans: LoanArrays, assumptions: PoolAssumptions, options: ProjectionOptions): CohortCashFlows {
  if (startMonthGroups(loans, options) !== null) return projectPool(loans, assumptions, options);
  const { acc, cutoffBalance, poolColumns } = accumulate(loans, assumptions, options, cohortColumnLengths);
  options.onProgress?.(loanCount(loans), loanCount(loans));
  return cohortCashFlows(acc, cutoffBalance, poolColumns);
}

/**
 * Each loan (a purchase profile's line) projected as a cohort of its own: element i is
 * projectCohort(selectLoans(loans, [i]), …) to the bit, the set-up done once for all of them — the
 * lines bought on one date share their months, start month, stress and assumptions, so resolving
 * the segments (rate tables, roll-rate plans, calendars) once instead of once a line is a quarter
 * of the work on a four-line profile. What a loan's flows read of the set-up is its own segment,
 * resolved from its assumptions alone: a table longer for an older line, or a segment resolved
 * that it is not in, changes none of its figures (projection-cache.ts: each entry depends on its own
 * month or age). Not so for a cumulative timing curve, solved on the loans it is given, nor for
 * loans with their own start months: those project one by one.
 */
export function projectCohorts(loans: LoanArrays, assumptions: PoolAssumptions, options: ProjectionOptions): CohortCashFlows[] {
  const count = loanCount(loans);
  const oneByOne = (): CohortCashFlows[] => Array.from({ length: count }, (_, i) => projectCohort(selectLoans(loans, [i]), assumptions, options));
  if (options.startMonths !== undefined || count === 0) return oneByOne();
  let segmentCount = 0;
  for (let i = 0; i < count; i++) segmentCount = Math.max(segmentCount, (loans.segment[i] ?? 0) + 1);
  for (let s = 0; s < segmentCount; s++) if (applies(mergeSegment(assumptions.pool, assumptions.segments?.[s]))) return oneByOne();
  const prepared = prepare(loans, assumptions, options);
  const { months } = options;
  const lengths = accumulatorLengths(months, prepared.maxLag, prepared.ctx.definition !== null).concat(cohortColumnLengths(months));
  const out: CohortCashFlows[] = [];
  for (let i = 0; i < count; i++) {
    const block = columnBlock(lengths, options.cache?.arena);
    const acc = allocateAccumulators(months, prepared.maxLag, prepared.ctx.definition !== null, block);
    projectLoanInto(loans, i, segmentOf(prepared, loans, i), prepared.ctx, acc, null);
    // A pool of one loan: its cutoff balance is the loan's (cutoffBalanceOf adds it to 0).
    out.push(cohortCashFlows(acc, 0 + (loans.currentPrincipal[i] ?? 0), block));
  }
  options.onProgress?.(count, count);
  return out;
}

interface Accumulated {
  readonly acc: ReturnType<typeof allocateAccumulators>;
  readonly cutoffBalance: number;
  readonly defaultsFirst: boolean;
  /** Where the pool's columns come from (accumulate's `outputLengths`: from the projection's block when it has one chunk). */
  readonly poolColumns?: ColumnSource;
}

/**
 * Loans per chunk: each chunk's loans are summed into accumulators of their own, and the chunks'
 * accumulators are added in chunk order. A fixed order of summation, so the pool's figures are the
 * same to the bit however the chunks are shared out among threads (projectChunks, addChunks).
 */
export const PROJECTION_CHUNK_LOANS = 1 << 15;

/** Chunks of PROJECTION_CHUNK_LOANS loans in a pool of `loans` (the last may be shorter). */
export function projectionChunkCount(loans: number): number {
  return Math.ceil(loans / PROJECTION_CHUNK_LOANS);
}

/** Each chunk's accumulators (one loan range's flows), as projectChunks returns them and addChunks takes them. */
export type ChunkAccumulators = ReturnType<typeof allocateAccumulators>;

/** A pool prepared once for projecting its chunks (a thread keeps it for all its tasks of one projection). */
export interface ChunkProjection {
  readonly loans: LoanArrays;
  readonly months: number;
  readonly prepared: Prepared;
  /** Every segment takes defaults off the beginning balance (the realised MDR's denominator): what addChunks needs of the resolved segments. */
  readonly defaultsFirst: boolean;
}

/** Validates and resolves once what every chunk of the pool needs. Every loan must start in month 1 (no ProjectionOptions.startMonths). */
export function prepareChunkProjection(loans: LoanArrays, assumptions: PoolAssumptions, options: ProjectionOptions): ChunkProjection {
  assert(options.startMonths === undefined, 'LINE_START_MONTH', { reason: 'start months are projected in one piece' });
  const prepared = prepare(loans, assumptions, options);
  return { loans, months: options.months, prepared, defaultsFirst: prepared.segments.every((segment) => segment.defaultsFirst) };
}

/** Chunks `first` … `last` − 1 of the pool projected, each into its own accumulators: the share of one thread. */
export function projectChunks(projection: ChunkProjection, first: number, last: number): ChunkAccumulators[] {
  const parts: ChunkAccumulators[] = [];
  for (let chunk = first; chunk < last; chunk++) parts.push(projectChunk(projection.loans, projection.prepared, projection.months, chunk));
  return parts;
}

function projectChunk(loans: LoanArrays, prepared: Prepared, months: number, chunk: number, columns?: ColumnSource): ChunkAccumulators {
  const acc = allocateAccumulators(months, prepared.maxLag, prepared.ctx.definition !== null, columns);
  const end = Math.min(loanCount(loans), (chunk + 1) * PROJECTION_CHUNK_LOANS);
  for (let i = chunk * PROJECTION_CHUNK_LOANS; i < end; i++) projectLoanInto(loans, i, segmentOf(prepared, loans, i), prepared.ctx, acc, null);
  return acc;
}

/**
 * The pool's cash flows from every chunk's accumulators, added in chunk order (whoever projected
 * them): what projectPool returns for a pool of one chunk or more whose loans all start in month 1,
 * to the bit. `defaultsFirst`: the projecting threads' ChunkProjection.defaultsFirst — the calling
 * thread resolves nothing again (on 1M loans, 18 ms on the critical path of a 2-thread run).
 */
export function addChunks(loans: LoanArrays, defaultsFirst: boolean, parts: readonly ChunkAccumulators[]): PoolCashFlows {
  const count = loanCount(loans);
  const first = parts[0];
  assert(first !== undefined && parts.length === projectionChunkCount(count), 'LOAN_ARRAYS', { chunks: parts.length, expected: projectionChunkCount(count) });
  // Every chunk's accumulators have the pool's shape: its months, recovery lag and definition column.
  const acc = allocateAccumulators(first.months, first.recoveries.length - first.months, first.definitionDefaults !== undefined);
  const { cutoffBalance } = sumChunks(loans, acc, parts);
  return poolCashFlows(acc, count, cutoffBalance, defaultsFirst);
}

/** The chunks added into `acc` in chunk order (the definition count's column too: addShifted), and the cutoff balance loan by loan. */
function sumChunks(loans: LoanArrays, acc: ChunkAccumulators, parts: readonly ChunkAccumulators[]): { readonly cutoffBalance: number } {
  for (const part of parts) addShifted(acc, { acc: part, cutoffBalance: 0, defaultsFirst: true }, 0);
  return { cutoffBalance: cutoffBalanceOf(loans) };
}

/** Σ current principal, loan by loan in order. */
function cutoffBalanceOf(loans: LoanArrays): number {
  let cutoffBalance = 0;
  for (let i = 0; i < loanCount(loans); i++) cutoffBalance += loans.currentPrincipal[i] ?? 0;
  return cutoffBalance;
}

/**
 * Every loan projected (the loans all start in month 1): chunk by chunk, the chunks added in order.
 * A pool of one chunk (every cohort of a deal run) takes its chunk's accumulators as the pool's
 * and, given `outputLengths` (the lengths of the columns the caller makes of them), those columns
 * from the same block (cash-flows.ts columnBlock).
 */
function accumulate(loans: LoanArrays, assumptions: PoolAssumptions, options: ProjectionOptions, outputLengths?: (months: number) => number[]): Accumulated {
  const prepared = prepare(loans, assumptions, options);
  const { months } = options;
  const count = loanCount(loans);
  const chunks = projectionChunkCount(count);
  const definition = prepared.ctx.definition !== null;
  const defaultsFirst = prepared.segments.every((segment) => segment.defaultsFirst);
  if (chunks === 1) {
    // One chunk: its accumulators are the pool's (a sum of one part starting from zero is the part, to the bit: the kernels only add into zeroed columns, so no column holds −0).
    const lengths = accumulatorLengths(months, prepared.maxLag, definition);
    const block = columnBlock(outputLengths ? lengths.concat(outputLengths(months)) : lengths, options.cache?.arena);
    const acc = projectChunk(loans, prepared, months, 0, block);
    options.onProgress?.(count, count);
    return { acc, cutoffBalance: cutoffBalanceOf(loans), defaultsFirst, ...(outputLengths ? { poolColumns: block } : {}) };
  }
  const parts: ChunkAccumulators[] = [];
  for (let chunk = 0; chunk < chunks; chunk++) {
    parts.push(projectChunk(loans, prepared, months, chunk));
    options.onProgress?.(Math.min(count, (chunk + 1) * PROJECTION_CHUNK_LOANS), count);
  }
  const acc = allocateAccumulators(months, prepared.maxLag, definition);
  const { cutoffBalance } = sumChunks(loans, acc, parts);
  return { acc, cutoffBalance, defaultsFirst };
}

/** The loans of each start month (ascending), or null when every loan starts in month 1. */
function startMonthGroups(loans: LoanArrays, options: ProjectionOptions): Map<number, number[]> | null {
  const starts = options.startMonths;
  if (starts === undefined) return null;
  const count = loanCount(loans);
  assert(starts.length === count, 'LINE_START_MONTH', { length: starts.length, loans: count });
  const groups = new Map<number, number[]>();
  for (let i = 0; i < count; i++) {
    const s = starts[i] ?? 1;
    assert(s >= 1 && s <= options.months, 'LINE_START_MONTH', { loan: i, startMonth: s, months: options.months });
    if (s > 1) {
      const overdue = (loans.overduePrincipal[i] ?? 0) + (loans.overdueInterest[i] ?? 0);
      assert((loans.delinquency[i] ?? 0) === 0 && overdue === 0, 'LINE_START_MONTH', { loan: i, startMonth: s, reason: 'not current' });
    }
    const group = groups.get(s);
    if (group === undefined) groups.set(s, [i]);
    else group.push(i);
  }
  if (groups.size === 1 && groups.has(1)) return null;
  return new Map([...groups.entries()].sort((a, b) => a[0] - b[0]));
}

/**
 * Loans with start months (ProjectionOptions.startMonths): each start month's loans projected as
 * their own pool over the months left from it, their flows added from that month on, and their
 * cutoff balance held (current) in the months before it. The projection is linear in the loans, so
 * the sum is the pool's.
 */
function projectStaggered(loans: LoanArrays, groups: Map<number, number[]>, assumptions: PoolAssumptions, options: ProjectionOptions): PoolCashFlows {
  const { months } = options;
  const { startMonths: _starts, ...rest } = options;
  const parts: { shift: number; part: Accumulated }[] = [];
  let done = 0;
  const count = loanCount(loans);
  for (const [start, indices] of groups) {
    const offset = done;
    const progress = options.onProgress;
    const part = accumulate(selectLoans(loans, indices), assumptions, {
      ...rest,
      months: months - start + 1,
      startMonth: (options.startMonth ?? 1) + start - 1,
      ...(progress ? { onProgress: (n: number) => progress(offset + n, count) } : {}),
    });
    done += indices.length;
    parts.push({ shift: start - 1, part });
  }
  // A part's recoveries run `lag` months past its own horizon, which ends with the pool's.
  const maxLag = Math.max(...parts.map(({ part }) => part.acc.recoveries.length - part.acc.months));
  const acc = allocateAccumulators(months, maxLag, options.defaultDefinition !== undefined);
  for (const { shift, part } of parts) addShifted(acc, part, shift);
  options.onProgress?.(count, count);
  return poolCashFlows(
    acc,
    count,
    parts.reduce((sum, { part }) => sum + part.cutoffBalance, 0),
    parts.every(({ part }) => part.defaultsFirst),
  );
}

/** A start month's accumulators added `shift` months later; its cutoff balance held current in the months before. */
function addShifted(acc: Accumulated['acc'], part: Accumulated, shift: number): void {
  const from = part.acc;
  const columns = [
    'scheduledInterest',
    'interestCollected',
    'penaltyInterest',
    'penaltyForgone',
    'scheduledPrincipal',
    'prepayments',
    'capitalisedInterest',
    'defaults',
    'losses',
    'servicingFee',
    'overduePrincipal',
    'overdueInterest',
    'recoveries',
  ] as const;
  for (const column of columns) {
    const source = from[column];
    const target = acc[column];
    for (let k = 0; k < source.length && k + shift < target.length; k++) target[k + shift] = (target[k + shift] ?? 0) + (source[k] ?? 0);
  }
  const counted = from.definitionDefaults;
  const countedInto = acc.definitionDefaults;
  if (counted !== undefined && countedInto !== undefined) {
    for (let k = 0; k < counted.length && k + shift < countedInto.length; k++) countedInto[k + shift] = (countedInto[k + shift] ?? 0) + (counted[k] ?? 0);
  }
  for (let k = 0; k < from.months; k++) {
    for (let b = 0; b < LIVE_STATES; b++) {
      const at = (k + shift) * LIVE_STATES + b;
      acc.stateBalance[at] = (acc.stateBalance[at] ?? 0) + (from.stateBalance[k * LIVE_STATES + b] ?? 0);
    }
  }
  // Months before the start: the loans' balance, all current (startMonthGroups checked), nothing paid.
  for (let k = 0; k < shift; k++) acc.stateBalance[k * LIVE_STATES] = (acc.stateBalance[k * LIVE_STATES] ?? 0) + part.cutoffBalance;
}

/** One loan's expected fractions month by month (index 0 = end of projection month 1). */
export interface LoanTrace {
  readonly months: number;
  /** Mass in each ROLL_STATES state, row-major [month × 8 + state]: shares of the loan at cutoff. */
  readonly stateMass: Float64Array;
  /** Mass prepaid so far. stateMass of a month + prepaidMass = 1. */
  readonly prepaidMass: Float64Array;
  /** stateMass / its row total: the state fractions of the loan not prepaid; each row sums to 1. */
  readonly stateFraction: Float64Array;
}

/** Traces loan `index` under the same assumptions as projectPool (for tests and drill-down). */
export function traceLoan(loans: LoanArrays, index: number, assumptions: PoolAssumptions, options: ProjectionOptions): LoanTrace {
  assert(Number.isInteger(index) && index >= 0 && index < loanCount(loans), 'LOAN_ARRAYS', { index, loans: loanCount(loans) });
  const prepared = prepare(loans, assumptions, options);
  const { months } = options;
  const raw = new Float64Array(months * TRACE_COLUMNS);
  projectLoanInto(loans, index, segmentOf(prepared, loans, index), prepared.ctx, allocateAccumulators(months, prepared.maxLag), raw);
  const stateMass = new Float64Array(months * STATE_COUNT);
  const stateFraction = new Float64Array(months * STATE_COUNT);
  const prepaidMass = new Float64Array(months);
  for (let k = 0; k < months; k++) {
    let total = 0;
    for (let s = 0; s < STATE_COUNT; s++) total += raw[k * TRACE_COLUMNS + s] ?? 0;
    for (let s = 0; s < STATE_COUNT; s++) {
      const mass = raw[k * TRACE_COLUMNS + s] ?? 0;
      stateMass[k * STATE_COUNT + s] = mass;
      stateFraction[k * STATE_COUNT + s] = total > 0 ? mass / total : s === 0 ? 1 : 0;
    }
    prepaidMass[k] = raw[k * TRACE_COLUMNS + STATE_COUNT] ?? 0;
  }
  return { months, stateMass, prepaidMass, stateFraction };
}
