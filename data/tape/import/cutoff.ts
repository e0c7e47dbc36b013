import { UserError } from '../../errors.ts';
import type { ColumnMapping } from '../rows.ts';
import { PLAUSIBLE, type Plausibility } from '../rows/limits.ts';
import { parseDate } from '../values/index.ts';

/** The tape's cutoff date (ISO): loans originated after it are rejected, ages are counted to it. */
export interface Cutoff {
  readonly date: string;
  /** Where it came from, in this order of precedence: the request, the tape's data-date column, the import date. */
  readonly source: 'given' | 'tape' | 'today';
}

function todayIso(now: Date): string {
  return now.toISOString().slice(0, 10);
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
 * With none given: the data date on the tape's first row, when mapped and filled in; else today.
 * A data date that is written but unreadable (`0000-00-00`) or outside the tape's plausible dates
 * (1900–2100 unless its limits say otherwise, data/tape/rows/limits.ts) is refused (BAD_FILE) rather than replaced by today:
 * every age and every after-cutoff check hangs on it.
 */
export function cutoffOfTape(mapping: ColumnMapping, firstRow: readonly string[], now: () => Date, limits: Plausibility = PLAUSIBLE): Cutoff {
  const asOfIndex = mapping.indexOf('asOfDate');
  if (asOfIndex < 0) return todayCutoff(now);
  const text = firstRow[asOfIndex] ?? '';
  const parsed = parseDate(text);
  if (parsed.ok && parsed.value === null) return todayCutoff(now);
  const date = parsed.ok ? parsed.value : null;
  if (date === null || date < limits.minDate || date > limits.maxDate) {
    const why = parsed.ok ? `outside the plausible range ${limits.minDate} to ${limits.maxDate}` : parsed.reason;
    throw new UserError('BAD_FILE', `The data date "${text}" on the tape's first row (its cutoff) is ${why}: fix it or give the cutoff date`, { value: text, rule: 'date_limit' });
  }
  return { date, source: 'tape' };
}

/** The import date: a tape with no rows, or none that says, is taken as of today. */
export function todayCutoff(now: () => Date): Cutoff {
  return { date: todayIso(now()), source: 'today' };
}
