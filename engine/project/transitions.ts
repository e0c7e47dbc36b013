import { ROLL_STATES } from '../curves/roll-rates.ts';

/** Index of the charged-off state in ROLL_STATES (absorbing). */
export const CHARGED_OFF = ROLL_STATES.length - 1;
export const STATE_COUNT = ROLL_STATES.length;
/** Columns per month of a loan trace: the mass in each of the 6 ROLL_STATES, then the mass prepaid so far. */
export const TRACE_COLUMNS = STATE_COUNT + 1;

/**
 * A transition matrix as a list of its non-zero moves, each with what the moving fraction pays
 * that month. What a move pays follows from the days-past-due buckets (30 days each, except
 * 91–180): a month adds 30 days past due unless installments are paid, so
 * - current → current: pays the installment (then MDR defaults and SMM prepayments apply);
 * - to a worse bucket (current → 1–30, 1–30 → 31–60, …, or staying in 91–180, a bucket three
 *   installments wide): pays nothing; the month's installment is added to the arrears;
 * - staying in 1–30, 31–60 or 61–90: pays the month's installment, the arrears are carried;
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

/** The plan of a validated 6×6 row-major matrix (validateTransitionMatrix). */
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
      let paysNow = 0;
      let arrears = 0;
      if (j === CHARGED_OFF || j > s || (s === CHARGED_OFF - 1 && j === s)) {
        paysNow = 0; // roll forward, stay in 91–180, or charge-off
      } else if (j === 0) {
        paysNow = 1; // cure
        arrears = 1;
      } else if (j === s) {
        paysNow = 1; // stay in a 30-day bucket
      } else {
        paysNow = 1; // roll back
        arrears = (s - j) / s;
      }
      from.push(s);
      to.push(j);
      probability.push(p);
      pays.push(paysNow);
      share.push(arrears);
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
 * The probabilities of a BANDED matrix — each delinquent bucket moves only to current (cure), one
 * bucket back, stays, one bucket forward, or to charged off; current only stays, goes to 1–30 or
 * is charged off — as named numbers for the unrolled kernel. Every matrix buildTransitionMatrix
 * makes is banded (and so is the identity); others take the general kernel.
 * Naming: c = cure, b = back one bucket, k = keep (stay), f = forward one bucket, x = charge-off;
 * the digit is the bucket (1 = 1–30 … 4 = 91–180). Bucket 4's forward move is charge-off (x4).
 */
export interface BandedRates {
  readonly p00: number;
  readonly p01: number;
  readonly p05: number;
  readonly c1: number;
  readonly k1: number;
  readonly f1: number;
  readonly x1: number;
  readonly c2: number;
  readonly b2: number;
  readonly k2: number;
  readonly f2: number;
  readonly x2: number;
  readonly c3: number;
  readonly b3: number;
  readonly k3: number;
  readonly f3: number;
  readonly x3: number;
  readonly c4: number;
  readonly b4: number;
  readonly k4: number;
  readonly x4: number;
}

/** The banded form of a validated 6×6 matrix, or null when some other move has a probability. */
export function bandedRates(matrix: Float64Array): BandedRates | null {
  const p = (from: number, to: number): number => matrix[from * STATE_COUNT + to] ?? 0;
  for (let s = 0; s < CHARGED_OFF; s++) {
    for (let j = 0; j < STATE_COUNT; j++) {
      const allowed = s === 0 ? j === 0 || j === 1 || j === CHARGED_OFF : j === 0 || j === CHARGED_OFF || Math.abs(j - s) <= 1;
      if (!allowed && p(s, j) !== 0) return null;
    }
  }
  return {
    p00: p(0, 0),
    p01: p(0, 1),
    p05: p(0, 5),
    c1: p(1, 0),
    k1: p(1, 1),
    f1: p(1, 2),
    x1: p(1, 5),
    c2: p(2, 0),
    b2: p(2, 1),
    k2: p(2, 2),
    f2: p(2, 3),
    x2: p(2, 5),
    c3: p(3, 0),
    b3: p(3, 2),
    k3: p(3, 3),
    f3: p(3, 4),
    x3: p(3, 5),
    c4: p(4, 0),
    b4: p(4, 3),
    k4: p(4, 4),
    x4: p(4, 5),
  };
}
