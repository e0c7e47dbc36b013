import { assert } from '../errors.ts';
import { roundCentsOfDouble } from '../rounding.ts';
import { columnBlock, repeated, type PoolCashFlows } from '../project/cash-flows.ts';
import { yieldSupplementAmount, type YieldSupplementLine } from './yield-supplement-pv.ts';

/**
 * One collection month of the pool, in yuan (float64, unrounded: the waterfall rounds each amount
 * to cents as it reads it). Balances are principal of every loan not charged off.
 */
export interface PoolPeriodFlows {
  /** Interest (or flat fee) collected, penalty interest excluded. */
  readonly interest: number;
  readonly penaltyInterest: number;
  readonly scheduledPrincipal: number;
  readonly prepayments: number;
  readonly recoveries: number;
  /** Gross defaults (charge-offs) of the month. */
  readonly defaults: number;
  /** Defaults × (1 − recovery rate), booked in the month of default. */
  readonly losses: number;
  readonly beginningBalance: number;
  readonly endingBalance: number;
  /** Month-end principal 61+ days past due (states 61–90 and 91–180). */
  readonly delinquent60Plus: number;
  /** Month-end principal 91+ days past due (state 91–180). */
  readonly delinquent90Plus: number;
  readonly servicingFee: number;
  /** Defaults by the deal's default definition (PoolCashFlows.definitionDefaults); absent when the projection counts none. */
  readonly definitionDefaults?: number;
  /** Month-end principal by reporting state and 逾期总额, when the projection carried them (absent for pools written as month rows). */
  readonly delinquencyStates?: DelinquencyStateBalances;
}

/**
 * The pool's month-end principal by the roll-rate model's reporting states (BALANCE_STATES less
 * charged off: 91–120, 121–150 and 151–180 summed into 91–180) and 逾期总额 (unpaid principal +
 * interest of installments due). Stocks, not flows: a collection period reads its last month's.
 */
export interface DelinquencyStateBalances {
  readonly current: number;
  readonly dpd1_30: number;
  readonly dpd31_60: number;
  readonly dpd61_90: number;
  readonly dpd91_180: number;
  readonly overdueTotal: number;
}

/** The reporting states a pool balance splits into, best to worst. */
export const POOL_STATE_KEYS = ['current', 'dpd1_30', 'dpd31_60', 'dpd61_90', 'dpd91_180'] as const;
const STOCK_KEYS = [...POOL_STATE_KEYS, 'overdueTotal'] as const;
type StockKey = (typeof STOCK_KEYS)[number];

/**
 * The pool as the waterfall sees it: month by month, after the revolving purchases made so far.
 * Months are the pool projection's months (1 = first collection month after cutoff).
 */
export interface PoolSource {
  readonly months: number;
  readonly cutoffBalance: number;
  /** Month m (1 … months) including the flows of every purchase made at the end of an earlier month. */
  month(m: number): PoolPeriodFlows;
  /**
   * Adds new loans bought at the end of month `afterMonth`: `principal[j]` yuan of principal of the
   * purchase profile's line j (one line when the deal has no profile); their flows start in month
   * afterMonth + 1. Principal, not the cash paid for it (see RevolvingSpec.price).
   */
  purchase(afterMonth: number, principal: readonly number[]): void;
  /** The principal, at the end of month m, of everything bought of profile line `line` before month m ended (projected balances, float). */
  boughtBalance(m: number, line: number): number;
  /** The base pool's principal in `segment` at the end of month m (projected, float); undefined when the source was given no segment balances. */
  segmentBalance(m: number, segment: string): number | undefined;
  /**
   * The base pool's yield supplement OC amount at the end of month m (0: the cutoff) at a required
   * rate (annual decimal), from its lines (yield-supplement-pv.ts; purchases are not counted);
   * undefined when the source was given no lines for it.
   */
  yieldSupplementOC(m: number, requiredRate: number): number | undefined;
}

/** What a pool ledger may be told besides its base projection. */
export interface LedgerOptions {
  /**
   * The projection of 1 yuan of principal of the purchase profile's line `line` bought at the end of
   * month `afterMonth` (its index 0 is month afterMonth + 1). Without it a purchase is an error.
   */
  readonly unitCohort?: (afterMonth: number, line: number) => CohortColumns;
  /** The base pool's ending balance by segment (index 0 = month 1), for the eligibility criteria's segment shares. */
  readonly segmentEndingBalance?: ReadonlyMap<string, Float64Array>;
  /** The base pool's lines with their projected balances, for a YSOC computed at a required rate (Deal.yieldSupplementOCFromPool). */
  readonly yieldSupplementLines?: readonly YieldSupplementLine[];
}

