/**
 * The stratifications as they were before the one-pass pool view (commit 8513bbc, data/pool/strats.ts), kept
 * verbatim as the oracle the new path must equal to the bit (test/data/pool-strats-one-pass.test.ts) and as the
 * reference the pool-view bench times (with data/pool/summary.ts, which the one-pass view left as it
 * was). Not used by the product.
 */
import { csvField, safeCsvField } from '../../../data/csv-out.ts';
import { UserError } from '../../../data/errors.ts';
import { AMORTIZATION_LABELS, type Segment } from '../../../data/tape/fields.ts';
import type { SqliteDb } from '../../../data/workspace.ts';
import { DELINQUENCY_BUCKETS, DELINQUENCY_UPPER_DAYS, IN_TAPE_SCOPE, ratioOrNull, scopeParams, shareOf, tapeScope, type TapeScope } from '../../../data/pool/summary.ts';

/**
 * Stratification tables: one tape's loans bucketed by one dimension, with count, current balance,
 * shares and balance-weighted WAC / WAM / WALA per bucket. Same conventions as summary.ts: yuan,
 * annual decimal rates, weights = current principal, shares as fractions.
 *
 * Buckets of numeric dimensions are half-open. Most are closed below, [lo, hi): a balance of
 * exactly 5,000 lands in [5,000, 10,000). Original and remaining term are closed above, (lo, hi]:
 * loans come in tenors of 3, 6, 12, 24 and 36 months, the edges themselves, and an analyst reads
 * "1–3, 4–6, 7–12, …" as "up to 3, up to 6, up to 12 months" (as Chinese ABS offering documents
 * stratify terms, e.g. (6, 12]); closed below, every 3-month loan would sit alone in "3–5".
 * Whole-number dimensions (months, days) label buckets as inclusive integer ranges: [6, 12) is
 * "6–11" and (6, 12] is "7–12".
 */

export type BuiltInStratDimensionId = 'currentBalance' | 'rate' | 'remainingTerm' | 'originalTerm' | 'age' | 'amortization' | 'segment' | 'region' | 'creditScore' | 'delinquency' | 'product';
/**
 * A built-in dimension, or `extra:<header>`: a column the tape carried that maps to no field (渠道,
 * 产品名称 and the like), kept per loan in `loans.extra_json` and grouped by its text.
 */
export type StratDimensionId = BuiltInStratDimensionId | `extra:${string}`;

export const EXTRA_PREFIX = 'extra:';

/** yuan: amounts; rate: annual decimal (labels show %); months, days, score: as named. */
export type StratUnit = 'yuan' | 'rate' | 'months' | 'score' | 'days' | null;

/** Which end of a numeric bucket is inclusive: 'lower' is [lo, hi), 'upper' is (lo, hi]. */
export type BucketClosure = 'lower' | 'upper';

interface StratDimensionBase {
  readonly id: StratDimensionId;
  /** Column heading in the analyst's words, with the unit. */
  readonly label: string;
  /** Column of `loans` bucketed or grouped: a constant of this table, never user text. */
  readonly sql: string;
  readonly unit: StratUnit;
}

export interface NumericStratDimension extends StratDimensionBase {
  readonly kind: 'numeric';
  readonly closed: BucketClosure;
  /** Bucket edges used when the caller gives none; the last bucket is open-ended. */
  readonly defaultEdges: readonly number[];
  /** Months or days: edges must be whole numbers, and labels list inclusive integer ranges. */
  readonly wholeNumbers: boolean;
  /**
   * Fixed, named buckets (delinquency): one per bucket including the one below the first edge,
   * always all listed; custom edges are refused.
   */
  readonly namedBuckets?: readonly { readonly key: string; readonly label: string }[];
}

export interface CategoricalStratDimension extends StratDimensionBase {
  readonly kind: 'categorical';
  /** Display labels of known codes (e.g. level_payment); other values show as they are. */
  readonly valueLabels: Readonly<Record<string, string>>;
}

export type StratDimension = NumericStratDimension | CategoricalStratDimension;

const SEGMENT_LABELS: Readonly<Record<Segment, string>> = {
  salaried: 'Salaried (工薪)',
  self_employed: 'Self-employed (自雇)',
  gig: 'Gig / flexible work (灵活就业)',
};

