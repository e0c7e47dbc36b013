import { addMonths, formatIsoDate, parseIsoDate, type ClassTable } from '../../../engine/index.ts';

/** A published grid as rows of (date, cells): "closing" is the closing date; "YYYY-MM" the payment date on `day`; "A..B" every month from A to B. */
export function publishedRows(text: string, closing: string, day: number): { date: string; cells: string[] }[] {
  const out: { date: string; cells: string[] }[] = [];
  for (const line of text.trim().split('\n')) {
    const [key = '', ...cells] = line.trim().split(/\s+/);
    if (key === 'closing') {
      out.push({ date: closing, cells });
      continue;
    }
    const [from = '', to = from] = key.split('..');
    let date = parseIsoDate(`${from}-${String(day).padStart(2, '0')}`);
    const last = `${to}-${String(day).padStart(2, '0')}`;
    while (formatIsoDate(date) <= last) {
      out.push({ date: formatIsoDate(date), cells });
      date = addMonths(date, 1);
    }
  }
  return out;
}

/** A cell that differs: where, what the prospectus printed, what the model gives. */
export interface CellMiss {
  readonly table: string;
  readonly row: string;
  readonly column: number;
  readonly printed: string;
  readonly model: string;
}

/**
 * Compares a class's modelled grid with the published rows, cell by cell; a published row the model
 * lacks (or the reverse) is a miss too, except a published row after the model's last date: the class
 * is paid off there in every column and prints `zero` (pages that print two classes over one set of rows).
 */
export function compareGrid(label: string, model: ClassTable, published: readonly { date: string; cells: string[] }[], zero = '0.00'): { cells: number; misses: CellMiss[] } {
  const misses: CellMiss[] = [];
  let cells = 0;
  const lastDate = model.dates[model.dates.length - 1] ?? '';
  for (const row of published) {
    const i = model.dates.indexOf(row.date);
    row.cells.forEach((printed, column) => {
      cells++;
      const value = i >= 0 ? (model.cells[i]?.[column] ?? '(no cell)') : row.date > lastDate ? zero : '(no row)';
      if (value !== printed) misses.push({ table: label, row: row.date, column, printed, model: value });
    });
  }
  for (const date of model.dates)
    if (!published.some((r) => r.date === date)) misses.push({ table: label, row: date, column: -1, printed: '(no row)', model: model.cells[model.dates.indexOf(date)]?.join(' ') ?? '' });
  return { cells, misses };
}
