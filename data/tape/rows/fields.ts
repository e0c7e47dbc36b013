import {
  annualRateReader,
  dailyRateReader,
  moneyReader,
  parseAmortization,
  parseBoolean,
  parseTapeDate,
  parseFrequency,
  parseInteger,
  parseNumber,
  parseSegment,
  type Parsed,
  type SegmentValue,
} from '../values/index.ts';
import type { CanonicalField } from '../fields.ts';
import type { BoundColumns, RowReading } from './reading.ts';

type Reader = (text: string) => Parsed<number>;

/** The readers of a tape's amount and rate columns, each in the unit its header states (made once per tape). */
export interface UnitReaders {
  readonly originalPrincipal: Reader;
  readonly currentPrincipal: Reader;
  readonly overduePrincipal: Reader;
  readonly overdueInterest: Reader;
  readonly rateAnnual: Reader;
  readonly rateDaily: Reader;
}

/** Amounts × 10^power of their header's scale (万元), rates in their header's unit (%); as written where the header states none. */
export function unitReaders(bound: BoundColumns): UnitReaders {
  const money = (field: CanonicalField): Reader => {
    const unit = bound.get(field)?.unit ?? null;
    return moneyReader(unit?.kind === 'money' ? unit.power : 0, unit?.written ?? '');
  };
  const rate = (field: CanonicalField): number | null => {
    const unit = bound.get(field)?.unit ?? null;
    return unit?.kind === 'rate' ? unit.power : null;
  };
  return {
    originalPrincipal: money('originalPrincipal'),
    currentPrincipal: money('currentPrincipal'),
    overduePrincipal: money('overduePrincipal'),
    overdueInterest: money('overdueInterest'),
    rateAnnual: annualRateReader(rate('rateAnnual')),
    rateDaily: dailyRateReader(rate('rateDaily')),
  };
}

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
export function readLoanFields(r: RowReading, defaults: RowDefaults, readers: UnitReaders): LoanFields {
  return {
    borrowerId: r.text('borrowerId') || null,
    originationDate: r.read('originationDate', parseTapeDate, true),
    maturityDate: r.read('maturityDate', parseTapeDate, false),
    originalPrincipal: r.read('originalPrincipal', readers.originalPrincipal, true),
    currentPrincipal: r.read('currentPrincipal', readers.currentPrincipal, true),
    rateAnnual: r.has('rateAnnual') ? r.read('rateAnnual', readers.rateAnnual, false) : null,
    rateDaily: r.has('rateDaily') ? r.read('rateDaily', readers.rateDaily, false) : null,
    originalTerm: r.read('originalTerm', parseInteger, true),
    remainingTerm: r.read('remainingTerm', parseInteger, false),
    paymentFrequency: r.read('paymentFrequency', parseFrequency, false) ?? defaults.paymentFrequency,
    amortization: r.read('amortization', parseAmortization, false) ?? defaults.amortization,
    daysPastDue: r.read('daysPastDue', parseInteger, false) ?? 0,
    overduePrincipal: r.read('overduePrincipal', readers.overduePrincipal, false) ?? 0,
    overdueInterest: r.read('overdueInterest', readers.overdueInterest, false) ?? 0,
    segment: r.read('segment', parseSegment, false),
    product: r.text('product') || null,
    region: r.text('region') || null,
    creditScore: r.read('creditScore', parseNumber, false),
    restructured: r.read('restructured', parseBoolean, false) ?? false,
  };
}
