import { BALANCE_STATES, type BalanceState } from '../curves/roll-rates.ts';
import { roundCentsOfDouble } from '../rounding.ts';

/**
 * The pool's monthly cash flows: every column is a Float64Array, index 0 = projection month 1.
 * Money in yuan, float64 and unrounded (roundToCents gives the cent table); rates are decimals.
 *
 * Balance identity, every month (to float rounding):
 *   beginningBalance + capitalisedInterest = scheduledPrincipal + prepayments + defaults + endingBalance
 * where balances are unpaid principal of every loan fraction not charged off (performing and
 * delinquent, overdue principal included, as the tape's current principal is).
 */
export interface PoolCashFlows {
  readonly months: number;
  readonly loans: number;
  /** Σ current principal at cutoff, loans charged off at cutoff included (they default in month 1). */
  readonly cutoffBalance: number;
  readonly beginningBalance: Float64Array;
  /** Contractual interest (or flat fee) due this month on every fraction not charged off. */
  readonly scheduledInterest: Float64Array;
  /** Interest (or flat fee) received: paying fractions' installments plus arrears interest paid by cures and roll-backs. Excludes penalty interest. */
  readonly interestCollected: Float64Array;
  /** Penalty interest (罚息) received from cures and roll-backs. */
  readonly penaltyInterest: Float64Array;
  /** Penalty (and compound) interest that would have accrued this month but is forgone to the borrower-cost cap. */
  readonly penaltyForgone: Float64Array;
  /** Principal received through installments: this month's scheduled principal of paying fractions plus overdue principal paid by cures and roll-backs. */
  readonly scheduledPrincipal: Float64Array;
  readonly prepayments: Float64Array;
  /** Interest of a payment holiday added to principal when the holiday ends (events 'capitalised'): principal that was not lent. */
  readonly capitalisedInterest: Float64Array;
  /** Gross defaults (charge-offs): the whole unpaid principal of fractions defaulting at the MDR or rolling to charged off. */
  readonly defaults: Float64Array;
  /**
   * Defaults by the deal's own default definition (ProjectionOptions.defaultDefinition,
   * definition-defaults.ts): balance counted in the month a loan first meets it (again, when curable);
   * absent without a definition.
   */
  readonly definitionDefaults?: Float64Array;
  /** Recovery rate × defaults of `lag` months earlier. */
  readonly recoveries: Float64Array;
  /** Defaults × (1 − recovery rate): the eventual loss, booked in the month of default. */
  readonly losses: Float64Array;
  readonly endingBalance: Float64Array;
  /** Month-end principal by state. chargedOff holds the cumulative gross defaults (principal written off to date). */
  readonly balanceByState: Readonly<Record<BalanceState, Float64Array>>;
  /** Unpaid principal of installments due (delinquent fractions), month end. */
  readonly overduePrincipal: Float64Array;
  /** Unpaid interest of installments due (delinquent fractions), month end; accrued penalty excluded. */
  readonly overdueInterest: Float64Array;
  /** 逾期总额: overduePrincipal + overdueInterest. */
  readonly overdueTotal: Float64Array;
  /** Servicing strip × year fraction × each loan's beginning balance. */
  readonly servicingFee: Float64Array;
  /** endingBalance / cutoffBalance. */
  readonly poolFactor: Float64Array;
  /** Realised SMM = prepayments / (beginningBalance − scheduledPrincipal − defaults). */
  readonly smm: Float64Array;
  /** 1 − (1 − SMM)^12. */
  readonly cpr: Float64Array;
  /** Realised MDR = defaults / beginningBalance (SIFMA order), or / (beginningBalance − scheduledPrincipal) when every segment defaults after the installment. */
  readonly mdr: Float64Array;
  /** 1 − (1 − MDR)^12. */
  readonly cdr: Float64Array;
  /** Cumulative defaults / cutoffBalance. */
  readonly cumulativeDefaultRate: Float64Array;
  /** Cumulative losses (booked at default). */
  readonly cumulativeNetLoss: Float64Array;
  /** Recoveries of projected defaults that land after the last projected month (not lost). */
  readonly recoveriesAfterHorizon: number;
}

