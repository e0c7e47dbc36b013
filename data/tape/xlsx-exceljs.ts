import type ExcelJS from 'exceljs';
import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { UserError } from '../errors.ts';
import { columnLetters, finishRead, isBlank, takeRow, unreadable, valueRightOfHeader, type FileFacts, type SheetRead, type XlsxReadOptions, type XlsxReadResult } from './xlsx-common.ts';
import { excelShownDate, excelTimeOfDay } from './values/excel-serial.ts';
import { durationFormOf, durationText, type DurationForm } from './xlsx-duration.ts';
import { isPercentFormatCode, percentCellText } from './xlsx-percent.ts';
import { checkTextRuns } from './xlsx-text-runs.ts';

/**
 * The XLSX tape reader over exceljs's streaming WorkbookReader (never the npm `xlsx` 0.18.5
 * package, which carries unfixed advisories). Cells become the same text a CSV export would
 * hold, so one row pipeline serves both formats:
 *   date cells → 'YYYY-MM-DD' (Excel stores dates as serial days; exceljs gives UTC Dates,
 *   serials 1–60 a day early, shown here as Excel shows them: values/excel-serial.ts),
 *   time cells (day 0: a time of day alone) → 'HH:MM' or 'HH:MM:SS',
 *   duration cells ([h]:mm…, which exceljs also gives as Dates) → the elapsed time Excel shows
 *   ('732:00', xlsx-duration.ts),
 *   numbers → String(n) at full precision (under a percentage format n × 100 with %: 0.18 →
 *   '18%', xlsx-percent.ts), booleans → 'true'/'false', formulas → their cached
 *   result, rich text → its plain text, errors → '#N/A'-style codes, empty → ''.
 */

interface StreamWorksheet {
  readonly name: string;
  /** The worksheet's part number (N of xl/worksheets/sheetN.xml), as exceljs's reader sets it. */
  readonly id: string | number;
  [Symbol.asyncIterator](): AsyncIterator<ExcelJS.Row>;
}

/** Where exceljs counts Excel's serial day numbers from (serial 0), and a day, in milliseconds. */
const EXCEL_DAY_0_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

/** How a cell's number format shows it, where that changes its text: a percentage, or a duration in one of its forms. */
interface CellFormat {
  readonly percent: boolean;
  readonly duration: DurationForm | null;
}

const PLAIN_FORMAT: CellFormat = { percent: false, duration: null };

/**
 * A date cell as exceljs gives it (a Date at exceljs's instant for its serial) as the text a CSV
 * export holds: the date Excel shows, a time of day alone, or under a duration format the elapsed
 * time (its serial × a day; `date1904`: the workbook counts from 1904, which exceljs added).
 */
function dateText(value: Date, format: CellFormat, date1904: boolean): string {
  const ms = value.getTime();
  if (Number.isNaN(ms)) return '';
  if (format.duration !== null) return durationText(ms - EXCEL_DAY_0_MS - (date1904 ? 1_462 * DAY_MS : 0), format.duration);
  // A time cell (Excel day 0 with a time format, '08:30'): exceljs counts serials from 1899-12-30, so
  // it would read as that date; it is the time of day a CSV export holds (a date column refuses it).
  if (ms >= EXCEL_DAY_0_MS && ms < EXCEL_DAY_0_MS + DAY_MS) return excelTimeOfDay((ms - EXCEL_DAY_0_MS) / DAY_MS);
  return excelShownDate(ms);
}

/** A cell as the text a CSV export would hold, under its number format. */
function cellText(value: ExcelJS.CellValue, format: CellFormat, date1904: boolean): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return format.percent ? percentCellText(value) : String(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) return dateText(value, format, date1904);
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('error' in value) return value.error;
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as { result?: ExcelJS.CellValue }).result;
    return result === undefined ? '' : cellText(result, format, date1904);
  }
  if ('text' in value) return String((value as { text: unknown }).text);
  return '';
}

function isFormula(value: ExcelJS.CellValue): boolean {
  return typeof value === 'object' && value !== null && !(value instanceof Date) && ('formula' in value || 'sharedFormula' in value);
}

/** How a format code shows a cell, judged once per code: a sheet has a handful of formats, a tape many cells. */
const cellFormats = new Map<string, CellFormat>();
function cellFormat(code: string): CellFormat {
  let format = cellFormats.get(code);
  if (format === undefined) {
    format = { percent: isPercentFormatCode(code), duration: durationFormOf(code) };
    cellFormats.set(code, format);
  }
  return format;
}

