import { balanceCell, monthCell, rateCell, vintageCell, type Cell } from './cells.ts';
import { isMetric, METRIC_LABELS, readHeader, roleOf, type HeaderInfo, type Metric } from './columns.ts';
import type { Place, ProblemList } from './problems.ts';
import type { SheetTable } from './sheets.ts';

export interface Observation {
  readonly vintage: string;
  readonly month: number;
  readonly metric: Metric;
  readonly value: number;
  readonly place: Place;
}

export interface BalanceReading {
  readonly vintage: string;
  readonly balance: number;
  readonly place: Place;
}

/** How one table was read. */
export interface TableLayout {
  readonly file: string;
  readonly sheet: string | null;
  /** long: one row per vintage × month on book; wide: one row per vintage, a column per month. */
  readonly layout: 'long' | 'wide';
  readonly headerRow: number;
  readonly metrics: readonly Metric[];
}

export interface TableRead {
  readonly layout: TableLayout;
  readonly observations: readonly Observation[];
  readonly balances: readonly BalanceReading[];
}

/** Rows whose vintage cell is one of these are the table's total or average lines, not vintages. */
const SUMMARY_ROWS = /^(合计|总计|小计|平均|加权平均|均值|total|sum|average|weighted average|mean)\b/i;
const HEADER_SEARCH_ROWS = 20;

interface Context {
  readonly file: string;
  readonly table: SheetTable;
  readonly headers: readonly string[];
  readonly info: readonly HeaderInfo[];
  readonly problems: ProblemList;
  /** A title line above the header says the rates are percents (单位：%, (%)). */
  readonly percent: boolean;
}

const PERCENT_TITLE = /单位\s*[:：]\s*%|[(（]\s*%\s*[)）]|in\s*%|unit\s*[:：]?\s*%/i;

/**
 * Reads one table of a static pool: the header is the first of its first 20 rows with a vintage
 * column (放款月份 …); rows above it may be a title naming the metric of a wide table. With a month-
 * on-book column (账龄 …) the table is long, with month columns (M1, 1, 第1个月 …) it is wide.
 * Problems go to `problems` with file, sheet, row and column; a table without a vintage column is
 * skipped (its reason returned as a string).
 */
export function readTable(file: string, table: SheetTable, problems: ProblemList, metricHint: Metric | undefined): TableRead | string {
  const at = table.rows.slice(0, HEADER_SEARCH_ROWS).findIndex((row) => row.fields.some((f) => roleOf(f) === 'vintage'));
  if (at < 0) return `no origination-month column (放款月份, 起始月份, vintage …) in its first ${HEADER_SEARCH_ROWS} rows`;
  const header = table.rows[at];
  const headers = (header?.fields ?? []).map((f) => f.trim());
  const info = headers.map(readHeader);
  const above = table.rows.slice(0, at).flatMap((row) => row.fields);
  const percent = above.some((text) => PERCENT_TITLE.test(text.normalize('NFKC')));
  const context: Context = { file, table: { sheet: table.sheet, rows: table.rows.slice(at + 1) }, headers, info, problems, percent };
  const headerRow = header?.rowNo ?? 1;
  if (info.some((h) => h.role === 'monthOnBook')) return readLong(context, headerRow);
  if (info.some((h) => h.month !== null)) {
    const titled = [table.sheet ?? '', ...above].map(roleOf).find(isMetric);
    return readWide(context, headerRow, titled ?? metricHint);
  }
  return `row ${headerRow} has neither a month-on-book column (账龄, months on book) for a long table nor month columns (M1, 1, 第1个月 …) for a wide one`;
}

function place(context: Context, rowNo: number, column: number | null): Place {
  return { file: context.file, sheet: context.table.sheet, row: rowNo, column: column === null ? null : (context.headers[column] ?? null) };
}

function take<T>(context: Context, cell: Cell<T>, rowNo: number, column: number): T | null {
  if ('problem' in cell) {
    context.problems.add(place(context, rowNo, column), cell.problem);
    return null;
  }
  return cell.value;
}