/** What the loan kernel adds into, loan by loan. */
export interface Accumulators {
  readonly months: number;
  readonly scheduledInterest: Float64Array;
  readonly interestCollected: Float64Array;
  readonly penaltyInterest: Float64Array;
  readonly penaltyForgone: Float64Array;
  readonly scheduledPrincipal: Float64Array;
  readonly prepayments: Float64Array;
  readonly capitalisedInterest: Float64Array;
  readonly defaults: Float64Array;
  readonly losses: Float64Array;
  readonly servicingFee: Float64Array;
  /** months + the longest recovery lag: the tail is recovered after the horizon. */
  readonly recoveries: Float64Array;
  /** Month-end principal of the reported buckets current … 91–180 (BALANCE_STATES), row-major: [month × 5 + bucket]. */
  readonly stateBalance: Float64Array;
  readonly overduePrincipal: Float64Array;
  readonly overdueInterest: Float64Array;
  /** Balance counted by the deal's default definition; present only when the projection has one. */
  readonly definitionDefaults?: Float64Array;
}

/** Reported buckets a loan can be in at a month end (BALANCE_STATES without charged off). */
export const LIVE_STATES = BALANCE_STATES.length - 1;

/** Hands out zeroed columns, one per call, in an agreed order of lengths (columnBlock). */
export type ColumnSource = () => Float64Array;

/**
 * Where a run's projections take their blocks (ProjectionCache.arena): slabs of ARENA_SLAB doubles,
 * each block a fresh (zeroed) stretch of the current slab, never handed out twice. A revolving deal's
 * run projects some forty cohorts, each a block of a few thousand doubles: a handful of slabs
 * instead of forty buffers. The slabs live as long as a view of them does (the run's results).
 */
export interface ColumnArena {
  slab: Float64Array;
  used: number;
}

/** Doubles in a slab (128 KiB); a block longer than that gets a buffer of its own. */
const ARENA_SLAB = 16_384;

export function columnArena(): ColumnArena {
  return { slab: new Float64Array(0), used: 0 };
}

function carve(arena: ColumnArena | undefined, size: number): Float64Array {
  if (arena === undefined || size > ARENA_SLAB) return new Float64Array(size);
  if (arena.used + size > arena.slab.length) {
    arena.slab = new Float64Array(ARENA_SLAB);
    arena.used = 0;
  }
  arena.used += size;
  return arena.slab.subarray(arena.used - size, arena.used);
}

/**
 * Hands out zeroed columns as views of one block: a deal run projects a cohort per purchase month
 * and profile line (hundreds of small projections), and a typed array with a buffer of its own costs
 * a native allocation, and a sweep of its buffer by the garbage collector (on V8's helper threads,
 * which compete with a sweep's threads for the cores) — one block for a projection's accumulators
 * and its pool columns (projectPool) instead of some forty buffers, carved from the run's arena
 * when there is one.
 */
export function columnBlock(lengths: readonly number[], arena?: ColumnArena): ColumnSource {
  const block = carve(
    arena,
    lengths.reduce((sum, n) => sum + n, 0),
  );
  let offset = 0;
  let next = 0;
  return () => {
    const length = lengths[next];
    next += 1;
    // Beyond the block's columns (none is asked for): a column of its own, as long as the last.
    if (length === undefined) return new Float64Array(lengths.at(-1) ?? 0);
    offset += length;
    return block.subarray(offset - length, offset);
  };
}

const MONTHLY_ACCUMULATORS = 12;

/** poolCashFlows' own columns: ten, one per balance state, and the recoveries within the horizon. */
const POOL_COLUMNS = 11 + BALANCE_STATES.length;

