import type ExcelJS from 'exceljs';
import { createHash } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { Readable } from 'node:stream';
import { codedError, UserError } from '../errors.ts';
import { TAPE_MESSAGES } from './messages.ts';
import { readSheetParts, type SheetPart } from './xlsx-sheets.ts';
import { checkTextRuns } from './xlsx-text-runs.ts';

/**
 * Streaming XLSX tape reader over exceljs's WorkbookReader (never the npm `xlsx` 0.18.5
 * package, which carries unfixed advisories). Cells become the same text a CSV export would
 * hold, so one row pipeline serves both formats:
 *   date cells → 'YYYY-MM-DD' (Excel stores dates as serial days; exceljs gives UTC Dates),
 *   numbers → String(n) at full precision, booleans → 'true'/'false', formulas → their cached
 *   result, rich text → its plain text, errors → '#N/A'-style codes, empty → ''.
 */

export interface XlsxReadOptions {
  /** Sheet name; the workbook's first sheet when absent. */
  readonly sheet?: string;
  onHeader(fields: string[]): void | false;
  onRow(fields: string[], rowNo: number): void | false;
  onProgress?(rowsRead: number): void;
  shouldStop?(): boolean;
  /** Seconds without progress before the read is ended as stalled (default XLSX_STALL_SECONDS). */
  readonly stallSeconds?: number;
}

export interface XlsxReadResult {
  readonly sheet: string;
  readonly sheets: readonly string[];
  readonly sha256: string;
  readonly bytes: number;
  readonly records: number;
  readonly stopped: boolean;
}

interface StreamWorksheet {
  readonly name: string;
  /** The worksheet's part number (N of xl/worksheets/sheetN.xml), as exceljs's reader sets it. */
  readonly id: string | number;
  [Symbol.asyncIterator](): AsyncIterator<ExcelJS.Row>;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** A cell as the text a CSV export would hold (also used by the static-pool reader, data/static-pool/sheets.ts). */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return '';
    return `${value.getUTCFullYear()}-${pad2(value.getUTCMonth() + 1)}-${pad2(value.getUTCDate())}`;
  }
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('error' in value) return value.error;
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as { result?: ExcelJS.CellValue }).result;
    return result === undefined ? '' : cellText(result);
  }
  if ('text' in value) return String((value as { text: unknown }).text);
  return '';
}

/** Cells of one row as text, 0-based, filling gaps (exceljs rows are sparse and 1-based). */
function rowTexts(row: ExcelJS.Row, width: number): string[] {
  const values = row.values as ExcelJS.CellValue[];
  const count = Math.max(width, values.length - 1);
  const fields: string[] = [];
  for (let i = 0; i < count; i++) fields.push(cellText(values[i + 1]).trim());
  return fields;
}

export async function hashFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

function isBlank(fields: readonly string[]): boolean {
  return fields.every((f) => f === '');
}

/** Seconds without a byte read or a row parsed after which a read is declared stalled. */
export const XLSX_STALL_SECONDS = 5;

function unreadable(path: string, reason: string): UserError {
  return codedError('BAD_FILE', TAPE_MESSAGES.say('unreadableXlsx', { file: basename(path), reason }), { file: basename(path) });
}

function sheetParts(path: string): SheetPart[] {
  try {
    return readSheetParts(path);
  } catch (error) {
    throw unreadable(path, (error as Error).message);
  }
}

/** The sheet to read (by name, else the first in tab order), refused with the real names when absent. */
function chosenSheet(path: string, parts: readonly SheetPart[], wanted: string | undefined): SheetPart {
  const chosen = wanted === undefined ? parts[0] : parts.find((part) => part.name === wanted);
  if (chosen) return chosen;
  const sheets = parts.map((part) => part.name);
  const file = basename(path);
  throw codedError(
    'BAD_FILE',
    wanted !== undefined && sheets.length > 0 ? TAPE_MESSAGES.say('noSheetNamed', { file, sheet: wanted, sheets: sheets.join(', ') }) : TAPE_MESSAGES.say('noWorksheet', { file }),
    {
      file: basename(path),
      sheet: wanted ?? null,
      sheets,
    },
  );
}

export interface Watch {
  /** Settles when the read must end early: rejects on a zip error or a stall, resolves on stop. */
  readonly ended: Promise<'stopped'>;
  readonly progressed: () => void;
  readonly close: () => void;
}

/**
 * Every read ends. exceljs's reader waits forever when a worksheet's deflate stream is damaged
 * (unzipper's error reaches no one while the part is copied to a temp file), so the read races
 * a watch that ends it on the zip stream's own error, on `stallSeconds` without a byte read or a
 * row parsed, or when `shouldStop` turns true (polled, since a stuck read never reaches a row).
 */
