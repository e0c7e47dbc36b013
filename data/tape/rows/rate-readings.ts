import { annualBareReading, dailyBareReading } from '../values/index.ts';
import type { RowReading } from './reading.ts';

/**
 * A rate column whose header states no unit is read cell by cell (values/annual-rate.ts): a bare
 * number below 1 as a fraction (0.18 = 18%), from 1 as a percentage (18 = 18%). A column that
 * holds both — 0.5 beside 18 and 9.5 — most likely means one unit throughout, and one of the two
 * readings is then wrong by a factor of 100. The loans are imported as read, and the report says
 * which rows were read which way (import/finish.ts), so the analyst can check them or state the
 * unit in the header (`年化利率(%)`), which then reads every value in it.
 */

/** Rows of each reading the report names with their values. */
export const RATE_READING_ROWS_SHOWN = 5;

export interface RateReadingCount {
  rows: number;
  /** The first rows read this way: `row (value)`. */
  readonly first: string[];
}

export interface RateReadings {
  /** The rate column's header as the tape spells it; '' when no rate column is read cell by cell. */
  column: string;
  readonly fraction: RateReadingCount;
  readonly percent: RateReadingCount;
}

export function noRateReadings(): RateReadings {
  return { column: '', fraction: { rows: 0, first: [] }, percent: { rows: 0, first: [] } };
}

/** Counts how a valid row's bare rate was read, when its column states no unit. */
export function countRateReading(into: RateReadings, r: RowReading, field: 'rateAnnual' | 'rateDaily'): void {
  const text = r.text(field);
  if (text === '') return;
  const reading = field === 'rateAnnual' ? annualBareReading(text) : dailyBareReading(text);
  if (reading === null) return;
  const count = into[reading];
  count.rows++;
  if (count.first.length < RATE_READING_ROWS_SHOWN) count.first.push(`${r.rowNo} (${text})`);
}

/** The first rows of a reading as the note shows them in either language: `2 (0.5), 5 (0.25)`, then `…` when there are more. */
export function rateReadingRowsText(count: RateReadingCount): string {
  const rows = count.first.join(', ');
  return count.rows > count.first.length ? `${rows}, …` : rows;
}
