import type { SqliteDb } from '../workspace.ts';
import { addToGroup, GROUP_SLOTS, groupSumsOf, type GroupSums } from './compensated.ts';
import { IN_TAPE_SCOPE, type TapeScope } from './summary.ts';

/**
 * One pass over a tape's loans that adds up every stratification asked for.
 *
 * Why one pass in JavaScript: SQLite has no hash aggregation, so a GROUP BY sorts every loan before
 * it adds anything up; the eleven stratifications were eleven scans of a million loans, each
 * calling a JavaScript aggregate once a loan (≈ 4 s of CPU on the 2-core bench machine). Here SQLite only reads the columns, in
 * rowid order, once; each loan's bucket is found in JavaScript by the same comparisons the SQL
 * bucket CASE made, and its figures are added into every table's bucket with the compensated sums
 * of compensated.ts, in scan order — what SQLite's total() does, so every figure equals the old
 * SQL one to the bit (test/data/pool-strats-one-pass.test.ts compares them on a tape of edge cases).
 */

/** Which end of a numeric bucket is inclusive: 'lower' is [lo, hi), 'upper' is (lo, hi]. */
export type BucketClosure = 'lower' | 'upper';

/** A numeric stratification: buckets of `sql` at `edges`, closed as `closed` says. */
export interface NumericScanKey {
  readonly kind: 'numeric';
  /** A column of `loans` (a constant of strats.ts, never user text). */
  readonly sql: string;
  readonly edges: readonly number[];
  readonly closed: BucketClosure;
}

/** A categorical stratification: one group per value of `sql` (a column, or json_extract with bound params). */
export interface CategoricalScanKey {
  readonly kind: 'categorical';
  readonly sql: string;
  readonly params?: readonly string[];
}

export type ScanKey = NumericScanKey | CategoricalScanKey;

/** A group's key: a bucket index (numeric: -1 below the first edge), a value (categorical), or null (no value). */
export type GroupKey = number | string | null;

export interface ScanResult {
  /** Per key, in the order asked: each group's sums. */
  readonly groups: readonly ReadonlyMap<GroupKey, GroupSums>[];
  /** Every loan of the tape. */
  readonly pool: GroupSums;
}

/**
 * The bucket index of `x`: -1 below edges[0], i when x is in the bucket that starts at edges[i]
 * (the last, n-1, open-ended). Closed below, [lo, hi): x goes up past an edge when x >= edge; closed
 * above, (lo, hi]: when x > edge — the comparisons of bucketIndexSql's CASE.
 */
export function bucketIndex(x: number, edges: readonly number[], closed: BucketClosure): number {
  let i = -1;
  const n = edges.length;
  if (closed === 'lower') {
    while (i + 1 < n && x >= (edges[i + 1] as number)) i++;
  } else {
    while (i + 1 < n && x > (edges[i + 1] as number)) i++;
  }
  return i;
}

/** The SELECT list, each expression once, with the parameters its placeholders bind in order. */
class Columns {
  readonly sql: string[] = [];
  readonly params: (string | number)[] = [];
  readonly #byText = new Map<string, number>();

  at(sql: string, params: readonly (string | number)[] = []): number {
    const text = params.length === 0 ? sql : null;
    const known = text === null ? undefined : this.#byText.get(text);
    if (known !== undefined) return known;
    this.sql.push(sql);
    this.params.push(...params);
    if (text !== null) this.#byText.set(text, this.sql.length - 1);
    return this.sql.length - 1;
  }
}

/** One key's accumulator: slots per bucket (numeric) or per value (categorical). */
interface KeyAccumulator {
  readonly column: number;
  add(value: unknown, balance: number, rate: number, remainingTerm: number, age: number): void;
  groups(): Map<GroupKey, GroupSums>;
}

function numericAccumulator(key: NumericScanKey, column: number): KeyAccumulator {
  // buckets[0] is below the first edge (index -1); buckets[n + 1] holds loans without a value.
  const buckets: (Float64Array | undefined)[] = [];
  const blank = key.edges.length + 1;
  return {
    column,
    add(value, balance, rate, remainingTerm, age) {
      const slot = value === null ? blank : bucketIndex(value as number, key.edges, key.closed) + 1;
      let slots = buckets[slot];
      if (slots === undefined) {
        slots = new Float64Array(GROUP_SLOTS);
        buckets[slot] = slots;
      }
      addToGroup(slots, balance, rate, remainingTerm, age);
    },
    groups() {
      const out = new Map<GroupKey, GroupSums>();
      buckets.forEach((slots, slot) => {
        if (slots !== undefined) out.set(slot === blank ? null : slot - 1, groupSumsOf(slots));
      });
      return out;
    },
  };
}

