import { ROLL_STATES, type RollState } from '../curves/roll-rates.ts';
import { assert } from '../errors.ts';
import { AMORTIZATION_TYPES, type AmortizationType } from '../schedule/amortization.ts';

/**
 * A loan pool as struct-of-arrays: index i of every array is loan i. Typed arrays keep a million
 * loans in about 60 MB and let the projection read them without allocating (data/ fills them from
 * the `loans` table of migration 002: current_principal, original_principal, rate_annual, …).
 * Amounts in yuan (float64), rates annual decimals, terms and ages in months.
 */
export interface LoanArrays {
  /** Unpaid principal at cutoff, INCLUDING overdue principal (as the tape's 剩余本金 is). */
  readonly currentPrincipal: Float64Array;
  /** Principal at origination: the fee base of a flat-fee (等本等息) loan. */
  readonly originalPrincipal: Float64Array;
  /** Contract rate (APR), annual decimal. */
  readonly rateAnnual: Float64Array;
  readonly originalTerm: Uint16Array;
  /** Installments not yet due at cutoff; 0 (matured) is read as 1: the not-yet-due principal falls due in month 1. */
  readonly remainingTerm: Uint16Array;
  /** Months since origination at cutoff: projection month t reads an age-based curve at age + t. */
  readonly ageMonths: Uint16Array;
  /** Index into AMORTIZATION_TYPES (amortizationCode). */
  readonly amortization: Uint8Array;
  /** Index into ROLL_STATES at cutoff (delinquencyStateFromDaysPastDue). */
  readonly delinquency: Uint8Array;
  /** Principal of installments due and unpaid at cutoff (part of currentPrincipal). */
  readonly overduePrincipal: Float64Array;
  /** Interest (or flat fee) of installments due and unpaid at cutoff; no penalty interest. */
  readonly overdueInterest: Float64Array;
  /** Index into the assumption set's segments; loans of a segment with no override use the pool assumptions. */
  readonly segment: Uint8Array;
  /**
   * Restructured (the tape's 是否重组): 1 or 0 for a loan; for a representative line, the share of
   * its balance that is restructured. A penalty waiver for restructured loans (penaltyWaiver)
   * scales the line's penalty rate by 1 − this share.
   */
  readonly restructured: Float64Array;
}

/** One entry per field of LoanArrays: a Record, so a field added to the interface and not here fails to compile. */
const LOAN_FIELD_SET: Readonly<Record<keyof LoanArrays, true>> = {
  currentPrincipal: true,
  originalPrincipal: true,
  rateAnnual: true,
  originalTerm: true,
  remainingTerm: true,
  ageMonths: true,
  amortization: true,
  delinquency: true,
  overduePrincipal: true,
  overdueInterest: true,
  segment: true,
  restructured: true,
};

/** Every field of LoanArrays, named once (checks and copies loop over it instead of Object.keys/entries per call). */
export const LOAN_FIELDS = Object.keys(LOAN_FIELD_SET) as readonly (keyof LoanArrays)[];

/**
 * Zero-filled arrays for `count` loans (every loan current, level payment, segment 0). `memory`
 * 'shared': each array on a SharedArrayBuffer, so a pool read for a projection on several threads
 * reaches them without a copy (the loader fills the arrays the threads read).
 */
export function allocateLoanArrays(count: number, memory: 'own' | 'shared' = 'own'): LoanArrays {
  const f64 = (): Float64Array => (memory === 'shared' ? new Float64Array(new SharedArrayBuffer(count * 8)) : new Float64Array(count));
  const u16 = (): Uint16Array => (memory === 'shared' ? new Uint16Array(new SharedArrayBuffer(count * 2)) : new Uint16Array(count));
  const u8 = (): Uint8Array => (memory === 'shared' ? new Uint8Array(new SharedArrayBuffer(count)) : new Uint8Array(count));
  return {
    currentPrincipal: f64(),
    originalPrincipal: f64(),
    rateAnnual: f64(),
    originalTerm: u16(),
    remainingTerm: u16(),
    ageMonths: u16(),
    amortization: u8(),
    delinquency: u8(),
    overduePrincipal: f64(),
    overdueInterest: f64(),
    segment: u8(),
    restructured: f64(),
  };
}

/** The loans at `indices`, in that order, as their own arrays (a segment's loans, one purchase line). */
export function selectLoans(loans: LoanArrays, indices: readonly number[]): LoanArrays {
  const out = allocateLoanArrays(indices.length);
  for (const key of LOAN_FIELDS) {
    const from = loans[key];
    const to = out[key];
    indices.forEach((i, k) => {
      to[k] = from[i] ?? 0;
    });
  }
  return out;
}

export function loanCount(loans: LoanArrays): number {
  return loans.currentPrincipal.length;
}

