import { UserError } from '../../errors.ts';
import type { ColumnMapping } from '../rows.ts';
import { PLAUSIBLE, type Plausibility } from '../rows/limits.ts';
import { parseDate } from '../values/index.ts';

/** The tape's cutoff date (ISO): loans originated after it are rejected, ages are counted to it. */
export interface Cutoff {
  readonly date: string;
  /** Where it came from, in this order of precedence: the request, the tape's data-date column. Never the import date: ages, maturities and the after-cutoff check all hang on it. */
  readonly source: 'given' | 'tape';
}

/** The cutoff the request gives, in any form a tape's dates may take; null when it gives none. */
export function givenCutoff(text: string | undefined): Cutoff | null {
  if (text === undefined) return null;
  const parsed = parseDate(text);
  if (!parsed.ok || parsed.value === null) {
    throw new UserError('BAD_REQUEST', `Cutoff date "${text}": ${parsed.ok ? 'missing' : parsed.reason}`, { cutoffDate: text });
  }
  return { date: parsed.value, source: 'given' };
}

/**
 * With none given: the data date (数据日期) on the tape's first row. A tape without that column, or
 * with it blank, is refused (BAD_FILE) rather than taken as of today — a silent import date would
 * age every loan wrongly and hide loans that matured before the tape was cut. So is a data date
 * that is written but unreadable (`0000-00-00`) or outside the tape's plausible dates (1900–2100
 * unless its limits say otherwise, data/tape/rows/limits.ts).
 */
export function cutoffOfTape(mapping: ColumnMapping, firstRow: readonly string[], sourceFile: string, limits: Plausibility = PLAUSIBLE): Cutoff {
  const asOfIndex = mapping.indexOf('asOfDate');
  if (asOfIndex < 0) throw missingCutoff(sourceFile, 'has no data-date column (数据日期 / as-of date)');
  const text = firstRow[asOfIndex] ?? '';
  const parsed = parseDate(text);
  if (parsed.ok && parsed.value === null) throw missingCutoff(sourceFile, 'leaves the data date (数据日期) blank on its first row');
  const date = parsed.ok ? parsed.value : null;
  if (date === null || date < limits.minDate || date > limits.maxDate) {
    const why = parsed.ok ? `outside the plausible range ${limits.minDate} to ${limits.maxDate}` : parsed.reason;
    throw new UserError('BAD_FILE', `The data date "${text}" on the tape's first row (its cutoff) is ${why}: fix it or give the cutoff date`, { value: text, rule: 'date_limit' });
  }
  return { date, source: 'tape' };
}

/** The refusal when nothing states the cutoff: the import does not guess it. */
export function missingCutoff(sourceFile: string, why: string): UserError {
  return new UserError('CUTOFF_REQUIRED', `${sourceFile} ${why} and no cutoff date was given: enter the tape's cutoff date (the date its balances and days past due are as of)`, {
    file: sourceFile,
    field: 'cutoffDate',
  });
}
