import { FIELD_BY_NAME, type CanonicalField } from './fields.ts';
import { LoanIdIndex } from './id-index.ts';
import { checkAgreement, checkLoanId, checkRanges, resolveRate } from './rows/checks.ts';
import { DEFAULT_ROW_DEFAULTS, readLoanFields, unitReaders, type LoanFields, type RowDefaults } from './rows/fields.ts';
import type { HeaderUnit } from './headers.ts';
import { countRateReading, noRateReadings, type RateReadings } from './rows/rate-readings.ts';
import { checkPlausible, PLAUSIBLE, type Plausibility } from './rows/limits.ts';
import { RowReading, type Bound } from './rows/reading.ts';
import { countTermOverrun, noTermOverruns, type TermOverruns } from './rows/term-overrun.ts';
import { LOAN_COLUMNS } from './loan-columns.ts';
import type { RowProblem } from './types.ts';
import { parseTapeDate } from './values/index.ts';
import { TAPE_ROW_MESSAGES } from './rows/messages.ts';

export { DEFAULT_ROW_DEFAULTS, type RowDefaults };

/**
 * One source row → one `loans` row, or the list of everything wrong with it. Every problem
 * names the row (the line or Excel row the analyst sees), the column as the tape spells it,
 * the value, the rule and why.
 */

/** Which column of the source feeds which canonical field (null: kept as an extra attribute). */
export type ColumnMapping = ReadonlyArray<CanonicalField | null>;

export { LOAN_COLUMNS };

export type LoanParams = Array<string | number | null>;

/** null: the row is valid and its values were appended to `out`; else everything wrong with it. */
export type RowOutcome = RowProblem[] | null;

export interface RowNormalizer {
  /** Validates a row; a valid row's LOAN_COLUMNS values (without tape_id) are pushed onto `out`. */
  normalize(fields: readonly string[], rowNo: number, out: LoanParams): RowOutcome;
  /** Valid rows so far whose maturity date is before the cutoff date (imported, and flagged in the report). */
  readonly maturedBeforeCutoff: number;
  /** Valid rows so far whose age plus remaining term exceeds their original term (imported, and flagged in the report). */
  readonly termOverruns: TermOverruns;
  /** How valid rows' bare rates were read, when the rate column's header states no unit (rows/rate-readings.ts). */
  readonly rateReadings: RateReadings;
}

/** Digits of an ISO date 'YYYY-MM-DD' read in place (this runs once per loan). */
function digits(s: string, at: number, count: number): number {
  let n = 0;
  for (let i = at; i < at + count; i++) n = n * 10 + (s.charCodeAt(i) - 48);
  return n;
}

/** Whole months from one ISO date to another (a month counts once its day is reached). */
export function monthsBetween(fromIso: string, toIso: string): number {
  return (digits(toIso, 0, 4) - digits(fromIso, 0, 4)) * 12 + (digits(toIso, 5, 2) - digits(fromIso, 5, 2)) - (digits(toIso, 8, 2) < digits(fromIso, 8, 2) ? 1 : 0);
}

export interface NormalizerOptions {
  readonly headers: readonly string[];
  readonly mapping: ColumnMapping;
  /** ISO date: loans originated after it are rejected; ages are counted to it. */
  readonly cutoffDate: string;
  readonly defaults?: RowDefaults;
  /** The tape's plausibility limits (plausibilityOf); default PLAUSIBLE. */
  readonly limits?: Plausibility;
  /** Per column, the unit its header states that its values are read in (import/header.ts); default none. */
  readonly units?: ReadonlyArray<HeaderUnit | null>;
}

interface Columns {
  readonly bound: Map<CanonicalField, Bound>;
  /** Unmapped columns with a header: kept with each loan as extra attributes. */
  readonly extras: ReadonlyArray<{ readonly index: number; readonly header: string }>;
}

function bindColumns(headers: readonly string[], mapping: ColumnMapping, units: ReadonlyArray<HeaderUnit | null>): Columns {
  const bound = new Map<CanonicalField, Bound>();
  const extras: Array<{ index: number; header: string }> = [];
  mapping.forEach((field, index) => {
    const header = headers[index] ?? `column ${index + 1}`;
    if (field === null) {
      if (header.trim() !== '') extras.push({ index, header });
      return;
    }
    const spec = FIELD_BY_NAME.get(field);
    if (spec) bound.set(field, { index, header, spec, unit: units[index] ?? null });
  });
  return { bound, extras };
}

/** The row's non-blank extra cells as JSON by header, or null when it has none. */
function extraJson(extras: Columns['extras'], fields: readonly string[]): string | null {
  if (extras.length === 0) return null;
  const extra: Record<string, string> = {};
  let any = false;
  for (const { index, header } of extras) {
    const value = fields[index];
    if (value !== undefined && value !== '') {
      extra[header] = value;
      any = true;
    }
  }
  return any ? JSON.stringify(extra) : null;
}