/** The lengths of allocateAccumulators' columns, in the order it takes them from a ColumnSource. */
export function accumulatorLengths(months: number, maxLagMonths: number, withDefinition = false): number[] {
  const lengths = repeated(months, MONTHLY_ACCUMULATORS);
  lengths.push(months + maxLagMonths, months * LIVE_STATES);
  if (withDefinition) lengths.push(months);
  return lengths;
}

/** Zeroed accumulators: from `columns` (lengths as accumulatorLengths), else a block of their own. */
export function allocateAccumulators(months: number, maxLagMonths: number, withDefinition = false, columns?: ColumnSource): Accumulators {
  const column = columns ?? columnBlock(accumulatorLengths(months, maxLagMonths, withDefinition));
  return {
    months,
    scheduledInterest: column(),
    interestCollected: column(),
    penaltyInterest: column(),
    penaltyForgone: column(),
    scheduledPrincipal: column(),
    prepayments: column(),
    capitalisedInterest: column(),
    defaults: column(),
    losses: column(),
    servicingFee: column(),
    overduePrincipal: column(),
    overdueInterest: column(),
    recoveries: column(),
    stateBalance: column(),
    ...(withDefinition ? { definitionDefaults: column() } : {}),
  };
}

/** The lengths of poolCashFlows' own columns, in the order it takes them from a ColumnSource. */
export function poolColumnLengths(months: number): number[] {
  return repeated(months, POOL_COLUMNS);
}

/** cohortCashFlows' own columns: one per live state, the ending balance and 逾期总额. */
const COHORT_COLUMNS = LIVE_STATES + 2;

/** The lengths of cohortCashFlows' own columns, in the order it takes them from a ColumnSource. */
export function cohortColumnLengths(months: number): number[] {
  return repeated(months, COHORT_COLUMNS);
}

/**
 * What a purchase cohort's projection gives the pool ledger (engine/deal/pool-source.ts reads a
 * cohort's flows, its ending balance, its month-end states and 逾期总额, nothing else): PoolCashFlows'
 * columns of those names, to the bit, without the rates, factors and cumulative columns a cohort's
 * reader never reads.
 */
export type CohortCashFlows = Pick<
  PoolCashFlows,
  | 'months'
  | 'cutoffBalance'
  | 'interestCollected'
  | 'penaltyInterest'
  | 'scheduledPrincipal'
  | 'prepayments'
  | 'capitalisedInterest'
  | 'defaults'
  | 'definitionDefaults'
  | 'recoveries'
  | 'losses'
  | 'servicingFee'
  | 'endingBalance'
  | 'overdueTotal'
> & { readonly balanceByState: Readonly<Record<LiveState, Float64Array>> };

/** A state a loan's principal can be in at a month end (charged off is not one). */
export type LiveState = Exclude<BalanceState, 'chargedOff'>;

/** The live states' month-end balances, their sum (the ending balance) and 逾期总额, month by month (the same sums as poolCashFlows'). */
function stateColumns(acc: Accumulators, column: ColumnSource): { readonly byState: Float64Array[]; readonly endingBalance: Float64Array; readonly overdueTotal: Float64Array } {
  const { months } = acc;
  const endingBalance = column();
  const overdueTotal = column();
  // A plain loop, not map(): the array's elements kind is then the same whichever tier made it (a
  // kind that differed sent the optimised loops below back to be compiled again, once per thread).
  const byState: Float64Array[] = [];
  for (let s = 0; s < LIVE_STATES; s++) byState.push(column());
  for (let k = 0; k < months; k++) {
    let ending = 0;
    for (let s = 0; s < LIVE_STATES; s++) {
      const balance = acc.stateBalance[k * LIVE_STATES + s] ?? 0;
      (byState[s] ?? column())[k] = balance;
      ending += balance;
    }
    endingBalance[k] = ending;
    overdueTotal[k] = (acc.overduePrincipal[k] ?? 0) + (acc.overdueInterest[k] ?? 0);
  }
  return { byState, endingBalance, overdueTotal };
}

