/**
 * Running sums in scan order with Kahan–Babuška–Neumaier compensation, exactly as SQLite's total()
 * adds REAL values (func.c, kahanBabuskaNeumaierStep; the result is sum + compensation), so a
 * figure added up here equals the same figure added up by SQL to the bit.
 *
 * A sum lives in two slots of a Float64Array: slots[i] the running sum, slots[i + 1] the low-order
 * bits lost so far. Typed arrays rather than objects: the pool view adds some 70 values a loan.
 */
export function addCompensated(slots: Float64Array, i: number, x: number): void {
  const sum = slots[i] ?? 0;
  const t = sum + x;
  slots[i + 1] = (slots[i + 1] ?? 0) + (Math.abs(sum) >= Math.abs(x) ? sum - t + x : x - t + sum);
  slots[i] = t;
}

/** The compensated sum held at slots[i], slots[i + 1]. */
export function compensatedSum(slots: Float64Array, i: number): number {
  return (slots[i] ?? 0) + (slots[i + 1] ?? 0);
}

/** One group's (bucket's, value's, the pool's) sums. */
export interface GroupSums {
  readonly count: number;
  /** Σ current principal. */
  readonly balance: number;
  /** Σ rate · current principal, and likewise for remaining term and age: WAC, WAM, WALA numerators. */
  readonly rateBalance: number;
  readonly remainingTermBalance: number;
  readonly ageBalance: number;
}

export const NO_LOANS: GroupSums = { count: 0, balance: 0, rateBalance: 0, remainingTermBalance: 0, ageBalance: 0 };

/** [count, then (sum, compensation) for balance, rate·bal, remaining·bal, age·bal]. */
export const GROUP_SLOTS = 9;

/** Adds one loan to a group's slots (GROUP_SLOTS long). */
export function addToGroup(slots: Float64Array, balance: number, rate: number, remainingTerm: number, age: number): void {
  slots[0] = (slots[0] ?? 0) + 1;
  addCompensated(slots, 1, balance);
  addCompensated(slots, 3, rate * balance);
  addCompensated(slots, 5, remainingTerm * balance);
  addCompensated(slots, 7, age * balance);
}

export function groupSumsOf(slots: Float64Array): GroupSums {
  return {
    count: slots[0] ?? 0,
    balance: compensatedSum(slots, 1),
    rateBalance: compensatedSum(slots, 3),
    remainingTermBalance: compensatedSum(slots, 5),
    ageBalance: compensatedSum(slots, 7),
  };
}