/** Groups by the value of one column as SQLite hands it over. */
function valueAccumulator(column: number): KeyAccumulator {
  const byValue = new Map<GroupKey, Float64Array>();
  return {
    column,
    add(value, balance, rate, remainingTerm, age) {
      const key = value as GroupKey;
      let slots = byValue.get(key);
      if (slots === undefined) {
        slots = new Float64Array(GROUP_SLOTS);
        byValue.set(key, slots);
      }
      addToGroup(slots, balance, rate, remainingTerm, age);
    },
    groups() {
      return new Map([...byValue].map(([key, slots]) => [key, groupSumsOf(slots)]));
    },
  };
}

/**
 * Every categorical key of the scan from ONE column, `json_array(key1, key2, …)`: SQLite hands
 * JavaScript one string a loan instead of one per key (making the strings is most of the cost of
 * reading text), and a tape has few distinct combinations (amortization × segment × region ×
 * product), so each is parsed once and then found by a Map lookup. JSON keeps text, numbers and
 * NULL apart, so each key's values are exactly what SQLite would have handed over one by one.
 */
class CategoricalAccumulators {
  readonly #byValue: Map<GroupKey, Float64Array>[];
  readonly #combinations = new Map<string, Float64Array[]>();

  constructor(keys: number) {
    this.#byValue = Array.from({ length: keys }, () => new Map());
  }

  add(combination: string, balance: number, rate: number, remainingTerm: number, age: number): void {
    let slotsByKey = this.#combinations.get(combination);
    if (slotsByKey === undefined) {
      slotsByKey = this.#slotsOf(JSON.parse(combination) as GroupKey[]);
      this.#combinations.set(combination, slotsByKey);
    }
    for (const slots of slotsByKey) addToGroup(slots, balance, rate, remainingTerm, age);
  }

  #slotsOf(values: readonly GroupKey[]): Float64Array[] {
    return this.#byValue.map((byValue, i) => {
      const value = values[i] ?? null;
      let slots = byValue.get(value);
      if (slots === undefined) {
        slots = new Float64Array(GROUP_SLOTS);
        byValue.set(value, slots);
      }
      return slots;
    });
  }

  groups(i: number): Map<GroupKey, GroupSums> {
    return new Map([...(this.#byValue[i] ?? [])].map(([key, slots]) => [key, groupSumsOf(slots)]));
  }
}

/**
 * Rowids a chunk. The scan reads the tape's rowid range a chunk at a time with all() — one call
 * into SQLite a chunk, its rows in rowid order — rather than a row at a time with iterate(), whose
 * per-row cost was a third of the scan (1.5 s → 0.8–1.0 s of CPU on 1,000,000 loans, measured; chunks of
 * 1,024 to 65,536 rowids all within the noise).
 */
const CHUNK_ROWIDS = 4_096;

/** Scans the tape once; call inside a read transaction (the caller's). */
export function scanTape(db: SqliteDb, scope: TapeScope, keys: readonly ScanKey[]): ScanResult {
  const columns = new Columns();
  const balanceAt = columns.at('current_principal');
  const rateAt = columns.at('rate_annual');
  const remainingAt = columns.at('remaining_term');
  const ageAt = columns.at('age_months');
  // Columns of `loans` go into the combined categorical column; json_extract of an extra column
  // (which could hand back JSON, not text) is read on its own.
  const combined = keys.filter((key) => key.kind === 'categorical' && key.params === undefined);
  const categories = new CategoricalAccumulators(combined.length);
  const combinedAt = combined.length === 0 ? -1 : columns.at(`json_array(${combined.map((key) => key.sql).join(', ')})`);
  const accumulators = keys.map((key) => {
    if (key.kind === 'numeric') return numericAccumulator(key, columns.at(key.sql));
    if (key.params === undefined) return null;
    return valueAccumulator(columns.at(key.sql, key.params));
  });
  const each = accumulators.filter((acc) => acc !== null);
  const pool = new Float64Array(GROUP_SLOTS);
  const statement = db.prepare<(string | number)[], unknown[]>(`SELECT ${columns.sql.join(', ')} FROM loans NOT INDEXED WHERE ${IN_TAPE_SCOPE}`).raw(true);
  for (let first = scope.firstRowid; first <= scope.lastRowid; first += CHUNK_ROWIDS) {
    const last = Math.min(first + CHUNK_ROWIDS - 1, scope.lastRowid);
    for (const row of statement.all(...columns.params, first, last, scope.tapeId)) {
      const balance = row[balanceAt] as number;
      const rate = row[rateAt] as number;
      const remainingTerm = row[remainingAt] as number;
      const age = row[ageAt] as number;
      addToGroup(pool, balance, rate, remainingTerm, age);
      for (const acc of each) acc.add(row[acc.column], balance, rate, remainingTerm, age);
      if (combinedAt >= 0) categories.add(row[combinedAt] as string, balance, rate, remainingTerm, age);
    }
  }
  let nextCombined = 0;
  return { groups: accumulators.map((acc) => acc?.groups() ?? categories.groups(nextCombined++)), pool: groupSumsOf(pool) };
}
