import { codedError, type UserError } from '../../errors.ts';
import { TAPE_MESSAGES } from '../messages.ts';
import type { ColumnMapping } from '../rows.ts';
import { PLAUSIBLE, type Plausibility } from '../rows/limits.ts';
import { parseTapeDate } from '../values/index.ts';

/** The tape's cutoff date (ISO): loans originated after it are rejected, ages are counted to it. */
export interface Cutoff {
  readonly date: string;
  /** Where it came from, in this order of precedence: the request, the tape's data-date column. Never the import date: ages, maturities and the after-cutoff check all hang on it. */
  readonly source: 'given' | 'tape';
}

/** The cutoff the request gives, in any form a tape's dates may take; null when it gives none. */
export function givenCutoff(text: string | undefined): Cutoff | null {
  if (text === undefined) return null;
  const parsed = parseTapeDate(text);
  if (!parsed.ok || parsed.value === null) {
    throw codedError('BAD_REQUEST', parsed.ok ? TAPE_MESSAGES.say('cutoffMissing', { text }) : TAPE_MESSAGES.say('cutoffUnreadable', { text, reason: parsed.coded }), { cutoffDate: text });
  }
  return { date: parsed.value, source: 'given' };
}

/**
 * With none given: the data date (数据日期) on the tape's first row. A tape without that column, or
 * with it blank, is refused (BAD_FILE) rather than taken as of today — a silent import date would
 * age every loan wrongly and hide loans that matured before the tape was cut. So is a data date
 * that is written but unreadable (`0000-00-00`), in January–February 1900 (Excel's day numbers
 * 1–60, values/dates.ts parseTapeDate) or outside the tape's plausible dates (1900–2100 unless its
 * limits say otherwise, data/tape/rows/limits.ts).
 */
export function cutoffOfTape(mapping: ColumnMapping, firstRow: readonly string[], sourceFile: string, limits: Plausibility = PLAUSIBLE): Cutoff {
  const asOfIndex = mapping.indexOf('asOfDate');
  if (asOfIndex < 0) throw missingCutoff(sourceFile, 'noDataDateColumn');
  const text = firstRow[asOfIndex] ?? '';
  const parsed = parseTapeDate(text);
  if (parsed.ok && parsed.value === null) throw missingCutoff(sourceFile, 'dataDateBlank');
  const date = parsed.ok ? parsed.value : null;
  if (date === null || date < limits.minDate || date > limits.maxDate) {
    const coded = parsed.ok
      ? TAPE_MESSAGES.say('dataDateImplausible', { text, minDate: limits.minDate, maxDate: limits.maxDate })
      : TAPE_MESSAGES.say(parsed.outOfRange ? 'dataDateOutOfRange' : 'dataDateUnreadable', { text, reason: parsed.coded });
    throw codedError('BAD_FILE', coded, { value: text, rule: !parsed.ok && parsed.outOfRange ? 'range' : 'date_limit' });
  }
  return { date, source: 'tape' };
}

/** The refusal when nothing states the cutoff: the import does not guess it. */
export function missingCutoff(sourceFile: string, why: 'noDataDateColumn' | 'dataDateBlank' | 'noRowsForCutoff'): UserError {
  return codedError('CUTOFF_REQUIRED', TAPE_MESSAGES.say(why, { file: sourceFile }), {
    file: sourceFile,
    field: 'cutoffDate',
  });
}
