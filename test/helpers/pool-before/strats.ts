/**
 * The stratifications as they were before the one-pass pool view (commit 8513bbc, data/pool/strats.ts), kept
 * verbatim as the oracle the new path must equal to the bit (test/data/pool-strats-one-pass.test.ts) and as the
 * reference the pool-view bench times (with data/pool/summary.ts, which the one-pass view left as it
 * was). Not used by the product.
 */
import { csvField, safeCsvField } from '../../../data/csv-out.ts';
import { UserError } from '../../../data/errors.ts';
import type { SqliteDb } from '../../../data/workspace.ts';
import { IN_TAPE_SCOPE, ratioOrNull, scopeParams, shareOf, tapeScope, type TapeScope } from '../../../data/pool/summary.ts';

import {
  BLANK_LABEL,
  EXTRA_PREFIX,
  MAX_BUCKET_EDGES,
  STRAT_DIMENSION_BY_ID,
  STRAT_DIMENSIONS,
  type BucketClosure,
  type CategoricalStratDimension,
  type NumericStratDimension,
  type StratDimensionId,
  type StratFigures,
  type StratRow,
  type StratTable,
  type StratUnit,
} from '../../../data/pool/strats.ts';

// The dimensions, units and table types are the product's own (unchanged by the one-pass view);
// what stays here verbatim is the old query path: one SQL scan per table with a JavaScript aggregate.

/**
 * Stratifies tape `tapeId` by `by`, with the dimension's default bucket edges or `edges`.
 * UserError BAD_REQUEST for an unknown dimension or bad edges (not finite, not strictly
 * ascending, more than 50, fractional for a whole-number dimension, or any for a categorical or
 * fixed-bucket one); NOT_FOUND for an unknown tape. Reads in one transaction, like poolSummary.
 */
export function stratify(db: SqliteDb, tapeId: number, by: StratDimensionId, edges?: readonly number[]): StratTable {
  if (by.startsWith(EXTRA_PREFIX)) {
    if (edges !== undefined) throw new UserError('BAD_REQUEST', `The tape column "${by.slice(EXTRA_PREFIX.length)}" is categorical: it takes no bucket edges`, { dimension: by });
    return db.transaction(() => extraColumnTable(db, tapeId, by.slice(EXTRA_PREFIX.length)))();
  }
  const dimension = STRAT_DIMENSION_BY_ID.get(by);
  if (!dimension) {
    throw new UserError('BAD_REQUEST', `Unknown stratification "${by}"; expected one of ${STRAT_DIMENSIONS.map((d) => d.id).join(', ')}`, {
      dimension: by,
    });
  }
  if (dimension.kind === 'categorical') {
    if (edges !== undefined) {
      throw new UserError('BAD_REQUEST', `${dimension.label} is categorical: it takes no bucket edges`, { dimension: by });
    }
    return db.transaction(() => categoricalTable(dimension, tapeScope(db, tapeId), db))();
  }
  const used = edges === undefined ? dimension.defaultEdges : checkEdges(dimension, edges);
  return db.transaction(() => numericTable(dimension, used, tapeScope(db, tapeId), db))();
}

/** The caller's edges, checked; throws UserError BAD_REQUEST saying exactly what is wrong. */
function checkEdges(dimension: NumericStratDimension, edges: readonly number[]): readonly number[] {
  const bad = (message: string): UserError => new UserError('BAD_REQUEST', message, { dimension: dimension.id, edges });
  if (dimension.namedBuckets) {
    const names = dimension.namedBuckets.map((b) => b.label).join(', ');
    throw bad(`${dimension.label} uses fixed buckets (${names}): it takes no bucket edges`);
  }
  if (!Array.isArray(edges) || edges.length === 0) throw bad('at least one bucket edge is required');
  if (edges.length > MAX_BUCKET_EDGES) throw bad(`at most ${MAX_BUCKET_EDGES} bucket edges are allowed, got ${edges.length}`);
  edges.forEach((edge: unknown, i) => {
    if (typeof edge !== 'number' || !Number.isFinite(edge)) {
      const got = typeof edge === 'number' ? String(edge) : `not a number (${typeof edge})`;
      throw bad(`bucket edges must be finite numbers: edge ${i + 1} is ${got}`);
    }
    if (dimension.wholeNumbers && !Number.isInteger(edge)) {
      throw bad(`${dimension.label} is counted in whole ${dimension.unit ?? 'units'}: bucket edge ${edge} is not a whole number`);
    }
    const previous = edges[i - 1];
    if (previous !== undefined && edge <= previous) {
      throw bad(`bucket edges must be strictly ascending: ${edge} follows ${previous}`);
    }
  });
  return [...edges];
}

