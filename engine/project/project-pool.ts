import { assertMonths } from '../curves/checks.ts';
import { addMonths, parseIsoDate } from '../dates.ts';
import { yearFraction, type DayCount } from '../daycount.ts';
import { assert } from '../errors.ts';
import { mergeSegment, resolveAssumptions, type PoolAssumptions, type ResolvedSegment, type SegmentAssumptions } from './assumptions.ts';
import { timingRates, type ProjectLines } from './default-timing.ts';
import { allocateAccumulators, poolCashFlows, type PoolCashFlows } from './cash-flows.ts';
import { projectLoanInto } from './kernel.ts';
import { kernelContext, type KernelContext } from './kernel-context.ts';
import { loanCount, validateLoanArrays, type LoanArrays } from './loans.ts';
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
  /** Called every PROGRESS_EVERY loans and at the end with (loans projected, loans in all). */
  readonly onProgress?: (done: number, total: number) => void;
}

/** Loans between two progress calls: rare enough to cost nothing, ~30 calls a second at speed. */
const PROGRESS_EVERY = 1 << 16;

interface Prepared {
  readonly segments: ResolvedSegment[];
  readonly ctx: KernelContext;
  readonly maxLag: number;
}

function prepare(loans: LoanArrays, assumptions: PoolAssumptions, options: ProjectionOptions): Prepared {
  const { months } = options;
  assertMonths(months, 'months');
  assert(months >= 1, 'INVALID_MONTHS', { field: 'months', value: months, minimum: 1 });
  const yearFractions = options.yearFractions ?? new Float64Array(months).fill(1 / 12);
  assert(yearFractions.length >= months, 'YEAR_FRACTIONS', { length: yearFractions.length, months });
  for (let k = 0; k < months; k++) {
    const yf = yearFractions[k] ?? Number.NaN;
    assert(yf >= 0 && yf < Infinity, 'YEAR_FRACTIONS', { month: k + 1, value: yf });
  }
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
      table = accrualFractions(dayCount ?? '30/360', months, options.cutoffDate, (options.startMonth ?? 1) - 1);
      tables.set(dayCount, table);
    }
    return table;
  };
  const shape = { startMonth: options.startMonth ?? 1, defaultMultiplier: options.defaultMultiplier ?? 1 };
  const segments = resolveAssumptions(withTimingRates(loans, assumptions, maxSegment + 1, options), maxSegment + 1, months, maxAge, accrual, shape);
  const maxLag = segments.reduce((lag, s) => Math.max(lag, s.recoveryLagMonths), 0);
  return { segments, ctx: kernelContext(months), maxLag };
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
  const { onProgress: _progress, defaultMultiplier: _multiplier, ...plain } = options;
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
  const prepared = prepare(loans, assumptions, options);
  const acc = allocateAccumulators(options.months, prepared.maxLag);
  const count = loanCount(loans);
  let cutoffBalance = 0;
  for (let i = 0; i < count; i++) {
    cutoffBalance += loans.currentPrincipal[i] ?? 0;
    projectLoanInto(loans, i, segmentOf(prepared, loans, i), prepared.ctx, acc, null);
    if (options.onProgress !== undefined && (i + 1) % PROGRESS_EVERY === 0) options.onProgress(i + 1, count);
  }
  options.onProgress?.(count, count);
  return poolCashFlows(
    acc,
    count,
    cutoffBalance,
    prepared.segments.every((segment) => segment.defaultsFirst),
  );
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
