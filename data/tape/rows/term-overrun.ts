import type { LoanFields } from './fields.ts';

/**
 * Loans whose age plus remaining term exceeds their original term: more payments left than the
 * contract has time for. It is an extension or a restructuring, a wrong origination date or
 * term, or a tape error, and it moves the loan's amortisation and the pool's WAM and WALA; real
 * tapes carry extended loans, so the import keeps them as given and counts them in its report
 * (import/finish.ts), loans flagged restructured (是否重组) apart, where an extension is expected.
 *
 * Age is whole months from the origination date to the cutoff (rows.ts monthsBetween, as the
 * `loans` table stores it; a tape has no age column of its own). Only loans paying monthly are
 * checked, since a term counts payments and only a monthly payment is a month; only loans whose
 * remaining term the tape gives and is above 0 (a derived one is original − age by construction,
 * and a loan with none left is past its term, the matured-before-cutoff note's subject).
 */

/**
 * A month of slack: whether the payment due on the cutoff day itself is still counted as
 * remaining is the originator's convention, and either way age + remaining is one month over.
 */
export const TERM_OVERRUN_SLACK_MONTHS = 1;

/** Rows of each kind the report names with their figures. */
export const TERM_OVERRUN_ROWS_SHOWN = 5;

export interface TermOverrunRow {
  readonly row: number;
  readonly ageMonths: number;
  readonly remainingTerm: number;
  readonly originalTerm: number;
}

/** How many loans of a kind overrun, and the first of them (at most TERM_OVERRUN_ROWS_SHOWN). */
export interface TermOverrunCount {
  loans: number;
  readonly first: TermOverrunRow[];
}

export interface TermOverruns {
  /** Not flagged restructured: unexpected, to check. */
  readonly unflagged: TermOverrunCount;
  /** Flagged restructured: expected of an extension. */
  readonly restructured: TermOverrunCount;
}

export function noTermOverruns(): TermOverruns {
  return { unflagged: { loans: 0, first: [] }, restructured: { loans: 0, first: [] } };
}

/** Counts a valid row's loan in `into` when its age plus its given remaining term exceeds its original term (beyond the slack). */
export function countTermOverrun(into: TermOverruns, rowNo: number, loan: LoanFields, ageMonths: number): void {
  const { remainingTerm, originalTerm } = loan;
  if (loan.paymentFrequency !== 'monthly' || remainingTerm === null || remainingTerm <= 0 || originalTerm === null) return;
  if (ageMonths + remainingTerm <= originalTerm + TERM_OVERRUN_SLACK_MONTHS) return;
  const count = loan.restructured ? into.restructured : into.unflagged;
  count.loans++;
  if (count.first.length < TERM_OVERRUN_ROWS_SHOWN) count.first.push({ row: rowNo, ageMonths, remainingTerm, originalTerm });
}

/** The first rows with their figures, as the report's note shows them in either language: `3 (6 + 3 > 3), 7 (…)`, then `…` when there are more. */
export function termOverrunRowsText(count: TermOverrunCount): string {
  const rows = count.first.map((r) => `${r.row} (${r.ageMonths} + ${r.remainingTerm} > ${r.originalTerm})`).join(', ');
  return count.loans > count.first.length ? `${rows}, …` : rows;
}
