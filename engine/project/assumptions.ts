import { assertMonths, assertSpeed, assertUnitRate } from '../curves/checks.ts';
import { assert } from '../errors.ts';
import { evaluateVector } from '../curves/notation-evaluate.ts';
import { monthlyRates, rateVector, type VectorBasis } from '../curves/rate-vector.ts';
import { validateTransitionMatrix } from '../curves/roll-rates.ts';
import type { DefaultTimingCurve } from '../curves/default-timing.ts';
import type { DayCount } from '../daycount.ts';
import { multiplierFactors, stressedCures, stressedEntry, type StressMultipliers } from './stress-multipliers.ts';
import { eventsOf, resolveEvents, type ProjectionEvent, type ResolvedEvents } from './events.ts';
import { cachedBy, innerOf, prefixOf, type Prefixed, type ProjectionCache, type RollMoves } from './projection-cache.ts';
import type { RateAssumption, RateTable } from './rate-assumption.ts';

export type { RateAssumption, RateTable } from './rate-assumption.ts';
import { bandedRates, maturedMatrix, STATE_COUNT, transitionPlan, type BandedRates, type TransitionPlan } from './transitions.ts';

/**
 * Which sources of default apply when a set has both a default curve and roll rates:
 * 'one' (the default) — the roll-rate charge-offs only, the curve is not applied (a set without
 * roll rates defaults at its curve); 'both' — the curve on current loans and the charge-offs.
 */
export const DEFAULT_SOURCES = ['one', 'both'] as const;
export type DefaultSources = (typeof DEFAULT_SOURCES)[number];

/**
 * When, in the month, the current loans that default at the MDR do so:
 * 'beginning' (the default, SIFMA Standard Formulas C.3) — on their beginning balance, before
 * scheduled principal and prepayments; they pay nothing that month;
 * 'afterScheduled' — after paying the month's interest and scheduled principal, on the balance
 * left (the engine's order before the model review).
 */
export const DEFAULT_ORDERS = ['beginning', 'afterScheduled'] as const;
export type DefaultOrder = (typeof DEFAULT_ORDERS)[number];

/** Assumptions for one borrower segment. Every field is optional; the defaults are "nothing happens". */
export interface SegmentAssumptions {
  /** With both a default curve and roll rates: 'one' (roll-rate charge-offs only, the default) or 'both'. */
  readonly defaultSources?: DefaultSources;
  /** When MDR defaults happen in the month: 'beginning' (SIFMA, the default) or 'afterScheduled'. */
  readonly defaultOrder?: DefaultOrder;
  /** Voluntary prepayment, SMM; default none. */
  readonly prepayment?: RateAssumption;
  /** Defaults of performing (current) loans, MDR; default none. Applies with or without a roll-rate matrix. */
  readonly default?: RateAssumption;
  /**
   * Instead of `default`: a cumulative default rate (of the group's cutoff balance) spread over
   * time by a timing curve; projectPool solves the MDRs that produce it (default-timing.ts).
   */
  readonly defaultTiming?: DefaultTimingCurve;
  /** An 8×8 monthly transition matrix over ROLL_STATES (buildTransitionMatrix), or null: no delinquency. */
  readonly rollRates?: Float64Array | null;
  /** Share of defaulted principal recovered, decimal; default 0. */
  readonly recoveryRate?: number;
  /** Months from charge-off to recovery (0: the same month); default 0. */
  readonly recoveryLagMonths?: number;
  /** Penalty interest (罚息) rate as a multiple of the contract rate, on overdue principal; default 0. */
  readonly penaltyMultiple?: number;
  /**
   * 复利: overdue interest also accrues penalty interest at the penalty rate (银发〔2003〕251号:
   * 对不能按时支付的利息，按罚息利率计收复利); default false (penalty on overdue principal only).
   */
  readonly penaltyCompounding?: boolean;
  /**
   * Cap on the borrower's annualised cost, annual decimal (0.24 = 24%): in each month, a delinquent
   * fraction's contract interest (or flat fee) plus its penalty and compound interest may not
   * exceed cap × year fraction × its unpaid principal (not yet due + overdue); the penalty above
   * that is forgone. null or absent: no cap (the default).
   */
  readonly borrowerCostCap?: number | null;
  /** Waive penalty interest: `restructured` — on restructured loans (LoanArrays.restructured). Default none. */
  readonly penaltyWaiver?: PenaltyWaiver;
  /** Servicing strip, annual decimal, on the beginning (non-charged-off) balance; default 0. */
  readonly servicingFeeRate?: number;
  /**
   * How the contract rate accrues: '30/360' (APR / 12 a month), 'ACT/365' (daily on the actual
   * days of each monthly period: the Chinese consumer-loan convention, daily rate × 365 = APR) or
   * 'ACT/360'. Default: the projection's own year fractions (ProjectionOptions.yearFractions,
   * else 30/360).
   */
  readonly dayCount?: DayCount;
  /**
   * A scenario's static stress on this segment: default (MDR), rollIn (current → 1–30 DPD), cure
   * (delinquent → current), prepayment (SMM) and recovery (rate) factors, each capped so rates stay
   * in [0, 1] and every roll-rate row sums to 1 (stress-multipliers.ts). They multiply the curve
   * shape's defaultMultiplier (a breakeven's stress on top of a scenario). Default: none.
   */
  readonly multipliers?: StressMultipliers;
}

