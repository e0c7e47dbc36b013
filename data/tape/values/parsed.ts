import type { CodedMessage } from '../../../engine/messages.ts';
/** A parsed cell, and the cells originator exports write for "no value". */

/** A parsed cell: `value` is null for a blank or explicitly missing cell. */
/**
 * A failure's `reason` is its English (`coded.message`); `coded` says it by code (./reasons.ts).
 * `outOfRange`: the cell was read, but its value lies outside what the field allows (a rate above
 * 100%) — the row's rule is then `range`, not `format` (README, "Validation").
 */
export type Parsed<T> = { readonly ok: true; readonly value: T | null } | { readonly ok: false; readonly reason: string; readonly coded: CodedMessage; readonly outOfRange?: true };

/** The one result for a blank or missing cell (shared and frozen: parsers run once per cell). */
export const MISSING: Parsed<never> = Object.freeze({ ok: true, value: null });

export function ok<T>(value: T): Parsed<T> {
  return { ok: true, value };
}

export function fail(coded: CodedMessage): Parsed<never> {
  return { ok: false, reason: coded.message, coded };
}

/** A value read whole but outside the field's range (rows/reading.ts records it under the rule `range`). */
export function outOfRange(coded: CodedMessage): Parsed<never> {
  return { ok: false, reason: coded.message, coded, outOfRange: true };
}

/** Cells that mean "no value" in originator exports (compared lower-cased). */
const MISSING_TOKENS: ReadonlySet<string> = new Set(['-', '--', '—', '——', '－', 'n/a', 'na', '#n/a', 'null', '无', '空']);

export function isMissing(s: string): boolean {
  return s.length <= 4 && MISSING_TOKENS.has(s.toLowerCase());
}
