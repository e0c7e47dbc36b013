import { addMonths, formatIsoDate } from '../dates.ts';
import { calendarDate, checkLeg, type CashFlowLeg } from './leg.ts';

/**
 * How a prospectus prints a percentage of the initial note principal outstanding:
 *  - twoDecimals: half-up to hundredths ("80.67"; Toyota Auto Receivables' ABS tables);
 *  - wholePercent: half-up to a whole percent, with "*" for more than 0 and less than 0.5 %
 *    (Ford Credit and AmeriCredit: "* Indicates an amount greater than zero but less than 0.5% of
 *    the initial principal amount");
 *  - wholePercentNoAsterisk: half-up to a whole percent, under 0.5 % printed 0 (AmeriCredit 2024-1,
 *    p. 80: "The percentages in the tables have been rounded to the nearest whole number").
 */
export const PERCENT_PRECISIONS = ['twoDecimals', 'wholePercent', 'wholePercentNoAsterisk'] as const;
export type PercentPrecision = (typeof PERCENT_PRECISIONS)[number];

/** Which dates a decrement table has rows for: every payment date, or each anniversary of closing. */
export const DECREMENT_ROWS = ['paymentDates', 'anniversaries'] as const;
export type DecrementRows = (typeof DECREMENT_ROWS)[number];

/** One row of a decrement table: the date, the exact share outstanding (decimal) and the printed cell. */
export interface DecrementRow {
  /** ISO date; the first row is the closing (settlement) date at 100 %. */
  readonly date: string;
  /** Balance outstanding after the date's payments ÷ the original balance (decimal, 1 = 100 %). */
  readonly outstanding: number;
  readonly printed: string;
}

/**
 * The printed cell for `outstanding` of `original` (both money at cents). Exact: both are taken as
 * whole cents and the percentage is rounded half-up in integer arithmetic, so 80.665 % prints
 * 80.67 whatever float64 makes of it.
 */
export function printedPercent(outstanding: number, original: number, precision: PercentPrecision): string {
  const num = BigInt(Math.round(outstanding * 100));
  const den = BigInt(Math.round(original * 100));
  if (den <= 0n || num <= 0n) return precision === 'twoDecimals' ? '0.00' : '0';
  if (precision !== 'twoDecimals') {
    // * when 0 < pct < 0.5, i.e. 200 × num < den (or 0, rounded to the nearest whole number).
    if (200n * num < den) return precision === 'wholePercent' ? '*' : '0';
    return ((200n * num + den) / (2n * den)).toString();
  }
  const hundredths = (2n * 10000n * num + den) / (2n * den);
  return `${hundredths / 100n}.${(hundredths % 100n).toString().padStart(2, '0')}`;
}

/**
 * The note's decrement table: the percentage of its original balance outstanding at closing and
 * after each payment date (rows 'paymentDates', through the date it is paid off) or at each
 * anniversary of closing (rows 'anniversaries': the balance after the last payment date on or
 * before it, through the first anniversary at which it is paid off). Written-down principal counts
 * as no longer outstanding (the balance column is the note's balance after payments and write-downs).
 */
export function decrementTable(leg: CashFlowLeg, rows: DecrementRows, precision: PercentPrecision): DecrementRow[] {
  const checked = checkLeg(leg);
  const original = checked.originalBalance;
  const balances: number[] = [];
  let balance = original;
  for (let t = 0; t < checked.periods; t++) {
    balance -= (checked.principal[t] ?? 0) + (checked.writeDown?.[t] ?? 0);
    balances.push(checked.endingBalance?.[t] ?? Math.max(0, Math.round(balance * 100) / 100));
  }
  const row = (date: string, outstanding: number): DecrementRow => ({ date, outstanding: original > 0 ? outstanding / original : 0, printed: printedPercent(outstanding, original, precision) });
  const out: DecrementRow[] = [row(formatIsoDate(checked.settlement), original)];
  const dates = checked.dates.map(formatIsoDate);
  if (rows === 'paymentDates') {
    for (let t = 0; t < checked.periods; t++) {
      out.push(row(dates[t] ?? '', balances[t] ?? 0));
      if ((balances[t] ?? 0) <= 0) break;
    }
    return out;
  }
  const settlement = calendarDate(leg.settlementDate);
  for (let year = 1; year <= 100; year++) {
    const anniversary = formatIsoDate(addMonths(settlement, 12 * year));
    let t = -1;
    while (t + 1 < checked.periods && (dates[t + 1] ?? '') <= anniversary) t++;
    const outstanding = t < 0 ? original : (balances[t] ?? 0);
    out.push(row(anniversary, outstanding));
    if (outstanding <= 0 || t + 1 >= checked.periods) break;
  }
  return out;
}
