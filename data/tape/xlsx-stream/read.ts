import { UserError } from '../../errors.ts';
import { finishRead, isBlank, takeRow, unreadable, valueRightOfHeader, type FileFacts, type SheetRead, type XlsxReadOptions, type XlsxReadResult } from '../xlsx-common.ts';
import { partData } from '../xlsx-sheets.ts';
import { PartError } from './part.ts';
import { scanPart } from './scan-part.ts';
import { readSharedStrings } from './shared-strings.ts';
import { SheetRowsHandler, ValueRightOfHeader } from './sheet-rows.ts';
import { readNumberStyles } from './styles.ts';
import { readDate1904 } from './workbook.ts';

/**
 * The purpose-built XLSX tape reader: the zip's central directory locates the parts (so the
 * order a writer stored them in — exceljs, Excel, LibreOffice, openpyxl — does not matter), the
 * workbook says the date system, the styles which formats are dates, the shared strings are read
 * whole (a cell may refer to any), then the chosen worksheet streams through a tokenizer into
 * rows, each part inflated as it is read. Nothing waits on a part that never comes, so no watch
 * is needed; a damaged zip, part or XML fails with the file, part, row and cell.
 */
export async function readXlsxStreaming(path: string, options: XlsxReadOptions, facts: FileFacts): Promise<XlsxReadResult> {
  const { sha256, bytes, parts, target } = facts;
  const sheetName = `xl/worksheets/sheet${target.partNo}.xml`;
  const read: SheetRead = { records: 0, stopped: false, closed: false };
  const byName = new Map(located(path, [sheetName, 'xl/workbook.xml', 'xl/styles.xml', 'xl/sharedStrings.xml']).map((part) => [part.name, part]));
  const sheet = byName.get(sheetName);
  if (!sheet) return finishRead(path, target, parts, { sha256, bytes, read, found: false }, options);
  try {
    const date1904 = await readDate1904(path, byName.get('xl/workbook.xml'));
    const numberStyles = await readNumberStyles(path, byName.get('xl/styles.xml'));
    const strings = await readSharedStrings(path, byName.get('xl/sharedStrings.xml'), () => options.shouldStop?.() ?? false);
    if (options.shouldStop?.()) {
      read.stopped = true;
      return finishRead(path, target, parts, { sha256, bytes, read, found: true }, options);
    }
    let width = 0;
    const rows = new SheetRowsHandler({ strings, numberStyles, date1904 }, (cells, rowNo) => {
      while (cells.length < width) cells.push('');
      if (isBlank(cells)) return true;
      if (read.records === 0) width = rows.headerWidth = cells.length;
      if (takeRow(cells, rowNo, options, read)) return true;
      read.stopped = true;
      return false;
    });
    await scanPart(path, sheet, rows);
  } catch (error) {
    if (error instanceof ValueRightOfHeader) throw valueRightOfHeader(path, target.name, error.cell, error.headerWidth);
    if (error instanceof PartError) throw unreadable(path, error.message.startsWith(sheetName) ? `sheet "${target.name}", ${error.message}` : error.message);
    // A handler's own error (a header too wide, a schedule too long) goes out as it is.
    if (error instanceof UserError) throw error;
    // The zip-bomb guard's message names the part; a file gone mid-read says so in Node's words.
    throw unreadable(path, (error as Error).message);
  }
  return finishRead(path, target, parts, { sha256, bytes, read, found: true }, options);
}

function located(path: string, names: readonly string[]): ReturnType<typeof partData> {
  try {
    return partData(path, names);
  } catch (error) {
    throw unreadable(path, (error as Error).message);
  }
}