/** The columns of a pool projection the waterfall reads; engine/project's PoolCashFlows has them all. */
export type PoolColumns = Pick<
  PoolCashFlows,
  | 'months'
  | 'cutoffBalance'
  | 'beginningBalance'
  | 'interestCollected'
  | 'penaltyInterest'
  | 'scheduledPrincipal'
  | 'prepayments'
  | 'defaults'
  | 'recoveries'
  | 'losses'
  | 'endingBalance'
  | 'servicingFee'
> & {
  readonly balanceByState: Pick<PoolCashFlows['balanceByState'], 'dpd61_90' | 'dpd91_180'> & Partial<Pick<PoolCashFlows['balanceByState'], 'current' | 'dpd1_30' | 'dpd31_60'>>;
  /** 逾期总额 by month end; with balanceByState.current, the ledger reports delinquencyStates. */
  readonly overdueTotal?: Float64Array;
  /** Holiday interest capitalised into principal (event stresses); absent: none. */
  readonly capitalisedInterest?: Float64Array;
  /** Defaults by the deal's default definition; absent when the projection counts none. */
  readonly definitionDefaults?: Float64Array;
};

/** What the ledger reads of a purchase cohort's projection: its flows, ending balance and month-end stocks (engine/project's projectCohort gives these alone). */
export type CohortColumns = Omit<PoolColumns, 'cutoffBalance' | 'beginningBalance'>;

/** The flow columns a month sums (balances are rolled, not summed: see poolLedger). */
const FLOWS = ['interestCollected', 'penaltyInterest', 'scheduledPrincipal', 'prepayments', 'recoveries', 'defaults', 'losses', 'servicingFee', 'capitalisedInterest'] as const;
type Flow = (typeof FLOWS)[number];
const PRINCIPAL_FLOWS = ['scheduledPrincipal', 'prepayments', 'defaults'] as const;

/** poolLedger's month columns: each flow three times (as projected, running total, cents), the stocks, 60+ and 90+ DPD, purchases, the definition's count (three), balances and bookings. */
const LEDGER_COLUMNS = 3 * FLOWS.length + STOCK_KEYS.length + 2 + 1 + 3 + 4 + PRINCIPAL_FLOWS.length;
type PrincipalFlow = (typeof PRINCIPAL_FLOWS)[number];
/** Yuan to whole cents, half-up (as roundCentsOfDouble). */
const centsOf = (yuan: number): number => Math.round(roundCentsOfDouble(yuan) * 100);

/**
 * A pool source over a base projection plus revolving purchases. `unitCohort(afterMonth, line)` gives
 * the projection of 1 yuan of principal of profile line `line` bought at the end of month
 * `afterMonth` (its index 0 is month afterMonth + 1). The projection is linear in balance, so a
 * purchase of principal Aⱼ of each line adds exactly Σ Aⱼ × line j's unit cohort, shifted; flows past
 * the base horizon are dropped (the horizon is the base projection's). The ledger books principal:
 * the cash paid for it (price × principal) is the waterfall's, never the pool's.
 *
 * What a month reads: each flow as the difference of its rounded running totals (so the months add
 * up to the projection's rounded total); the beginning balance = the previous ending balance + the
 * principal bought at its end (the cutoff balance for month 1); the ending balance rolled from the
 * cutoff: cutoff + principal bought − Σ (scheduled + prepaid + defaults), that sum's running total
 * rounded once and the month's three principal flows booked to add up to its move (the columns' own
 * balances are not read, so the pool balance identity holds exactly, and the pool is empty, to the
 * cent, when all its principal has been paid or charged off); delinquent balances as projected.
 */