/** Which loans pay no penalty interest. */
export interface PenaltyWaiver {
  /** Restructured loans (the tape's 是否重组) pay no penalty interest. */
  readonly restructured?: boolean;
  /** Loans whose auto-debit failed in an outage event pay no 罚息 on that installment (the event's waivePenalty, when it does not say). */
  readonly outage?: boolean;
}

/** Pool-wide assumptions and per-segment overrides (by LoanArrays.segment index, field by field). */
export interface PoolAssumptions {
  readonly pool: SegmentAssumptions;
  readonly segments?: readonly (SegmentAssumptions | undefined)[];
  /** Event stresses (events.ts): payment holidays, outages, segment shocks, by LoanArrays.segment code. */
  readonly events?: readonly ProjectionEvent[];
}

/** One segment's assumptions, evaluated and checked, ready for the kernel. */
export interface ResolvedSegment {
  readonly smm: RateTable;
  readonly mdr: RateTable;
  /**
   * The roll-rate moves. Without a matrix, the identity: loans stay in their state at cutoff —
   * current ones pay (and default at the MDR), delinquent ones keep their bucket and arrears and
   * are never cured or charged off (give a matrix for a pool with delinquent loans).
   */
  readonly plan: TransitionPlan;
  /** The same moves as named probabilities when the matrix is banded (the fast kernel), else null. */
  readonly banded: BandedRates | null;
  /**
   * The moves after the loan's maturity (maturedMatrix: nothing falls due, so what stayed in a
   * delinquent bucket ages one bucket). The same as `plan` without roll rates.
   */
  readonly maturedPlan: TransitionPlan;
  readonly maturedBanded: BandedRates | null;
  readonly hasRollRates: boolean;
  /** MDR defaults on the beginning balance, paying nothing (SIFMA), rather than after scheduled principal. */
  readonly defaultsFirst: boolean;
  readonly recoveryRate: number;
  readonly recoveryLagMonths: number;
  readonly penaltyMultiple: number;
  /** Overdue interest accrues penalty interest too (复利). */
  readonly penaltyCompounding: boolean;
  /** Annual cap on a delinquent fraction's contract + penalty charges; Infinity when none. */
  readonly borrowerCostCap: number;
  /** Restructured loans pay no penalty interest. */
  readonly waiveRestructured: boolean;
  /** Penalty on overdue principal only, uncapped: the kernels take their plain (pre-review) accrual. */
  readonly plainPenalty: boolean;
  readonly servicingFeeRate: number;
  /** Accrual year fraction of each projected month for this segment's loans. */
  readonly yearFractions: Float64Array;
  /** Every year fraction is exactly 1/12: the level installment is then computed once per loan. */
  readonly uniform30360: boolean;
  /** The event stresses on this segment's loans, or null: then the banded kernel may run it. */
  readonly events: ResolvedEvents | null;
}

