import type { CalendarDate } from '../dates.ts';
import { assert } from '../errors.ts';
import type { AccrualConvention, AmortizationType } from './amortization.ts';
import { accrualYearFractions } from './due-dates.ts';
import { accruedInterest, flatFee } from './interest.ts';
import { scheduledPrincipal } from './principal.ts';
import { monthlyRate } from './rates.ts';
import { servicingFee } from './servicing.ts';
import { assertAmortization, assertAmount, assertRate, assertSmmVector, assertTerm } from './validate.ts';

/** One loan, or a representative line of like loans, as of its next installment. */
export interface LoanTerms {
  readonly amortization: AmortizationType;
  /** Principal outstanding now. */
  readonly balance: number;
  /** Contract rate (APR), annual decimal. Not used by flat_fee, whose charge is the fee. */
  readonly rateAnnual: number;
  /** Installments left, months. */
  readonly remainingTerm: number;
  /** Interest accrual; default '30/360'. 'ACT/365' needs accrualStart and firstPaymentDate. */
  readonly accrual?: AccrualConvention;
  /** ACT/365: where interest starts accruing — disbursement, or the last paid due date. */
  readonly accrualStart?: CalendarDate;
  /** ACT/365: the next due date; later ones follow monthly, clamped to month end. */
  readonly firstPaymentDate?: CalendarDate;
  /** flat_fee: monthly flat rate on the original principal (月费率), decimal (0.006 = 0.6%). */
  readonly flatRateMonthly?: number;
  /** flat_fee: the fee base, principal at origination; default `balance` (a new loan). */
  readonly originalPrincipal?: number;
  /** Servicing strip, annual decimal; default 0. Fee = strip × beginning balance × year fraction. */
  readonly servicingStripAnnual?: number;
}

/** Month-by-month columns, index 0 = the next installment. Float64, unrounded. */
export interface LoanSchedule {
  readonly months: number;
  readonly yearFraction: Float64Array;
  readonly beginningBalance: Float64Array;
  /** Scheduled installment: interest (or flat fee) + scheduled principal. */
  readonly payment: Float64Array;
  /** Interest accrued at the contract rate; for flat_fee, the fee. */
  readonly interest: Float64Array;
  readonly servicingFee: Float64Array;
  /** Interest less servicing fee: what an investor in the loan receives. */
  readonly netInterest: Float64Array;
  readonly scheduledPrincipal: Float64Array;
  readonly prepayment: Float64Array;
  readonly endingBalance: Float64Array;
}

/**
 * The loan's schedule to maturity, optionally with prepayments at a monthly rate `smm[t]`.
 *
 * Conventions, each month t on the beginning balance B and remaining term n:
 * - interest = B × APR × year fraction (30/360: APR/12; ACT/365: actual days/365 between due dates);
 *   flat_fee: fee = original principal × flat rate × survival, survival = Π(1 − SMM) of earlier
 *   months (prepaid loans stop paying the fee; unprepaid, the fee is the same every month);
 * - scheduled principal re-amortized on B and n (see principal.ts), the last month repays B;
 * - prepayment = SMM × (B − scheduled principal), scheduled principal first (Fabozzi's convention);
 * - ending balance = B − scheduled principal − prepayment, never negative.
 */
export function loanSchedule(terms: LoanTerms, smm?: Float64Array): LoanSchedule {
  const { amortization, balance, rateAnnual, remainingTerm: n } = terms;
  const accrual = terms.accrual ?? '30/360';
  const strip = terms.servicingStripAnnual ?? 0;
  assertAmortization(amortization);
  assertAmount(balance, 'balance');
  assertRate(rateAnnual, 'rateAnnual');
  assertTerm(n, 'remainingTerm');
  assertRate(strip, 'servicingStripAnnual');
  if (smm !== undefined) assertSmmVector(smm, n);
  const isFlatFee = amortization === 'flat_fee';
  const flatRate = terms.flatRateMonthly ?? Number.NaN;
  const originalPrincipal = terms.originalPrincipal ?? balance;
  if (isFlatFee) {
    assertRate(flatRate, 'flatRateMonthly');
    assertAmount(originalPrincipal, 'originalPrincipal');
    assert(originalPrincipal >= balance, 'INVALID_AMOUNT', { field: 'originalPrincipal', value: originalPrincipal, balance });
  }

  const yearFraction = accrualYearFractions(accrual, n, terms.accrualStart, terms.firstPaymentDate);
  const schedule: LoanSchedule = {
    months: n,
    yearFraction,
    beginningBalance: new Float64Array(n),
    payment: new Float64Array(n),
    interest: new Float64Array(n),
    servicingFee: new Float64Array(n),
    netInterest: new Float64Array(n),
    scheduledPrincipal: new Float64Array(n),
    prepayment: new Float64Array(n),
    endingBalance: new Float64Array(n),
  };

  const rateMonthly = monthlyRate(rateAnnual); // the installment formula's rate, on any accrual
  const fullFee = isFlatFee ? flatFee(originalPrincipal, flatRate) : 0;
  let outstanding = balance;
  let survival = 1;
  for (let t = 0; t < n; t++) {
    const yf = yearFraction[t] ?? 0;
    const interest = isFlatFee ? fullFee * survival : accruedInterest(outstanding, rateAnnual, yf);
    const principal = scheduledPrincipal(amortization, outstanding, rateMonthly, n - t, interest);
    const afterScheduled = outstanding - principal;
    const s = smm === undefined ? 0 : (smm[t] ?? 0);
    const prepaid = afterScheduled * s;
    const fee = servicingFee(outstanding, strip, yf);
    schedule.beginningBalance[t] = outstanding;
    schedule.interest[t] = interest;
    schedule.servicingFee[t] = fee;
    schedule.netInterest[t] = interest - fee;
    schedule.scheduledPrincipal[t] = principal;
    schedule.payment[t] = interest + principal;
    schedule.prepayment[t] = prepaid;
    outstanding = afterScheduled - prepaid; // s ≤ 1 ⇒ prepaid ≤ afterScheduled, so never below 0
    schedule.endingBalance[t] = outstanding;
    survival *= 1 - s;
  }
  return schedule;
}
