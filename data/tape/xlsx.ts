import type ExcelJS from 'exceljs';
import { createHash } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import { basename } from 'node:path';
import { UserError } from '../errors.ts';

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
}

export interface XlsxReadResult {
  readonly sheet: string;
  readonly sheets: readonly string[];
  readonly sha256: string;
  readonly bytes: number;
  readonly records: number;
  readonly stopped: boolean;
}

interface SheetMeta {
  readonly name: string;
}

interface ReaderModel {
  readonly model?: { readonly sheets?: readonly SheetMeta[] };
}

interface StreamWorksheet {
  readonly name: string;
  [Symbol.asyncIterator](): AsyncIterator<ExcelJS.Row>;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function cellText(value: ExcelJS.CellValue): string {
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

export async function readXlsxFile(path: string, options: XlsxReadOptions): Promise<XlsxReadResult> {
  const bytes = statSync(path).size;
  const sha256 = await hashFile(path);
  // exceljs is large: load it only when a workbook is actually read (through data/excel.ts).
  const { default: excel } = await import('../excel.ts');
  const reader = new excel.stream.xlsx.WorkbookReader(path, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache', // needed to tell date cells from numbers
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  let sheets: readonly string[] = [];
  let target: string | null = options.sheet ?? null;
  let found = false;
  let records = 0;
  let stopped = false;
  let width = 0;
  try {
    for await (const sheet of reader as unknown as AsyncIterable<StreamWorksheet>) {
      sheets = ((reader as unknown as ReaderModel).model?.sheets ?? []).map((s) => s.name);
      target ??= sheets[0] ?? sheet.name;
      if (sheet.name !== target || found) continue;
      found = true;
      for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
        const fields = rowTexts(row, width);
        if (records === 0) {
          if (isBlank(fields)) continue; // leading blank rows before the header
          width = fields.length;
          records = 1;
          if (options.onHeader(fields) === false) {
            stopped = true;
            break;
          }
          continue;
        }
        if (isBlank(fields)) continue;
        records++;
        if (options.onRow(fields, row.number) === false) {
          stopped = true;
          break;
        }
        if ((records & 1023) === 0) {
          options.onProgress?.(records - 1);
          if (options.shouldStop?.()) {
            stopped = true;
            break;
          }
        }
      }
      if (stopped) break;
    }
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw new UserError('BAD_FILE', `${basename(path)} is not a readable XLSX workbook: ${(error as Error).message}`, {
      file: basename(path),
    });
  }
  if (!found) {
    throw new UserError('BAD_FILE', target && sheets.length > 0 ? `${basename(path)} has no sheet named "${target}" (sheets: ${sheets.join(', ')})` : `${basename(path)} contains no worksheet`, {
      file: basename(path),
      sheet: target,
      sheets,
    });
  }
  if (records === 0) throw new UserError('BAD_FILE', `Sheet "${target ?? ''}" of ${basename(path)} is empty`, { file: basename(path) });
  options.onProgress?.(records - 1);
  return { sheet: target ?? '', sheets, sha256, bytes, records, stopped };
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
