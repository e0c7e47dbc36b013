import { statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { UserError } from '../errors.ts';
import { readCsvFile } from '../tape/csv.ts';
import type { TapeEncoding } from '../tape/encoding.ts';
import type { ExcelJSTypes } from '../excel.ts';
import { cellText } from '../tape/xlsx.ts';

/** One table as the file holds it: every non-blank record with its row number (CSV: record number, header = 1; XLSX: the sheet's row). */
export interface SheetTable {
  readonly sheet: string | null;
  readonly rows: readonly { readonly rowNo: number; readonly fields: readonly string[] }[];
}

/** Static pools are small (vintages × months); a larger file is refused before it is read. */
export const MAX_STATIC_POOL_BYTES = 50 * 1024 * 1024;
export const MAX_STATIC_POOL_ROWS = 200_000;

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

/** Seconds a workbook may take to load before it is declared unreadable (a static pool loads in well under one). */
const LOAD_SECONDS = 30;

/**
 * Every sheet of a workbook, in tab order. A static pool is small, so the workbook is loaded whole
 * (exceljs's in-memory reader over JSZip, which fails on a damaged part instead of waiting on it, as
 * the streaming reader can), each sheet read once; cells become text as in the tape reader.
 */
async function readWorkbookTables(path: string, fileName: string): Promise<SheetTable[]> {
  const { default: excel } = await import('../excel.ts');
  const workbook = new excel.Workbook();
  let timer: NodeJS.Timeout | undefined;
  const stalled = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`it did not load within ${LOAD_SECONDS} s`)), LOAD_SECONDS * 1000);
  });
  try {
    const bytes = await readFile(path);
    await Promise.race([workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)), stalled]);
  } catch (error) {
    throw new UserError('BAD_FILE', `${fileName} is not a readable XLSX workbook: ${(error as Error).message}`, { file: fileName });
  } finally {
    clearTimeout(timer);
  }
  return workbook.worksheets.map((sheet) => {
    const rows: { rowNo: number; fields: string[] }[] = [];
    sheet.eachRow({ includeEmpty: false }, (row) => {
      const values = row.values as ExcelJSTypes.CellValue[];
      const fields = Array.from({ length: Math.max(0, values.length - 1) }, (_, i) => cellText(values[i + 1]).trim());
      if (fields.some((f) => f !== '')) rows.push({ rowNo: row.number, fields });
    });
    if (rows.length > MAX_STATIC_POOL_ROWS) throw tooMany(fileName);
    return { sheet: sheet.name, rows };
  });
}
