import type { ProjectionRow } from '../../../service/api/contract.ts';
import { csvNumber } from '../../app/csv.ts';
import { formatPct, formatYuan } from '../../app/format.ts';
import type { MessageKey, Translate } from '../../app/i18n.tsx';
import { en } from '../../i18n/en.ts';

/**
 * The monthly table's columns, each with its unit in the header: yuan (¥, cents), percentages
 * with their convention (SMM and MDR monthly, CPR and CDR annual, cumulative rates of the cutoff
 * balance). The same list writes the CSV, where rates stay decimals and amounts plain numbers.
 */
export interface ProjectionColumn {
  readonly key: keyof ProjectionRow;
  /** The header's words (catalogue key); the unit follows in brackets (columnHeader). */
  readonly header: MessageKey;
  readonly kind: 'month' | 'yuan' | 'pct';
  /** A rate's convention: monthly, annual, of cutoff balance. */
  readonly convention?: MessageKey;
  readonly title?: MessageKey;
}

function yuan(key: keyof ProjectionRow, header: MessageKey, title?: MessageKey): ProjectionColumn {
  return { key, header, kind: 'yuan', ...(title ? { title } : {}) };
}

function pct(key: keyof ProjectionRow, header: MessageKey, convention: MessageKey, title?: MessageKey): ProjectionColumn {
  return { key, header, kind: 'pct', convention, ...(title ? { title } : {}) };
}

/** The table's header in the UI's language, with its unit: "Interest due (¥)", "CPR (%, annual)". */
export function columnHeader(column: ProjectionColumn, t: Translate): string {
  if (column.kind === 'yuan') return `${t(column.header)} (¥)`;
  if (column.kind === 'pct') return `${t(column.header)} (%, ${column.convention ? t(column.convention) : ''})`;
  return t(column.header);
}

/** The CSV's header in English whatever the UI's language (a file other tools read), with the unit as the file holds it. */
export function csvHeader(column: ProjectionColumn): string {
  if (column.kind === 'yuan') return `${en[column.header]} (yuan)`;
  if (column.kind === 'pct') return `${en[column.header]} (decimal, ${column.convention ? en[column.convention] : ''})`;
  return en[column.header];
}

export const PROJECTION_COLUMNS: readonly ProjectionColumn[] = [
  { key: 'month', header: 'results.col.month', kind: 'month' },
  yuan('beginningBalance', 'results.col.beginningBalance', 'results.col.beginningBalance.title'),
  yuan('scheduledInterest', 'results.col.scheduledInterest', 'results.col.scheduledInterest.title'),
  yuan('interestCollected', 'results.col.interestCollected', 'results.col.interestCollected.title'),
  yuan('penaltyInterest', 'results.col.penaltyInterest', 'results.col.penaltyInterest.title'),
  yuan('penaltyForgone', 'results.col.penaltyForgone', 'results.col.penaltyForgone.title'),
  yuan('scheduledPrincipal', 'results.col.scheduledPrincipal', 'results.col.scheduledPrincipal.title'),
  yuan('prepayments', 'results.col.prepayments'),
  yuan('defaults', 'results.col.defaults', 'results.col.defaults.title'),
  yuan('recoveries', 'results.col.recoveries', 'results.col.recoveries.title'),
  yuan('losses', 'results.col.losses', 'results.col.losses.title'),
  yuan('endingBalance', 'results.col.endingBalance'),
  yuan('current', 'results.col.current'),
  yuan('dpd1_30', 'results.col.dpd1_30'),
  yuan('dpd31_60', 'results.col.dpd31_60'),
  yuan('dpd61_90', 'results.col.dpd61_90'),
  yuan('dpd91_180', 'results.col.dpd91_180'),
  yuan('overdueTotal', 'results.col.overdueTotal', 'results.col.overdueTotal.title'),
  yuan('servicingFee', 'results.col.servicingFee'),
  pct('poolFactor', 'results.col.poolFactor', 'results.convention.ofCutoffBalance'),
  pct('smm', 'results.col.smm', 'results.convention.monthly'),
  pct('cpr', 'results.col.cpr', 'results.convention.annual'),
  pct('mdr', 'results.col.mdr', 'results.convention.monthly'),
  pct('cdr', 'results.col.cdr', 'results.convention.annual'),
  pct('cumulativeDefaultRate', 'results.col.cumulativeDefaultRate', 'results.convention.ofCutoffBalance', 'results.col.cumulativeDefaultRate.title'),
  yuan('cumulativeNetLoss', 'results.col.cumulativeNetLoss', 'results.col.cumulativeNetLoss.title'),
];

/**
 * The calendar month a projection month falls in: month 1 is the first month after the cutoff
 * date's month (cutoff 2026-09-30 → month 1 = 2026-10).
 */
export function periodOf(cutoffDate: string, month: number): string {
  const match = /^(\d{4})-(\d{2})/.exec(cutoffDate);
  if (!match) return '';
  const index = Number(match[1]) * 12 + Number(match[2]) - 1 + month;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

export function formatCell(column: ProjectionColumn, row: ProjectionRow): string {
  const value = row[column.key];
  if (column.kind === 'month') return String(value);
  return column.kind === 'pct' ? formatPct(value, 2) : formatYuan(value);
}

export function csvCell(column: ProjectionColumn, row: ProjectionRow): string {
  const value = row[column.key];
  if (column.kind === 'month') return csvNumber(value);
  return column.kind === 'yuan' ? csvNumber(value, 2) : csvNumber(value);
}

/** Amortization codes as the tape field list names them (data/tape/fields.ts; the renderer sees only the contract). */
export const AMORTIZATION_LABELS: Readonly<Record<string, MessageKey>> = {
  level_payment: 'results.amortization.level_payment',
  equal_principal: 'results.amortization.equal_principal',
  interest_only: 'results.amortization.interest_only',
  flat_fee: 'results.amortization.flat_fee',
};

export const STATE_LABELS: Readonly<Record<string, MessageKey>> = {
  current: 'results.state.current',
  dpd1_30: 'results.state.dpd1_30',
  dpd31_60: 'results.state.dpd31_60',
  dpd61_90: 'results.state.dpd61_90',
  dpd91_180: 'results.state.dpd91_180',
  chargedOff: 'results.state.chargedOff',
};