/** One group's (bucket's, value's) sums. */
interface GroupSums {
  readonly count: number;
  /** Σ current principal. */
  readonly balance: number;
  /** Σ rate · current principal, and likewise for remaining term and age: WAC, WAM, WALA numerators. */
  readonly rateBalance: number;
  readonly remainingTermBalance: number;
  readonly ageBalance: number;
}

interface GroupRow<K> extends GroupSums {
  readonly groupKey: K;
}

/** A group's key: a bucket index (numeric), a value (categorical), or null (no value). */
type GroupKey = number | string | null;

/** [count, Σ bal, Σ rate·bal, Σ remaining·bal, Σ age·bal] */
type SumsTuple = [number, number, number, number, number];

/** What GROUP_SUMS_FUNCTION returns, as JSON: sums per key, and over every row. */
interface GroupSumsJson {
  readonly groups: Array<[GroupKey, ...SumsTuple]>;
  readonly pool: SumsTuple;
}

/**
 * `abs_pool_group_sums(key, balance, rate, remaining_term, age)`: count and sums per distinct key,
 * and over all rows, as JSON (GroupSumsJson).
 *
 * Why a JavaScript aggregate rather than GROUP BY: SQLite has no hash aggregation, so GROUP BY
 * sorts every loan before it adds anything up. On 1,000,000 loans (the 2-core bench machine,
 * interleaved runs) GROUP BY over a bucket CASE took 1.0–1.4 s, adding into a small map as the
 * scan goes 0.45–0.7 s. SQL still does the scan, the tape filter and the bucketing; the function
 * only adds up, with Neumaier-compensated sums in scan order — what SQLite's total() does — so a
 * table's Total equals the summary's figures to the bit.
 */
const GROUP_SUMS_FUNCTION = 'abs_pool_group_sums';

/** [count, then (sum, compensation) for balance, rate·bal, remaining·bal, age·bal]. */
const SLOTS = 9;

class GroupAccumulator {
  readonly groups = new Map<GroupKey, Float64Array>();
  /** Every row, summed in scan order like SQLite's total(): the table's Total is the summary's figure to the bit. */
  readonly pool = new Float64Array(SLOTS);

  add(key: GroupKey, balance: number, rate: number, remainingTerm: number, age: number): void {
    let slots = this.groups.get(key);
    if (slots === undefined) {
      slots = new Float64Array(SLOTS);
      this.groups.set(key, slots);
    }
    addRow(slots, balance, rate, remainingTerm, age);
    addRow(this.pool, balance, rate, remainingTerm, age);
  }

  toJson(): string {
    const json: GroupSumsJson = {
      groups: [...this.groups].map(([key, slots]) => [key, ...sumsOf(slots)]),
      pool: sumsOf(this.pool),
    };
    return JSON.stringify(json);
  }
}

function addRow(slots: Float64Array, balance: number, rate: number, remainingTerm: number, age: number): void {
  slots[0] = (slots[0] ?? 0) + 1;
  addCompensated(slots, 1, balance);
  addCompensated(slots, 3, rate * balance);
  addCompensated(slots, 5, remainingTerm * balance);
  addCompensated(slots, 7, age * balance);
}

function sumsOf(slots: Float64Array): SumsTuple {
  const sum = (i: number): number => (slots[i] ?? 0) + (slots[i + 1] ?? 0);
  return [slots[0] ?? 0, sum(1), sum(3), sum(5), sum(7)];
}

