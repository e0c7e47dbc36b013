import { ROLL_STATES } from '../curves/roll-rates.ts';

/** Index of the charged-off state in ROLL_STATES (absorbing). */
export const CHARGED_OFF = ROLL_STATES.length - 1;
export const STATE_COUNT = ROLL_STATES.length;
/** Columns per month of a loan trace: the mass in each of the 8 ROLL_STATES, then the mass prepaid so far. */
export const TRACE_COLUMNS = STATE_COUNT + 1;

/**
 * A transition matrix as a list of its non-zero moves, each with what the moving fraction pays
 * that month. What a move pays follows from the days-past-due buckets, each one month (30 days)
 * wide: a month adds 30 days past due unless an installment is paid, so
 * - current → current: pays the installment (then MDR defaults and SMM prepayments apply);
 * - to a worse bucket (current → 1–30, 1–30 → 31–60, …): pays nothing; the month's installment is
 *   added to the arrears;
 * - staying in a delinquent bucket: pays the month's installment, the arrears are carried;
 * - back from bucket k to bucket j ≥ 1 (k − j buckets better): pays the month's installment and
 *   the share (k − j)/k of the arrears and accrued penalty — an approximation: the Markov
 *   expectation tracks the arrears of a bucket, not each missed installment;
 * - cure (delinquent → current): pays the month's installment, all arrears and all accrued penalty;
 * - charge-off: pays nothing; all its principal (not yet due and overdue) is a gross default.
 * Entries out of current (other than current → current) come first, from index 0 to
 * `firstDelinquentEntry` − 1, so a matured loan's current fraction can skip them.
 */
export interface TransitionPlan {
  /** P(current → current). */
  readonly stayCurrent: number;
  readonly from: Uint8Array;
  readonly to: Uint8Array;
  readonly probability: Float64Array;
  /** 1 when the moving fraction pays this month's installment. */
  readonly paysInstallment: Float64Array;
  /** Share of the arrears (overdue principal, overdue interest, accrued penalty) the move pays. */
  readonly arrearsShare: Float64Array;
  readonly firstDelinquentEntry: number;
}

/** The plan of a validated 8×8 row-major matrix (validateTransitionMatrix). */
export function transitionPlan(matrix: Float64Array): TransitionPlan {
  const from: number[] = [];
  const to: number[] = [];
  const probability: number[] = [];
  const pays: number[] = [];
  const share: number[] = [];
  let firstDelinquentEntry = 0;
  for (let s = 0; s < CHARGED_OFF; s++) {
    if (s === 1) firstDelinquentEntry = from.length;
    for (let j = 0; j < STATE_COUNT; j++) {
      const p = matrix[s * STATE_COUNT + j] ?? 0;
      if (p === 0 || (s === 0 && j === 0)) continue;
      from.push(s);
      to.push(j);
      probability.push(p);
      // Roll forward and charge-off pay nothing; cure, stay and roll back pay the installment.
      pays.push(j === CHARGED_OFF || j > s ? 0 : 1);
      // Cure pays all the arrears, a roll back from k to j the share (k − j)/k, staying none.
      share.push(j === CHARGED_OFF || j >= s ? 0 : j === 0 ? 1 : (s - j) / s);
    }
  }
  return {
    stayCurrent: matrix[0] ?? 0,
    from: Uint8Array.from(from),
    to: Uint8Array.from(to),
    probability: Float64Array.from(probability),
    paysInstallment: Float64Array.from(pays),
    arrearsShare: Float64Array.from(share),
    firstDelinquentEntry,
  };
}

/**
 * The matrix that applies after a loan's maturity: no installment falls due, so a delinquent loan
 * can no longer stay in its bucket by paying one — what stayed ages one bucket (to the next bucket,
 * or to charged off from the charge-off bucket: the bucket after it is one a loan is never left in,
 * i.e. its row sends everything to charged off). Cure and roll back (paying arrears) are unchanged.
 * So after maturity every delinquent balance is cured, rolled back or charged off within the
 * buckets left before the charge-off threshold: the cash-flow tail ends.
 */
export function maturedMatrix(matrix: Float64Array): Float64Array {
  const out = matrix.slice();
  for (let s = 1; s < CHARGED_OFF; s++) {
    const stay = out[s * STATE_COUNT + s] ?? 0;
    if (stay === 0) continue;
    const next = s + 1;
    const nextChargedOff = next === CHARGED_OFF || (matrix[next * STATE_COUNT + CHARGED_OFF] ?? 0) === 1;
    const target = nextChargedOff ? CHARGED_OFF : next;
    out[s * STATE_COUNT + s] = 0;
    out[s * STATE_COUNT + target] = (out[s * STATE_COUNT + target] ?? 0) + stay;
  }
  return out;
}

