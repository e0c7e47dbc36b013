import { assert } from '../errors.ts';
import { flatFeeRateFromApr } from '../schedule/rates.ts';
import { allocateLoanArrays, FLAT_FEE_CODE, loanCount, validateLoanArrays, type LoanArrays } from './loans.ts';

/**
 * How loans are grouped into representative lines. Loans of one line share segment,
 * amortization type, delinquency state at cutoff, original and remaining term exactly, and fall
 * in the same contract-rate and age buckets. Defaults: rate buckets of 2 percentage points,
 * exact age (consumer-loan tapes hold few distinct ages; mortgage pools may want 3 or 6).
 */
export interface RepLineOptions {
  /** Width of a contract-rate bucket, annual decimal; default 0.02 (on the sample tape: 0.003% off loan level at most, a third of the lines of 0.005). */
  readonly rateBucket?: number;
  /** Width of a loan-age bucket in months; default 1 (exact age). */
  readonly ageBucketMonths?: number;
}

/** Loans grouped into lines: `lines` is a LoanArrays whose entry j stands for `counts[j]` loans. */
export interface RepLines {
  readonly lines: LoanArrays;
  /** Loans behind each line. */
  readonly counts: Uint32Array;
  /** The line of each loan (for drill-down and tests). */
  readonly lineOfLoan: Uint32Array;
}

export const DEFAULT_RATE_BUCKET = 0.02;

/**
 * Groups loans into representative lines. A line's amounts are its loans' sums (current,
 * overdue principal and interest), so month-1 balances and arrears are exact; its contract rate
 * is the balance-weighted average (so month-1 interest is exact); age is the balance-weighted
 * average rounded to whole months (exact when the age bucket is 1). A flat-fee (等本等息) line's
 * original principal is set so that its fee equals the sum of its loans' fees at the line's
 * rate (the fee base is original principal, not balance). What remains approximate is the
 * non-linearity of the level installment and the curves in rate and age within a bucket:
 * second order, well inside 0.5% of loan level per month on consumer and mortgage pools
 * (test/engine/project/rep-lines.test.ts measures it on the sample tape).
 *
 * The grouping is deterministic: lines are numbered in order of their first loan.
 */
