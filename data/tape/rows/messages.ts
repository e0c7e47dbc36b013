import { messageTable, type CodedMessage } from '../../../engine/messages.ts';

/** The figures a range or limit message names, in the report's English. */
const NAMES: Readonly<Record<string, string>> = {
  originalPrincipal: 'original principal',
  currentPrincipal: 'current principal',
  remainingTerm: 'remaining term',
  daysPastDue: 'days past due',
  overduePrincipal: 'overdue principal',
  overdueInterest: 'overdue interest',
  creditScore: 'credit score',
  originationDate: 'origination date',
  maturityDate: 'maturity date',
};

const nameOf = (field: string): string => NAMES[field] ?? field;

function amount(x: number): string {
  return x.toLocaleString('en-US', { maximumFractionDigits: 2 });
}

/**
 * Why a row of a tape was rejected, by code (engine/messages.ts): the "why" after the row, column
 * and value (rows/reading.ts puts them in front). `…Field` params are canonical tape fields, which
 * screens name by their labels; `…Amount` params are money; a `reason` is a value reader's own
 * English (which part of a date or a number it could not read).
 */
export const TAPE_ROW_MESSAGES = messageTable('tapeRow', {
  unreadable: (p: { reason: CodedMessage }) => p.reason.message,
  outOfRange: (p: { reason: CodedMessage }) => p.reason.message,
  requiredValueMissing: () => 'required value is missing',
  requiredColumnNotMapped: () => 'required column is not mapped',
  loanIdMissing: () => 'loan id is missing',
  valueWithoutHeading: (p: { column: number; lastColumn: number }) =>
    `it is in column ${p.column}, right of the header's last column (${p.lastColumn}): a value without a heading cannot be imported — an unquoted delimiter in an earlier field shifts the row's values right; quote that field, or give the column a heading`,
  duplicateLoanId: (p: { firstRow: number }) => `duplicate loan id, first seen on row ${p.firstRow}`,
  rateMismatch: (p: { fromDaily: string; annual: string }) => `daily rate × 365 = ${p.fromDaily} disagrees with the annual rate ${p.annual}`,
  rateRequired: () => 'an interest rate (annual or daily) is required',
  noRateColumn: () => 'no rate column is mapped (annual or daily)',
  notPositive: (p: { whatField: string }) => `${nameOf(p.whatField)} must be greater than 0`,
  negative: (p: { whatField: string }) => `${nameOf(p.whatField)} must not be negative`,
  termBelowOne: () => 'original term must be at least 1 payment',
  currentExceedsOriginal: (p: { currentAmount: number; originalAmount: number }) =>
    `current principal ${amount(p.currentAmount)} exceeds original principal ${amount(p.originalAmount)} and the loan is not flagged as restructured`,
  remainingExceedsTerm: (p: { remaining: number; original: number }) => `remaining term ${p.remaining} exceeds the original term ${p.original}`,
  overdueExceedsBalance: (p: { overdueAmount: number; currentAmount: number }) => `overdue principal ${amount(p.overdueAmount)} exceeds the current principal ${amount(p.currentAmount)}`,
  afterCutoff: (p: { cutoffDate: string }) => `originated after the cutoff date ${p.cutoffDate}`,
  dataDateDiffers: (p: { date: string; dataDate: string; firstRow: number }) =>
    `data date ${p.date} differs from the tape's ${p.dataDate} (row ${p.firstRow}): a tape is one snapshot — import each data date as its own tape`,
  maturityNotAfterOrigination: (p: { originationDate: string }) => `maturity date is not after the origination date ${p.originationDate}`,
  minusSign: (p: { whatField: string; text: string }) => `${nameOf(p.whatField)} is written with a minus sign ("${p.text}"): a sign error, not a zero`,
  aboveAmountLimit: (p: { whatField: string; valueAmount: number; limitAmount: number }) =>
    `${nameOf(p.whatField)} ${amount(p.valueAmount)} is above the plausible limit of ${amount(p.limitAmount)} per loan`,
  dateOutsideRange: (p: { whatField: string; date: string; minDate: string; maxDate: string }) => `${nameOf(p.whatField)} ${p.date} is outside the plausible range ${p.minDate} to ${p.maxDate}`,
  scoreOutsideScale: (p: { score: number; scoreMin: number; scoreMax: number }) => `credit score ${amount(p.score)} is outside the scale ${amount(p.scoreMin)} to ${amount(p.scoreMax)}`,
});