/**
 * The probabilities of a BANDED matrix — each delinquent bucket moves only to current (cure), one
 * bucket back, stays, one bucket forward, or to charged off; current only stays, goes to 1–30 or
 * is charged off — as named numbers for the unrolled kernel. Every matrix buildTransitionMatrix
 * makes is banded (and so is the identity); others take the general kernel.
 * Naming: c = cure, b = back one bucket, k = keep (stay), f = forward one bucket, x = charge-off;
 * the digit is the bucket (1 = 1–30, 2 = 31–60, 3 = 61–90, 4 = 91–120, 5 = 121–150,
 * 6 = 151–180). Bucket 6's forward move is charge-off (x6). A roll back from bucket s pays 1/s of
 * the arrears (transitionPlan): bp = b / s is the probability-weighted share paid, bc = b − bp the
 * share carried into bucket s − 1 — computed once here rather than per loan-month in the kernel.
 */
export interface BandedRates {
  readonly p00: number;
  readonly p01: number;
  readonly p05: number; // current → charged off
  readonly c1: number;
  readonly k1: number;
  readonly f1: number;
  readonly x1: number;
  readonly c2: number;
  readonly b2: number;
  readonly bp2: number;
  readonly bc2: number;
  readonly k2: number;
  readonly f2: number;
  readonly x2: number;
  readonly c3: number;
  readonly b3: number;
  readonly bp3: number;
  readonly bc3: number;
  readonly k3: number;
  readonly f3: number;
  readonly x3: number;
  readonly c4: number;
  readonly b4: number;
  readonly bp4: number;
  readonly bc4: number;
  readonly k4: number;
  readonly f4: number;
  readonly x4: number;
  readonly c5: number;
  readonly b5: number;
  readonly bp5: number;
  readonly bc5: number;
  readonly k5: number;
  readonly f5: number;
  readonly x5: number;
  readonly c6: number;
  readonly b6: number;
  readonly bp6: number;
  readonly bc6: number;
  readonly k6: number;
  readonly x6: number;
}

/** The banded form of a validated 8×8 matrix, or null when some other move has a probability. */
export function bandedRates(matrix: Float64Array): BandedRates | null {
  const p = (from: number, to: number): number => matrix[from * STATE_COUNT + to] ?? 0;
  for (let s = 0; s < CHARGED_OFF; s++) {
    for (let j = 0; j < STATE_COUNT; j++) {
      const allowed = s === 0 ? j === 0 || j === 1 || j === CHARGED_OFF : j === 0 || j === CHARGED_OFF || Math.abs(j - s) <= 1;
      if (!allowed && p(s, j) !== 0) return null;
    }
  }
  const x = CHARGED_OFF;
  // A roll back from bucket s pays b / s of the arrears and carries b − b / s into bucket s − 1.
  const paid = (s: number): number => p(s, s - 1) / s;
  return {
    p00: p(0, 0),
    p01: p(0, 1),
    p05: p(0, x),
    c1: p(1, 0),
    k1: p(1, 1),
    f1: p(1, 2),
    x1: p(1, x),
    c2: p(2, 0),
    b2: p(2, 1),
    bp2: paid(2),
    bc2: p(2, 1) - paid(2),
    k2: p(2, 2),
    f2: p(2, 3),
    x2: p(2, x),
    c3: p(3, 0),
    b3: p(3, 2),
    bp3: paid(3),
    bc3: p(3, 2) - paid(3),
    k3: p(3, 3),
    f3: p(3, 4),
    x3: p(3, x),
    c4: p(4, 0),
    b4: p(4, 3),
    bp4: paid(4),
    bc4: p(4, 3) - paid(4),
    k4: p(4, 4),
    f4: p(4, 5),
    x4: p(4, x),
    c5: p(5, 0),
    b5: p(5, 4),
    bp5: paid(5),
    bc5: p(5, 4) - paid(5),
    k5: p(5, 5),
    f5: p(5, 6),
    x5: p(5, x),
    c6: p(6, 0),
    b6: p(6, 5),
    bp6: paid(6),
    bc6: p(6, 5) - paid(6),
    k6: p(6, 6),
    x6: p(6, x),
  };
}