/** A purchase cohort's columns (CohortCashFlows) from its summed loan flows; its recoveries within the horizon are a view of the accumulator's. */
export function cohortCashFlows(acc: Accumulators, cutoffBalance: number, columns?: ColumnSource): CohortCashFlows {
  const { months } = acc;
  const { byState, endingBalance, overdueTotal } = stateColumns(acc, columns ?? columnBlock(cohortColumnLengths(months)));
  const balanceByState = {} as Record<LiveState, Float64Array>;
  for (let s = 0; s < LIVE_STATES; s++) balanceByState[BALANCE_STATES[s] as LiveState] = byState[s] ?? new Float64Array(months);
  return {
    months,
    cutoffBalance,
    interestCollected: acc.interestCollected,
    penaltyInterest: acc.penaltyInterest,
    scheduledPrincipal: acc.scheduledPrincipal,
    prepayments: acc.prepayments,
    capitalisedInterest: acc.capitalisedInterest,
    defaults: acc.defaults,
    recoveries: acc.recoveries.subarray(0, months),
    losses: acc.losses,
    servicingFee: acc.servicingFee,
    endingBalance,
    balanceByState,
    overdueTotal,
    ...(acc.definitionDefaults !== undefined ? { definitionDefaults: acc.definitionDefaults } : {}),
  };
}

/** `count` copies of `length`: the lengths of `count` columns of one length (a plain loop: these lists are made for every cohort's projection). */
export function repeated(length: number, count: number): number[] {
  const lengths: number[] = [];
  for (let c = 0; c < count; c++) lengths.push(length);
  return lengths;
}

/**
 * Pool columns and ratios from the summed loan flows. The realised MDR's denominator follows the
 * default order: with `defaultsFirst` (SIFMA: defaults come off the beginning balance) defaults ÷
 * beginning balance, otherwise defaults ÷ (beginning balance − scheduled principal).
 */
export function poolCashFlows(acc: Accumulators, loans: number, cutoffBalance: number, defaultsFirst = true, columns?: ColumnSource): PoolCashFlows {
  const { months } = acc;
  const column = columns ?? columnBlock(poolColumnLengths(months));
  const { byState, endingBalance, overdueTotal } = stateColumns(acc, column);
  const beginningBalance = column();
  const poolFactor = column();
  const smm = column();
  const cpr = column();
  const mdr = column();
  const cdr = column();
  const cumulativeDefaultRate = column();
  const cumulativeNetLoss = column();
  const chargedOff = column();
  byState.push(chargedOff);
  let opening = cutoffBalance;
  let cumulativeDefaults = 0;
  let cumulativeLoss = 0;
  for (let k = 0; k < months; k++) {
    const ending = endingBalance[k] ?? 0;
    const scheduled = acc.scheduledPrincipal[k] ?? 0;
    const defaulted = acc.defaults[k] ?? 0;
    cumulativeDefaults += defaulted;
    cumulativeLoss += acc.losses[k] ?? 0;
    chargedOff[k] = cumulativeDefaults;
    beginningBalance[k] = opening;
    poolFactor[k] = cutoffBalance > 0 ? ending / cutoffBalance : 0;
    const smmRealised = ratio(acc.prepayments[k] ?? 0, opening + (acc.capitalisedInterest[k] ?? 0) - scheduled - defaulted);
    const mdrRealised = ratio(defaulted, defaultsFirst ? opening : opening - scheduled);
    smm[k] = smmRealised;
    cpr[k] = annualised(smmRealised);
    mdr[k] = mdrRealised;
    cdr[k] = annualised(mdrRealised);
    cumulativeDefaultRate[k] = cutoffBalance > 0 ? cumulativeDefaults / cutoffBalance : 0;
    cumulativeNetLoss[k] = cumulativeLoss;
    opening = ending;
  }
  let recoveriesAfterHorizon = 0;
  for (let k = months; k < acc.recoveries.length; k++) recoveriesAfterHorizon += acc.recoveries[k] ?? 0;
  const balanceByState = {} as Record<BalanceState, Float64Array>;
  for (let s = 0; s < BALANCE_STATES.length; s++) balanceByState[BALANCE_STATES[s] ?? 'chargedOff'] = byState[s] ?? column();
  // The recoveries within the horizon, a column of their own (the accumulator runs `lag` months past it).
  const recoveries = column();
  recoveries.set(acc.recoveries.subarray(0, months));
  return {
    months,
    loans,
    cutoffBalance,
    beginningBalance,
    scheduledInterest: acc.scheduledInterest,
    interestCollected: acc.interestCollected,
    penaltyInterest: acc.penaltyInterest,
    penaltyForgone: acc.penaltyForgone,
    scheduledPrincipal: acc.scheduledPrincipal,
    prepayments: acc.prepayments,
    capitalisedInterest: acc.capitalisedInterest,
    defaults: acc.defaults,
    recoveries,
    losses: acc.losses,
    endingBalance,
    balanceByState,
    overduePrincipal: acc.overduePrincipal,
    overdueInterest: acc.overdueInterest,
    overdueTotal,
    servicingFee: acc.servicingFee,
    poolFactor,
    smm,
    cpr,
    mdr,
    cdr,
    cumulativeDefaultRate,
    cumulativeNetLoss,
    recoveriesAfterHorizon,
    ...(acc.definitionDefaults !== undefined ? { definitionDefaults: acc.definitionDefaults } : {}),
  };
}

