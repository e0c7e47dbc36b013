/**
 * The standard normal distribution function Φ and its inverse, in plain float64 arithmetic.
 */

/**
 * Φ(x) by Marsaglia's series (G. Marsaglia, "Evaluating the Normal Distribution", Journal of
 * Statistical Software 11(4), 2004): Φ(x) = ½ + φ(x)·(x + x³/3 + x⁵/(3·5) + x⁷/(3·5·7) + …), summed
 * until a term no longer changes the sum; absolute error about 1e-15. Beyond |x| > 8.5, Φ is 0 or 1
 * to within 1e-17.
 */
export function normalCdf(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  if (x < -8.5) return 0;
  if (x > 8.5) return 1;
  // Marsaglia's loop: add terms until the sum stops changing.
  const square = x * x;
  let sum = x;
  let previous = Number.NaN;
  let term = x;
  for (let i = 3; sum !== previous; i += 2) {
    previous = sum;
    term *= square / i;
    sum += term;
  }
  return 0.5 + sum * Math.exp(-0.5 * square - 0.9189385332046728);
}

// Algorithm AS 241, PPND16 (M. J. Wichura, "The Percentage Points of the Normal Distribution",
// Applied Statistics 37(3), 1988, 477–484): rational approximations accurate to about 1 in 1e16;
// the published 20-digit coefficients written as their nearest float64.
const A = [3.3871328727963665, 133.14166789178438, 1971.5909503065513, 13731.69376550946, 45921.95393154987, 67265.7709270087, 33430.57558358813, 2509.0809287301227];
const B = [1, 42.31333070160091, 687.1870074920579, 5394.196021424751, 21213.794301586597, 39307.89580009271, 28729.085735721943, 5226.495278852854];
const C = [1.4234371107496835, 4.630337846156546, 5.769497221460691, 3.6478483247632045, 1.2704582524523684, 0.2417807251774506, 0.022723844989269184, 0.0007745450142783414];
const D = [1, 2.053191626637759, 1.6763848301838038, 0.6897673349851, 0.14810397642748008, 0.015198666563616457, 0.0005475938084995345, 1.0507500716444169e-9];
const E = [6.657904643501103, 5.463784911164114, 1.7848265399172913, 0.29656057182850487, 0.026532189526576124, 0.0012426609473880784, 2.7115555687434876e-5, 2.0103343992922881e-7];
const F = [1, 0.599832206555888, 0.1369298809227358, 0.014875361290850615, 0.0007868691311456133, 1.8463183175100548e-5, 1.421511758316446e-7, 2.0442631033899397e-15];

/** Σ c_k r^k by Horner's rule. */
function polynomial(c: readonly number[], r: number): number {
  let value = 0;
  for (let k = c.length - 1; k >= 0; k--) value = value * r + (c[k] ?? 0);
  return value;
}

/** Φ⁻¹(p) for 0 < p < 1 (AS 241); ±∞ at 0 and 1; NaN outside [0, 1]. */
export function inverseNormalCdf(p: number): number {
  if (!(p >= 0 && p <= 1)) return Number.NaN;
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return (q * polynomial(A, r)) / polynomial(B, r);
  }
  const r = Math.sqrt(-Math.log(q < 0 ? p : 1 - p));
  const z = r <= 5 ? polynomial(C, r - 1.6) / polynomial(D, r - 1.6) : polynomial(E, r - 5) / polynomial(F, r - 5);
  return q < 0 ? -z : z;
}