/** Neumaier's compensated summation: slots[i] holds the running sum, slots[i + 1] the lost low-order bits. */
function addCompensated(slots: Float64Array, i: number, x: number): void {
  const sum = slots[i] ?? 0;
  const t = sum + x;
  slots[i + 1] = (slots[i + 1] ?? 0) + (Math.abs(sum) >= Math.abs(x) ? sum - t + x : x - t + sum);
  slots[i] = t;
}

const withGroupSums = new WeakSet<SqliteDb>();

function step(acc: GroupAccumulator, key: GroupKey, balance: number, rate: number, remainingTerm: number, age: number): void {
  acc.add(key, balance, rate, remainingTerm, age);
}

/**
 * Registers GROUP_SUMS_FUNCTION on this connection, once. better-sqlite3 takes the SQL arity from
 * `step.length` (here 1 + 5 arguments), but @types/better-sqlite3 types `step` as taking one
 * argument after the accumulator, hence the cast.
 */
function registerGroupSums(db: SqliteDb): void {
  if (withGroupSums.has(db)) return;
  db.aggregate<GroupAccumulator>(GROUP_SUMS_FUNCTION, {
    start: () => new GroupAccumulator(),
    step: step as unknown as (acc: GroupAccumulator) => void,
    result: (acc) => acc.toJson(),
    deterministic: true,
    directOnly: true,
  });
  withGroupSums.add(db);
}

/**
 * One scan of the tape's loans, summed per value of `keySql` (a bucket CASE or a column).
 * `keyParams` bind the key's placeholders, which come first in the statement.
 */
function groupSums<K extends GroupKey>(db: SqliteDb, scope: TapeScope, keySql: string, keyParams: readonly (number | string)[]): { groups: GroupRow<K>[]; pool: GroupSums } {
  registerGroupSums(db);
  const sql = `SELECT ${GROUP_SUMS_FUNCTION}(${keySql}, current_principal, rate_annual, remaining_term, age_months)
                 FROM loans NOT INDEXED WHERE ${IN_TAPE_SCOPE}`;
  const json = db
    .prepare<(number | string)[], string | null>(sql)
    .pluck()
    .get(...keyParams, ...scopeParams(scope));
  // No rows: SQLite calls the aggregate's result without a single step, so there is always JSON.
  const parsed = JSON.parse(json ?? '{"groups":[],"pool":[0,0,0,0,0]}') as GroupSumsJson;
  return {
    groups: parsed.groups.map(([groupKey, ...sums]) => ({ groupKey: groupKey as K, ...sumsFromTuple(sums) })),
    pool: sumsFromTuple(parsed.pool),
  };
}

function sumsFromTuple([count, balance, rateBalance, remainingTermBalance, ageBalance]: SumsTuple): GroupSums {
  return { count, balance, rateBalance, remainingTermBalance, ageBalance };
}

/**
 * SQL mapping `column` to its bucket index: -1 below the first edge, i for the bucket that starts
 * at edges[i] (the last, n-1, is open-ended), NULL for a NULL value. The comparisons form a
 * balanced tree, ⌈log2(n+1)⌉ per row rather than up to n; every edge is a bound parameter, returned
 * in placeholder order, and every literal is a bucket index this function counted itself.
 */
export function bucketIndexSql(column: string, edges: readonly number[], closed: BucketClosure): { sql: string; params: number[] } {
  const params: number[] = [];
  const below = closed === 'lower' ? '<' : '<=';
  const branch = (lo: number, hi: number): string => {
    if (lo === hi) return String(lo);
    const mid = Math.floor((lo + hi + 1) / 2); // first bucket of the upper half; it starts at edges[mid]
    params.push(edges[mid] as number);
    const lower = branch(lo, mid - 1);
    const upper = branch(mid, hi);
    return `CASE WHEN ${column} ${below} ? THEN ${lower} ELSE ${upper} END`;
  };
  const tree = branch(-1, edges.length - 1);
  return { sql: `CASE WHEN ${column} IS NULL THEN NULL ELSE ${tree} END`, params };
}