/** Code of an amortization type in LoanArrays.amortization: its index in AMORTIZATION_TYPES. */
export function amortizationCode(type: AmortizationType): number {
  const code = AMORTIZATION_TYPES.indexOf(type);
  assert(code >= 0, 'UNKNOWN_AMORTIZATION', { value: type });
  return code;
}

export const LEVEL_PAYMENT_CODE = AMORTIZATION_TYPES.indexOf('level_payment');
export const EQUAL_PRINCIPAL_CODE = AMORTIZATION_TYPES.indexOf('equal_principal');
export const FLAT_FEE_CODE = AMORTIZATION_TYPES.indexOf('flat_fee');

/** Code of a delinquency state in LoanArrays.delinquency: its index in ROLL_STATES. */
export function delinquencyCode(state: RollState): number {
  return ROLL_STATES.indexOf(state);
}

/**
 * The roll-rate state of a loan from its days past due at cutoff: 0 current, 1–30, 31–60, 61–90,
 * 91–120, 121–150, 151–180, and over 180 CHARGED OFF. A loan more than 180 days late is past every
 * write-off policy the roll-rate model allows (buildTransitionMatrix charges off from 151–180 at the latest), so it
 * is taken as charged off at cutoff: its whole principal is a gross default of projection month 1
 * (so it counts in the cutoff balance, the cumulative default rate and the recoveries), and it
 * pays nothing. A deal that excludes such loans from the pool should drop them before projecting.
 */
export function delinquencyStateFromDaysPastDue(daysPastDue: number): RollState {
  if (daysPastDue <= 0) return 'current';
  if (daysPastDue <= 30) return 'dpd1_30';
  if (daysPastDue <= 60) return 'dpd31_60';
  if (daysPastDue <= 90) return 'dpd61_90';
  if (daysPastDue <= 120) return 'dpd91_120';
  if (daysPastDue <= 150) return 'dpd121_150';
  if (daysPastDue <= 180) return 'dpd151_180';
  return 'chargedOff';
}

/**
 * One pass over the arrays before projecting: equal lengths, amounts finite and ≥ 0, rates in
 * [0, 1], known codes, overdue principal ≤ current principal. Names the first bad loan.
 */
export function validateLoanArrays(loans: LoanArrays): void {
  const count = loanCount(loans);
  // The fields by name, not Object.entries: a deal run checks some forty cohorts' arrays, and the
  // entries' pairs were a few percent of a grid cell's allocation.
  for (const field of LOAN_FIELDS) {
    const array = loans[field];
    assert(array.length === count, 'LOAN_ARRAYS', { field, length: array.length, loans: count });
  }
  const { currentPrincipal, originalPrincipal, rateAnnual, amortization, delinquency, overduePrincipal, overdueInterest } = loans;
  for (let i = 0; i < count; i++) {
    const balance = currentPrincipal[i] ?? Number.NaN;
    const overdue = overduePrincipal[i] ?? Number.NaN;
    const overdueInt = overdueInterest[i] ?? Number.NaN;
    const original = originalPrincipal[i] ?? Number.NaN;
    const rate = rateAnnual[i] ?? Number.NaN;
    if (!(balance >= 0 && balance < Infinity)) assert(false, 'INVALID_AMOUNT', { loan: i, field: 'currentPrincipal', value: balance });
    if (!(original >= 0 && original < Infinity)) assert(false, 'INVALID_AMOUNT', { loan: i, field: 'originalPrincipal', value: original });
    if (!(overdue >= 0 && overdue < Infinity)) assert(false, 'INVALID_AMOUNT', { loan: i, field: 'overduePrincipal', value: overdue });
    if (!(overdueInt >= 0 && overdueInt < Infinity)) assert(false, 'INVALID_AMOUNT', { loan: i, field: 'overdueInterest', value: overdueInt });
    if (!(rate >= 0 && rate <= 1)) assert(false, 'INVALID_RATE', { loan: i, field: 'rateAnnual', value: rate });
    if (overdue > balance) assert(false, 'OVERDUE_EXCEEDS_BALANCE', { loan: i, overduePrincipal: overdue, currentPrincipal: balance });
    if ((amortization[i] ?? 255) >= AMORTIZATION_TYPES.length) assert(false, 'LOAN_CODE', { loan: i, field: 'amortization', value: amortization[i] });
    if (amortization[i] === FLAT_FEE_CODE && !((loans.originalTerm[i] ?? 0) >= 1)) assert(false, 'INVALID_TERM', { loan: i, field: 'originalTerm', value: loans.originalTerm[i] });
    if ((delinquency[i] ?? 255) >= ROLL_STATES.length) assert(false, 'LOAN_CODE', { loan: i, field: 'delinquency', value: delinquency[i] });
    const share = loans.restructured[i] ?? Number.NaN;
    if (!(share >= 0 && share <= 1)) assert(false, 'INVALID_RATE', { loan: i, field: 'restructured', value: share });
  }
}
