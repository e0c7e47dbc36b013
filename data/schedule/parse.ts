import { roundCentsOfDouble, type ScheduleRow } from '../../engine/index.ts';
import { UserError } from '../errors.ts';
import { parseDate, parseMoney } from '../tape/values/index.ts';
import { headerUnit, REQUIRED_COLUMNS, scheduleColumnOf, UNIT_FACTOR, type ScheduleColumn, type ScheduleUnit } from './columns.ts';

/** One record of the source: its fields and the row number the analyst sees (the header is row 1). */
export interface SourceRecord {
  readonly fields: readonly string[];
  readonly rowNo: number;
}

export interface ParsedSchedule {
  readonly rows: ScheduleRow[];
  readonly unit: ScheduleUnit;
  /** Header → the column it was read as. */
  readonly columns: readonly { readonly header: string; readonly column: ScheduleColumn }[];
  /** Headers the reader did not use (a 支付日 column is read as known and skipped). */
  readonly ignored: readonly string[];
  /** Rows skipped (a 合计 / total line). */
  readonly skipped: readonly number[];
}

const TOTAL_LABELS = new Set(['合计', '总计', '小计', 'total', 'sum']);
const AMOUNT_COLUMNS = ['openingBalance', 'scheduledPrincipal', 'interest', 'prepayment', 'defaults', 'recoveries', 'delinquent', 'closingBalance'] as const;
type AmountColumn = (typeof AMOUNT_COLUMNS)[number];

function bad(file: string, message: string, details: Record<string, unknown> = {}): UserError {
  return new UserError('BAD_FILE', `${file}: ${message}`, { file, ...details });
}

/**
 * A collection schedule from a table's header and records: amounts in `unit` (元 or 万元; else the unit
 * the headers state, e.g. 期初本金余额（万元）; with neither the read is refused rather than guessed),
 * converted to yuan and rounded to the fen. Every problem names the file, the row and the column.
 */
export function parseScheduleTable(file: string, header: readonly string[], records: readonly SourceRecord[], unitSetting?: ScheduleUnit): ParsedSchedule {
  const mapping = mapHeader(file, header);
  const unit = unitOf(file, header, mapping, unitSetting);
  const factor = UNIT_FACTOR[unit];
  const rows: ScheduleRow[] = [];
  const skipped: number[] = [];
  const closing: (number | null)[] = [];
  for (const record of records) {
    const first = (record.fields[0] ?? '').trim().toLowerCase();
    if (TOTAL_LABELS.has(first)) {
      skipped.push(record.rowNo);
      continue;
    }
    if (record.fields.every((f) => f.trim() === '')) continue;
    const { row, closingBalance } = readRow(file, header, mapping, record, factor);
    rows.push(row);
    closing.push(closingBalance);
  }
  if (rows.length === 0) throw bad(file, 'the schedule has no rows under its header');
  checkRolls(
    file,
    rows,
    closing,
    records.filter((r) => !skipped.includes(r.rowNo)),
    0.01 * factor,
  );
  const columns = [...mapping.entries()].map(([index, column]) => ({ header: header[index] ?? '', column }));
  const ignored = header.filter((_, index) => !mapping.has(index) || mapping.get(index) === 'paymentDate');
  return { rows, unit, columns, ignored, skipped };
}

function mapHeader(file: string, header: readonly string[]): Map<number, ScheduleColumn> {
  const mapping = new Map<number, ScheduleColumn>();
  const seen = new Map<ScheduleColumn, string>();
  header.forEach((text, index) => {
    const column = scheduleColumnOf(text);
    if (column === null) return;
    const earlier = seen.get(column);
    if (earlier !== undefined) throw bad(file, `columns "${earlier}" and "${text}" both read as ${column}: keep one`, { column: text });
    seen.set(column, text);
    mapping.set(index, column);
  });
  const missing = REQUIRED_COLUMNS.filter((column) => !seen.has(column));
  if (missing.length > 0) {
    throw bad(file, `no column for ${missing.join(', ')} (headers: ${header.join(', ')}); name them e.g. 归集时间, 期初本金余额, 应收本金, 应收利息`, { missing: [...missing] });
  }
  return mapping;
}