function numericTable(dimension: NumericStratDimension, edges: readonly number[], scope: TapeScope, db: SqliteDb): StratTable {
  const { sql, params } = bucketIndexSql(dimension.sql, edges, dimension.closed);
  const { groups, pool } = groupSums<number | null>(db, scope, sql, params);
  const byIndex = new Map(groups.map((g) => [g.groupKey, g]));
  const rows: StratRow[] = [];
  for (let index = -1; index < edges.length; index++) {
    const sums = byIndex.get(index);
    if (index === -1 && !sums && !dimension.namedBuckets) continue;
    const lower = index === -1 ? null : (edges[index] ?? null);
    const upper = edges[index + 1] ?? null;
    const named = dimension.namedBuckets?.[index + 1];
    rows.push({
      key: named?.key ?? intervalKey(lower, upper, dimension.closed),
      label: named?.label ?? bucketLabel(dimension, lower, upper),
      lower,
      upper,
      ...figures(sums ?? NO_LOANS, pool),
    });
  }
  const blank = byIndex.get(null);
  if (blank) rows.push({ key: 'blank', label: BLANK_LABEL, lower: null, upper: null, ...figures(blank, pool) });
  return {
    tapeId: scope.tapeId,
    dimension: dimension.id,
    label: dimension.label,
    kind: 'numeric',
    unit: dimension.unit,
    closed: dimension.closed,
    edges,
    rows,
    total: { key: 'total', label: 'Total', ...figures(pool, pool) },
  };
}

/**
 * Groups the tape's loans by one of its extra columns (UserError BAD_REQUEST when the tape has no
 * such column). The header reaches SQL only as a bound JSON path parameter, quoted for json_extract.
 */
function extraColumnTable(db: SqliteDb, tapeId: number, header: string): StratTable {
  const scope = tapeScope(db, tapeId);
  const extras = JSON.parse(db.prepare<[number], string>('SELECT extra_columns_json FROM tapes WHERE id = ?').pluck().get(tapeId) ?? '[]') as string[];
  if (!extras.includes(header)) {
    throw new UserError('BAD_REQUEST', `Tape ${tapeId} has no extra column "${header}"; its extra columns: ${extras.length === 0 ? 'none' : extras.join(', ')}`, {
      dimension: `${EXTRA_PREFIX}${header}`,
      tapeId,
    });
  }
  const dimension: CategoricalStratDimension = {
    id: `${EXTRA_PREFIX}${header}`,
    label: `${header} (tape column)`,
    kind: 'categorical',
    sql: 'json_extract(extra_json, ?)',
    unit: null,
    valueLabels: {},
  };
  return categoricalTable(dimension, scope, db, [`$."${header.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`]);
}

function categoricalTable(dimension: CategoricalStratDimension, scope: TapeScope, db: SqliteDb, keyParams: readonly string[] = []): StratTable {
  const { groups, pool } = groupSums<string | null>(db, scope, dimension.sql, keyParams);
  const valued = groups
    .filter((g) => g.groupKey !== null)
    .map((g) => {
      const value = g.groupKey ?? '';
      return { value, label: dimension.valueLabels[value] ?? value, sums: g };
    })
    .sort((a, b) => b.sums.balance - a.sums.balance || b.sums.count - a.sums.count || compareText(a.value, b.value));
  const rows: StratRow[] = valued.map(({ value, label, sums }) => ({
    key: `v:${value}`,
    label,
    lower: null,
    upper: null,
    ...figures(sums, pool),
  }));
  const blank = groups.find((g) => g.groupKey === null);
  if (blank) rows.push({ key: 'blank', label: BLANK_LABEL, lower: null, upper: null, ...figures(blank, pool) });
  return {
    tapeId: scope.tapeId,
    dimension: dimension.id,
    label: dimension.label,
    kind: 'categorical',
    unit: dimension.unit,
    closed: null,
    edges: [],
    rows,
    total: { key: 'total', label: 'Total', ...figures(pool, pool) },
  };
}

