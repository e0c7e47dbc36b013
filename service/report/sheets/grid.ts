import type { ExcelJSTypes } from '../../../data/excel.ts';
import type { GridCell, GridFrontier, GridNoteCell, GridResult } from '../../api/contract.ts';
import type { LabelKey, Labels } from '../labels.ts';
import type { ReportGrid } from '../model.ts';
import type { SummaryRows } from './summary.ts';
import { boldRow, putCell, writeTable, type CellFormat, type Column } from '../table.ts';

type Worksheet = ExcelJSTypes.Worksheet;

/** The frontier cell's fill: a light red, so the boundary between no loss and loss reads at a glance (and prints in grey). */
export const FRONTIER_ARGB = 'FFF4C7C3';
const FRONTIER_FILL: ExcelJSTypes.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: FRONTIER_ARGB } };

/** One table of the grid: a figure per cell, the row parameter's values down, the column parameter's across. */
interface GridTable {
  readonly title: string;
  readonly format: CellFormat;
  readonly value: (cell: GridCell) => number | null;
  /** The note's frontier: marks its cells and adds the two frontier columns (loss tables only). */
  readonly frontier: GridFrontier | null;
}

const axisLabel = (t: Labels, grid: GridResult, axis: 'rows' | 'columns'): string => t(`grid.param.${grid[axis].parameter}` satisfies LabelKey);

/** The sheet's heading lines: run, its input hash, the two parameters, how the frontier is marked. Returns the next free row. */
function writeHeading(sheet: Worksheet, sweep: ReportGrid, t: Labels): number {
  const lines: readonly (readonly [string, string])[] = [
    [t('field.run'), `${sweep.shortName} · ${sweep.name}`],
    [t('field.inputHash'), sweep.inputHash],
    [t('grid.rows'), axisLabel(t, sweep.result, 'rows')],
    [t('grid.columns'), axisLabel(t, sweep.result, 'columns')],
  ];
  putCell(sheet, 1, 1, `${t('grid.title')} — ${sweep.result.dealName}`, 'text');
  boldRow(sheet, 1, 1, 1);
  lines.forEach(([label, value], k) => {
    putCell(sheet, 2 + k, 1, label, 'text');
    putCell(sheet, 2 + k, 2, value, 'text');
  });
  putCell(sheet, 2 + lines.length, 1, t('grid.marked'), 'text');
  return 4 + lines.length;
}

/**
 * One table from `startRow`: a bold title, then a header row (the corner names both parameters,
 * then each column value), one row per row value; a loss table adds each row's frontier values and
 * marks the frontier cell. Returns the row after it (and a blank row).
 */
function writeGridTable(sheet: Worksheet, startRow: number, grid: GridResult, table: GridTable, t: Labels): number {
  putCell(sheet, startRow, 1, table.title, 'text');
  boldRow(sheet, startRow, 1, 1);
  const corner = `${axisLabel(t, grid, 'rows')} ↓ · ${axisLabel(t, grid, 'columns')} →`;
  const columns: Column<number>[] = [
    { header: corner, format: 'number', value: (i) => grid.rows.values[i] ?? null },
    ...grid.columns.values.map((value, j): Column<number> => ({
      header: String(value),
      format: table.format,
      value: (i) => {
        const cell = grid.cells[i]?.[j];
        return cell === undefined ? null : table.value(cell);
      },
    })),
  ];
  const { frontier } = table;
  if (frontier !== null) {
    columns.push(
      { header: t('grid.frontierLoss'), format: 'number', value: (i) => frontier.principalLoss[i] ?? t('grid.none') },
      { header: t('grid.frontierTimely'), format: 'number', value: (i) => frontier.timelyInterest[i] ?? t('grid.none') },
    );
  }
  const rowIndexes = grid.rows.values.map((_, i) => i);
  const next = writeTable(sheet, t, startRow + 1, columns, rowIndexes);
  // The column parameter's values head right-aligned figures: align them over their numbers.
  grid.columns.values.forEach((_, j) => {
    sheet.getCell(startRow + 1, 2 + j).alignment = { horizontal: 'right', vertical: 'top', wrapText: true };
  });
  if (frontier !== null) {
    rowIndexes.forEach((i) => {
      const j = grid.columns.values.indexOf(frontier.principalLoss[i] ?? Number.NaN);
      if (j < 0) return;
      const cell = sheet.getCell(startRow + 2 + i, 2 + j);
      cell.fill = FRONTIER_FILL;
      cell.font = { bold: true };
    });
  }
  return next + 1;
}

const noteFigure =
  (k: number, pick: (note: GridNoteCell) => number | null) =>
  (cell: GridCell): number | null => {
    const note = cell.notes[k];
    return note === undefined ? null : pick(note);
  };

/**
 * A stored sensitivity grid (docs/sweeps.md): per note its loss % table with the principal-loss
 * frontier marked and both frontiers listed, and its WAL table; then the pool's cumulative default
 * and net loss tables. Every cell is the stored grid's own number.
 */
export function writeGrid(sheet: Worksheet, sweep: ReportGrid, t: Labels): SummaryRows {
  const grid = sweep.result;
  const first = writeHeading(sheet, sweep, t);
  // Column widths follow the tables: the title lines and each table's title span the columns, the heading's values too.
  const headingRows = new Set<number>([1, first - 2]);
  const labelRows = new Set<number>(Array.from({ length: first - 4 }, (_, k) => 2 + k));
  const tables: GridTable[] = grid.notes.flatMap((note, k) => [
    { title: `${note.id} · ${t('grid.loss')}`, format: 'rate' as const, value: noteFigure(k, (n) => n.lossRate), frontier: grid.frontier.find((f) => f.noteId === note.id) ?? null },
    { title: `${note.id} · ${t('grid.wal')} ${note.walBasis}`, format: 'years' as const, value: noteFigure(k, (n) => n.walYears), frontier: null },
  ]);
  tables.push(
    { title: t('grid.poolCdr'), format: 'rate', value: (c) => c.cumulativeDefaultRate, frontier: null },
    { title: t('grid.poolNetLoss'), format: 'rate', value: (c) => c.cumulativeNetLossRate, frontier: null },
  );
  let row = first;
  for (const table of tables) {
    headingRows.add(row);
    row = writeGridTable(sheet, row, grid, table, t);
  }
  return { labelRows, headingRows };
}
