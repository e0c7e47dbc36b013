import { csvField, safeCsvField } from '../csv-out.ts';
import { UserError } from '../errors.ts';
import { AMORTIZATION_LABELS, type Segment } from '../tape/fields.ts';
import type { SqliteDb } from '../workspace.ts';
import { NO_LOANS, type GroupSums } from './compensated.ts';
import { scanTape, type BucketClosure, type GroupKey, type ScanKey } from './pool-scan.ts';
import { DELINQUENCY_BUCKETS, DELINQUENCY_UPPER_DAYS, ratioOrNull, shareOf, tapeScope } from './summary.ts';

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

export type { BucketClosure } from './pool-scan.ts';

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
  if (dimension.kind === 'categorical' && edges !== undefined) {
    throw new UserError('BAD_REQUEST', `${dimension.label} is categorical: it takes no bucket edges`, { dimension: by });
  }
  const used = dimension.kind === 'categorical' ? [] : edges === undefined ? dimension.defaultEdges : checkEdges(dimension, edges);
  return db.transaction(() => {
    const scope = tapeScope(db, tapeId);
    const scan = scanTape(db, scope, [scanKeyOf(dimension, used)]);
    return stratTable(dimension, used, scope.tapeId, scan.groups[0] ?? new Map(), scan.pool);
  })();
}

/** What the scan groups by for `dimension` at `edges` (ignored for a categorical one). */
export function scanKeyOf(dimension: StratDimension, edges: readonly number[]): ScanKey {
  return dimension.kind === 'numeric' ? { kind: 'numeric', sql: dimension.sql, edges, closed: dimension.closed } : { kind: 'categorical', sql: dimension.sql };
}

/** The table of `dimension` from the scan's groups and pool sums. */
export function stratTable(dimension: StratDimension, edges: readonly number[], tapeId: number, groups: ReadonlyMap<GroupKey, GroupSums>, pool: GroupSums): StratTable {
  return dimension.kind === 'numeric' ? numericTable(dimension, edges, tapeId, groups, pool) : categoricalTable(dimension, tapeId, groups, pool);
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

function numericTable(dimension: NumericStratDimension, edges: readonly number[], tapeId: number, byIndex: ReadonlyMap<GroupKey, GroupSums>, pool: GroupSums): StratTable {
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
    tapeId,
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
  const path = `$."${header.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;
  const scan = scanTape(db, scope, [{ kind: 'categorical', sql: dimension.sql, params: [path] }]);
  return categoricalTable(dimension, tapeId, scan.groups[0] ?? new Map(), scan.pool);
}

function categoricalTable(dimension: CategoricalStratDimension, tapeId: number, groups: ReadonlyMap<GroupKey, GroupSums>, pool: GroupSums): StratTable {
  const valued = [...groups]
    .filter(([value]) => value !== null)
    .map(([key, sums]) => {
      // Text for every column but json_extract of a JSON number (an extra column): kept as SQLite gave it, as before.
      const value = key as string;
      return { value, label: dimension.valueLabels[value] ?? value, sums };
    })
    .sort((a, b) => b.sums.balance - a.sums.balance || b.sums.count - a.sums.count || compareText(a.value, b.value));
  const rows: StratRow[] = valued.map(({ value, label, sums }) => ({
    key: `v:${value}`,
    label,
    lower: null,
    upper: null,
    ...figures(sums, pool),
  }));
  const blank = groups.get(null);
  if (blank) rows.push({ key: 'blank', label: BLANK_LABEL, lower: null, upper: null, ...figures(blank, pool) });
  return {
    tapeId,
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