/** A rate from an amount and its base, 0 on an empty base, clamped to [0, 1] against float noise. */
function ratio(amount: number, base: number): number {
  if (!(base > 1e-9)) return 0;
  const r = amount / base;
  return r <= 0 ? 0 : r >= 1 ? 1 : r;
}

/** 1 − (1 − m)^12 (SIFMA SF §B.1, §C.2), as engine/curves/conversions.ts computes it. */
function annualised(monthly: number): number {
  return -Math.expm1(12 * Math.log1p(-monthly));
}

const MONEY_COLUMNS = [
  'beginningBalance',
  'scheduledInterest',
  'interestCollected',
  'penaltyInterest',
  'penaltyForgone',
  'scheduledPrincipal',
  'prepayments',
  'capitalisedInterest',
  'defaults',
  'recoveries',
  'losses',
  'endingBalance',
  'overduePrincipal',
  'overdueInterest',
  'overdueTotal',
  'servicingFee',
  'cumulativeNetLoss',
] as const satisfies readonly (keyof PoolCashFlows)[];

/**
 * The same table with every money amount (each month's pool totals, the cutoff balance and the
 * after-horizon recoveries) rounded to cents, each column on its own; rates and factors are left
 * as computed. The projection itself stays float64: round once, at the end, for the waterfall and
 * reports. After rounding, the balance identity holds to a few cents per month, not exactly.
 */
export function roundToCents(flows: PoolCashFlows): PoolCashFlows {
  const rounded: Record<string, unknown> = { ...flows };
  for (const key of MONEY_COLUMNS) rounded[key] = flows[key].map(roundCentsOfDouble);
  if (flows.definitionDefaults !== undefined) rounded['definitionDefaults'] = flows.definitionDefaults.map(roundCentsOfDouble);
  const balanceByState = Object.fromEntries(BALANCE_STATES.map((state) => [state, flows.balanceByState[state].map(roundCentsOfDouble)]));
  return {
    ...(rounded as unknown as PoolCashFlows),
    cutoffBalance: roundCentsOfDouble(flows.cutoffBalance),
    recoveriesAfterHorizon: roundCentsOfDouble(flows.recoveriesAfterHorizon),
    balanceByState: balanceByState as Record<BalanceState, Float64Array>,
  };
}
