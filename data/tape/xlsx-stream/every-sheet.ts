import { UserError } from '../../errors.ts';
import { partData, readSheetParts, type PartData } from '../xlsx-sheets.ts';
import { PartError } from './part.ts';
import { scanPart } from './scan-part.ts';
import { readSharedStrings } from './shared-strings.ts';
import { SheetRowsHandler, ValueRightOfHeader } from './sheet-rows.ts';
import { readNumberStyles } from './styles.ts';
import { readDate1904 } from './workbook.ts';

/** One worksheet's non-blank rows: the sheet's own row number, then its cells' text (trimmed, dense). */
export interface SheetRows {
  readonly sheet: string;
  readonly rows: { readonly rowNo: number; readonly fields: string[] }[];
}

/**
 * Why a workbook cannot be read, in the reader's words (the part, and in a worksheet the sheet,
 * row and cell) — the caller names the file as its user knows it.
 */
export class WorkbookError extends Error {}

/** A non-empty cell at or past the caller's column limit. */
export class CellPastLimit extends Error {
  readonly sheet: string;
  readonly cell: string;
  constructor(sheet: string, cell: string) {
    super(`sheet "${sheet}", cell ${cell} lies past the last column read`);
    this.sheet = sheet;
    this.cell = cell;
  }
}

/**
 * Every worksheet of a workbook, in tab order, as rows of the text a CSV export would hold — the
 * purpose-built reader's parts (central directory, date system, number styles, shared strings read
 * once, each worksheet streamed through the tokenizer) for readers of small multi-sheet workbooks
 * such as a static pool. No header rule applies: a row is as wide as its last non-empty cell, and
 * a non-empty cell in column `maxColumns` + 1 or later is refused (CellPastLimit) — an empty one
 * is dropped — so one cell at XFD cannot make its row 16,384 cells wide. `onRow` may throw a
 * UserError (a row limit), which goes out as it is.
 */
export async function readEverySheet(path: string, maxColumns: number, onRow: (sheet: string, rowNo: number) => void = () => undefined): Promise<SheetRows[]> {
  try {
    const sheets = readSheetParts(path);
    const byName = new Map(located(path, sheets).map((part) => [part.name, part]));
    const date1904 = await readDate1904(path, byName.get('xl/workbook.xml'));
    const numberStyles = await readNumberStyles(path, byName.get('xl/styles.xml'));
    const strings = await readSharedStrings(path, byName.get('xl/sharedStrings.xml'));
    const out: SheetRows[] = [];
    for (const { name, partNo } of sheets) {
      const part = byName.get(`xl/worksheets/sheet${partNo}.xml`);
      if (!part) throw new WorkbookError(`sheet "${name}" (xl/worksheets/sheet${partNo}.xml) is missing from the file`);
      const rows: SheetRows['rows'] = [];
      const handler = new SheetRowsHandler({ strings, numberStyles, date1904 }, (fields, rowNo) => {
        if (fields.some((f) => f !== '')) {
          onRow(name, rowNo);
          rows.push({ rowNo, fields });
        }
        return true;
      });
      handler.headerWidth = maxColumns;
      await scanPart(path, part, handler).catch((error: unknown) => {
        if (error instanceof ValueRightOfHeader) throw new CellPastLimit(name, error.cell);
        throw error instanceof PartError && error.message.startsWith(part.name) ? new WorkbookError(`sheet "${name}", ${error.message}`) : error;
      });
      out.push({ sheet: name, rows });
    }
    return out;
  } catch (error) {
    if (error instanceof UserError || error instanceof WorkbookError || error instanceof CellPastLimit) throw error;
    // A damaged zip or part, or the zip-bomb guard: its message names the part.
    throw new WorkbookError((error as Error).message);
  }
}

function located(path: string, sheets: readonly { readonly partNo: string }[]): PartData[] {
  const names = ['xl/workbook.xml', 'xl/styles.xml', 'xl/sharedStrings.xml', ...sheets.map(({ partNo }) => `xl/worksheets/sheet${partNo}.xml`)];
  return partData(path, names);
}
