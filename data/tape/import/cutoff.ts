import { UserError } from '../../errors.ts';
import type { ColumnMapping } from '../rows.ts';
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

/** With none given: the data date on the tape's first row, when mapped and readable; else today. */
export function cutoffOfTape(mapping: ColumnMapping, firstRow: readonly string[], now: () => Date): Cutoff {
  const asOfIndex = mapping.indexOf('asOfDate');
  const parsed = asOfIndex >= 0 ? parseDate(firstRow[asOfIndex] ?? '') : null;
  if (parsed?.ok && parsed.value) return { date: parsed.value, source: 'tape' };
  return todayCutoff(now);
}

/** The import date: a tape with no rows, or none that says, is taken as of today. */
export function todayCutoff(now: () => Date): Cutoff {
  return { date: todayIso(now()), source: 'today' };
}
