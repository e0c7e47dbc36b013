import type { ExcelJSTypes } from '../../data/excel.ts';
import { roundCentsOfDouble } from '../../engine/index.ts';
import type { Labels } from './labels.ts';

type Worksheet = ExcelJSTypes.Worksheet;

/**
 * How a column's values are written. Every value is a typed cell — a number, a date or text —
 * never a formula: text (even "=1+1" from a tape) is written as a string cell.
 *  money: deal currency (its header says which: t.money), thousands separators, 2 decimals · rate: a decimal shown as % (0.0425 → 4.25%)
 *  years: 2 decimals · int: whole number with separators · date: a real date (yyyy-mm-dd)
 *  factor / multiple: 6 / 3 decimals · number: as stored (General) · text: as given
 */
export type CellFormat = 'money' | 'rate' | 'years' | 'int' | 'date' | 'factor' | 'multiple' | 'number' | 'text';

export const NUMBER_FORMATS: Readonly<Record<CellFormat, string | undefined>> = {
  money: '#,##0.00',
  rate: '0.00%',
  years: '0.00',
  int: '#,##0',
  date: 'yyyy-mm-dd',
  factor: '0.000000',
  multiple: '0.000',
  number: undefined,
  text: undefined,
};

export type CellInput = string | number | Date | null;

export interface Column<R> {
  readonly header: string;
  readonly format: CellFormat;
  readonly value: (row: R) => CellInput;
  /** Sum this column in the totals row (money to the cent). */
  readonly total?: boolean;
  /** Left indent of its cells, in Excel's indent levels: left-aligned text right after a right-aligned number column (a coupon after a balance) would otherwise touch it. */
  readonly indent?: number;
}

/** An ISO date (YYYY-MM-DD) as the Date Excel stores for it (midnight UTC; exceljs writes its serial day number). */
export function isoDate(iso: string | null | undefined): Date | null {
  if (!iso) return null;
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  if (y === undefined || m === undefined || d === undefined) return null;
  return new Date(Date.UTC(y, m - 1, d));
}

/** Writes one cell as its type; a string stays a string cell (exceljs makes a formula only from {formula}). */
export function putCell(sheet: Worksheet, row: number, col: number, value: CellInput, format: CellFormat): void {
  const cell = sheet.getCell(row, col);
  if (value === null) return;
  if (typeof value === 'number' && !Number.isFinite(value)) return;
  cell.value = format === 'text' && typeof value !== 'string' ? String(value) : value;
  const numFmt = NUMBER_FORMATS[format];
  if (numFmt !== undefined) cell.numFmt = numFmt;
}

export function boldRow(sheet: Worksheet, row: number, from: number, to: number): void {
  for (let c = from; c <= to; c += 1) {
    const cell = sheet.getCell(row, c);
    cell.font = { bold: true };
  }
}

/** Characters a header may take before it wraps (fitColumns keeps columns at least this wide when their values are). */
export const HEADER_WIDTH = 14;

const HEADER_FILL: ExcelJSTypes.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDCE6F1' } }; // HEADER_ARGB

/**
 * Writes a table from `startRow`: a bold, shaded header row, one row per record, and a bold totals
 * row when a column asks for one (sums of the written values; money to the cent, half-up on the
 * double as everywhere in results). A money column's header states the currency its cells are in
 * (`t.money`: "Original balance (CNY)"), the cells staying numbers. Returns the row after the table.
 */
