import { AMORTIZATION_TYPES, loanCount, type LoanArrays, type PoolAssumptions, type SegmentAssumptions } from '../../engine/index.ts';
import type { Assumptions, OverrideRule } from '../files/assumption-file.ts';
import { eventsForGroups } from '../files/event-blocks.ts';
import { fileError } from '../files/file-issues.ts';

/** Loans (or lines) with each one's product code; `segment` and product codes index a pool's names. */
export interface PoolLoans {
  readonly loans: LoanArrays;
  readonly product: Uint8Array;
}

/** A pool as an assumption file sees it: the engine's arrays, and the values its rules may match. */
export interface PoolAttributes extends PoolLoans {
  /** segmentNames[loans.segment[i]] is loan (or line) i's segment value. */
  readonly segmentNames: readonly string[];
  /** productNames[product[i]] is loan (or line) i's product value. */
  readonly productNames: readonly string[];
}

/** LoanArrays.segment is a Uint8Array: the engine takes at most 256 assumption groups. */
const MAX_GROUPS = 256;
/** Above this many distinct keys the key → group table is a Map rather than a dense array. */
const DENSE_TABLE_LIMIT = 1 << 22;

/** Field-by-field merge, later wins (engine mergeSegment): toSegment leaves out the fields a file omits. */
function overlay(base: SegmentAssumptions | undefined, over: SegmentAssumptions): SegmentAssumptions {
  const merged: SegmentAssumptions = { ...base, ...over };
  // A default speed and a cumulative timing curve replace each other.
  if (over.default !== undefined) {
    const { defaultTiming: _timing, ...rest } = merged;
    return rest;
  }
  if (over.defaultTiming !== undefined) {
    const { default: _default, ...rest } = merged;
    return rest;
  }
  return merged;
}

function matches(rule: OverrideRule, pool: PoolAttributes, loans: PoolLoans, i: number): boolean {
  const { segment, amortization, originalTerm } = loans.loans;
  if (rule.segment !== null && !rule.segment.has(pool.segmentNames[segment[i] ?? 0] ?? '')) return false;
  if (rule.product !== null && !rule.product.has(pool.productNames[loans.product[i] ?? 0] ?? '')) return false;
  const type = AMORTIZATION_TYPES[amortization[i] ?? 0];
  if (rule.amortization !== null && (type === undefined || !rule.amortization.has(type))) return false;
  return rule.originalTerm === null || rule.originalTerm.has(originalTerm[i] ?? 0);
}

/**
 * Maps an assumption file onto a pool: the engine's PoolAssumptions and the loans (or lines) with
 * their `segment` codes replaced by assumption-group codes. A loan's assumptions are the pool's,
 * then its segment's, then those of every override rule it matches in file order, merged field
 * by field; loans of one segment that match the same rules share a group. Without rules the
 * groups are the segments and the loans are returned as they are. `more` (e.g. a revolving
 * period's purchase profile, coded with the pool's segment and product names) get codes in the
 * same groups.
 *
 * One pass over the loans: each loan's key packs the attributes some rule reads (segment; product,
 * amortization, original term only when a rule matches on them, a term no rule names counting as
 * one class), and a table from key to group is filled the first time a key is met, so the rules
 * are evaluated once per distinct key, not per loan.
 */
export function assumptionGroups(assumptions: Assumptions, pool: PoolAttributes, more: readonly PoolLoans[] = []): { loans: LoanArrays; more: LoanArrays[]; assumptions: PoolAssumptions } {
  const bySegment = pool.segmentNames.map((name) => assumptions.segments.get(name));
  const rules = assumptions.overrides;
  // Events name segments; the engine reads them by group code (a group is of one segment).
  const withEvents = (base: PoolAssumptions, groupSegment: readonly number[]): PoolAssumptions => {
    const events = eventsForGroups(assumptions.events, pool.segmentNames, groupSegment);
    return events.length > 0 ? { ...base, events } : base;
  };
  if (rules.length === 0) {
    return {
      loans: pool.loans,
      more: more.map((m) => m.loans),
      assumptions: withEvents(
        { pool: assumptions.pool, segments: bySegment },
        pool.segmentNames.map((_, s) => s),
      ),
    };
  }

  const productRadix = rules.some((r) => r.product !== null) ? Math.max(1, pool.productNames.length) : 1;
  const amortizationRadix = rules.some((r) => r.amortization !== null) ? AMORTIZATION_TYPES.length : 1;
  // Term classes: 0 for a term no rule names, 1.. for each term some rule names.
  const namedTerms = [...new Set(rules.flatMap((r) => [...(r.originalTerm ?? [])]))].sort((a, b) => a - b);
  const termClass = new Uint16Array((namedTerms[namedTerms.length - 1] ?? 0) + 1);
  namedTerms.forEach((term, k) => (termClass[term] = k + 1));
  const termRadix = namedTerms.length + 1;
  const keyCount = Math.max(1, pool.segmentNames.length) * productRadix * amortizationRadix * termRadix;
  const dense = keyCount <= DENSE_TABLE_LIMIT ? new Int16Array(keyCount).fill(-1) : null;
  const sparse = new Map<number, number>();

  const groupCodes = new Map<string, number>();
  const groups: SegmentAssumptions[] = [];
  const groupSegment: number[] = [];
  const groupOf = (loans: PoolLoans, i: number): number => {
    const matched: number[] = [];
    rules.forEach((rule, k) => {
      if (matches(rule, pool, loans, i)) matched.push(k);
    });
    const seg = loans.loans.segment[i] ?? 0;
    const signature = `${seg}:${matched.join(',')}`;
    let code = groupCodes.get(signature);
    if (code === undefined) {
      code = groups.length;
      if (code >= MAX_GROUPS) {
        throw fileError('Assumptions', [{ path: '$.overrides', message: `the rules split the pool into more than ${MAX_GROUPS} assumption groups (segment × rules matched); merge some rules` }]);
      }
      groupCodes.set(signature, code);
      groupSegment.push(seg);
      groups.push(matched.reduce<SegmentAssumptions>((merged, k) => overlay(merged, rules[k]?.assumptions ?? {}), bySegment[seg] ?? {}));
    }
    return code;
  };

  const coded = (loans: PoolLoans): LoanArrays => {
    const { segment, amortization, originalTerm } = loans.loans;
    const { product } = loans;
    const count = loanCount(loans.loans);
    const codes = new Uint8Array(count);
    for (let i = 0; i < count; i++) {
      const term = originalTerm[i] ?? 0;
      let key = segment[i] ?? 0;
      if (productRadix > 1) key = key * productRadix + (product[i] ?? 0);
      if (amortizationRadix > 1) key = key * amortizationRadix + (amortization[i] ?? 0);
      if (termRadix > 1) key = key * termRadix + (term < termClass.length ? (termClass[term] ?? 0) : 0);
      let code = dense !== null ? (dense[key] ?? -1) : (sparse.get(key) ?? -1);
      if (code < 0) {
        code = groupOf(loans, i);
        if (dense !== null) dense[key] = code;
        else sparse.set(key, code);
      }
      codes[i] = code;
    }
    return { ...loans.loans, segment: codes };
  };
  const loans = coded(pool);
  const codedMore = more.map(coded);
  return { loans, more: codedMore, assumptions: withEvents({ pool: assumptions.pool, segments: groups }, groupSegment) };
}