/**
 * How the curves are read for one projection:
 *  - startMonth (default 1): the projection's month 1 is month `startMonth` of period-based curves
 *    (a revolving purchase made at the end of pool month m is projected from m + 1, so a stress
 *    "5 CDR for 12 months" hits it in the same calendar months as the rest of the pool);
 *  - defaultMultiplier (default 1): scales the default curve (every MDR, capped at 100%) and the
 *    roll-rate matrix's roll from current into 1–30 DPD (the entry into delinquency, capped so
 *    the current row still sums to 1) — the stress a breakeven solves for.
 */
export interface CurveShape {
  readonly startMonth?: number;
  readonly defaultMultiplier?: number;
}

/** The accrual year fractions of each month under a segment's day count (null: the projection's default). */
export type AccrualTables = (dayCount: DayCount | null) => Float64Array;

const NO_RATE: RateAssumption = { kind: 'monthly', rates: [0] };
const IDENTITY = Float64Array.from({ length: STATE_COUNT * STATE_COUNT }, (_, k) => (k % (STATE_COUNT + 1) === 0 ? 1 : 0));

/**
 * The segments 0..segmentCount − 1 with their overrides merged over the pool assumptions.
 * Age-based tables span ages 1..maxAge + months so the kernel never clamps an index.
 */
export function resolveAssumptions(
  assumptions: PoolAssumptions,
  segmentCount: number,
  months: number,
  maxAgeMonths: number,
  accrual: AccrualTables = () => new Float64Array(months).fill(1 / 12),
  shape: CurveShape = {},
  cache?: ProjectionCache,
): ResolvedSegment[] {
  const resolved: ResolvedSegment[] = [];
  for (let s = 0; s < segmentCount; s++) {
    resolved.push(resolveSegment(mergeSegment(assumptions.pool, assumptions.segments?.[s]), months, maxAgeMonths, accrual, shape, eventsOf(assumptions.events, s), cache));
  }
  return resolved;
}

export function mergeSegment(pool: SegmentAssumptions, override: SegmentAssumptions | undefined): SegmentAssumptions {
  if (override === undefined) return pool;
  return {
    prepayment: override.prepayment ?? pool.prepayment,
    // A default curve and a timing curve replace each other: the override's wins over the pool's.
    default: override.default ?? (override.defaultTiming ? undefined : pool.default),
    defaultTiming: override.defaultTiming ?? (override.default ? undefined : pool.defaultTiming),
    rollRates: override.rollRates !== undefined ? override.rollRates : pool.rollRates,
    defaultSources: override.defaultSources ?? pool.defaultSources,
    defaultOrder: override.defaultOrder ?? pool.defaultOrder,
    recoveryRate: override.recoveryRate ?? pool.recoveryRate,
    recoveryLagMonths: override.recoveryLagMonths ?? pool.recoveryLagMonths,
    penaltyMultiple: override.penaltyMultiple ?? pool.penaltyMultiple,
    penaltyCompounding: override.penaltyCompounding ?? pool.penaltyCompounding,
    borrowerCostCap: override.borrowerCostCap !== undefined ? override.borrowerCostCap : pool.borrowerCostCap,
    penaltyWaiver: override.penaltyWaiver ?? pool.penaltyWaiver,
    servicingFeeRate: override.servicingFeeRate ?? pool.servicingFeeRate,
    dayCount: override.dayCount ?? pool.dayCount,
    multipliers: override.multipliers ?? pool.multipliers,
  };
}

