/**
 * The engine's rounding modes for money, one named function per mode, as dinero.js names its modes
 * (`halfEven`, `halfUp`, `down`) and never rounds inline. Two modes are in use; each call site keeps
 * the mode it has always used (so no figure moves) — which mode a site should use is a model-review
 * question, not a refactoring one.
 *
 *  - **Decimal half-up** (engine/deal/money.ts: `toCents` for a number, `roundCents` for a decimal,
 *    `toWholeCents` for a number to integer cents): the amount's shortest decimal form, rounded half
 *    away from zero — `toCents(1.005)` is 1.01. The waterfall's mode: trust deeds and loan systems
 *    round the decimal amount they print.
 *  - **Binary half-up** (`roundCentsOfDouble`, here): `Math.round(x × 100) ÷ 100` on the double's
 *    binary value — 1.005 is stored as 1.00499999999999989…, so `roundCentsOfDouble(1.005)` is 1.00;
 *    an exact binary half rounds toward +∞. The float pool projection's mode for the totals it reports.
 */

/** x to cents on its binary value: Math.round(x × 100) ÷ 100 (see the module comment for how it differs from toCents). */
export function roundCentsOfDouble(x: number): number {
  return Math.round(x * 100) / 100;
}