export function writeTable<R>(sheet: Worksheet, t: Labels, startRow: number, columns: readonly Column<R>[], rows: readonly R[], totalLabel?: string, startCol = 1): number {
  const headers = columns.map((c) => (c.format === 'money' ? t.money(c.header) : c.header));
  // Headers wrap within HEADER_WIDTH characters: the row is as tall as the longest header needs.
  const lines = Math.max(1, ...headers.map((header) => Math.ceil(displayWidth(header) / HEADER_WIDTH)));
  sheet.getRow(startRow).height = 15 * lines;
  headers.forEach((header, j) => {
    const cell = sheet.getCell(startRow, startCol + j);
    cell.value = header;
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.alignment = { wrapText: true, vertical: 'top' };
  });
  let r = startRow + 1;
  for (const record of rows) {
    columns.forEach((column, j) => {
      putCell(sheet, r, startCol + j, column.value(record), column.format);
      if (column.indent !== undefined) sheet.getCell(r, startCol + j).alignment = { horizontal: 'left', indent: column.indent };
    });
    r += 1;
  }
  if (totalLabel !== undefined && columns.some((c) => c.total)) {
    putCell(sheet, r, startCol, totalLabel, 'text');
    columns.forEach((column, j) => {
      if (!column.total) return;
      const sum = rows.reduce((acc, record) => {
        const v = column.value(record);
        return acc + (typeof v === 'number' ? v : 0);
      }, 0);
      putCell(sheet, r, startCol + j, column.format === 'money' ? roundCentsOfDouble(sum) : sum, column.format);
    });
    boldRow(sheet, r, startCol, startCol + columns.length - 1);
    r += 1;
  }
  return r;
}

/** Display width of text: CJK characters take two columns. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += /[\u1100-\uFFDC\u{20000}-\u{3FFFD}]/u.test(ch) ? 2 : 1;
  return width;
}

/** Characters an indent level takes (Excel's indent is about two characters of the default font per level). */
const INDENT_CHARS = 2;

function shownLength(cell: ExcelJSTypes.Cell): number {
  return valueLength(cell) + (cell.alignment?.indent ?? 0) * INDENT_CHARS;
}

function valueLength(cell: ExcelJSTypes.Cell): number {
  const { value } = cell;
  if (value === null || value === undefined) return 0;
  if (value instanceof Date) return 10;
  if (typeof value === 'number') {
    const fmt = cell.numFmt ?? '';
    const digits = fmt.includes('.') ? (fmt.split('.')[1]?.replace(/[^0]/g, '').length ?? 0) : 0;
    const shown = fmt.endsWith('%') ? value * 100 : value;
    return shown.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits }).length + (fmt.endsWith('%') ? 1 : 0);
  }
  return displayWidth(typeof value === 'string' ? value : JSON.stringify(value));
}

const HEADER_ARGB = 'FFDCE6F1';

function isHeader(cell: ExcelJSTypes.Cell): boolean {
  const { fill } = cell;
  return fill?.type === 'pattern' && fill.fgColor?.argb === HEADER_ARGB;
}

/**
 * Fits every column to its longest shown value, between 8 and 60 characters; a bold shaded header
 * counts up to HEADER_WIDTH (it wraps). In `labelRows` (a summary's label-and-value lines, whose
 * values span merged cells) only the label in column A counts; `skipRows` (headings) do not count.
 */
export function fitColumns(sheet: Worksheet, labelRows: ReadonlySet<number> = new Set(), skipRows: ReadonlySet<number> = new Set()): void {
  const widths: number[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (skipRows.has(rowNumber)) return;
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      if (col > 1 && labelRows.has(rowNumber)) return;
      const cap = isHeader(cell) ? HEADER_WIDTH : 60;
      widths[col] = Math.max(widths[col] ?? 0, Math.min(cap, shownLength(cell)));
    });
  });
  widths.forEach((w, col) => {
    // 10% and 3 characters of air: bold headers and proportional fonts run wider than the count.
    if (col > 0) sheet.getColumn(col).width = Math.max(8, Math.min(60, Math.ceil(w * 1.1) + 3));
  });
}

/** The smallest print scale at which an 11-point cell stays legible on paper (7.7 pt). */
export const MIN_PRINT_SCALE = 0.7;

/** A4 landscape's width in inches (297 mm): the printed width before margins. */
const A4_LANDSCAPE_WIDTH_INCHES = 297 / 25.4;

/**
 * A column's width in pixels at 96 dpi: ECMA-376 §18.3.1.13 stores a width in characters of the
 * default font's widest digit (Calibri 11: 7 px) with its padding included; an unset column is
 * Excel's default, 64 px.
 */