function resolveSegment(
  segment: SegmentAssumptions,
  months: number,
  maxAgeMonths: number,
  accrual: AccrualTables,
  shape: CurveShape,
  events: readonly ProjectionEvent[] = [],
  cache?: ProjectionCache,
): ResolvedSegment {
  const startMonth = shape.startMonth ?? 1;
  const multiplier = shape.defaultMultiplier ?? 1;
  assert(Number.isInteger(startMonth) && startMonth >= 1, 'INVALID_MONTHS', { field: 'startMonth', value: startMonth });
  assertSpeed(multiplier, 'defaultMultiplier');
  const factors = multiplierFactors(segment.multipliers);
  assertUnitRate(segment.recoveryRate ?? 0, 'recoveryRate');
  const recoveryRate = Math.min(1, (segment.recoveryRate ?? 0) * factors.recovery);
  const recoveryLagMonths = segment.recoveryLagMonths ?? 0;
  const penaltyMultiple = segment.penaltyMultiple ?? 0;
  const servicingFeeRate = segment.servicingFeeRate ?? 0;
  assertMonths(recoveryLagMonths, 'recoveryLagMonths');
  assertSpeed(penaltyMultiple, 'penaltyMultiple');
  assertUnitRate(servicingFeeRate, 'servicingFeeRate');
  const borrowerCostCap = segment.borrowerCostCap ?? Infinity;
  assert(borrowerCostCap >= 0, 'INVALID_RATE', { field: 'borrowerCostCap', value: borrowerCostCap });
  const penaltyCompounding = segment.penaltyCompounding ?? false;
  const given = segment.rollRates ?? null;
  const rollIn = multiplier * factors.rollIn;
  const moves = given === null ? NO_MOVES : cachedBy(cache?.moves, given, `${numberKey(rollIn)}|${numberKey(factors.cure)}`, () => rollMoves(given, rollIn, factors.cure));
  const matrix = given === null ? null : moves.matrix;
  // One default source unless the set says 'both': with roll rates, the charge-offs.
  const curveApplies = matrix === null || segment.defaultSources === 'both';
  const yearFractions = accrual(segment.dayCount ?? null);
  let uniform30360 = true;
  for (let k = 0; k < months; k++) if (yearFractions[k] !== 1 / 12) uniform30360 = false;
  const length = months + startMonth - 1;
  return {
    smm: segmentRates(segment.prepayment ?? NO_RATE, length, maxAgeMonths, startMonth, factors.prepayment, cache),
    mdr: segmentRates((curveApplies ? segment.default : undefined) ?? NO_RATE, length, maxAgeMonths, startMonth, multiplier * factors.default, cache),
    plan: moves.plan,
    banded: moves.banded,
    maturedPlan: moves.maturedPlan,
    maturedBanded: moves.maturedBanded,
    hasRollRates: matrix !== null,
    defaultsFirst: (segment.defaultOrder ?? 'beginning') === 'beginning',
    recoveryRate,
    recoveryLagMonths,
    penaltyMultiple,
    penaltyCompounding,
    borrowerCostCap,
    waiveRestructured: segment.penaltyWaiver?.restructured ?? false,
    plainPenalty: !penaltyCompounding && borrowerCostCap === Infinity,
    servicingFeeRate,
    yearFractions,
    uniform30360,
    events: resolveEvents(events, {
      months,
      startMonth,
      matrix,
      yearFractions,
      dayCount: segment.dayCount ?? null,
      waiveOutagePenalty: segment.penaltyWaiver?.outage ?? false,
      // A default multiplier (a breakeven's stress) scales a restructured loan's own curve as it does the segment's.
      rateTable: (assumption) => scaled(rateTable(assumption, months + startMonth - 1, maxAgeMonths), multiplier),
    }),
  };
}

/** A validated matrix under the roll-in and cure stresses, and its moves before and after maturity. */
function rollMoves(given: Float64Array, rollIn: number, cure: number): RollMoves {
  validateTransitionMatrix(given);
  const matrix = stressedMatrix(given, rollIn, cure);
  const matured = maturedMatrix(matrix);
  return { matrix, plan: transitionPlan(matrix), banded: bandedRates(matrix), maturedPlan: transitionPlan(matured), maturedBanded: bandedRates(matured) };
}

