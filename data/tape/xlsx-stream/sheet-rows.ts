import { columnLetters } from '../xlsx-common.ts';
import { CELL_TEXT_TOO_LONG, MAX_CELL_TEXT_CHARS } from '../xlsx-text-runs.ts';
import { cellText, type CellContext } from './cells.ts';
import { CellError, type PartHandler } from './scan-part.ts';
import { attribute, readAttributes } from './xml-scan.ts';

const CELL_ATTRIBUTES = ['r', 't', 's'] as const;

/** Excel's grid: 1,048,576 rows × 16,384 columns (XFD) — Microsoft, "Excel specifications and limits". */
const MAX_ROW = 1_048_576;
const MAX_COLUMNS = 16_384;

/** 0-based column of a cell reference such as "AB12" (ECMA-376 Part 1 §18.18.62 ST_CellRef). */
export function columnOf(ref: string): number {
  let column = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    column = column * 26 + (c - 64);
  }
  if (i === 0 || i > 3 || column > MAX_COLUMNS || !/^[1-9]\d{0,6}$/.test(ref.slice(i)))
    throw new CellError(`has the reference "${ref.slice(0, 20)}", which is not a cell (column A–XFD, row 1–1,048,576)`);
  return column - 1;
}

/** A non-empty cell right of the header's last column (xlsx-common.ts's valueRightOfHeader says why it is refused). */
export class ValueRightOfHeader extends Error {
  readonly cell: string;
  readonly headerWidth: number;
  constructor(cell: string, headerWidth: number) {
    super(`cell ${cell} lies right of the header's last column`);
    this.cell = cell;
    this.headerWidth = headerWidth;
  }
}

/** A row's cells, 0-based and dense, trimmed, and the number of columns it reaches. */
export type RowSink = (fields: string[], rowNo: number) => boolean;

/**
 * The rows of `<sheetData>` (§18.3.1.80) as they stream past: each `<row>`'s cells placed by their
 * `r` reference (a skipped column is ''), or after the previous cell when `r` is absent (allowed by
 * §18.3.1.4). A cell only styled, with no value or formula, does not widen the row — as in
 * exceljs, whose rows this reader's match.
 */
export class SheetRowsHandler implements PartHandler {
  collecting = false;
  done = false;
  /**
   * The header's width once it is read (the tape reader sets it), or a fixed column limit (the
   * static-pool reader, every-sheet.ts): a non-empty cell at or past it is refused, an empty one
   * dropped, so no row is ever wider.
   */
  headerWidth = MAX_COLUMNS;
  private inSheetData = false;
  private inRow = false;
  private rowNo = 0;
  private cells: string[] = [];
  private reach = 0;
  private column = -1;
  private ref = '';
  // The cell being read, as cells.ts's RawCell (public so the handler itself is passed, not a new object per cell).
  type = 'n';
  style = 0;
  value: string | null = null;
  inline: string | null = null;
  private formula = false;
  private inInline = false;
  private phonetic = 0;
  private piece = '';
  /** The cell's r, t and s, reused from cell to cell. */
  private readonly attributeValues: (string | undefined)[] = [undefined, undefined, undefined];

  private readonly context: CellContext;
  private readonly sink: RowSink;

  constructor(context: CellContext, sink: RowSink) {
    this.context = context;
    this.sink = sink;
  }

  where(): string {
    if (!this.inRow) return this.rowNo > 0 ? `after row ${this.rowNo}` : '';
    if (this.ref) return `row ${this.rowNo}, cell ${this.ref}`;
    return this.column >= 0 ? `row ${this.rowNo}, the cell in column ${this.column + 1}` : `row ${this.rowNo}`;
  }

  open(name: string, attributes: string, selfClosing: boolean): void {
    switch (name) {
      case 'c':
        if (this.inRow) this.openCell(attributes, selfClosing);
        break;
      case 'v':
        if (selfClosing) this.value = '';
        else this.collect();
        break;
      case 'f':
        this.formula = true;
        break;
      case 'is':
        this.inInline = !selfClosing;
        this.inline = '';
        break;
      case 't':
        if (this.inInline && this.phonetic === 0 && !selfClosing) this.collect();
        break;
      case 'rPh':
        if (this.inInline && !selfClosing) this.phonetic++;
        break;
      case 'row':
        if (this.inSheetData) this.openRow(attributes, selfClosing);
        break;
      case 'sheetData':
        this.inSheetData = !selfClosing;
        break;
    }
  }

  close(name: string): void {
    switch (name) {
      case 'v':
        if (this.collecting) this.value = this.piece;
        this.collecting = false;
        break;
      case 't':
        if (this.collecting) this.inline += this.piece;
        this.collecting = false;
        break;
      case 'rPh':
        if (this.inInline) this.phonetic--;
        break;
      case 'is':
        this.inInline = false;
        break;
      case 'c':
        if (this.inRow) this.closeCell();
        break;
      case 'row':
        if (this.inRow) this.closeRow();
        break;
      case 'sheetData':
        this.inSheetData = false;
        break;
    }
  }

  text(text: string): void {
    this.piece += text;
    if (this.piece.length + (this.inline?.length ?? 0) > MAX_CELL_TEXT_CHARS) throw new CellError(CELL_TEXT_TOO_LONG);
  }

  private collect(): void {
    this.collecting = true;
    this.piece = '';
  }

  private openRow(attributes: string, selfClosing: boolean): void {
    const r = attribute(attributes, 'r');
    const rowNo = r === undefined ? this.rowNo + 1 : Number(r);
    if (!Number.isInteger(rowNo) || rowNo < 1 || rowNo > MAX_ROW) throw new CellError(`a row is numbered "${(r ?? '').slice(0, 20)}" (rows run 1–1,048,576)`);
    this.rowNo = rowNo;
    this.inRow = !selfClosing;
    this.cells = [];
    this.reach = 0;
    this.column = -1;
    this.ref = '';
  }

  private openCell(attributes: string, selfClosing: boolean): void {
    const values = this.attributeValues;
    readAttributes(attributes, CELL_ATTRIBUTES, values);
    const [ref, t, s] = values;
    this.ref = ref ?? '';
    this.column = ref === undefined ? this.column + 1 : columnOf(ref);
    if (this.column >= MAX_COLUMNS) throw new CellError(`lies past column XFD (Excel's last)`);
    this.type = t ?? 'n';
    this.style = s === undefined ? 0 : Number(s);
    this.value = null;
    this.inline = null;
    this.formula = false;
    if (selfClosing) this.closeCell();
  }

  private closeCell(): void {
    if (this.value === null && this.inline === null && !this.formula) return;
    const text = cellText(this, this.context).trim();
    // An empty cell does not widen the row: a cell far right (XFD) would otherwise cost the whole width.
    if (text === '') return;
    const column = this.column;
    if (column >= this.reach) {
      if (column >= this.headerWidth) this.refuseRightOfHeader();
      this.reach = column + 1;
    }
    this.cells[column] = text;
  }

  private refuseRightOfHeader(): never {
    throw new ValueRightOfHeader(this.ref || `${columnLetters(this.column)}${this.rowNo}`, this.headerWidth);
  }

  private closeRow(): void {
    this.inRow = false;
    this.column = -1;
    if (this.done) return;
    const cells = this.cells;
    for (let i = 0; i < this.reach; i++) if (cells[i] === undefined) cells[i] = '';
    if (!this.sink(cells, this.rowNo)) this.done = true;
  }
}
