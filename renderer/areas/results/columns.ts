import type { ProjectionRow } from '../../../service/api/contract.ts';
import { csvNumber } from '../../app/csv.ts';
import { formatPct, formatYuan } from '../../app/format.ts';

/**
 * The monthly table's columns, each with its unit in the header: yuan (¥, cents), percentages
 * with their convention (SMM and MDR monthly, CPR and CDR annual, cumulative rates of the cutoff
 * balance). The same list writes the CSV, where rates stay decimals and amounts plain numbers.
 */
export interface ProjectionColumn {
  readonly key: keyof ProjectionRow;
  readonly header: string;
  readonly kind: 'month' | 'yuan' | 'pct';
  /** CSV header: the unit as the file holds it. */
  readonly csvHeader: string;
  readonly title?: string;
}

function yuan(key: keyof ProjectionRow, header: string, title?: string): ProjectionColumn {
  return { key, header: `${header} (¥)`, kind: 'yuan', csvHeader: `${header} (yuan)`, ...(title ? { title } : {}) };
}

function pct(key: keyof ProjectionRow, header: string, convention: string, title?: string): ProjectionColumn {
  return { key, header: `${header} (%, ${convention})`, kind: 'pct', csvHeader: `${header} (decimal, ${convention})`, ...(title ? { title } : {}) };
}

export const PROJECTION_COLUMNS: readonly ProjectionColumn[] = [
  { key: 'month', header: 'Month', kind: 'month', csvHeader: 'Month' },
  yuan('beginningBalance', 'Beginning balance', 'Unpaid principal not charged off, performing and delinquent'),
  yuan('scheduledInterest', 'Interest due', 'Contractual interest (or flat fee) due on every loan not charged off'),
  yuan('interestCollected', 'Interest collected', 'Installments paid plus arrears interest paid by cures; penalty interest excluded'),
  yuan('penaltyInterest', 'Penalty interest 罚息', 'Paid by cures and roll-backs: penalty multiple × contract rate on overdue principal (and on overdue interest with penaltyCompounding, 复利)'),
  yuan('penaltyForgone', 'Penalty forgone to the cost cap', 'Penalty and compound interest the borrower cost cap (borrowerCostCap) cut this month; 0 without a cap'),
  yuan('scheduledPrincipal', 'Scheduled principal', 'Installment principal paid, overdue principal paid by cures included'),
  yuan('prepayments', 'Prepayments'),
  yuan('defaults', 'Defaults', 'Gross charge-offs: unpaid principal of loans defaulting or rolling to charged off'),
  yuan('recoveries', 'Recoveries', 'Recovery rate × defaults of the recovery lag earlier'),
  yuan('losses', 'Losses', 'Defaults × (1 − recovery rate), booked in the month of default'),
  yuan('endingBalance', 'Ending balance'),
  yuan('current', 'Current'),
  yuan('dpd1_30', '1–30 dpd'),
  yuan('dpd31_60', '31–60 dpd'),
  yuan('dpd61_90', '61–90 dpd'),
  yuan('dpd91_180', '91–180 dpd'),
  yuan('overdueTotal', 'Overdue total 逾期总额', 'Unpaid principal + interest of installments past due, month end'),
  yuan('servicingFee', 'Servicing fee'),
  pct('poolFactor', 'Pool factor', 'of cutoff balance'),
  pct('smm', 'SMM', 'monthly'),
  pct('cpr', 'CPR', 'annual'),
  pct('mdr', 'MDR', 'monthly'),
  pct('cdr', 'CDR', 'annual'),
  pct('cumulativeDefaultRate', 'Cum. default rate', 'of cutoff balance', 'Cumulative defaulted principal ÷ cutoff balance'),
  yuan('cumulativeNetLoss', 'Cum. net loss', 'Cumulative losses booked at default'),
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
export const AMORTIZATION_LABELS: Readonly<Record<string, string>> = {
  level_payment: 'Level payment (等额本息)',
  equal_principal: 'Equal principal (等额本金)',
  interest_only: 'Interest-only, bullet (先息后本)',
  flat_fee: 'Flat fee (等本等息)',
};

export const STATE_LABELS: Readonly<Record<string, string>> = {
  current: 'Current',
  dpd1_30: '1–30 dpd',
  dpd31_60: '31–60 dpd',
  dpd61_90: '61–90 dpd',
  dpd91_180: '91–180 dpd',
  chargedOff: 'Charged off',
};
