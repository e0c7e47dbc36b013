/**
 * Elapsed-time number formats, for both XLSX readers (xlsx-stream/ and xlsx-exceljs.ts). A format
 * whose first hour, minute or second token is in brackets — `[h]:mm`, `[h]:mm:ss`, `[mm]:ss`
 * (ECMA-376 Part 1 §18.8.31; built-in 46 is `[h]:mm:ss`) — shows a number as time elapsed, not as
 * a date: 30.5 under `[h]:mm` shows 732:00 (30.5 days × 24 hours), and a CSV export of the sheet
 * holds that text. Both readers count it a date format (its `:mm` is a date token outside the
 * brackets, exceljs's rule), so such a cell in a date column was read as a day of 1900
 * (1900-01-29); read as the duration Excel shows, a date column refuses it as a duration
 * (values/dates.ts).
 */

/** How a duration shows: whole hours then minutes (and seconds), whole minutes then seconds, or whole seconds. */
export type DurationForm = 'h:mm' | 'h:mm:ss' | 'm:ss' | 's';

/** The built-in elapsed-time format (§18.8.30): 46 `[h]:mm:ss`. */
export const BUILT_IN_DURATIONS: ReadonlyMap<number, DurationForm> = new Map([[46, 'h:mm:ss']]);

/**
 * The form of a format code that shows elapsed time, or null when it does not: its first bracket
 * holding only `h`, `m` or `s` (`[h]`, `[hh]`, `[mm]`…; not `[Red]` or `[$-804]`) names the unit
 * counted whole; seconds show when an `s` follows outside quotes and brackets.
 */
export function durationFormOf(code: string): DurationForm | null {
  const bare = code.replace(/\\./g, '').replace(/"[^"]*"/g, '');
  const elapsed = /\[(h+|m+|s+)]/i.exec(bare);
  if (!elapsed) return null;
  const unit = (elapsed[1] ?? 'h').charAt(0).toLowerCase();
  if (unit === 's') return 's';
  if (unit === 'm') return 'm:ss';
  const after = bare.slice(elapsed.index + elapsed[0].length).replace(/\[[^\]]*]/g, '');
  return /s/i.test(after) ? 'h:mm:ss' : 'h:mm';
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/**
 * A duration as Excel shows it, from its length in milliseconds (the serial × 86,400,000, rounded
 * to the millisecond as both readers count it), to the nearest second: 30.5 days is `732:00` as
 * h:mm, `732:00:00` as h:mm:ss, `43920:00` as m:ss, `2635200` as s.
 */
export function durationText(elapsedMs: number, form: DurationForm): string {
  const sign = elapsedMs < 0 ? '-' : '';
  const seconds = Math.round(Math.abs(elapsedMs) / 1000);
  const minutes = Math.floor(seconds / 60);
  const hours = Math.floor(minutes / 60);
  switch (form) {
    case 'h:mm':
      return `${sign}${hours}:${pad2(minutes % 60)}`;
    case 'h:mm:ss':
      return `${sign}${hours}:${pad2(minutes % 60)}:${pad2(seconds % 60)}`;
    case 'm:ss':
      return `${sign}${minutes}:${pad2(seconds % 60)}`;
    default:
      return `${sign}${seconds}`;
  }
}
