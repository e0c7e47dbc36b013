import { EngineError } from '../errors.ts';
import { fromCents, type Money, toCentsInteger, ZERO } from './money.ts';

/**
 * Splits `total` (cents) into parts proportional to `weights` (cent amounts ≥ 0) so that the parts
 * add up to the total exactly: each part is first floor(total × wᵢ ÷ Σw) in cents, then the cents
 * left over go one each to the largest remainders (ties to the earlier weight, so list notes by
 * seniority). Every part is within one cent of its exact share, and when total ≤ Σw no part exceeds
 * its weight (the largest-remainder or Hamilton method, as dinero.js `distribute` does). The
 * products are taken in exact integer cents (bigint), so nothing is rounded but the final split.
 * A zero total gives zeros; weights summing to 0 with a positive total is an error.
 */
export function allocateProRata(total: Money, weights: readonly Money[]): Money[] {
  const totalCents = toCentsInteger(total);
  // Each check builds its error's details only when it fails (pro rata runs several times a period).
  if (totalCents === undefined || totalCents < 0n) throw new EngineError('ALLOCATION', { total: total.toString() });
  if (totalCents === 0n) return weights.map(() => ZERO);
  const cents = weights.map((w) => {
    const c = toCentsInteger(w);
    if (c === undefined || c < 0n) throw new EngineError('ALLOCATION', { weight: w.toString() });
    return c;
  });
  let sum = 0n;
  for (const c of cents) sum += c;
  if (sum <= 0n) throw new EngineError('ALLOCATION', { total: total.toString(), weights: weights.length });
  const floors: bigint[] = [];
  const remainders: bigint[] = [];
  let left = totalCents;
  for (const c of cents) {
    const scaled = totalCents * c;
    const floor = scaled / sum; // bigint division truncates: the floor, as everything is ≥ 0
    floors.push(floor);
    remainders.push(scaled - floor * sum);
    left -= floor;
  }
  if (left > 0n) {
    const order = cents
      .map((_, i) => i)
      .sort((a, b) => {
        const ra = remainders[a] ?? 0n;
        const rb = remainders[b] ?? 0n;
        return ra === rb ? a - b : rb > ra ? 1 : -1;
      });
    for (const i of order) {
      if (left === 0n) break;
      floors[i] = (floors[i] ?? 0n) + 1n;
      left -= 1n;
    }
  }
  return floors.map((f) => fromCents(Number(f)));
}