/** The vintage of a row, null for a summary line or a problem (reported). */
function rowVintage(context: Context, fields: readonly string[], rowNo: number): string | null {
  const column = context.info.findIndex((h) => h.role === 'vintage');
  const text = fields[column] ?? '';
  if (SUMMARY_ROWS.test(text.trim())) return null;
  const vintage = take(context, vintageCell(text), rowNo, column);
  if (vintage === null && !fields.every((f) => f === '')) {
    if (text.trim() === '') context.problems.add(place(context, rowNo, column), 'the origination month is blank');
  }
  return vintage;
}

function rowBalance(context: Context, fields: readonly string[], rowNo: number, vintage: string, out: BalanceReading[]): void {
  const column = context.info.findIndex((h) => h.role === 'originalBalance');
  if (column < 0) return;
  const balance = take(context, balanceCell(fields[column] ?? '', context.info[column]?.scale ?? 1), rowNo, column);
  if (balance !== null) out.push({ vintage, balance, place: place(context, rowNo, column) });
}

function readLong(context: Context, headerRow: number): TableRead | string {
  const metricColumns = context.info.flatMap((h, i) => (isMetric(h.role) ? [[i, h.role] as const] : []));
  if (metricColumns.length === 0) return `row ${headerRow} has a month-on-book column but no rate column (${Object.values(METRIC_LABELS).join(', ')})`;
  const monthColumn = context.info.findIndex((h) => h.role === 'monthOnBook');
  const observations: Observation[] = [];
  const balances: BalanceReading[] = [];
  for (const { rowNo, fields } of context.table.rows) {
    const vintage = rowVintage(context, fields, rowNo);
    if (vintage === null) continue;
    rowBalance(context, fields, rowNo, vintage, balances);
    const month = take(context, monthCell(fields[monthColumn] ?? ''), rowNo, monthColumn);
    if (month === null) {
      if ((fields[monthColumn] ?? '').trim() === '') context.problems.add(place(context, rowNo, monthColumn), 'the month on book is blank');
      continue;
    }
    for (const [column, metric] of metricColumns) {
      const value = take(context, rateCell(fields[column] ?? '', context.percent || (context.info[column]?.percent ?? false)), rowNo, column);
      if (value !== null) observations.push({ vintage, month, metric, value, place: place(context, rowNo, column) });
    }
  }
  const layout: TableLayout = { file: context.file, sheet: context.table.sheet, layout: 'long', headerRow, metrics: metricColumns.map(([, m]) => m) };
  return { layout, observations, balances };
}

function readWide(context: Context, headerRow: number, tableMetric: Metric | undefined): TableRead | string {
  const metricColumn = context.info.findIndex((h) => h.role === 'metric');
  if (metricColumn < 0 && tableMetric === undefined) {
    return `a wide table (one row per vintage, a column per month) needs its metric: a 指标 column, a title line or sheet name such as 累计违约率, or the metric option`;
  }
  const observations: Observation[] = [];
  const balances: BalanceReading[] = [];
  const seen = new Set<Metric>();
  for (const { rowNo, fields } of context.table.rows) {
    const vintage = rowVintage(context, fields, rowNo);
    if (vintage === null) continue;
    rowBalance(context, fields, rowNo, vintage, balances);
    const named = metricColumn < 0 ? (tableMetric ?? null) : roleOf(fields[metricColumn] ?? '');
    const metric = isMetric(named) ? named : null;
    if (metric === null) {
      context.problems.add(place(context, rowNo, metricColumn), `'${fields[metricColumn] ?? ''}' is not a metric (${Object.values(METRIC_LABELS).join(', ')})`);
      continue;
    }
    seen.add(metric);
    context.info.forEach((h, column) => {
      if (h.month === null) return;
      const value = take(context, rateCell(fields[column] ?? '', context.percent || h.percent), rowNo, column);
      if (value !== null && h.month !== null) observations.push({ vintage, month: h.month, metric, value, place: place(context, rowNo, column) });
    });
  }
  const layout: TableLayout = { file: context.file, sheet: context.table.sheet, layout: 'wide', headerRow, metrics: [...seen] };
  return { layout, observations, balances };
}
