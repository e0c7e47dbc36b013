import { FIELD_BY_NAME, type CanonicalField, type FieldSpec } from './fields.ts';
import { LoanIdIndex } from './id-index.ts';
import type { ProblemRule, RowProblem } from './types.ts';
import {
  dailyToAnnualRate,
  parseAmortization,
  parseAnnualRate,
  parseBoolean,
  parseDailyRate,
  parseDate,
  parseFrequency,
  parseInteger,
  parseMoney,
  parseNumber,
  parseSegment,
  type Parsed,
} from './values/index.ts';

/**
 * One source row → one `loans` row, or the list of everything wrong with it. Every problem
 * names the row (the line or Excel row the analyst sees), the column as the tape spells it,
 * the value, the rule and why.
 */



/** Which column of the source feeds which canonical field (null: kept as an extra attribute). */
export type ColumnMapping = ReadonlyArray<CanonicalField | null>;

/** Columns of the `loans` table. A row's params are these in order, without tape_id (the writer adds it). */
export const LOAN_COLUMNS = [
  'tape_id',
  'row_no',
  'loan_id',
  'borrower_id',
  'origination_date',
  'maturity_date',
  'original_principal',
  'current_principal',
  'rate_annual',
  'original_term',
  'remaining_term',
  'age_months',
  'payment_frequency',
  'amortization',
  'days_past_due',
  'overdue_principal',
  'overdue_interest',
  'segment',
  'product',
  'region',
  'credit_score',
  'restructured',
  'extra_json',
] as const;

export type LoanParams = Array<string | number | null>;

export interface RowDefaults {
  /** Used when the tape has no amortization column (stated in the import report). */
  readonly amortization: string;
  readonly paymentFrequency: string;
}

export const DEFAULT_ROW_DEFAULTS: RowDefaults = { amortization: 'level_payment', paymentFrequency: 'monthly' };

/** Tolerance for comparing amounts given to the cent: half a fen. */
const MONEY_EPSILON = 0.005;
/** An annual rate and a daily rate × 365 given for the same loan must agree within 0.5%. */
const RATE_AGREEMENT = 0.005;

/** null: the row is valid and its values were appended to `out`; else everything wrong with it. */
export type RowOutcome = RowProblem[] | null;

export interface RowNormalizer {
  /** Validates a row; a valid row's LOAN_COLUMNS values (without tape_id) are pushed onto `out`. */
  normalize(fields: readonly string[], rowNo: number, out: LoanParams): RowOutcome;
}

