import { messageTable, VectorNotationError } from '../../engine/index.ts';
import type { CodedMessage } from '../../engine/messages.ts';

/**
 * The assumption file's rules beyond its shape (assumption-file.ts, event-blocks.ts), by code
 * (engine/messages.ts); a speed's `reason` is the curve reader's own message by code
 * (`notation.atColumn`, engine/curves/notation-messages.ts), a roll-rate model's its English.
 */
export const ASSUMPTION_RULES = messageTable('assumptions', {
  unreadableSpeed: (p: { reason: CodedMessage | string }) => (typeof p.reason === 'string' ? p.reason : p.reason.message),
  unreadableRollRates: (p: { reason: string }) => p.reason,
  defaultTwice: () => 'give either `default` (a speed) or `defaultTiming` (a cumulative curve), not both',
  timingSharesZero: () => 'the timing shares must add up to more than 0',
  noSuchSegment: (p: { segment: string; segments: string }) => `the pool has no segment "${p.segment}" (its segments: ${p.segments})`,
  noSuchProduct: (p: { product: string; products: string }) => `the pool has no product "${p.product}" (its products: ${p.products})`,
  noSegmentAtPosition: (p: { position: number; segments: string }) => `the pool has no segment at position ${p.position} (its segments: ${p.segments})`,
  overridesNotHere: () => 'override rules are not supported here: they need each loan’s product, amortization and term (assumptionGroups)',
  eventAfterLastMonth: (p: { month: number; months: number }) => `month ${p.month} is after the projection’s last month (${p.months})`,
  ownCurveNeedsSpeed: () => 'restructured "ownCurve" needs the restructured loans’ default speed, e.g. "20 CDR"',
  speedWithoutOwnCurve: () => 'a default speed for restructured loans is read only with restructured "ownCurve"',
});

/** Why a vector could not be read: the curve reader's message by code, else the error's English. */
export function vectorReason(error: unknown): CodedMessage | string {
  if (error instanceof VectorNotationError) return error.coded;
  return error instanceof Error ? error.message : String(error);
}