export function poolLedger(base: PoolColumns, options: LedgerOptions | ((afterMonth: number, line: number) => CohortColumns) = {}): PoolSource {
  const { unitCohort, segmentEndingBalance, yieldSupplementLines } =
    typeof options === 'function' ? { unitCohort: options, segmentEndingBalance: undefined, yieldSupplementLines: undefined } : options;
  const months = base.months;
  // The ledger's columns, views of one block (cash-flows.ts columnBlock: one buffer, not some fifty).
  const column = columnBlock(repeated(months, LEDGER_COLUMNS));
  const copied = (source: Float64Array): Float64Array => {
    const out = column();
    out.set(source.subarray(0, months));
    return out;
  };
  const columns = Object.fromEntries(FLOWS.map((key) => [key, copied(flowOf(base, key))])) as Record<Flow, Float64Array>;
  const dpd60 = copied(base.balanceByState.dpd61_90);
  const dpd90 = copied(base.balanceByState.dpd91_180);
  for (let k = 0; k < months; k++) dpd60[k] = (dpd60[k] ?? 0) + (dpd90[k] ?? 0);
  // Every reporting state and 逾期总额, base plus the cohorts bought (a purchase adds its unit cohort's stocks × principal).
  const stocks = hasStateStocks(base) ? (Object.fromEntries(STOCK_KEYS.map((key) => [key, copied(stockOf(base, key))])) as Record<StockKey, Float64Array>) : null;
  const purchased = column();
  // Defaults by the deal's definition, when the projection counts them: months read as the other flows'.
  const counted = base.definitionDefaults === undefined ? null : copied(base.definitionDefaults);
  const countedRunning = column();
  const countedCents = column();
  // Flows in cents by differencing rounded running totals, so that the months add up to the
  // rounded total of the projection (a pool's principal sums to its cutoff balance to the cent;
  // rounding each month on its own would leave a few cents of drift over 360 months). The ending
  // balance is rolled from the cutoff: cutoff + principal bought − the rounded running total of
  // principal out (bookPrincipal). Months are computed once, in order, and cached; a purchase after
  // month m only invalidates the months after m, so a run reads the pool in linear time.
  const cutoff = roundCentsOfDouble(base.cutoffBalance);
  const running = Object.fromEntries(FLOWS.map((key) => [key, column()])) as Record<Flow, Float64Array>;
  const flowCents = Object.fromEntries(FLOWS.map((key) => [key, column()])) as Record<Flow, Float64Array>;
  const beginning = column();
  const ending = column();
  const bought = column(); // purchases before month k + 1, cumulative
  const outBooked = column(); // principal out in whole cents through month k + 1
  const booked: Record<PrincipalFlow, Float64Array> = { scheduledPrincipal: column(), prepayments: column(), defaults: column() };
  /**
   * Books month k's principal flows (whole cents) so they add up to `monthOut`, the month's move of
   * the rounded running total: each flow is its own rounded running difference, and a cent left
   * over (at most one or two) goes to the flow furthest below its unrounded running total (a cent
   * too many comes off the one furthest above, never below zero), so each stays within about a cent
   * of its projection and a flow that is zero stays zero.
   */
  // The month's three principal flows in whole cents, scheduled, prepaid, defaulted (a typed array:
  // an array of numbers would change its elements kind with the amounts — small integers, or doubles
  // past 2^31 cents — and send the optimised code back to be compiled again).
  const month = new Float64Array(PRINCIPAL_FLOWS.length);
  const bookPrincipal = (k: number, monthOut: number): void => {
    PRINCIPAL_FLOWS.forEach((key, j) => {
      month[j] = centsOf(flowCents[key][k] ?? 0);
    });
    let left = monthOut - (0 + (month[0] ?? 0) + (month[1] ?? 0) + (month[2] ?? 0));
    const gap = (j: number): number => {
      const key = PRINCIPAL_FLOWS[j] ?? 'defaults';
      return (running[key][k] ?? 0) * 100 - ((k > 0 ? (booked[key][k - 1] ?? 0) : 0) + (month[j] ?? 0));
    };
    while (left !== 0) {
      const step = left > 0 ? 1 : -1;
      let pick = -1;
      for (let j = 0; j < month.length; j++) {
        if (step < 0 && (month[j] ?? 0) < 1) continue;
        if (pick < 0 || step * gap(j) > step * gap(pick)) pick = j;
      }
      if (pick < 0) break;
      month[pick] = (month[pick] ?? 0) + step;
      left -= step;
    }
    PRINCIPAL_FLOWS.forEach((key, j) => {
      booked[key][k] = (k > 0 ? (booked[key][k - 1] ?? 0) : 0) + (month[j] ?? 0);
      flowCents[key][k] = (month[j] ?? 0) / 100;
    });
  };
  let computed = 0; // months 1 … computed are cached
  const lineBalance: Float64Array[] = []; // by profile line: month-end balance of what was bought of it
  const addCohort = (afterMonth: number, line: number, amount: number, unit: CohortColumns): void => {
    const balance = (lineBalance[line] ??= new Float64Array(months));
    const end = Math.min(months, afterMonth + unit.months);
    // Each month of the base gets amount × the cohort's month once per column (the same sums, in the same order, as a month-by-month loop).
    const addScaled = (target: Float64Array, source: Float64Array): void => {
      for (let k = afterMonth; k < end; k++) target[k] = (target[k] ?? 0) + amount * (source[k - afterMonth] ?? 0);
    };
    for (const key of FLOWS) addScaled(columns[key], flowOf(unit, key));
    if (counted !== null) addScaled(counted, unit.definitionDefaults ?? unit.defaults);
    const { dpd91_180, dpd61_90 } = unit.balanceByState;
    for (let k = afterMonth; k < end; k++) {
      const j = k - afterMonth;
      const d90 = amount * (dpd91_180[j] ?? 0);
      dpd90[k] = (dpd90[k] ?? 0) + d90;
      dpd60[k] = (dpd60[k] ?? 0) + d90 + amount * (dpd61_90[j] ?? 0);
    }
    addScaled(balance, unit.endingBalance);
    if (stocks !== null) for (const key of STOCK_KEYS) addScaled(stocks[key], stockOf(unit, key));
  };
  const extend = (m: number): void => {
    for (let k = computed; k < m; k++) {
      const boughtBefore = k > 0 ? (bought[k - 1] ?? 0) + (purchased[k - 1] ?? 0) : 0;
      bought[k] = boughtBefore;
      beginning[k] = k > 0 ? roundCentsOfDouble((ending[k - 1] ?? 0) + (purchased[k - 1] ?? 0)) : cutoff;
      for (const key of FLOWS) {
        const before = k > 0 ? (running[key][k - 1] ?? 0) : 0;
        const after = before + (columns[key][k] ?? 0);
        running[key][k] = after;
        flowCents[key][k] = roundCentsOfDouble(after) - roundCentsOfDouble(before);
      }
      if (counted !== null) {
        const before = k > 0 ? (countedRunning[k - 1] ?? 0) : 0;
        countedRunning[k] = before + (counted[k] ?? 0);
        countedCents[k] = roundCentsOfDouble(countedRunning[k] ?? 0) - roundCentsOfDouble(before);
      }
      // Principal out is rounded as one running total, so the pool ends at exactly cutoff + principal
      // bought − Σ principal out (three totals rounded apart can miss it by a cent for good); holiday
      // interest capitalised into principal (event stresses) is principal in, netted before rounding.
      const capitalised = centsOf(running.capitalisedInterest[k] ?? 0);
      const netOut = centsOf((running.scheduledPrincipal[k] ?? 0) + (running.prepayments[k] ?? 0) + (running.defaults[k] ?? 0) - (running.capitalisedInterest[k] ?? 0));
      const allOut = netOut + capitalised;
      bookPrincipal(k, allOut - (k > 0 ? (outBooked[k - 1] ?? 0) : 0));
      outBooked[k] = allOut;
      ending[k] = Math.max(0, roundCentsOfDouble(cutoff + boughtBefore - netOut / 100));
    }
    computed = Math.max(computed, m);
  };
  return {
    months,
    cutoffBalance: base.cutoffBalance,
    month(m) {
      assert(Number.isInteger(m) && m >= 1 && m <= months, 'POOL_FLOWS', { month: m, months });
      extend(m);
      const k = m - 1;
      return {
        interest: flowCents.interestCollected[k] ?? 0,
        penaltyInterest: flowCents.penaltyInterest[k] ?? 0,
        scheduledPrincipal: flowCents.scheduledPrincipal[k] ?? 0,
        prepayments: flowCents.prepayments[k] ?? 0,
        recoveries: flowCents.recoveries[k] ?? 0,
        defaults: flowCents.defaults[k] ?? 0,
        losses: flowCents.losses[k] ?? 0,
        beginningBalance: beginning[k] ?? 0,
        endingBalance: ending[k] ?? 0,
        delinquent60Plus: dpd60[k] ?? 0,
        delinquent90Plus: dpd90[k] ?? 0,
        servicingFee: flowCents.servicingFee[k] ?? 0,
        ...(counted !== null ? { definitionDefaults: countedCents[k] ?? 0 } : {}),
        ...(stocks === null ? {} : { delinquencyStates: stockRow(stocks, k) }),
      };
    },
    purchase(afterMonth, principal) {
      const amount = principal.reduce((sum, x) => sum + x, 0);
      assert(
        principal.every((x) => x >= 0 && x < Infinity),
        'POOL_FLOWS',
        { purchase: principal, afterMonth },
      );
      if (amount === 0 || afterMonth >= months) return;
      purchased[afterMonth - 1] = (purchased[afterMonth - 1] ?? 0) + amount;
      computed = Math.min(computed, afterMonth);
      assert(unitCohort !== undefined, 'POOL_FLOWS', { rule: 'a revolving purchase needs the unit cohort of the purchase profile', afterMonth });
      principal.forEach((lineAmount, line) => {
        if (lineAmount > 0) addCohort(afterMonth, line, lineAmount, unitCohort(afterMonth, line));
      });
      // Month afterMonth itself is closed: its ending balance excludes the purchase (the waterfall
      // reports the pool after purchases as ending balance + principal bought on the payment date).
    },
    boughtBalance(m, line) {
      return lineBalance[line]?.[m - 1] ?? 0;
    },
    segmentBalance(m, segment) {
      if (segmentEndingBalance === undefined) return undefined;
      return segmentEndingBalance.get(segment)?.[m - 1] ?? 0;
    },
    yieldSupplementOC(m, requiredRate) {
      if (yieldSupplementLines === undefined) return undefined;
      return yieldSupplementAmount(yieldSupplementLines, Math.min(m, months), requiredRate);
    },
  };
}

