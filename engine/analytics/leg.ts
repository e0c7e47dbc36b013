import { formatIsoDate, isValidDate, parseIsoDate, toDayNumber, type CalendarDate } from '../dates.ts';
import { assert, EngineError } from '../errors.ts';

/** A date as a trust deed writes it: ISO 'YYYY-MM-DD' or an engine CalendarDate. */
export type DateInput = CalendarDate | string;

/**
 * One note's cash flows by payment period, the input of every tranche analytic.
 * Index 0 of each column is period 1, paid on `paymentDates[0]`, the first payment date after
 * settlement. Money in the deal currency as float64 numbers (the waterfall hands them over rounded
 * to cents); the analytics return ratios, years and rates, never money to post, so float64 is enough
 * and decimal.js is not used here.
 */
export interface CashFlowLeg {
  /** Face at closing. Loss rates are shares of it. */
  readonly originalBalance: number;
  /**
   * Face outstanding at settlement; prices are quoted per 100 of it. Default originalBalance (the
   * note bought at closing). For a seasoned note valued later, give the current balance and a leg
   * holding only the payments after the new settlement date.
   */
  readonly balanceAtSettlement?: number;
  /** Closing (or settlement) date: time zero of WAL, yield and duration. */
  readonly settlementDate: DateInput;
  /** Payments a year of the note's schedule: 12 monthly, 4 quarterly, 1 annual. */
  readonly paymentsPerYear: number;
  /** Payment date of each period, strictly increasing, all after settlementDate. */
  readonly paymentDates: readonly DateInput[];
  readonly principal: ArrayLike<number>;
  readonly interest: ArrayLike<number>;
  /** Principal written down (loss allocated to the note) each period; default none. Not cash. */
  readonly writeDown?: ArrayLike<number>;
  /** Note balance after the period's payments and write-down. */
  readonly endingBalance?: ArrayLike<number>;
  /** Unpaid interest carried forward (interest shortfall outstanding) at each period end. */
  readonly interestShortfall?: ArrayLike<number>;
}

/** An amount paid (> 0) or invested (< 0) on a date, as XIRR reads a cash-flow list. */
export interface DatedCashFlow {
  readonly date: DateInput;
  readonly amount: number;
}

/** A leg after its checks: dates read, optional columns resolved. Internal to engine/analytics. */
export interface CheckedLeg {
  readonly periods: number;
  readonly originalBalance: number;
  readonly balanceAtSettlement: number;
  readonly paymentsPerYear: number;
  readonly settlement: CalendarDate;
  readonly dates: readonly CalendarDate[];
  readonly principal: ArrayLike<number>;
  readonly interest: ArrayLike<number>;
  readonly writeDown: ArrayLike<number> | undefined;
  readonly endingBalance: ArrayLike<number> | undefined;
  readonly interestShortfall: ArrayLike<number> | undefined;
}

export function calendarDate(input: DateInput): CalendarDate {
  if (typeof input === 'string') return parseIsoDate(input);
  assert(isValidDate(input), 'INVALID_DATE', { value: input });
  return input;
}

export function assertNonNegativeAmount(value: number, field: string): void {
  assert(Number.isFinite(value) && value >= 0, 'INVALID_AMOUNT', { field, value });
}

function checkColumn(column: ArrayLike<number> | undefined, field: string, periods: number): void {
  if (column === undefined) return;
  assert(column.length === periods, 'LEG_COLUMNS', { field, length: column.length, periods });
  for (let t = 0; t < periods; t++) assertNonNegativeAmount(column[t] ?? Number.NaN, `${field}[${t}]`);
}

/**
 * Checks a leg once per call: at least one period, every column one finite amount ≥ 0 per payment
 * date, payment dates strictly increasing after settlement, a whole number of payments a year.
 */
export function checkLeg(leg: CashFlowLeg): CheckedLeg {
  const periods = leg.paymentDates.length;
  assert(periods >= 1, 'LEG_EMPTY');
  assert(Number.isInteger(leg.paymentsPerYear) && leg.paymentsPerYear >= 1, 'LEG_FREQUENCY', { paymentsPerYear: leg.paymentsPerYear });
  assertNonNegativeAmount(leg.originalBalance, 'originalBalance');
  const balanceAtSettlement = leg.balanceAtSettlement ?? leg.originalBalance;
  assertNonNegativeAmount(balanceAtSettlement, 'balanceAtSettlement');
  checkColumn(leg.principal, 'principal', periods);
  checkColumn(leg.interest, 'interest', periods);
  checkColumn(leg.writeDown, 'writeDown', periods);
  checkColumn(leg.endingBalance, 'endingBalance', periods);
  checkColumn(leg.interestShortfall, 'interestShortfall', periods);
  const settlement = calendarDate(leg.settlementDate);
  // A plain loop, not map(): the array's elements kind is then the same whichever tier made it (one
  // that differed sent the optimised loop below back to be compiled again, once per thread).
  const dates: CalendarDate[] = [];
  for (const input of leg.paymentDates) dates.push(calendarDate(input));
  let previous = settlement;
  let previousDay = toDayNumber(settlement);
  for (let t = 0; t < dates.length; t++) {
    const date = dates[t] as CalendarDate;
    const day = toDayNumber(date);
    // The error's details are built only when it is thrown (a leg is checked for every analytic of every run).
    if (day <= previousDay) throw new EngineError('LEG_DATES', { period: t + 1, date: formatIsoDate(date), previous: formatIsoDate(previous) });
    previous = date;
    previousDay = day;
  }
  return {
    periods,
    originalBalance: leg.originalBalance,
    balanceAtSettlement,
    paymentsPerYear: leg.paymentsPerYear,
    settlement,
    dates,
    principal: leg.principal,
    interest: leg.interest,
    writeDown: leg.writeDown,
    endingBalance: leg.endingBalance,
    interestShortfall: leg.interestShortfall,
  };
}

/** Cash paid to the holder in period t (0-based): principal + interest. Write-downs are not cash. */
export function cashFlowAt(leg: CheckedLeg, t: number): number {
  return (leg.principal[t] ?? 0) + (leg.interest[t] ?? 0);
}

/** The leg's payments (principal + interest) as dated cash flows, periods with no cash left out. */
export function legCashFlows(leg: CashFlowLeg): DatedCashFlow[] {
  const checked = checkLeg(leg);
  const flows: DatedCashFlow[] = [];
  for (let t = 0; t < checked.periods; t++) {
    const amount = cashFlowAt(checked, t);
    const date = checked.dates[t];
    if (amount > 0 && date) flows.push({ date: formatIsoDate(date), amount });
  }
  return flows;
}
