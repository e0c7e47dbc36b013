import { excelSerialMs, excelShownDate, excelTimeOfDay } from '../values/excel-serial.ts';
import { CellError } from './scan-part.ts';
import { durationText } from '../xlsx-duration.ts';
import { percentCellText } from '../xlsx-percent.ts';
import { DATE_STYLE, durationFormOfStyle, PERCENT_STYLE, PLAIN_STYLE, type NumberStyles } from './styles.ts';

/**
 * A worksheet cell (ECMA-376 Part 1 §18.3.1.4 `<c r s t>`) as the text a CSV export would hold —
 * the same text exceljs's reader gives through xlsx-exceljs.ts's cellText:
 *   t="s" → the shared string; t="inlineStr" → its `<is>` text; t="str" (a formula's text) and
 *   t="e" (an error such as #N/A) → the value as written; t="b" → 'true'/'false';
 *   a number → String(n) at full precision, or 'YYYY-MM-DD' when its style is a date format
 *   ('HH:MM[:SS]' when it is below 1: a time of day alone), or n × 100 with % when its style is
 *   a percentage format (0.18 → '18%', xlsx-percent.ts), or the elapsed time Excel shows when it
 *   is a duration format (30.5 under [h]:mm → '732:00', xlsx-duration.ts);
 *   t="d" (an ISO 8601 date, §18.18.11) → its date part; a formula → its cached value, as above.
 * Where exceljs misreads, this reader does not (xlsx-readers.test.ts shows each): a formula's
 * cached boolean, error or date (exceljs: "1", "NaN", the serial number), the East Asian
 * built-in date formats (styles.ts), phonetic guides and all runs of rich inline text.
 */
export interface CellContext {
  readonly strings: readonly string[] | null;
  readonly numberStyles: NumberStyles;
  readonly date1904: boolean;
}

export interface RawCell {
  /** `t`, default 'n'. */
  readonly type: string;
  /** `s`, default 0. */
  readonly style: number;
  /** The `<v>` text; null when the cell has none. */
  readonly value: string | null;
  /** The `<is>` text of an inline string; null when none. */
  readonly inline: string | null;
}

/**
 * Excel's serial day as the date Excel shows, from the instant exceljs's utils.excelToDate gives
 * (values/excel-serial.ts: 25,569 is the serial of 1970-01-01 in the 1900 system; the 1904
 * system's serials are 1,462 days later), serials 1–60 as Excel shows them (1900-01-01 to its
 * 1900-02-29), not a day early as exceljs counts them.
 */
export function serialDate(serial: number, date1904: boolean): string {
  // Day 0 in either system: a time of day alone (a cell formatted h:mm), not a date.
  if (serial >= 0 && serial < 1) return excelTimeOfDay(serial);
  return excelShownDate(excelSerialMs(serial, date1904));
}

/** A shared string's number (§18.3.1.96: a 0-based index into the sst), whitespace around it allowed. */
const INDEX = /^\s*\d+\s*$/;

function sharedString(value: string, strings: readonly string[] | null): string {
  // Number() alone reads ' ' as 0 and '0x1' as 1: a damaged cell would silently hold another string.
  if (!INDEX.test(value)) throw new CellError(`holds "${value.slice(0, 40)}" where the number of a shared string (0, 1, 2, …) is stored`);
  const index = Number(value);
  if (strings === null) throw new CellError(`refers to shared string ${value}, but the workbook has no shared strings part (xl/sharedStrings.xml)`);
  const text = Number.isInteger(index) && index >= 0 ? strings[index] : undefined;
  if (text === undefined) throw new CellError(`refers to shared string "${value.slice(0, 20)}", but the workbook holds ${strings.length.toLocaleString('en-US')} (numbered from 0)`);
  return text;
}

/** xsd:double as Excel writes it (§18.3.1.96 `<v>`): a decimal, optionally with an exponent. */
const DOUBLE = /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/;

function numberText(value: string, style: number, context: CellContext): string {
  const n = Number(value);
  // Stricter than exceljs's parseFloat, which reads "12,000" as 12.
  if (!DOUBLE.test(value) || Number.isNaN(n)) throw new CellError(`holds "${value.slice(0, 40)}" where a number is stored`);
  const kind = context.numberStyles[style] ?? PLAIN_STYLE;
  if (kind === PLAIN_STYLE) return String(n);
  if (kind === DATE_STYLE) return serialDate(n, context.date1904);
  if (kind === PERCENT_STYLE) return percentCellText(n);
  const duration = durationFormOfStyle(kind);
  // Elapsed time in milliseconds rounded as exceljs rounds a date's instant, so both readers show the same seconds.
  return duration === undefined ? String(n) : durationText(Math.round(n * 86_400_000), duration);
}

export function cellText(cell: RawCell, context: CellContext): string {
  const { type, value } = cell;
  if (type === 'inlineStr') return cell.inline ?? value ?? '';
  if (value === null || value === '') return '';
  switch (type) {
    case 's':
      return sharedString(value, context.strings);
    case 'str':
    case 'e':
      return value;
    case 'b':
      return Number.parseInt(value, 10) !== 0 ? 'true' : 'false';
    case 'd':
      return /^\d{4}-\d{2}-\d{2}/.exec(value)?.[0] ?? value;
    default:
      return numberText(value, cell.style, context);
  }
}