/** Pool columns from month rows (tests, representative examples): row i is month i + 1. */
export function poolColumns(cutoffBalance: number, rows: readonly Partial<PoolPeriodFlows>[]): PoolColumns {
  const column = (pick: (row: Partial<PoolPeriodFlows>) => number | undefined): Float64Array => Float64Array.from(rows, (row) => pick(row) ?? 0);
  return {
    months: rows.length,
    cutoffBalance,
    beginningBalance: column((r) => r.beginningBalance),
    interestCollected: column((r) => r.interest),
    penaltyInterest: column((r) => r.penaltyInterest),
    scheduledPrincipal: column((r) => r.scheduledPrincipal),
    prepayments: column((r) => r.prepayments),
    defaults: column((r) => r.defaults),
    recoveries: column((r) => r.recoveries),
    losses: column((r) => r.losses),
    endingBalance: column((r) => r.endingBalance),
    servicingFee: column((r) => r.servicingFee),
    balanceByState: {
      dpd61_90: column((r) => (r.delinquent60Plus ?? 0) - (r.delinquent90Plus ?? 0)),
      dpd91_180: column((r) => r.delinquent90Plus),
    },
    ...(rows.some((r) => r.definitionDefaults !== undefined) ? { definitionDefaults: column((r) => r.definitionDefaults) } : {}),
  };
}