/** Without roll rates: the identity's moves (computed once; the kernels only read them). */
const NO_MOVES: RollMoves = { matrix: IDENTITY, plan: transitionPlan(IDENTITY), banded: bandedRates(IDENTITY), maturedPlan: transitionPlan(IDENTITY), maturedBanded: bandedRates(IDENTITY) };

/** A number as a cache key: String gives each double its shortest round-trip form; −0 kept apart from 0. */
function numberKey(x: number): string {
  return Object.is(x, -0) ? '-0' : String(x);
}

/** A kept table's start for a shorter horizon: a table's length is linear in the horizon with slope 1 (maxAge + months by age, months by period). */
function tablePrefix(longest: Prefixed<RateTable>, months: number): RateTable {
  return { rates: longest.value.rates.subarray(0, longest.value.rates.length - (longest.length - months)), byAge: longest.value.byAge };
}

/** A segment's rate table: the assumption's `length` months read from `startMonth`, × multiplier (kept per run with a cache). */
function segmentRates(assumption: RateAssumption, length: number, maxAgeMonths: number, startMonth: number, multiplier: number, cache: ProjectionCache | undefined): RateTable {
  if (cache === undefined) return scaled(fromMonth(rateTable(assumption, length, maxAgeMonths), startMonth), multiplier);
  // Every rate is a function of its own month (or age) and the multiplier alone, so the run keeps one
  // scaled table per max age and multiplier, as long as the longest horizon asked for (tablePrefix),
  // and each cohort reads it from its start month.
  const full = (months: number): RateTable => scaled(rateTable(assumption, months, maxAgeMonths), multiplier);
  return fromMonth(prefixOf(innerOf(cache.rates, assumption), `${maxAgeMonths}|${numberKey(multiplier)}`, length, full, tablePrefix), startMonth);
}

/** A period-based table read from `startMonth` (age-based tables are read by age, unchanged). */
function fromMonth(table: RateTable, startMonth: number): RateTable {
  return table.byAge || startMonth === 1 ? table : { rates: table.rates.subarray(startMonth - 1), byAge: false };
}

function scaled(table: RateTable, multiplier: number): RateTable {
  return multiplier === 1 ? table : { rates: table.rates.map((r) => Math.min(1, r * multiplier)), byAge: table.byAge };
}

/** The roll-rate matrix under the roll-in and cure stresses (the given matrix itself when both are 1). */
function stressedMatrix(matrix: Float64Array, rollIn: number, cure: number): Float64Array {
  const cured = cure === 1 ? matrix : stressedCures(matrix, cure);
  return rollIn === 1 ? cured : stressedEntry(cured, rollIn);
}

/** Evaluates a rate assumption to monthly decimals in [0, 1] with engine/curves. */
export function rateTable(assumption: RateAssumption, months: number, maxAgeMonths: number): RateTable {
  const byAge = rateBasis(assumption) === 'age';
  const length = byAge ? maxAgeMonths + months : months;
  if (assumption.kind === 'monthly') {
    return { rates: monthlyRates(rateVector(Array.from(assumption.rates), 'monthly', byAge ? 'age' : 'period'), length), byAge };
  }
  if (assumption.kind === 'vector') return { rates: monthlyRates(assumption.vector, length), byAge };
  return { rates: evaluateVector(assumption.notation, length), byAge };
}

function rateBasis(assumption: RateAssumption): VectorBasis {
  if (assumption.kind === 'monthly') return assumption.basis ?? 'period';
  if (assumption.kind === 'vector') return assumption.vector.basis;
  // PSA, SDA and ABS speeds are always read by loan age.
  return assumption.notation.form === 'standard' ? 'age' : assumption.notation.basis;
}
