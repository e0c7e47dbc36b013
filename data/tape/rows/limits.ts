import { UserError } from '../../errors.ts';
import type { PlausibilityLimits } from '../types.ts';
import { parseDate } from '../values/index.ts';
import type { LoanFields } from './fields.ts';
import type { RowReading } from './reading.ts';
import { TAPE_ROW_MESSAGES } from './messages.ts';

const say = TAPE_ROW_MESSAGES.say;

/**
 * Plausibility limits (README, "Loan tapes"): figures no consumer or auto loan tape holds, which
 * are typing or export errors rather than loans — and which, accepted, would swamp every pool
 * total. Defaults, each overridable by the mapping saved for a tape source or the import's own
 * options (PlausibilityLimits):
 *  - 'amount_limit': original and current principal, overdue principal and overdue interest up to
 *    100,000,000,000 (1e11) per loan, in the tape's currency (`maxAmount`);
 *  - 'date_limit': origination and maturity dates, and the data date taken as the cutoff, from
 *    1900-01-01 to 2100-12-31 (`minDate`, `maxDate`; the date reader takes years up to 2200 for
 *    other uses);
 *  - 'score_limit': a credit score within the scale the tape states (`scoreMin`–`scoreMax`),
 *    0–1,000 when it states none (FICO's 300–850 fits within it);
 *  - 'range': an amount written "-0" is a sign error, not a zero.
 */
export interface Plausibility {
  readonly maxAmount: number;
  readonly minDate: string;
  readonly maxDate: string;
  readonly scoreMin: number;
  readonly scoreMax: number;
}

export const PLAUSIBLE: Plausibility = { maxAmount: 1e11, minDate: '1900-01-01', maxDate: '2100-12-31', scoreMin: 0, scoreMax: 1000 };

function bad(path: string, why: string, value: unknown): UserError {
  return new UserError('BAD_REQUEST', `Plausibility limits ${path}: ${why}`, { path, value });
}

/** An ISO calendar date, as the tape's own dates are compared (YYYY-MM-DD). */
function isoDate(text: string, path: string): string {
  const parsed = /^\d{4}-\d{2}-\d{2}$/.test(text) ? parseDate(text) : null;
  if (parsed === null || !parsed.ok || parsed.value !== text) throw bad(path, `"${text}" is not a calendar date written YYYY-MM-DD`, text);
  return text;
}

/**
 * The limits a tape is read with: the defaults with the given ones laid over, checked — each
 * error names its key (`limits.scoreMax`) and why, before any row is read.
 */
export function plausibilityOf(limits: PlausibilityLimits | undefined): Plausibility {
  const merged: Plausibility = { ...PLAUSIBLE, ...limits };
  const { maxAmount, scoreMin, scoreMax } = merged;
  if (!(Number.isFinite(maxAmount) && maxAmount > 0)) throw bad('limits.maxAmount', 'must be a positive amount per loan', maxAmount);
  const minDate = isoDate(merged.minDate, 'limits.minDate');
  const maxDate = isoDate(merged.maxDate, 'limits.maxDate');
  if (minDate >= maxDate) throw bad('limits.maxDate', `must be after limits.minDate (${minDate})`, maxDate);
  if (!(Number.isFinite(scoreMin) && scoreMin >= 0)) throw bad('limits.scoreMin', 'a credit score scale starts at 0 or above', scoreMin);
  if (!(Number.isFinite(scoreMax) && scoreMax > scoreMin)) throw bad('limits.scoreMax', `must be above limits.scoreMin (${scoreMin})`, scoreMax);
  return merged;
}

const AMOUNTS = ['originalPrincipal', 'currentPrincipal', 'overduePrincipal', 'overdueInterest'] as const;

/** Every figure within the plausibility limits ('amount_limit', 'date_limit', 'score_limit'; "-0" is 'range'). */
export function checkPlausible(r: RowReading, loan: LoanFields, limits: Plausibility = PLAUSIBLE): void {
  for (const field of AMOUNTS) {
    const value = loan[field];
    if (value === null) continue;
    if (Object.is(value, -0)) r.problem(field, r.text(field), 'range', say('minusSign', { whatField: field, text: r.text(field) }));
    else if (value > limits.maxAmount) r.problem(field, r.text(field), 'amount_limit', say('aboveAmountLimit', { whatField: field, valueAmount: value, limitAmount: limits.maxAmount }));
  }
  for (const field of ['originationDate', 'maturityDate'] as const) {
    const value = loan[field];
    if (value !== null && (value < limits.minDate || value > limits.maxDate)) {
      r.problem(field, r.text(field), 'date_limit', say('dateOutsideRange', { whatField: field, date: value, minDate: limits.minDate, maxDate: limits.maxDate }));
    }
  }
  const score = loan.creditScore;
  if (score !== null && (score < limits.scoreMin || score > limits.scoreMax)) {
    r.problem('creditScore', r.text('creditScore'), 'score_limit', say('scoreOutsideScale', { score, scoreMin: limits.scoreMin, scoreMax: limits.scoreMax }));
  }
}
