/**
 * The clean numbers a system export writes (`12345.67`, `12,345.67`), read with one char-code
 * scan and no allocation: the fast path of every numeric parser.
 */

/** `-?digits(.digits)?` (also `12.` and `.5`), ASCII only: the form Number() reads exactly. */
export function isPlainDecimal(s: string): boolean {
  const n = s.length;
  let i = s.charCodeAt(0) === 45 ? 1 : 0;
  let digits = 0;
  let dot = false;
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
    else if (c === 46 && !dot) dot = true;
    else return false;
  }
  return digits > 0;
}

/** Exact powers of ten as doubles (10^0 … 10^22 are all exactly representable). */
const POW10: readonly number[] = Array.from({ length: 23 }, (_, k) => Number(`1e${k}`));

/**
 * The value of a plain decimal `-?digits(.digits)?`, optionally with well-formed comma thousands
 * groups (`12,345.67`), times 10^shift (shift ≤ 0); NaN when `s` is not one or has more than 15
 * significant digits (the general path then decides). One scan, no allocation. Clinger's fast
 * path: the digits form an integer m < 2^53, held exactly in a double, and 10^k (k ≤ 22) is
 * exact, so m / 10^k is the correctly rounded quotient: bit-identical to Number(digits) (and to
 * Number(`${digits}e${shift}`)).
 */
export function fastDecimal(s: string, shift: number): number {
  const n = s.length;
  let i = 0;
  let negative = false;
  if (s.charCodeAt(0) === 45) {
    negative = true;
    i = 1;
  }
  let m = 0;
  let digits = 0;
  let scale = -shift;
  let dot = false;
  let run = 0; // integer digits since the start or the last comma
  let groups = 0;
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      if (m !== 0 || c !== 48) digits++;
      m = m * 10 + (c - 48);
      if (dot) scale++;
      else run++;
    } else if (c === 46 && !dot) {
      if (groups > 0 && run !== 3) return Number.NaN;
      dot = true;
    } else if (c === 44 && !dot && (groups === 0 ? run >= 1 && run <= 3 : run === 3)) {
      groups++;
      run = 0;
    } else return Number.NaN;
  }
  if (digits > 15 || scale > 22 || (run === 0 && !dot) || (groups > 0 && !dot && run !== 3) || n === (negative ? 1 : 0) + (dot ? 1 : 0)) return Number.NaN;
  const v = scale === 0 ? m : m / (POW10[scale] ?? Number.NaN);
  return negative ? -v : v;
}
