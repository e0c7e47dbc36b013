import type { CanonicalField } from '../fields.ts';
import type { LoanIdIndex } from '../id-index.ts';
import { dailyToAnnualRate } from '../values/index.ts';
import type { LoanFields } from './fields.ts';
import type { RowReading } from './reading.ts';

/**
 * The rules a row must keep beyond each cell's own format: a unique loan id, one interest rate,
 * figures in range, and figures that agree with each other and with the cutoff date. Each rule
 * adds its problem to the row; the order of the checks is the order the report lists them in.
 */

/** Tolerance for comparing amounts given to the cent: half a fen. */
const MONEY_EPSILON = 0.005;
/** An annual rate and a daily rate × 365 given for the same loan must agree within 0.5%. */
const RATE_AGREEMENT = 0.005;

export function formatAmount(x: number): string {
  return x.toLocaleString('en-US', { maximumFractionDigits: 2 });
}

function formatPct(x: number): string {
  return `${(x * 100).toFixed(2)}%`;
}

/** The loan id is required and unique in the tape ('duplicate' names the row it was first seen on). */
export function checkLoanId(r: RowReading, loanId: string, seen: LoanIdIndex): void {
  if (loanId === '') {
    r.problem('loanId', null, 'required', 'loan id is missing');
    return;
  }
  const first = seen.firstRowOf(loanId, r.rowNo);
  if (first !== 0) r.problem('loanId', loanId, 'duplicate', `duplicate loan id, first seen on row ${first}`);
}

/**
 * The loan's annual rate: the annual rate, or the daily rate × 365 (ACT/365, as Chinese consumer
 * loans accrue); when both are given they must agree ('rate_mismatch'). One of them is required,
 * unless a rate cell is already reported as badly written.
 */
export function resolveRate(r: RowReading, loan: LoanFields): number | null {
  const annual = loan.rateAnnual;
  const daily = loan.rateDaily;
  if (daily !== null) {
    const fromDaily = dailyToAnnualRate(daily);
    if (annual === null) return fromDaily;
    if (Math.abs(annual - fromDaily) > RATE_AGREEMENT) {
      r.problem('rateDaily', r.text('rateDaily'), 'rate_mismatch', `daily rate × 365 = ${formatPct(fromDaily)} disagrees with the annual rate ${formatPct(annual)}`);
    }
    return annual;
  }
  if (annual === null) {
    const field: CanonicalField = !r.has('rateAnnual') && r.has('rateDaily') ? 'rateDaily' : 'rateAnnual';
    const mapped = r.has(field);
    const alreadyFormat = r.problems?.some((p) => p.field === 'rateAnnual' || p.field === 'rateDaily') ?? false;
    if (!alreadyFormat) r.problem(field, mapped ? '' : null, 'required', mapped ? 'an interest rate (annual or daily) is required' : 'no rate column is mapped (annual or daily)');
  }
  return annual;
}

function range(r: RowReading, field: CanonicalField, value: number | null, ok: boolean, why: string): void {
  if (value !== null && !ok) r.problem(field, r.text(field), 'range', why);
}

/** Amounts, terms and counts in their ranges ('range'). */
export function checkRanges(r: RowReading, loan: LoanFields): void {
  const { originalPrincipal, currentPrincipal, originalTerm, remainingTerm, daysPastDue, overduePrincipal, overdueInterest, creditScore } = loan;
  range(r, 'originalPrincipal', originalPrincipal, originalPrincipal === null || originalPrincipal > 0, 'original principal must be greater than 0');
  range(r, 'currentPrincipal', currentPrincipal, currentPrincipal === null || currentPrincipal >= 0, 'current principal must not be negative');
  range(r, 'originalTerm', originalTerm, originalTerm === null || originalTerm >= 1, 'original term must be at least 1 payment');
  range(r, 'remainingTerm', remainingTerm, remainingTerm === null || remainingTerm >= 0, 'remaining term must not be negative');
  range(r, 'daysPastDue', daysPastDue, daysPastDue >= 0, 'days past due must not be negative');
  range(r, 'overduePrincipal', overduePrincipal, overduePrincipal >= 0, 'overdue principal must not be negative');
  range(r, 'overdueInterest', overdueInterest, overdueInterest >= 0, 'overdue interest must not be negative');
  range(r, 'creditScore', creditScore, creditScore === null || creditScore >= 0, 'credit score must not be negative');
}

/**
 * Figures that must agree: the balance within the original principal unless restructured, the
 * remaining term within the original term, the overdue principal within the balance, an
 * origination on or before the cutoff date, and a maturity after the origination.
 */
export function checkAgreement(r: RowReading, loan: LoanFields, cutoffDate: string): void {
  const { originalPrincipal, currentPrincipal, originalTerm, remainingTerm, overduePrincipal, originationDate, maturityDate } = loan;
  if (originalPrincipal !== null && currentPrincipal !== null && !loan.restructured && currentPrincipal > originalPrincipal + MONEY_EPSILON) {
    r.problem(
      'currentPrincipal',
      r.text('currentPrincipal'),
      'current_exceeds_original',
      `current principal ${formatAmount(currentPrincipal)} exceeds original principal ${formatAmount(originalPrincipal)} and the loan is not flagged as restructured`,
    );
  }
  if (remainingTerm !== null && originalTerm !== null && remainingTerm > originalTerm) {
    r.problem('remainingTerm', r.text('remainingTerm'), 'remaining_exceeds_term', `remaining term ${remainingTerm} exceeds the original term ${originalTerm}`);
  }
  if (currentPrincipal !== null && currentPrincipal >= 0 && overduePrincipal > currentPrincipal + MONEY_EPSILON) {
    r.problem(
      'overduePrincipal',
      r.text('overduePrincipal'),
      'overdue_exceeds_balance',
      `overdue principal ${formatAmount(overduePrincipal)} exceeds the current principal ${formatAmount(currentPrincipal)}`,
    );
  }
  if (originationDate !== null && originationDate > cutoffDate) {
    r.problem('originationDate', r.text('originationDate'), 'after_cutoff', `originated after the cutoff date ${cutoffDate}`);
  }
  if (originationDate !== null && maturityDate !== null && maturityDate <= originationDate) {
    r.problem('maturityDate', r.text('maturityDate'), 'date_order', `maturity date is not after the origination date ${originationDate}`);
  }
}