interface Bound {
  readonly index: number;
  readonly header: string;
  readonly spec: FieldSpec;
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

function formatAmount(x: number): string {
  return x.toLocaleString('en-US', { maximumFractionDigits: 2 });
}

function formatPct(x: number): string {
  return `${(x * 100).toFixed(2)}%`;
}

export interface NormalizerOptions {
  readonly headers: readonly string[];
  readonly mapping: ColumnMapping;
  /** ISO date: loans originated after it are rejected; ages are counted to it. */
  readonly cutoffDate: string;
  readonly defaults?: RowDefaults;
}

export function createRowNormalizer(options: NormalizerOptions): RowNormalizer {
  const { headers, mapping, cutoffDate } = options;
  const defaults = options.defaults ?? DEFAULT_ROW_DEFAULTS;
  const bound = new Map<CanonicalField, Bound>();
  const extras: Array<{ index: number; header: string }> = [];
  mapping.forEach((field, index) => {
    const header = headers[index] ?? `column ${index + 1}`;
    if (field === null) {
      if (header.trim() !== '') extras.push({ index, header });
      return;
    }
    const spec = FIELD_BY_NAME.get(field);
    if (spec) bound.set(field, { index, header, spec });
  });
  const seen = new LoanIdIndex();

  return {
    normalize(fields, rowNo, out) {
      let problems: RowProblem[] | null = null;
      const problem = (b: Bound | null, field: CanonicalField | null, value: string | null, rule: ProblemRule, why: string): void => {
        const column = b ? b.header : null;
        const label = field ? (FIELD_BY_NAME.get(field)?.label.toLowerCase() ?? field) : null;
        const where = column !== null ? `column "${column}"${label ? ` (${label})` : ''}` : (label ?? '');
        const message = `row ${rowNo}${where ? `, ${where}` : ''}${value !== null ? `, value "${value}"` : ''}: ${why}`;
        (problems ??= []).push({ row: rowNo, column, field, value, rule, message });
      };
      const text = (field: CanonicalField): string => {
        const b = bound.get(field);
        return b ? (fields[b.index] ?? '').trim() : '';
      };
      function read<T>(field: CanonicalField, parse: (text: string) => Parsed<T>, required: boolean): T | null {
        const b = bound.get(field) ?? null;
        const raw = b ? (fields[b.index] ?? '') : '';
        const result = parse(raw);
        if (!result.ok) {
          problem(b, field, raw.trim(), 'format', result.reason);
          return null;
        }
        if (result.value === null && required) problem(b, field, b ? raw.trim() : null, 'required', b ? 'required value is missing' : 'required column is not mapped');
        return result.value;
      }

      const loanId = text('loanId');
      if (loanId === '') problem(bound.get('loanId') ?? null, 'loanId', null, 'required', 'loan id is missing');
      else {
        const first = seen.firstRowOf(loanId, rowNo);
        if (first !== 0) problem(bound.get('loanId') ?? null, 'loanId', loanId, 'duplicate', `duplicate loan id, first seen on row ${first}`);
      }
      const borrowerId = text('borrowerId') || null;
      const originationDate = read('originationDate', parseDate, true);
      const maturityDate = read('maturityDate', parseDate, false);
      const originalPrincipal = read('originalPrincipal', parseMoney, true);
      const currentPrincipal = read('currentPrincipal', parseMoney, true);
      const annual = bound.has('rateAnnual') ? read('rateAnnual', parseAnnualRate, false) : null;
      const daily = bound.has('rateDaily') ? read('rateDaily', parseDailyRate, false) : null;
      const originalTerm = read('originalTerm', parseInteger, true);
      const remainingGiven = read('remainingTerm', parseInteger, false);
      const frequency = read('paymentFrequency', parseFrequency, false) ?? defaults.paymentFrequency;
      const amortization = read('amortization', parseAmortization, false) ?? defaults.amortization;
      const daysPastDue = read('daysPastDue', parseInteger, false) ?? 0;
      const overduePrincipal = read('overduePrincipal', parseMoney, false) ?? 0;
      const overdueInterest = read('overdueInterest', parseMoney, false) ?? 0;
      const segment = read('segment', parseSegment, false);
      const product = text('product') || null;
      const region = text('region') || null;
      const creditScore = read('creditScore', parseNumber, false);
      const restructured = read('restructured', parseBoolean, false) ?? false;

      // The rate: annual, or daily × 365 (ACT/365); when both are given they must agree.
      let rate: number | null = annual;
      if (daily !== null) {
        const fromDaily = dailyToAnnualRate(daily);
        if (annual === null) rate = fromDaily;
        else if (Math.abs(annual - fromDaily) > RATE_AGREEMENT) {
          problem(bound.get('rateDaily') ?? null, 'rateDaily', text('rateDaily'), 'rate_mismatch',
            `daily rate × 365 = ${formatPct(fromDaily)} disagrees with the annual rate ${formatPct(annual)}`);
        }
      }
      if (rate === null && annual === null && daily === null) {
        const b = bound.get('rateAnnual') ?? bound.get('rateDaily') ?? null;
        const field: CanonicalField = b?.spec.field ?? 'rateAnnual';
        const alreadyFormat = problems !== null && (problems as RowProblem[]).some((p) => p.field === 'rateAnnual' || p.field === 'rateDaily');
        if (!alreadyFormat) problem(b, field, b ? '' : null, 'required', b ? 'an interest rate (annual or daily) is required' : 'no rate column is mapped (annual or daily)');
      }

      const range = (field: CanonicalField, value: number | null, ok: boolean, why: string): void => {
        if (value !== null && !ok) problem(bound.get(field) ?? null, field, text(field), 'range', why);
      };
      range('originalPrincipal', originalPrincipal, originalPrincipal === null || originalPrincipal > 0, 'original principal must be greater than 0');
      range('currentPrincipal', currentPrincipal, currentPrincipal === null || currentPrincipal >= 0, 'current principal must not be negative');
      range('originalTerm', originalTerm, originalTerm === null || originalTerm >= 1, 'original term must be at least 1 payment');
      range('remainingTerm', remainingGiven, remainingGiven === null || remainingGiven >= 0, 'remaining term must not be negative');
      range('daysPastDue', daysPastDue, daysPastDue >= 0, 'days past due must not be negative');
      range('overduePrincipal', overduePrincipal, overduePrincipal >= 0, 'overdue principal must not be negative');
      range('overdueInterest', overdueInterest, overdueInterest >= 0, 'overdue interest must not be negative');
      range('creditScore', creditScore, creditScore === null || creditScore >= 0, 'credit score must not be negative');

      if (originalPrincipal !== null && currentPrincipal !== null && !restructured && currentPrincipal > originalPrincipal + MONEY_EPSILON) {
        problem(bound.get('currentPrincipal') ?? null, 'currentPrincipal', text('currentPrincipal'), 'current_exceeds_original',
          `current principal ${formatAmount(currentPrincipal)} exceeds original principal ${formatAmount(originalPrincipal)} and the loan is not flagged as restructured`);
      }
      if (remainingGiven !== null && originalTerm !== null && remainingGiven > originalTerm) {
        problem(bound.get('remainingTerm') ?? null, 'remainingTerm', text('remainingTerm'), 'remaining_exceeds_term',
          `remaining term ${remainingGiven} exceeds the original term ${originalTerm}`);
      }
      if (currentPrincipal !== null && currentPrincipal >= 0 && overduePrincipal > currentPrincipal + MONEY_EPSILON) {
        problem(bound.get('overduePrincipal') ?? null, 'overduePrincipal', text('overduePrincipal'), 'overdue_exceeds_balance',
          `overdue principal ${formatAmount(overduePrincipal)} exceeds the current principal ${formatAmount(currentPrincipal)}`);
      }
      if (originationDate !== null && originationDate > cutoffDate) {
        problem(bound.get('originationDate') ?? null, 'originationDate', text('originationDate'), 'after_cutoff',
          `originated after the cutoff date ${cutoffDate}`);
      }
      if (originationDate !== null && maturityDate !== null && maturityDate <= originationDate) {
        problem(bound.get('maturityDate') ?? null, 'maturityDate', text('maturityDate'), 'date_order',
          `maturity date is not after the origination date ${originationDate}`);
      }

      if (problems !== null) return problems;

      const age = Math.max(0, monthsBetween(originationDate as string, cutoffDate));
      const term = originalTerm as number;
      const remaining = remainingGiven ?? Math.max(0, term - age);
      let extraJson: string | null = null;
      if (extras.length > 0) {
        const extra: Record<string, string> = {};
        let any = false;
        for (const { index, header } of extras) {
          const value = fields[index];
          if (value !== undefined && value !== '') {
            extra[header] = value;
            any = true;
          }
        }
        if (any) extraJson = JSON.stringify(extra);
      }
      out.push(
          rowNo,
          loanId,
          borrowerId,
          originationDate,
          maturityDate,
          originalPrincipal,
          currentPrincipal,
          rate,
          term,
          remaining,
          age,
          frequency,
          amortization,
          daysPastDue,
          overduePrincipal,
          overdueInterest,
          segment,
          product,
          region,
          creditScore,
          restructured ? 1 : 0,
          extraJson,
      );
      return null;
    },
  };
}