/** A flow column of a projection; capitalised interest is absent from columns written without events (zero). */
function flowOf(columns: CohortColumns, key: Flow): Float64Array {
  return key === 'capitalisedInterest' ? (columns.capitalisedInterest ?? new Float64Array(columns.months)) : columns[key];
}

/** Whether a projection carries every reporting state (engine/project's PoolCashFlows does; month rows do not). */
function hasStateStocks(columns: CohortColumns): boolean {
  const s = columns.balanceByState;
  return s.current !== undefined && s.dpd1_30 !== undefined && s.dpd31_60 !== undefined && columns.overdueTotal !== undefined;
}

/** A state balance or 逾期总额 column of a projection (zeros where a cohort lacks it). */
function stockOf(columns: CohortColumns, key: StockKey): Float64Array {
  const column = key === 'overdueTotal' ? columns.overdueTotal : columns.balanceByState[key];
  return column ?? new Float64Array(columns.months);
}

function stockRow(stocks: Record<StockKey, Float64Array>, k: number): DelinquencyStateBalances {
  return {
    current: stocks.current[k] ?? 0,
    dpd1_30: stocks.dpd1_30[k] ?? 0,
    dpd31_60: stocks.dpd31_60[k] ?? 0,
    dpd61_90: stocks.dpd61_90[k] ?? 0,
    dpd91_180: stocks.dpd91_180[k] ?? 0,
    overdueTotal: stocks.overdueTotal[k] ?? 0,
  };
}
