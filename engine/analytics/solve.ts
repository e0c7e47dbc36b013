import { assert, EngineError } from '../errors.ts';

/** Where to look for a root of f and when to stop. */
export interface RootSearch {
  /** Initial bracket, lo < hi. It need not hold a sign change: it is widened until it does. */
  readonly lo: number;
  readonly hi: number;
  /** Hard limits the widening never crosses (a rate above −100%, a CDR in [0, 1]); default ±∞. */
  readonly min?: number;
  readonly max?: number;
  /** Absolute tolerance on x; default 1e-12. */
  readonly tolerance?: number;
  /** Brent iterations allowed after bracketing; default 200. */
  readonly maxIterations?: number;
  /** Bracket widenings allowed; default 60. */
  readonly maxExpansions?: number;
}

export interface Root {
  readonly x: number;
  readonly fx: number;
  /** Function evaluations spent widening the bracket and in Brent's iterations. */
  readonly evaluations: number;
}

/** A sign-changing bracket: f(lo) and f(hi) differ in sign (or one is 0). */
export interface Bracket {
  readonly lo: number;
  readonly hi: number;
  readonly fLo: number;
  readonly fHi: number;
  readonly evaluations: number;
}

const GROWTH = 1.6; // Numerical Recipes §9.1 zbrac: widen by 1.6 × the width on the smaller-|f| side
const EPSILON = Number.EPSILON;

function evaluator(f: (x: number) => number): (x: number) => number {
  return (x) => {
    const y = f(x);
    if (Number.isNaN(y)) throw new EngineError('ROOT_NOT_FINITE', { x });
    return y;
  };
}

function straddles(a: number, b: number): boolean {
  return a === 0 || b === 0 || Math.sign(a) !== Math.sign(b);
}

/**
 * Widens [lo, hi] until f changes sign across it (Numerical Recipes §9.1, zbrac): each step moves the
 * end where |f| is smaller (the likelier side of the root) outward by 1.6 × the width, clamped to
 * [min, max]; an end at its limit stays and the other end moves. ±∞ values of f are accepted (their sign
 * is known); NaN is not (ROOT_NOT_FINITE). Throws ROOT_NOT_BRACKETED when no sign change is found.
 */
export function bracketRoot(f: (x: number) => number, search: RootSearch): Bracket {
  const min = search.min ?? -Infinity;
  const max = search.max ?? Infinity;
  let { lo, hi } = search;
  assert(Number.isFinite(lo) && Number.isFinite(hi) && lo < hi && min <= lo && hi <= max, 'ROOT_SEARCH_RANGE', { lo, hi, min, max });
  const g = evaluator(f);
  let fLo = g(lo);
  let fHi = g(hi);
  let evaluations = 2;
  const maxExpansions = search.maxExpansions ?? 60;
  for (let step = 0; !straddles(fLo, fHi); step++) {
    const loAtLimit = lo <= min;
    const hiAtLimit = hi >= max;
    if (step >= maxExpansions || (loAtLimit && hiAtLimit)) {
      throw new EngineError('ROOT_NOT_BRACKETED', { lo, hi, fLo, fHi, expansions: step });
    }
    const width = hi - lo;
    if (hiAtLimit || (!loAtLimit && Math.abs(fLo) < Math.abs(fHi))) {
      lo = Math.max(min, lo - GROWTH * width);
      fLo = g(lo);
    } else {
      hi = Math.min(max, hi + GROWTH * width);
      fHi = g(hi);
    }
    evaluations++;
  }
  return { lo, hi, fLo, fHi, evaluations };
}

/**
 * A root of f: widens the search bracket until f changes sign (bracketRoot), then Brent's method
 * (R. P. Brent, Algorithms for Minimization without Derivatives, 1973, ch. 4; the zbrent form of
 * Numerical Recipes §9.3): inverse quadratic interpolation or secant steps when they stay well inside
 * the bracket, bisection otherwise, so it converges whenever the bracket holds a sign change. Stops
 * when the bracket is narrower than 2 × (tolerance/2 + 2ε|x|) or f(x) = 0. Generic: yields, XIRR and
 * breakeven searches all use it. Errors: ROOT_SEARCH_RANGE, ROOT_NOT_BRACKETED, ROOT_NOT_FINITE,
 * ROOT_NOT_CONVERGED.
 */
export function findRoot(f: (x: number) => number, search: RootSearch): Root {
  const tolerance = search.tolerance ?? 1e-12;
  const maxIterations = search.maxIterations ?? 200;
  assert(tolerance > 0 && Number.isInteger(maxIterations) && maxIterations >= 1, 'ROOT_SEARCH_RANGE', { tolerance, maxIterations });
  const bracket = bracketRoot(f, search);
  const g = evaluator(f);
  let a = bracket.lo;
  let b = bracket.hi;
  let fa = bracket.fLo;
  let fb = bracket.fHi;
  let evaluations = bracket.evaluations;
  if (fa === 0) return { x: a, fx: fa, evaluations };
  let c = b;
  let fc = fb;
  let d = b - a;
  let e = d;
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    if (!straddles(fb, fc)) {
      // Keep the root between b and c.
      c = a;
      fc = fa;
      d = b - a;
      e = d;
    }
    if (Math.abs(fc) < Math.abs(fb)) {
      // b is the best estimate so far.
      a = b;
      b = c;
      c = a;
      fa = fb;
      fb = fc;
      fc = fa;
    }
    const tol1 = 2 * EPSILON * Math.abs(b) + 0.5 * tolerance;
    const xm = 0.5 * (c - b);
    if (Math.abs(xm) <= tol1 || fb === 0) return { x: b, fx: fb, evaluations };
    if (Math.abs(e) >= tol1 && Math.abs(fa) > Math.abs(fb)) {
      const s = fb / fa;
      let p: number;
      let q: number;
      if (a === c) {
        p = 2 * xm * s; // secant
        q = 1 - s;
      } else {
        const qa = fa / fc; // inverse quadratic interpolation
        const r = fb / fc;
        p = s * (2 * xm * qa * (qa - r) - (b - a) * (r - 1));
        q = (qa - 1) * (r - 1) * (s - 1);
      }
      if (p > 0) q = -q;
      p = Math.abs(p);
      // Accept the interpolation only if it lands inside the bracket and shrinks fast enough.
      if (2 * p < Math.min(3 * xm * q - Math.abs(tol1 * q), Math.abs(e * q))) {
        e = d;
        d = p / q;
      } else {
        d = xm;
        e = d;
      }
    } else {
      d = xm;
      e = d;
    }
    if (!Number.isFinite(d)) {
      d = xm; // interpolation through an infinite f value: bisect
      e = d;
    }
    a = b;
    fa = fb;
    b += Math.abs(d) > tol1 ? d : Math.sign(xm) * tol1;
    fb = g(b);
    evaluations++;
  }
  throw new EngineError('ROOT_NOT_CONVERGED', { x: b, fx: fb, bracket: [b, c], maxIterations });
}
