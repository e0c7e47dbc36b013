import type { CanonicalField } from '../fields.ts';
import type { LoanIdIndex } from '../id-index.ts';
import { dailyToAnnualRate } from '../values/index.ts';
import type { LoanFields } from './fields.ts';
import type { RowReading } from './reading.ts';
import { TAPE_ROW_MESSAGES } from './messages.ts';

const say = TAPE_ROW_MESSAGES.say;

/**
 * The rules a row must keep beyond each cell's own format: a unique loan id, one interest rate,
 * figures in range, and figures that agree with each other and with the cutoff date. Each rule
 * adds its problem to the row; the order of the checks is the order the report lists them in.
 */

/** Tolerance for comparing amounts given to the cent: half a fen. */
const MONEY_EPSILON = 0.005;
/** An annual rate and a daily rate × 365 given for the same loan must agree within 0.5%. */
const RATE_AGREEMENT = 0.005;

function formatPct(x: number): string {
  return `${(x * 100).toFixed(2)}%`;
}

/** The loan id is required and unique in the tape ('duplicate' names the row it was first seen on). */
export function checkLoanId(r: RowReading, loanId: string, seen: LoanIdIndex): void {
  if (loanId === '') {
    r.problem('loanId', null, 'required', say('loanIdMissing'));
    return;
  }
  const first = seen.firstRowOf(loanId, r.rowNo);
  if (first !== 0) r.problem('loanId', loanId, 'duplicate', say('duplicateLoanId', { firstRow: first }));
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
      r.problem('rateDaily', r.text('rateDaily'), 'rate_mismatch', say('rateMismatch', { fromDaily: formatPct(fromDaily), annual: formatPct(annual) }));
    }
    return annual;
  }
  if (annual === null) {
    const field: CanonicalField = !r.has('rateAnnual') && r.has('rateDaily') ? 'rateDaily' : 'rateAnnual';
    const mapped = r.has(field);
    const alreadyFormat = r.problems?.some((p) => p.field === 'rateAnnual' || p.field === 'rateDaily') ?? false;
    if (!alreadyFormat) r.problem(field, mapped ? '' : null, 'required', mapped ? say('rateRequired') : say('noRateColumn'));
  }
  return annual;
}

function range(r: RowReading, field: CanonicalField, value: number | null, ok: boolean, why: 'notPositive' | 'negative' | 'termBelowOne'): void {
  if (value !== null && !ok) r.problem(field, r.text(field), 'range', why === 'termBelowOne' ? say(why) : say(why, { whatField: field }));
}

/** Amounts, terms and counts in their ranges ('range'). */
export function checkRanges(r: RowReading, loan: LoanFields): void {
  const { originalPrincipal, currentPrincipal, originalTerm, remainingTerm, daysPastDue, overduePrincipal, overdueInterest, creditScore } = loan;
  range(r, 'originalPrincipal', originalPrincipal, originalPrincipal === null || originalPrincipal > 0, 'notPositive');
  range(r, 'currentPrincipal', currentPrincipal, currentPrincipal === null || currentPrincipal >= 0, 'negative');
  range(r, 'originalTerm', originalTerm, originalTerm === null || originalTerm >= 1, 'termBelowOne');
  range(r, 'remainingTerm', remainingTerm, remainingTerm === null || remainingTerm >= 0, 'negative');
  range(r, 'daysPastDue', daysPastDue, daysPastDue >= 0, 'negative');
  range(r, 'overduePrincipal', overduePrincipal, overduePrincipal >= 0, 'negative');
  range(r, 'overdueInterest', overdueInterest, overdueInterest >= 0, 'negative');
  range(r, 'creditScore', creditScore, creditScore === null || creditScore >= 0, 'negative');
}

/**
 * Figures that must agree: the balance within the original principal unless restructured, the
 * remaining term within the original term, the overdue principal within the balance, an
 * origination on or before the cutoff date, and a maturity after the origination.
 */
export function checkAgreement(r: RowReading, loan: LoanFields, cutoffDate: string): void {
  const { originalPrincipal, currentPrincipal, originalTerm, remainingTerm, overduePrincipal, originationDate, maturityDate } = loan;
  if (originalPrincipal !== null && currentPrincipal !== null && !loan.restructured && currentPrincipal > originalPrincipal + MONEY_EPSILON) {
    r.problem('currentPrincipal', r.text('currentPrincipal'), 'current_exceeds_original', say('currentExceedsOriginal', { currentAmount: currentPrincipal, originalAmount: originalPrincipal }));
  }
  if (remainingTerm !== null && originalTerm !== null && remainingTerm > originalTerm) {
    r.problem('remainingTerm', r.text('remainingTerm'), 'remaining_exceeds_term', say('remainingExceedsTerm', { remaining: remainingTerm, original: originalTerm }));
  }
  if (currentPrincipal !== null && currentPrincipal >= 0 && overduePrincipal > currentPrincipal + MONEY_EPSILON) {
    r.problem('overduePrincipal', r.text('overduePrincipal'), 'overdue_exceeds_balance', say('overdueExceedsBalance', { overdueAmount: overduePrincipal, currentAmount: currentPrincipal }));
  }
  if (originationDate !== null && originationDate > cutoffDate) {
    r.problem('originationDate', r.text('originationDate'), 'after_cutoff', say('afterCutoff', { cutoffDate }));
  }
  if (originationDate !== null && maturityDate !== null && maturityDate <= originationDate) {
    r.problem('maturityDate', r.text('maturityDate'), 'date_order', say('maturityNotAfterOrigination', { originationDate }));
  }
}