function columnPixels(width: number | undefined): number {
  return width === undefined ? 64 : Math.trunc(width * 7 + 0.5);
}

/** A4 landscape's width less the sheet's left and right margins, in pixels at 96 dpi (at 100%). */
function printableWidthPixels(sheet: Worksheet): number {
  const { left = 0.7, right = 0.7 } = sheet.pageSetup.margins ?? {};
  return (A4_LANDSCAPE_WIDTH_INCHES - left - right) * 96;
}

/**
 * How many pages across a sheet prints on so that its scale stays at least MIN_PRINT_SCALE, with its
 * first `titleCols` columns repeated on every page. At scale s a page holds P = usable ÷ s pixels;
 * filling pages column by column, each page but the last loses less than one column (the widest, W)
 * at its edge and every page repeats the title columns (T), so n pages hold every column when
 * n·P ≥ total + (n − 1)·(T + W). The smallest n whose scale n·usable ÷ (total + (n − 1)·(T + W))
 * is at least the minimum is the answer; Excel's and LibreOffice's fit to n pages wide then print
 * at that scale or larger (never above 100%).
 */
export function pagesAcross(sheet: Worksheet, titleCols: number): { readonly pages: number; readonly scale: number } {
  const widths = Array.from({ length: sheet.columnCount }, (_, k) => columnPixels(sheet.getColumn(k + 1).width));
  const total = widths.reduce((a, b) => a + b, 0);
  const title = widths.slice(0, titleCols).reduce((a, b) => a + b, 0);
  const widest = Math.max(0, ...widths);
  const usable = printableWidthPixels(sheet);
  const scaleOf = (n: number): number => Math.min(1, (n * usable) / (total + (n - 1) * (title + widest)));
  // Each added page gains usable − (T + W) pixels: when that is not positive no number of pages helps.
  const most = usable > title + widest ? widths.length : 1;
  let pages = 1;
  while (pages < most && scaleOf(pages) < MIN_PRINT_SCALE) pages += 1;
  return { pages, scale: scaleOf(pages) };
}

/**
 * How many columns print on the first page across, whatever scale the fit to pagesAcross pages picks
 * (at most 100%): every column when the sheet prints one page wide, else those within the printable
 * width at full size.
 */
export function firstPageColumns(sheet: Worksheet): number {
  if ((sheet.pageSetup.fitToWidth ?? 1) <= 1) return sheet.columnCount;
  const usable = printableWidthPixels(sheet);
  let used = 0;
  let col = 0;
  while (col < sheet.columnCount && used + columnPixels(sheet.getColumn(col + 1).width) <= usable) {
    used += columnPixels(sheet.getColumn(col + 1).width);
    col += 1;
  }
  return col;
}

/** Column letters of a 1-based column number (1 → A, 27 → AA). */
function columnLetters(col: number): string {
  let letters = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/**
 * Print set-up: A4 landscape, fit to as few pages wide as keep the print legible (pagesAcross: one
 * when the sheet fits at MIN_PRINT_SCALE or more), as many tall as needed; the header rows (the first
 * `frozenRows`) repeated on every page down, and when the sheet spans pages across, its row labels
 * (the frozen columns, else column A) on every page across. Header rows and columns frozen on screen.
 */
export function pageSetup(sheet: Worksheet, frozenRows: number, frozenCols = 0): void {
  sheet.views = [{ state: 'frozen', xSplit: frozenCols, ySplit: frozenRows }];
  const titleCols = Math.max(1, frozenCols);
  const { pages } = pagesAcross(sheet, titleCols);
  sheet.pageSetup = {
    ...sheet.pageSetup,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: pages,
    fitToHeight: 0,
    paperSize: 9,
    ...(frozenRows > 0 ? { printTitlesRow: `1:${frozenRows}` } : {}),
    ...(pages > 1 ? { printTitlesColumn: `A:${columnLetters(titleCols)}` } : {}),
  };
}
