import { z } from 'zod';

/**
 * A whole-number field of a deal, assumption or pool file. Every way it can be wrong (not a
 * number, a fraction, out of range — including zod's own safe-integer bound, which would otherwise
 * answer `months: -1e300` with "expected int to be >=-9007199254740991") gives the one message an
 * analyst can act on: "months must be a whole number from 1 to 600". The JSON Schema is unchanged
 * (integer, minimum, maximum).
 */
export function wholeNumber(name: string, min: number, max?: number) {
  const message = max === undefined ? `${name} must be a whole number of at least ${min}` : `${name} must be a whole number from ${min} to ${max}`;
  const schema = z.number({ error: message }).int({ error: message }).min(min, { error: message });
  return max === undefined ? schema : schema.max(max, { error: message });
}
