import type { Json } from './draft.ts';

/**
 * How a number field shows its value. The deal file holds rates and shares as decimals (0.045,
 * docs/deals.md "Conventions"); the analyst reads and types them as percentages (4.5 %).
 *  - percent: the file's decimal × 100 on screen.
 *  - money: an amount in the deal's currency, as is.
 *  - whole: a count (periods, months, a seniority rank).
 *  - plain: any other number as is (a purchase price per yuan of principal).
 */
export type NumberKind = 'percent' | 'money' | 'whole' | 'plain';

/** Twelve significant digits undo the binary noise of ×100 and ÷100 (0.07 × 100 = 7.000000000000001) without touching a rate's real digits. */
const clean = (x: number): number => Number(x.toPrecision(12));

const grouped = new Intl.NumberFormat('en-US', { maximumFractionDigits: 20, useGrouping: true });

/** The text a field shows for the draft's value (a text the analyst typed and the check refused is shown as typed). */
export function textOfValue(value: Json | undefined, kind: NumberKind): string {
  if (typeof value === 'string') return value;
  if (typeof value !== 'number') return '';
  if (kind === 'percent') return String(clean(value * 100));
  // An amount in groups of three (320,000,000), read back without the separators.
  return kind === 'money' ? grouped.format(value) : String(value);
}

/**
 * The value the draft takes for a typed text: blank → absent; a number (spaces and thousands
 * separators allowed, a trailing % ignored) → the file's number; anything else → the text itself, so
 * the check names the field and the text stays on screen.
 */
export function valueOfText(text: string, kind: NumberKind): Json | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  const digits = trimmed.replace(/[,\s_]/g, '').replace(/%$/, '');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(digits)) return text;
  const x = Number(digits);
  return kind === 'percent' ? clean(x / 100) : x;
}

/** Cents are the waterfall's unit (decimal cents, engine/deal): an amount derived from a share is rounded half-up to them. */
function toCents(x: number): number {
  return Math.round(clean(x * 100)) / 100;
}

/** A note's size as a share of the pool balance (decimal): 320,000,000 of a 400,000,000 pool is 0.8. */
export function shareOfPool(amount: number, poolBalance: number): number {
  return poolBalance > 0 ? clean(amount / poolBalance) : 0;
}

/** A note's size for a share of the pool balance, at cents: 80 % of 83,000,000.55 is 66,400,000.44. */
export function amountOfShare(share: number, poolBalance: number): number {
  return toCents(share * poolBalance);
}
