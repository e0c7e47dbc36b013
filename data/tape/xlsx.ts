import { createHash } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import { chosenSheet, sheetParts, type XlsxReaderName, type XlsxReadOptions, type XlsxReadResult } from './xlsx-common.ts';
import { readXlsxWithExceljs } from './xlsx-exceljs.ts';
import { readXlsxStreaming } from './xlsx-stream/read.ts';

/**
 * XLSX tape reading: a workbook's chosen sheet as rows of the text a CSV export would hold, so
 * one row pipeline serves both formats. Two readers give the same text (test/data/xlsx/readers.test.ts
 * compares them cell by cell): the purpose-built streaming reader (xlsx-stream/, the default) and
 * exceljs's streaming WorkbookReader (xlsx-exceljs.ts), kept as the reference of the bench
 * test/bench/xlsx-read.bench.ts, where the purpose-built reader read the 200,000-loan sample
 * 3.3× faster (wall; 2.8× less CPU) at 146 MB peak against 337 MB, and a whole 200,000-loan
 * import took 6.6 s against 22.4 s, on the loaded 2-core machine (docs/xlsx-import.md).
 */

export type { XlsxReaderName, XlsxReadOptions, XlsxReadResult } from './xlsx-common.ts';
export { watchRead, XLSX_STALL_SECONDS, type Watch } from './xlsx-exceljs.ts';

export const DEFAULT_XLSX_READER: XlsxReaderName = 'stream';

export async function hashFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

export async function readXlsxFile(path: string, options: XlsxReadOptions): Promise<XlsxReadResult> {
  const bytes = statSync(path).size;
  const sha256 = await hashFile(path);
  const parts = sheetParts(path);
  const target = chosenSheet(path, parts, options.sheet);
  const facts = { sha256, bytes, parts, target };
  return (options.reader ?? DEFAULT_XLSX_READER) === 'exceljs' ? readXlsxWithExceljs(path, options, facts) : readXlsxStreaming(path, options, facts);
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