function unitOf(file: string, header: readonly string[], mapping: ReadonlyMap<number, ScheduleColumn>, setting: ScheduleUnit | undefined): ScheduleUnit {
  const stated = [...mapping.keys()].map((index) => ({ header: header[index] ?? '', unit: headerUnit(header[index] ?? '') })).filter((h) => h.unit !== null);
  for (const h of stated) {
    if (setting !== undefined && h.unit !== setting) throw bad(file, `column "${h.header}" states ${h.unit ?? ''} but the unit setting is ${setting}`, { column: h.header });
    if (h.unit !== stated[0]?.unit) throw bad(file, `columns "${stated[0]?.header ?? ''}" and "${h.header}" state different units`, { column: h.header });
  }
  const unit = setting ?? stated[0]?.unit ?? null;
  if (unit === null) throw bad(file, 'the amounts’ unit is not stated: give the unit (元 or 万元; circulars print 单位：人民币万元 above the table)');
  return unit;
}

function readRow(file: string, header: readonly string[], mapping: ReadonlyMap<number, ScheduleColumn>, record: SourceRecord, factor: number): { row: ScheduleRow; closingBalance: number | null } {
  let periodEnd: string | null = null;
  const amounts: Partial<Record<AmountColumn, number>> = {};
  for (const [index, column] of mapping) {
    const text = record.fields[index] ?? '';
    const where = { row: record.rowNo, column: header[index] ?? '', value: text };
    if (column === 'paymentDate') continue;
    if (column === 'periodEnd') {
      const date = parseDate(text);
      if (!date.ok) throw bad(file, `row ${record.rowNo}, column "${where.column}", value "${text}": ${date.reason}`, where);
      periodEnd = date.value;
      continue;
    }
    const money = parseMoney(text);
    if (!money.ok) throw bad(file, `row ${record.rowNo}, column "${where.column}", value "${text}": ${money.reason}`, where);
    if (money.value !== null && money.value < 0) throw bad(file, `row ${record.rowNo}, column "${where.column}", value "${text}": a collection or balance cannot be negative`, where);
    if (money.value !== null) amounts[column] = roundCentsOfDouble(money.value * factor);
  }
  for (const column of REQUIRED_COLUMNS) {
    const index = [...mapping.entries()].find(([, c]) => c === column)?.[0] ?? 0;
    const missing = column === 'periodEnd' ? periodEnd === null : amounts[column as AmountColumn] === undefined;
    if (missing) throw bad(file, `row ${record.rowNo}, column "${header[index] ?? ''}": blank, and every row needs it`, { row: record.rowNo, column: header[index] ?? '' });
  }
  const { openingBalance = 0, scheduledPrincipal = 0, interest = 0, closingBalance, ...optional } = amounts;
  return { row: { periodEnd: periodEnd ?? '', openingBalance, scheduledPrincipal, interest, ...optional }, closingBalance: closingBalance ?? null };
}

/**
 * Each row's closing balance (when printed) = opening − principal − prepayments − defaults, and each
 * opening = the previous row's closing, within one printed unit of the last decimal (0.01 万元 = 100
 * yuan: a table rounded row by row, as 和享 2017-5's is), and period ends in later and later months.
 */
function checkRolls(file: string, rows: readonly ScheduleRow[], closing: readonly (number | null)[], records: readonly SourceRecord[], tolerance: number): void {
  const slack = tolerance * (1 + 1e-9);
  rows.forEach((row, k) => {
    const rowNo = records[k]?.rowNo ?? k + 2;
    const previous = rows[k - 1];
    if (previous !== undefined && row.periodEnd.slice(0, 7) <= previous.periodEnd.slice(0, 7)) {
      throw bad(file, `row ${rowNo}: period end ${row.periodEnd} is not in a later month than the previous row's ${previous.periodEnd}`, { row: rowNo });
    }
    const printed = closing[k];
    const rolled = row.openingBalance - row.scheduledPrincipal - (row.prepayment ?? 0) - (row.defaults ?? 0);
    if (printed !== null && printed !== undefined && Math.abs(printed - rolled) > slack) {
      throw bad(file, `row ${rowNo}: closing balance ${printed} is not opening − principal − prepayments − defaults (${roundCentsOfDouble(rolled)})`, { row: rowNo });
    }
    const before = closing[k - 1];
    if (before !== null && before !== undefined && Math.abs(row.openingBalance - before) > slack) {
      throw bad(file, `row ${rowNo}: opening balance ${row.openingBalance} is not the previous row's closing balance ${before}`, { row: rowNo });
    }
  });
}
