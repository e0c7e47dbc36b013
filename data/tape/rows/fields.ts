import {
  parseAmortization,
  parseAnnualRate,
  parseBoolean,
  parseDailyRate,
  parseTapeDate,
  parseFrequency,
  parseInteger,
  parseMoney,
  parseNumber,
  parseSegment,
  type SegmentValue,
} from '../values/index.ts';
import type { RowReading } from './reading.ts';

export interface RowDefaults {
  /** Used when the tape has no amortization column (stated in the import report). */
  readonly amortization: string;
  readonly paymentFrequency: string;
}

export const DEFAULT_ROW_DEFAULTS: RowDefaults = { amortization: 'level_payment', paymentFrequency: 'monthly' };

/**
 * A row's cells as read, before the row-level checks. null: blank, or wrong and already a
 * problem. Blank optional figures read as the tape means them: not overdue, not restructured,
 * the defaults' frequency and amortization.
 */
export interface LoanFields {
  readonly borrowerId: string | null;
  readonly originationDate: string | null;
  readonly maturityDate: string | null;
  readonly originalPrincipal: number | null;
  readonly currentPrincipal: number | null;
  /** Only when a column is mapped to it. */
  readonly rateAnnual: number | null;
  /** Only when a column is mapped to it; not yet × 365. */
  readonly rateDaily: number | null;
  readonly originalTerm: number | null;
  /** As given; when blank it is derived from the age once the row is valid. */
  readonly remainingTerm: number | null;
  readonly paymentFrequency: string;
  readonly amortization: string;
  readonly daysPastDue: number;
  readonly overduePrincipal: number;
  readonly overdueInterest: number;
  readonly segment: SegmentValue | null;
  readonly product: string | null;
  readonly region: string | null;
  readonly creditScore: number | null;
  readonly restructured: boolean;
}

/** Reads every field but the loan id, in column order of the `loans` table (which is the order its problems are listed in). */
export function readLoanFields(r: RowReading, defaults: RowDefaults): LoanFields {
  return {
    borrowerId: r.text('borrowerId') || null,
    originationDate: r.read('originationDate', parseTapeDate, true),
    maturityDate: r.read('maturityDate', parseTapeDate, false),
    originalPrincipal: r.read('originalPrincipal', parseMoney, true),
    currentPrincipal: r.read('currentPrincipal', parseMoney, true),
    rateAnnual: r.has('rateAnnual') ? r.read('rateAnnual', parseAnnualRate, false) : null,
    rateDaily: r.has('rateDaily') ? r.read('rateDaily', parseDailyRate, false) : null,
    originalTerm: r.read('originalTerm', parseInteger, true),
    remainingTerm: r.read('remainingTerm', parseInteger, false),
    paymentFrequency: r.read('paymentFrequency', parseFrequency, false) ?? defaults.paymentFrequency,
    amortization: r.read('amortization', parseAmortization, false) ?? defaults.amortization,
    daysPastDue: r.read('daysPastDue', parseInteger, false) ?? 0,
    overduePrincipal: r.read('overduePrincipal', parseMoney, false) ?? 0,
    overdueInterest: r.read('overdueInterest', parseMoney, false) ?? 0,
    segment: r.read('segment', parseSegment, false),
    product: r.text('product') || null,
    region: r.text('region') || null,
    creditScore: r.read('creditScore', parseNumber, false),
    restructured: r.read('restructured', parseBoolean, false) ?? false,
  };
}