export function watchRead(path: string, input: Readable, stallSeconds: number, shouldStop: (() => boolean) | undefined): Watch {
  let last = Date.now();
  let timer: NodeJS.Timeout | undefined;
  const ended = new Promise<'stopped'>((resolve, reject) => {
    const pipe = input.pipe.bind(input);
    input.pipe = <T extends NodeJS.WritableStream>(destination: T, options?: { end?: boolean }): T => {
      (destination as unknown as Readable).on('error', (error: Error) => reject(unreadable(path, error.message)));
      return pipe(destination, options);
    };
    input.on('error', (error) => reject(unreadable(path, error.message)));
    timer = setInterval(() => {
      if (shouldStop?.()) resolve('stopped');
      else if (Date.now() - last > stallSeconds * 1000) {
        reject(unreadable(path, `reading stalled (no progress for ${stallSeconds} s); the file is probably damaged`));
      }
    }, 200);
  });
  input.on('data', () => {
    last = Date.now();
  });
  return {
    ended,
    progressed: () => {
      last = Date.now();
    },
    close: () => {
      clearInterval(timer);
      input.destroy();
    },
  };
}

interface SheetRead {
  records: number;
  stopped: boolean;
  /** The read has ended (the watch settled it): rows still arriving go nowhere. */
  closed: boolean;
}

/** One non-blank row to the handlers; false when they ask to stop. The first is the header. */
function takeRow(fields: string[], rowNo: number, options: XlsxReadOptions, read: SheetRead): boolean {
  read.records++;
  if (read.records === 1) return options.onHeader(fields) !== false;
  if (options.onRow(fields, rowNo) === false) return false;
  if ((read.records & 1023) === 0) {
    options.onProgress?.(read.records - 1);
    if (options.shouldStop?.()) return false;
  }
  return true;
}

/** Feeds one worksheet's rows to the handlers, skipping blank rows (before the header and between loans). */
async function readRows(sheet: StreamWorksheet, options: XlsxReadOptions, read: SheetRead, progressed: () => void): Promise<void> {
  let width = 0;
  for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
    if (read.closed) return;
    progressed();
    const fields = rowTexts(row, width);
    if (isBlank(fields)) continue;
    if (read.records === 0) width = fields.length;
    if (!takeRow(fields, row.number, options, read)) {
      read.stopped = true;
      return;
    }
  }
}

export async function readXlsxFile(path: string, options: XlsxReadOptions): Promise<XlsxReadResult> {
  const bytes = statSync(path).size;
  const sha256 = await hashFile(path);
  const parts = sheetParts(path);
  const target = chosenSheet(path, parts, options.sheet);
  try {
    await checkTextRuns(path, target.partNo);
  } catch (error) {
    throw unreadable(path, (error as Error).message);
  }
  // exceljs is large: load it only when a workbook is actually read (through data/excel.ts).
  const { default: excel } = await import('../excel.ts');
  const input = createReadStream(path);
  const watch = watchRead(path, input, options.stallSeconds ?? XLSX_STALL_SECONDS, () => options.shouldStop?.() ?? false);
  const reader = new excel.stream.xlsx.WorkbookReader(input, { worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', entries: 'emit' });
  const read: SheetRead = { records: 0, stopped: false, closed: false };
  let found = false;
  const readAll = async (): Promise<'done'> => {
    for await (const sheet of reader as unknown as AsyncIterable<StreamWorksheet>) {
      watch.progressed();
      // The sheet's own part number, not the reader's last 'entry' event: in openpyxl part order the
      // sheets wait for the shared strings and their announcements need not precede their own yields.
      if (String(sheet.id) !== target.partNo || found) continue;
      found = true;
      await readRows(sheet, options, read, watch.progressed);
      break;
    }
    return 'done';
  };
  try {
    const outcome = await Promise.race([readAll(), watch.ended]);
    if (outcome === 'stopped') read.stopped = true;
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw unreadable(path, (error as Error).message);
  } finally {
    read.closed = true;
    watch.close();
  }
  return finish(path, target, parts, { sha256, bytes, read, found }, options);
}

function finish(path: string, target: SheetPart, parts: readonly SheetPart[], facts: { sha256: string; bytes: number; read: SheetRead; found: boolean }, options: XlsxReadOptions): XlsxReadResult {
  const { sha256, bytes, read } = facts;
  const sheets = parts.map((part) => part.name);
  if (!facts.found && !read.stopped) throw unreadable(path, `sheet "${target.name}" (xl/worksheets/sheet${target.partNo}.xml) is missing from the file`);
  if (read.records === 0 && !read.stopped) throw codedError('BAD_FILE', TAPE_MESSAGES.say('sheetEmpty', { file: basename(path), sheet: target.name }), { file: basename(path) });
  if (read.records > 0) options.onProgress?.(read.records - 1);
  return { sheet: target.name, sheets, sha256, bytes, records: read.records, stopped: read.stopped };
}

/** Sheet names and the first rows of a sheet, for the mapping screen. */
export async function previewXlsx(
  path: string,
  options: { sheet?: string; maxRows?: number } = {},
): Promise<{ sheet: string; sheets: readonly string[]; header: string[]; rows: string[][]; truncated: boolean }> {
  const maxRows = options.maxRows ?? 20;
  let header: string[] = [];
  const rows: string[][] = [];
  let truncated = false;
  const result = await readXlsxFile(path, {
    ...(options.sheet ? { sheet: options.sheet } : {}),
    onHeader: (fields) => {
      header = fields;
    },
    onRow: (fields) => {
      if (rows.length >= maxRows) {
        truncated = true;
        return false;
      }
      rows.push(fields);
      return undefined;
    },
  });
  return { sheet: result.sheet, sheets: result.sheets, header, rows, truncated };
}