/** Cells of one row as text, 0-based, filling gaps (exceljs rows are sparse and 1-based). */
function rowTexts(row: ExcelJS.Row, width: number, date1904: boolean): string[] {
  const values = row.values as ExcelJS.CellValue[];
  const count = Math.max(width, values.length - 1);
  const fields: string[] = [];
  for (let i = 0; i < count; i++) {
    const value = values[i + 1];
    // A cell's format is looked up only where it can matter, a number, a date (or a duration) or a
    // formula's cached result (getCell would add the empty cells; text and booleans show as they are).
    const numFmt = typeof value === 'number' || value instanceof Date || isFormula(value) ? row.getCell(i + 1).numFmt : undefined;
    fields.push(cellText(value, typeof numFmt === 'string' ? cellFormat(numFmt) : PLAIN_FORMAT, date1904).trim());
  }
  return fields;
}

/** Seconds without a byte read or a row parsed after which a read is declared stalled. */
export const XLSX_STALL_SECONDS = 5;

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

/**
 * A row cut to the header's width, as the purpose-built reader gives it: empty cells right of the
 * header dropped, a value there refused (xlsx-common.ts's valueRightOfHeader). The header itself
 * ends at its last non-empty cell.
 */
function fitToHeader(path: string, sheet: string, fields: string[], rowNo: number, width: number): string[] {
  if (width === 0) {
    while (fields.length > 0 && fields[fields.length - 1] === '') fields.pop();
    return fields;
  }
  for (let i = width; i < fields.length; i++) if (fields[i] !== '') throw valueRightOfHeader(path, sheet, `${columnLetters(i)}${rowNo}`, width);
  fields.length = width;
  return fields;
}

/** Whether the workbook counts dates from 1904, as exceljs's reader knows it when it converts a cell (workbookPr, read from xl/workbook.xml). */
function isDate1904(reader: unknown): boolean {
  return (reader as { properties?: { model?: { date1904?: boolean } } }).properties?.model?.date1904 === true;
}

/** Feeds one worksheet's rows to the handlers, skipping blank rows (before the header and between loans). */
async function readRows(path: string, sheet: StreamWorksheet, options: XlsxReadOptions, read: SheetRead, progressed: () => void, reader: unknown): Promise<void> {
  let width = 0;
  for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
    if (read.closed) return;
    progressed();
    const fields = fitToHeader(path, sheet.name, rowTexts(row, width, isDate1904(reader)), row.number, width);
    if (isBlank(fields)) continue;
    if (read.records === 0) width = fields.length;
    if (!takeRow(fields, row.number, options, read)) {
      read.stopped = true;
      return;
    }
  }
}

/** Reads through exceljs's streaming reader at most this often when it loses the workbook part (exceljs#3064). */
const EXCELJS_ATTEMPTS = 3;

function isMissingWorkbookPart(error: unknown): boolean {
  return error instanceof TypeError && error.message.includes("reading 'sheets'");
}

/** Reads the chosen sheet through exceljs (the import's reader before xlsx-stream/; now the reference of the bench and the cross-check tests). */
export async function readXlsxWithExceljs(path: string, options: XlsxReadOptions, facts: FileFacts): Promise<XlsxReadResult> {
  const { sha256, bytes, parts, target } = facts;
  try {
    await checkTextRuns(path, target.partNo);
  } catch (error) {
    throw unreadable(path, (error as Error).message);
  }
  // exceljs is large: load it only when a workbook is actually read (through data/excel.ts).
  const { default: excel } = await import('../excel.ts');
  const read: SheetRead = { records: 0, stopped: false, closed: false };
  let found = false;
  for (let attempt = 1; ; attempt += 1) {
    const input = createReadStream(path);
    const watch = watchRead(path, input, options.stallSeconds ?? XLSX_STALL_SECONDS, () => options.shouldStop?.() ?? false);
    const reader = new excel.stream.xlsx.WorkbookReader(input, { worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', entries: 'emit' });
    const readAll = async (): Promise<'done'> => {
      for await (const sheet of reader as unknown as AsyncIterable<StreamWorksheet>) {
        watch.progressed();
        // The sheet's own part number, not the reader's last 'entry' event: in openpyxl part order the
        // sheets wait for the shared strings and their announcements need not precede their own yields.
        if (String(sheet.id) !== target.partNo || found) continue;
        found = true;
        await readRows(path, sheet, options, read, watch.progressed, reader);
        break;
      }
      return 'done';
    };
    try {
      const outcome = await Promise.race([readAll(), watch.ended]);
      if (outcome === 'stopped') read.stopped = true;
      break;
    } catch (error) {
      // exceljs#3064: the reader's one streaming pass sometimes never delivers a workbook's last part
      // (exceljs writes xl/workbook.xml last) before it parses the sheets it held back, and fails on the
      // missing sheet list. The file is sound: read it again, while no row has reached the handlers.
      if (read.records === 0 && attempt < EXCELJS_ATTEMPTS && isMissingWorkbookPart(error)) {
        input.destroy();
        found = false;
        continue;
      }
      read.closed = true;
      if (error instanceof UserError) throw error;
      throw unreadable(path, (error as Error).message);
    } finally {
      watch.close();
    }
  }
  read.closed = true;
  return finishRead(path, target, parts, { sha256, bytes, read, found }, options);
}
