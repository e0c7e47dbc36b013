import { basename } from 'node:path';
import { codedError, type UserError } from '../errors.ts';
import { TAPE_MESSAGES } from './messages.ts';
import { readSheetParts, type SheetPart } from './xlsx-sheets.ts';

/**
 * What both XLSX tape readers share (exceljs's streaming WorkbookReader in xlsx-exceljs.ts, the
 * purpose-built one in xlsx-stream/): the options and result, the choice of sheet, the errors, and
 * how rows reach the handlers — so the two differ only in how they turn a worksheet into rows.
 */

/** Which reader turns the worksheet into rows: 'stream' (xlsx-stream/, the default) or 'exceljs'. */
export type XlsxReaderName = 'stream' | 'exceljs';

export interface XlsxReadOptions {
  /** Sheet name; the workbook's first sheet when absent. */
  readonly sheet?: string;
  onHeader(fields: string[]): void | false;
  onRow(fields: string[], rowNo: number): void | false;
  onProgress?(rowsRead: number): void;
  shouldStop?(): boolean;
  /** exceljs only: seconds without progress before the read is ended as stalled (default XLSX_STALL_SECONDS). */
  readonly stallSeconds?: number;
  /** The reader to use; default DEFAULT_XLSX_READER (the bench and the cross-check tests name it). */
  readonly reader?: XlsxReaderName;
}

export interface XlsxReadResult {
  readonly sheet: string;
  readonly sheets: readonly string[];
  readonly sha256: string;
  readonly bytes: number;
  readonly records: number;
  readonly stopped: boolean;
}

/** What the caller already knows of the file before a reader starts. */
export interface FileFacts {
  readonly sha256: string;
  readonly bytes: number;
  readonly parts: readonly SheetPart[];
  readonly target: SheetPart;
}

export function unreadable(path: string, reason: string): UserError {
  return codedError('BAD_FILE', TAPE_MESSAGES.say('unreadableXlsx', { file: basename(path), reason }), { file: basename(path) });
}

/** A 0-based column as Excel names it: 0 → A, 25 → Z, 26 → AA, 16,383 → XFD (bijective base 26). */
export function columnLetters(column: number): string {
  let letters = '';
  for (let n = column + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/**
 * Refuses a value right of the header's last column, naming the cell as Excel does ("loans!XFD12").
 * Such a value has no heading, so it could feed no field; and a reader that kept it would widen
 * every row to its column — a crafted sheet with one cell at XFD per row would cost 16,384 cells
 * a row. Empty cells there are dropped (as a CSV's trailing empty fields are harmless).
 */
export function valueRightOfHeader(path: string, sheet: string, cell: string, headerWidth: number): UserError {
  const file = basename(path);
  // Excel quotes a sheet name other than letters, digits, '_' and '.' in a reference: 'Loan tape'!A1.
  sheet = /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(sheet) ? sheet : `'${sheet.replaceAll("'", "''")}'`;
  const lastColumn = columnLetters(headerWidth - 1);
  return codedError('BAD_FILE', TAPE_MESSAGES.say('valueRightOfHeader', { file, sheet, cell, lastColumn }), { file, sheet, cell, lastColumn });
}

export function sheetParts(path: string): SheetPart[] {
  try {
    return readSheetParts(path);
  } catch (error) {
    throw unreadable(path, (error as Error).message);
  }
}

/** The sheet to read (by name, else the first in tab order), refused with the real names when absent. */
export function chosenSheet(path: string, parts: readonly SheetPart[], wanted: string | undefined): SheetPart {
  const chosen = wanted === undefined ? parts[0] : parts.find((part) => part.name === wanted);
  if (chosen) return chosen;
  const sheets = parts.map((part) => part.name);
  throw codedError(
    'BAD_FILE',
    wanted !== undefined && sheets.length > 0
      ? TAPE_MESSAGES.say('noSheetNamed', { file: basename(path), sheet: wanted, sheets: sheets.join(', ') })
      : TAPE_MESSAGES.say('noWorksheet', { file: basename(path) }),
    {
      file: basename(path),
      sheet: wanted ?? null,
      sheets,
    },
  );
}

export interface SheetRead {
  records: number;
  stopped: boolean;
  /** The read has ended (the watch settled it): rows still arriving go nowhere. */
  closed: boolean;
}

/** A row with no value: every cell empty or spaces. Skipped by the import in a sheet and a CSV alike (import/source.ts). */
export function isBlank(fields: readonly string[]): boolean {
  return fields.every((f) => f.trim() === '');
}

/** One non-blank row to the handlers; false when they ask to stop. The first is the header. */
export function takeRow(fields: string[], rowNo: number, options: XlsxReadOptions, read: SheetRead): boolean {
  read.records++;
  if (read.records === 1) return options.onHeader(fields) !== false;
  if (options.onRow(fields, rowNo) === false) return false;
  if ((read.records & 1023) === 0) {
    options.onProgress?.(read.records - 1);
    if (options.shouldStop?.()) return false;
  }
  return true;
}

/** The result once the sheet is read: refuses a missing or empty sheet. */
export function finishRead(
  path: string,
  target: SheetPart,
  parts: readonly SheetPart[],
  facts: { sha256: string; bytes: number; read: SheetRead; found: boolean },
  options: XlsxReadOptions,
): XlsxReadResult {
  const { sha256, bytes, read } = facts;
  const sheets = parts.map((part) => part.name);
  if (!facts.found && !read.stopped) throw unreadable(path, `sheet "${target.name}" (xl/worksheets/sheet${target.partNo}.xml) is missing from the file`);
  if (read.records === 0 && !read.stopped) throw codedError('BAD_FILE', TAPE_MESSAGES.say('sheetEmpty', { file: basename(path), sheet: target.name }), { file: basename(path) });
  if (read.records > 0) options.onProgress?.(read.records - 1);
  return { sheet: target.name, sheets, sha256, bytes, records: read.records, stopped: read.stopped };
}