const NO_LOANS: GroupSums = { count: 0, balance: 0, rateBalance: 0, remainingTermBalance: 0, ageBalance: 0 };

function figures(sums: GroupSums, pool: GroupSums): StratFigures {
  return {
    count: sums.count,
    balance: sums.balance,
    share: shareOf(sums.balance, pool.balance),
    countShare: shareOf(sums.count, pool.count),
    wac: ratioOrNull(sums.rateBalance, sums.balance),
    wam: ratioOrNull(sums.remainingTermBalance, sums.balance),
    wala: ratioOrNull(sums.ageBalance, sums.balance),
    averageBalance: ratioOrNull(sums.balance, sums.count),
  };
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function intervalKey(lower: number | null, upper: number | null, closed: BucketClosure): string {
  const lo = lower === null ? '(-inf' : `${closed === 'lower' ? '[' : '('}${lower}`;
  const hi = upper === null ? 'inf)' : `${upper}${closed === 'lower' ? ')' : ']'}`;
  return `${lo},${hi}`;
}

const GROUPED = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
const PERCENT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 4 });

/** An edge as the analyst reads it: 1,000 (yuan), 12.5% (rate), 36 (months). */
function formatEdge(unit: StratUnit, x: number): string {
  return unit === 'rate' ? `${PERCENT.format(x * 100)}%` : GROUPED.format(x);
}

/**
 * "1,000 – < 5,000" and "≥ 200,000" for [lo, hi); "> 36" for (lo, hi]; inclusive integer ranges
 * for whole-number dimensions: [6, 12) is "6–11", (6, 12] is "7–12", (0, 1] is "1".
 */
function bucketLabel(dimension: NumericStratDimension, lower: number | null, upper: number | null): string {
  const f = (x: number): string => formatEdge(dimension.unit, x);
  const closedBelow = dimension.closed === 'lower';
  if (lower === null) return upper === null ? BLANK_LABEL : `${closedBelow ? '<' : '≤'} ${f(upper)}`;
  if (upper === null) return `${closedBelow ? '≥' : '>'} ${f(lower)}`;
  if (dimension.wholeNumbers) {
    const first = closedBelow ? lower : lower + 1;
    const last = closedBelow ? upper - 1 : upper;
    return first === last ? f(first) : `${f(first)}–${f(last)}`;
  }
  return closedBelow ? `${f(lower)} – < ${f(upper)}` : `> ${f(lower)} – ${f(upper)}`;
}

export interface StratCsvOptions {
  /** Start with a UTF-8 byte-order mark, so Excel reads ¥ and Chinese labels right. Default false. */
  readonly excelBom?: boolean;
}

/** Header of formatStratCsv; units in every heading. */
export const STRAT_CSV_HEADER = ['Bucket', 'Count', 'Count %', 'Current balance (¥)', 'Balance %', 'WAC (annual %)', 'WAM (months)', 'WALA (months)', 'Average balance (¥)'] as const;

/**
 * The table as CSV (RFC 4180 quoting, '\n' line ends, one line per row, a Total line last).
 * Shares and WAC as percentages, balances and months, all with 2 decimals, no thousands
 * separators; an empty cell for an average that does not exist. Labels that Excel would read as a
 * formula (starting with =, +, -, @, tab or CR) get a leading apostrophe.
 */
export function formatStratCsv(table: StratTable, options: StratCsvOptions = {}): string {
  const lines = [STRAT_CSV_HEADER.map(csvField), ...[...table.rows, table.total].map(csvLine)].map((cells) => cells.join(','));
  return `${options.excelBom ? '\uFEFF' : ''}${lines.join('\n')}\n`;
}

function fixed(x: number | null): string {
  return x === null ? '' : x.toFixed(2);
}

function percent(x: number | null): string {
  return x === null ? '' : (x * 100).toFixed(2);
}

function csvLine(row: StratFigures & { readonly label: string }): string[] {
  return [safeCsvField(row.label), String(row.count), percent(row.countShare), fixed(row.balance), percent(row.share), percent(row.wac), fixed(row.wam), fixed(row.wala), fixed(row.averageBalance)];
}