export const STRAT_DIMENSIONS: readonly StratDimension[] = [
  {
    id: 'currentBalance',
    label: 'Current balance (¥)',
    kind: 'numeric',
    sql: 'current_principal',
    unit: 'yuan',
    closed: 'lower',
    wholeNumbers: false,
    defaultEdges: [0, 1000, 5000, 10000, 20000, 50000, 100000, 200000],
  },
  {
    id: 'rate',
    label: 'Annual rate (WAC)',
    kind: 'numeric',
    sql: 'rate_annual',
    unit: 'rate',
    closed: 'lower',
    wholeNumbers: false,
    defaultEdges: [0, 0.08, 0.1, 0.12, 0.15, 0.18, 0.21, 0.24],
  },
  {
    id: 'remainingTerm',
    label: 'Remaining term (months)',
    kind: 'numeric',
    sql: 'remaining_term',
    unit: 'months',
    closed: 'upper',
    wholeNumbers: true,
    defaultEdges: [0, 3, 6, 9, 12, 18, 24, 36],
  },
  {
    id: 'originalTerm',
    label: 'Original term (months)',
    kind: 'numeric',
    sql: 'original_term',
    unit: 'months',
    closed: 'upper',
    wholeNumbers: true,
    defaultEdges: [0, 3, 6, 12, 18, 24, 36],
  },
  {
    id: 'age',
    label: 'Loan age (months)',
    kind: 'numeric',
    sql: 'age_months',
    unit: 'months',
    closed: 'lower',
    wholeNumbers: true,
    defaultEdges: [0, 1, 3, 6, 12, 24],
  },
  {
    id: 'amortization',
    label: 'Amortization type',
    kind: 'categorical',
    sql: 'amortization',
    unit: null,
    valueLabels: AMORTIZATION_LABELS,
  },
  {
    id: 'segment',
    label: 'Borrower segment',
    kind: 'categorical',
    sql: 'segment',
    unit: null,
    valueLabels: SEGMENT_LABELS,
  },
  {
    id: 'region',
    label: 'Region / province',
    kind: 'categorical',
    sql: 'region',
    unit: null,
    valueLabels: {},
  },
  {
    id: 'creditScore',
    label: 'Credit score',
    kind: 'numeric',
    sql: 'credit_score',
    unit: 'score',
    closed: 'lower',
    wholeNumbers: false,
    defaultEdges: [0, 500, 550, 600, 650, 700, 750, 800],
  },
  {
    id: 'delinquency',
    label: 'Delinquency (days past due)',
    kind: 'numeric',
    sql: 'days_past_due',
    unit: 'days',
    closed: 'upper',
    wholeNumbers: true,
    defaultEdges: DELINQUENCY_UPPER_DAYS,
    namedBuckets: DELINQUENCY_BUCKETS.map((b) => ({ key: b.id, label: b.label })),
  },
  {
    id: 'product',
    label: 'Product',
    kind: 'categorical',
    sql: 'product',
    unit: null,
    valueLabels: {},
  },
];

export const STRAT_DIMENSION_BY_ID: ReadonlyMap<StratDimensionId, StratDimension> = new Map(STRAT_DIMENSIONS.map((d) => [d.id, d]));

export const MAX_BUCKET_EDGES = 50;

/** A bucket's (or the pool's) figures. Averages are null where the balance (or count) is 0. */
export interface StratFigures {
  readonly count: number;
  /** Σ current principal (yuan). */
  readonly balance: number;
  /** Of the tape's current balance (fraction). */
  readonly share: number;
  /** Of the tape's loan count (fraction). */
  readonly countShare: number;
  /** Balance-weighted annual rate (decimal). */
  readonly wac: number | null;
  /** Balance-weighted remaining term (months). */
  readonly wam: number | null;
  /** Balance-weighted age (months). */
  readonly wala: number | null;
  /** balance / count (yuan). */
  readonly averageBalance: number | null;
}

export interface StratRow extends StratFigures {
  /**
   * Stable identifier: "[1000,5000)" or "(6,12]" for a numeric bucket ("(-inf,0)", "[200000,inf)"
   * at the ends), the bucket id for delinquency ("1-30"), "v:" + the value for a categorical
   * row, and "blank" for loans without a value.
   */
  readonly key: string;
  readonly label: string;
  /** Numeric buckets' bounds, inclusive as `closed` says; null for open ends, blanks and categories. */
  readonly lower: number | null;
  readonly upper: number | null;
}

export interface StratTotal extends StratFigures {
  readonly key: 'total';
  readonly label: 'Total';
}

export interface StratTable {
  readonly tapeId: number;
  readonly dimension: StratDimensionId;
  readonly label: string;
  readonly kind: 'numeric' | 'categorical';
  readonly unit: StratUnit;
  /** Numeric: which end of each bucket is inclusive; null for a categorical table. */
  readonly closed: BucketClosure | null;
  /** The edges used (the default or the caller's); empty for a categorical table. */
  readonly edges: readonly number[];
  /**
   * Numeric: every bucket in order, empty ones included, preceded by one below the first edge
   * when any loan falls there and followed by "(blank)" when any loan has no value.
   * Categorical: one row per value, largest balance first, "(blank)" last.
   */
  readonly rows: readonly StratRow[];
  readonly total: StratTotal;
}

export const BLANK_LABEL = '(blank)';

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
