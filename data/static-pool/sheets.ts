import { statSync } from 'node:fs';
import { UserError } from '../errors.ts';
import { readCsvFile } from '../tape/csv.ts';
import type { TapeEncoding } from '../tape/encoding.ts';
import { columnLetters } from '../tape/xlsx-common.ts';
import { CellPastLimit, readEverySheet, WorkbookError } from '../tape/xlsx-stream/every-sheet.ts';

/** One table as the file holds it: every non-blank record with its row number (CSV: record number, header = 1; XLSX: the sheet's row). */
export interface SheetTable {
  readonly sheet: string | null;
  readonly rows: readonly { readonly rowNo: number; readonly fields: readonly string[] }[];
}

/** Static pools are small (vintages × months); a larger file is refused before it is read. */
export const MAX_STATIC_POOL_BYTES = 50 * 1024 * 1024;
export const MAX_STATIC_POOL_ROWS = 200_000;
/**
 * The widest static-pool sheet read: 1,000 columns — a vintage, a balance, a metric and up to 600
 * months on book across (monthCell's limit), with room for notes. A value further right is
 * refused naming its cell; without the limit one cell at XFD would widen its row to 16,384 cells.
 */
export const MAX_STATIC_POOL_COLUMNS = 1000;

export type StaticPoolFormat = 'csv' | 'xlsx';

export function formatOf(fileName: string): StaticPoolFormat {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.xlsx') || lower.endsWith('.xlsm')) return 'xlsx';
  if (lower.endsWith('.csv') || lower.endsWith('.txt') || lower.endsWith('.tsv')) return 'csv';
  throw new UserError('BAD_FILE', `${fileName}: a static pool is read from .csv or .xlsx, not ${fileName.includes('.') ? fileName.slice(fileName.lastIndexOf('.')) : 'a file without an extension'}`, {
    file: fileName,
  });
}

function tooMany(fileName: string): UserError {
  return new UserError('BAD_FILE', `${fileName} has more than ${MAX_STATIC_POOL_ROWS} rows: not a static pool (vintages × months on book)`, { file: fileName });
}

/** The tables of a CSV (one) or an XLSX workbook (every sheet, in tab order). */
export async function readTables(path: string, fileName: string, options: { encoding?: TapeEncoding } = {}): Promise<SheetTable[]> {
  const bytes = statSync(path).size;
  if (bytes > MAX_STATIC_POOL_BYTES) throw new UserError('BAD_FILE', `${fileName} is ${bytes} bytes; a static pool file is at most ${MAX_STATIC_POOL_BYTES} bytes`, { file: fileName, bytes });
  if (formatOf(fileName) === 'csv') {
    const rows: { rowNo: number; fields: string[] }[] = [];
    await readCsvFile(path, {
      ...(options.encoding ? { encoding: options.encoding } : {}),
      onHeader: (fields) => {
        rows.push({ rowNo: 1, fields });
      },
      onRow: (fields, recordNo) => {
        if (rows.length >= MAX_STATIC_POOL_ROWS) throw tooMany(fileName);
        rows.push({ rowNo: recordNo, fields: fields.map((f) => f.trim()) });
      },
    });
    return [{ sheet: null, rows }];
  }
  return readWorkbookTables(path, fileName);
}

/**
 * Every sheet of a workbook, in tab order, through the purpose-built streaming reader
 * (data/tape/xlsx-stream/every-sheet.ts): cells become text as in the tape reader, a damaged part
 * fails naming the sheet, part, row and cell, and the row limit stops the read as soon as it is
 * passed instead of after the whole workbook is loaded.
 */
async function readWorkbookTables(path: string, fileName: string): Promise<SheetTable[]> {
  const counts = new Map<string, number>();
  const countRow = (sheet: string): void => {
    const count = (counts.get(sheet) ?? 0) + 1;
    if (count > MAX_STATIC_POOL_ROWS) throw tooMany(fileName);
    counts.set(sheet, count);
  };
  try {
    return await readEverySheet(path, MAX_STATIC_POOL_COLUMNS, countRow);
  } catch (error) {
    if (error instanceof CellPastLimit) {
      const { sheet, cell } = error;
      throw new UserError(
        'BAD_FILE',
        `${fileName}: sheet "${sheet}", cell ${cell} holds a value past column ${columnLetters(MAX_STATIC_POOL_COLUMNS - 1)}; a static pool has at most ${MAX_STATIC_POOL_COLUMNS.toLocaleString('en-US')} columns (vintage, balance, up to 600 months on book)`,
        { file: fileName, sheet, cell, maxColumns: MAX_STATIC_POOL_COLUMNS },
      );
    }
    if (error instanceof WorkbookError) throw new UserError('BAD_FILE', `${fileName} is not a readable XLSX workbook: ${error.message}`, { file: fileName });
    throw error;
  }
}
