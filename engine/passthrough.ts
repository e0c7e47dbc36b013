import { assert } from './errors.ts';
import { accruedInterest } from './schedule/interest.ts';
import { levelPayment } from './schedule/level-payment.ts';
import { levelPaymentPrincipal } from './schedule/principal.ts';
import { monthlyRate } from './schedule/rates.ts';
import { servicingFee } from './schedule/servicing.ts';
import { assertAmount, assertRate, assertSmmVector, assertTerm } from './schedule/validate.ts';

/** A level-payment fixed-rate pool as one representative line (agency pass-through style). */
export interface PassThroughLine {
  /** Pool principal outstanding now. */
  readonly balance: number;
  /** Gross WAC, annual decimal, 30/360 (monthly rate = WAC / 12). */
  readonly grossRate: number;
  /** Pass-through (net) coupon, annual decimal ≤ grossRate; the difference is the servicing strip. */
  readonly netRate: number;
  /** WAM, months. */
  readonly remainingTerm: number;
  /** WALA, months. The projection does not read it: month t's loan age is ageMonths + t (see loanAgeInMonth), the age to read a PSA curve at. */
  readonly ageMonths: number;
}

export interface PassThroughOptions {
  /** Months to project, 1..remainingTerm; default the whole remaining term. */
  readonly months?: number;
}

/** Month-by-month columns, index 0 = projection month 1. Float64, unrounded: round for display only. */
export interface PassThroughCashFlows {
  readonly months: number;
  readonly beginningBalance: Float64Array;
  /** The SMM applied each month (a copy of the input). */
  readonly smm: Float64Array;
  /** Borrowers' scheduled payment: the level installment re-amortized on this month's balance and term. */
  readonly mortgagePayment: Float64Array;
  /** Beginning balance × WAC / 12. */
  readonly grossInterest: Float64Array;
  /** Beginning balance × net rate / 12: the interest passed through. */
  readonly netInterest: Float64Array;
  /** Beginning balance × (WAC − net rate) / 12. */
  readonly servicingFee: Float64Array;
  /** Mortgage payment − gross interest. */
  readonly scheduledPrincipal: Float64Array;
  /** SMM × (beginning balance − scheduled principal). */
  readonly prepayment: Float64Array;
  readonly totalPrincipal: Float64Array;
  /** To investors: net interest + total principal. */
  readonly cashFlow: Float64Array;
  readonly endingBalance: Float64Array;
}

/** Loan age in projection month `month` (1-based): seasoning plus months elapsed. */
export function loanAgeInMonth(ageMonths: number, month: number): number {
  return ageMonths + month;
}

/**
 * Projects a level-payment fixed-rate pass-through month by month under an SMM vector
 * (`smm[t]` = single monthly mortality of projection month t + 1; the caller builds it, e.g. from PSA).
 *
 * Convention (Fabozzi, The Handbook of Mortgage-Backed Securities; SIFMA Standard Formulas), each month:
 *   payment    = levelPayment(B, WAC/12, n)     re-amortized on the current balance B and remaining term n,
 *                                              so prepayments lower the next payment
 *   gross int. = B × WAC/12;  net int. = B × net/12;  servicing = B × (WAC − net)/12
 *   sched. principal = payment − gross interest  (the last month: all of B)
 *   prepayment = SMM × (B − scheduled principal)  scheduled principal first, then prepayment
 *   cash flow  = net interest + scheduled principal + prepayment
 * Reproduces the published principal of Fabozzi's $400 million 7.5% / WAC 8.125% / WAM 357
 * pass-through to the cent at 90 and 300 PSA, and Berliner, Fabozzi & Bhattacharya's 100 PSA table
 * of a 5.5% / WAC 6.0% / WAM 358 pool column by column to the dollar (test/engine/passthrough.test.ts).
 */
export function projectPassThrough(line: PassThroughLine, smm: Float64Array, options: PassThroughOptions = {}): PassThroughCashFlows {
  const { balance, grossRate, netRate, remainingTerm } = line;
  assertAmount(balance, 'balance');
  assertRate(grossRate, 'grossRate');
  assertRate(netRate, 'netRate');
  assert(netRate <= grossRate, 'INVALID_RATE', { field: 'netRate', value: netRate, grossRate });
  assertTerm(remainingTerm, 'remainingTerm');
  assert(Number.isInteger(line.ageMonths) && line.ageMonths >= 0, 'INVALID_TERM', { field: 'ageMonths', value: line.ageMonths });
  const months = options.months ?? remainingTerm;
  assertTerm(months, 'months');
  assert(months <= remainingTerm, 'INVALID_TERM', { field: 'months', value: months, remainingTerm });
  assertSmmVector(smm, months);

  const out: PassThroughCashFlows = {
    months,
    beginningBalance: new Float64Array(months),
    smm: smm.slice(0, months),
    mortgagePayment: new Float64Array(months),
    grossInterest: new Float64Array(months),
    netInterest: new Float64Array(months),
    servicingFee: new Float64Array(months),
    scheduledPrincipal: new Float64Array(months),
    prepayment: new Float64Array(months),
    totalPrincipal: new Float64Array(months),
    cashFlow: new Float64Array(months),
    endingBalance: new Float64Array(months),
  };

  const rateMonthly = monthlyRate(grossRate);
  const strip = grossRate - netRate;
  let outstanding = balance;
  for (let t = 0; t < months; t++) {
    const remaining = remainingTerm - t;
    const grossInterest = accruedInterest(outstanding, grossRate, 1 / 12);
    const netInterest = accruedInterest(outstanding, netRate, 1 / 12);
    const payment = levelPayment(outstanding, rateMonthly, remaining);
    const scheduled = levelPaymentPrincipal(outstanding, remaining, payment, grossInterest);
    const afterScheduled = outstanding - scheduled;
    const prepaid = afterScheduled * (smm[t] ?? 0);
    const principal = scheduled + prepaid;
    out.beginningBalance[t] = outstanding;
    out.mortgagePayment[t] = payment;
    out.grossInterest[t] = grossInterest;
    out.netInterest[t] = netInterest;
    out.servicingFee[t] = servicingFee(outstanding, strip);
    out.scheduledPrincipal[t] = scheduled;
    out.prepayment[t] = prepaid;
    out.totalPrincipal[t] = principal;
    out.cashFlow[t] = netInterest + principal;
    outstanding = afterScheduled - prepaid; // SMM ≤ 1 ⇒ never below 0
    out.endingBalance[t] = outstanding;
  }
  return out;
}