/** A valid row's age: whole months from its origination to the cutoff. */
function ageAtCutoff(loan: LoanFields, cutoffDate: string): number {
  return Math.max(0, monthsBetween(loan.originationDate as string, cutoffDate));
}

/**
 * Appends a valid row's LOAN_COLUMNS values (without tape_id) to `out`. The age is counted in
 * whole months to the cutoff (ageAtCutoff); a blank remaining term is the original term less the age.
 */
function appendLoan(out: LoanParams, rowNo: number, loanId: string, loan: LoanFields, rate: number | null, age: number, extra: string | null): void {
  const term = loan.originalTerm as number;
  const remaining = loan.remainingTerm ?? Math.max(0, term - age);
  out.push(
    rowNo,
    loanId,
    loan.borrowerId,
    loan.originationDate,
    loan.maturityDate,
    loan.originalPrincipal,
    loan.currentPrincipal,
    rate,
    term,
    remaining,
    age,
    loan.paymentFrequency,
    loan.amortization,
    loan.daysPastDue,
    loan.overduePrincipal,
    loan.overdueInterest,
    loan.segment,
    loan.product,
    loan.region,
    loan.creditScore,
    loan.restructured ? 1 : 0,
    extra,
  );
}

/** The tape's data date (数据日期): the first row's that states one, and that row. */
interface Snapshot {
  date: string | null;
  row: number;
}

/**
 * A tape is one snapshot: every row's data date is the tape's, the first row's (the cutoff when
 * none is given, import/cutoff.ts). A row dated otherwise — the next month's loans appended, two
 * extracts pasted together — is refused (rule `data_date`) rather than aged and summed as of the
 * wrong date; a blank one is the tape's; an unreadable one is a `format` problem.
 */
function checkDataDate(r: RowReading, snapshot: Snapshot): void {
  const date = r.read('asOfDate', parseTapeDate, false);
  if (date === null) return;
  if (snapshot.date === null) {
    snapshot.date = date;
    snapshot.row = r.rowNo;
  } else if (date !== snapshot.date) {
    r.problem('asOfDate', r.text('asOfDate'), 'data_date', TAPE_ROW_MESSAGES.say('dataDateDiffers', { date, dataDate: snapshot.date, firstRow: snapshot.row }));
  }
}

/**
 * One tape's row validator: its columns bound once; then, per row, the loan id (required, unique
 * in the tape), every other cell read in column order, the rate resolved, the ranges and the
 * agreement between figures checked — the order the row's problems are listed in.
 */
export function createRowNormalizer(options: NormalizerOptions): RowNormalizer {
  const { cutoffDate } = options;
  const defaults = options.defaults ?? DEFAULT_ROW_DEFAULTS;
  const limits = options.limits ?? PLAUSIBLE;
  const { bound, extras } = bindColumns(options.headers, options.mapping, options.units ?? []);
  const readers = unitReaders(bound);
  const rateReadings = noRateReadings();
  // A rate column with no unit in its header is read cell by cell: how, counted for the report.
  const bareRate = (['rateAnnual', 'rateDaily'] as const).find((field) => bound.has(field) && bound.get(field)?.unit === null) ?? null;
  if (bareRate !== null) rateReadings.column = bound.get(bareRate)?.header ?? '';
  const headerColumns = options.headers.length;
  const seen = new LoanIdIndex();
  let matured = 0;
  const termOverruns = noTermOverruns();
  const snapshot: Snapshot = { date: null, row: 0 };
  return {
    get maturedBeforeCutoff() {
      return matured;
    },
    termOverruns,
    rateReadings,
    normalize(fields, rowNo, out) {
      const r = new RowReading(bound, fields, rowNo);
      const loanId = r.text('loanId');
      checkLoanId(r, loanId, seen);
      const loan = readLoanFields(r, defaults, readers);
      const rate = resolveRate(r, loan);
      checkRanges(r, loan);
      checkAgreement(r, loan, cutoffDate);
      checkPlausible(r, loan, limits);
      if (bound.has('asOfDate')) checkDataDate(r, snapshot);
      if (fields.length > headerColumns) r.unheadedValue(headerColumns);
      if (r.problems !== null) return r.problems;
      const age = ageAtCutoff(loan, cutoffDate);
      appendLoan(out, rowNo, loanId, loan, rate, age, extraJson(extras, fields));
      if (loan.maturityDate !== null && loan.maturityDate < cutoffDate) matured++;
      countTermOverrun(termOverruns, rowNo, loan, age);
      if (bareRate !== null) countRateReading(rateReadings, r, bareRate);
      return null;
    },
  };
}