export function groupRepLines(loans: LoanArrays, options: RepLineOptions = {}): RepLines {
  const rateBucket = options.rateBucket ?? DEFAULT_RATE_BUCKET;
  const ageBucket = options.ageBucketMonths ?? 1;
  assert(rateBucket > 0 && rateBucket <= 1, 'REP_LINE_OPTIONS', { field: 'rateBucket', value: rateBucket });
  assert(Number.isInteger(ageBucket) && ageBucket >= 1, 'REP_LINE_OPTIONS', { field: 'ageBucketMonths', value: ageBucket });
  validateLoanArrays(loans);
  const count = loanCount(loans);
  const { currentPrincipal, rateAnnual, originalTerm, remainingTerm, ageMonths, amortization, delinquency, segment } = loans;

  // The grouping key as one mixed-radix integer (radixes from the data), exact below 2^53; a
  // string key otherwise (only for extreme terms or very fine buckets).
  let maxSegment = 0;
  let maxTerm = 0;
  let maxAge = 0;
  for (let i = 0; i < count; i++) {
    maxSegment = Math.max(maxSegment, segment[i] ?? 0);
    maxTerm = Math.max(maxTerm, originalTerm[i] ?? 0, remainingTerm[i] ?? 0);
    maxAge = Math.max(maxAge, ageMonths[i] ?? 0);
  }
  const rateRadix = Math.floor(1 / rateBucket + 1e-9) + 1;
  const ageRadix = Math.floor(maxAge / ageBucket) + 1;
  const termRadix = maxTerm + 1;
  const numericKeys = (maxSegment + 1) * 8 * 8 * termRadix * termRadix * rateRadix * ageRadix < 2 ** 53;
  const rateKey = (i: number): number => Math.floor((rateAnnual[i] ?? 0) / rateBucket + 1e-9);
  const ageKey = (i: number): number => Math.floor((ageMonths[i] ?? 0) / ageBucket);
  const keyOf = (i: number): number | string => {
    if (!numericKeys) {
      return `${segment[i]}|${amortization[i]}|${delinquency[i]}|${originalTerm[i]}|${remainingTerm[i]}|${rateKey(i)}|${ageKey(i)}`;
    }
    let key = segment[i] ?? 0;
    key = key * 8 + (amortization[i] ?? 0);
    key = key * 8 + (delinquency[i] ?? 0);
    key = key * termRadix + (originalTerm[i] ?? 0);
    key = key * termRadix + (remainingTerm[i] ?? 0);
    key = key * rateRadix + rateKey(i);
    return key * ageRadix + ageKey(i);
  };

  const lineOfLoan = new Uint32Array(count);
  const first: number[] = [];
  if (numericKeys) {
    // Open addressing over the packed keys (a Map of large doubles costs ~150 ns a loan; this ~20).
    let capacity = 16;
    while (capacity < 2 * count) capacity *= 2;
    const mask = capacity - 1;
    const slotKey = new Float64Array(capacity);
    const slotLine = new Int32Array(capacity).fill(-1);
    for (let i = 0; i < count; i++) {
      const key = keyOf(i) as number;
      const lo = key >>> 0;
      const hi = Math.floor(key / 4_294_967_296);
      let slot = Math.imul(lo ^ Math.imul(hi, 0x9e3779b1), 0x85ebca6b) & mask;
      for (;;) {
        const line = slotLine[slot] ?? -1;
        if (line < 0) {
          slotKey[slot] = key;
          slotLine[slot] = first.length;
          lineOfLoan[i] = first.length;
          first.push(i);
          break;
        }
        if (slotKey[slot] === key) {
          lineOfLoan[i] = line;
          break;
        }
        slot = (slot + 1) & mask;
      }
    }
  } else {
    const lineIndex = new Map<number | string, number>();
    for (let i = 0; i < count; i++) {
      const key = keyOf(i);
      let line = lineIndex.get(key);
      if (line === undefined) {
        line = first.length;
        lineIndex.set(key, line);
        first.push(i);
      }
      lineOfLoan[i] = line;
    }
  }

  const n = first.length;
  const lines = allocateLoanArrays(n);
  const counts = new Uint32Array(n);
  const rateWeight = new Float64Array(n);
  const ageWeight = new Float64Array(n);
  const rateSum = new Float64Array(n);
  const ageSum = new Float64Array(n);
  const feeSum = new Float64Array(n);
  const restructuredWeight = new Float64Array(n);
  const restructuredSum = new Float64Array(n);
  for (let i = 0; i < count; i++) {
    const j = lineOfLoan[i] ?? 0;
    const balance = currentPrincipal[i] ?? 0;
    const rate = rateAnnual[i] ?? 0;
    counts[j] = (counts[j] ?? 0) + 1;
    lines.currentPrincipal[j] = (lines.currentPrincipal[j] ?? 0) + balance;
    lines.originalPrincipal[j] = (lines.originalPrincipal[j] ?? 0) + (loans.originalPrincipal[i] ?? 0);
    lines.overduePrincipal[j] = (lines.overduePrincipal[j] ?? 0) + (loans.overduePrincipal[i] ?? 0);
    lines.overdueInterest[j] = (lines.overdueInterest[j] ?? 0) + (loans.overdueInterest[i] ?? 0);
    restructuredWeight[j] = (restructuredWeight[j] ?? 0) + balance * (loans.restructured[i] ?? 0);
    restructuredSum[j] = (restructuredSum[j] ?? 0) + (loans.restructured[i] ?? 0);
    rateWeight[j] = (rateWeight[j] ?? 0) + balance * rate;
    ageWeight[j] = (ageWeight[j] ?? 0) + balance * (ageMonths[i] ?? 0);
    rateSum[j] = (rateSum[j] ?? 0) + rate;
    ageSum[j] = (ageSum[j] ?? 0) + (ageMonths[i] ?? 0);
    if (amortization[i] === FLAT_FEE_CODE) {
      feeSum[j] = (feeSum[j] ?? 0) + (loans.originalPrincipal[i] ?? 0) * Math.max(0, flatFeeRateFromApr(rate, originalTerm[i] ?? 1));
    }
  }
  for (let j = 0; j < n; j++) {
    const i = first[j] ?? 0;
    const balance = lines.currentPrincipal[j] ?? 0;
    const loansInLine = counts[j] ?? 1;
    // Balance-weighted where the line has a balance; a plain mean for lines of zero balance.
    const rate = balance > 0 ? (rateWeight[j] ?? 0) / balance : (rateSum[j] ?? 0) / loansInLine;
    const age = balance > 0 ? (ageWeight[j] ?? 0) / balance : (ageSum[j] ?? 0) / loansInLine;
    lines.rateAnnual[j] = Math.min(1, Math.max(0, rate));
    lines.ageMonths[j] = Math.round(age);
    // The balance-weighted share of restructured loans (a penalty waiver scales the line's penalty by 1 − it).
    lines.restructured[j] = Math.min(1, balance > 0 ? (restructuredWeight[j] ?? 0) / balance : (restructuredSum[j] ?? 0) / loansInLine);
    lines.originalTerm[j] = originalTerm[i] ?? 0;
    lines.remainingTerm[j] = remainingTerm[i] ?? 0;
    lines.amortization[j] = amortization[i] ?? 0;
    lines.delinquency[j] = delinquency[i] ?? 0;
    lines.segment[j] = segment[i] ?? 0;
    if (lines.amortization[j] === FLAT_FEE_CODE) {
      const flatRate = Math.max(0, flatFeeRateFromApr(lines.rateAnnual[j] ?? 0, lines.originalTerm[j] ?? 1));
      if (flatRate > 0) lines.originalPrincipal[j] = (feeSum[j] ?? 0) / flatRate;
    }
  }
  return { lines, counts, lineOfLoan };
}
