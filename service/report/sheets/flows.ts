import type { ExcelJSTypes } from '../../../data/excel.ts';
import type { NotePeriod } from '../../../engine/index.ts';
import type { DealPeriod, DealRunResult } from '../../api/contract.ts';
import type { Labels } from '../labels.ts';
import { isoDate, writeTable, type Column } from '../table.ts';

type Worksheet = ExcelJSTypes.Worksheet;

interface PoolRow {
  readonly p: DealPeriod;
  readonly cdr: number | null;
  readonly cumNetLoss: number | null;
}

/** The pool on each payment date (collection months of the period summed); flows total, balances do not. */
export function writePoolFlows(sheet: Worksheet, run: DealRunResult, t: Labels): void {
  const rows: PoolRow[] = run.periods.map((p, k) => ({ p, cdr: run.cumulativeDefaultRate[k] ?? null, cumNetLoss: run.cumulativeNetLoss[k] ?? null }));
  const columns: Column<PoolRow>[] = [
    { header: t('col.period'), format: 'int', value: (r) => r.p.period },
    { header: t('col.paymentDate'), format: 'date', value: (r) => isoDate(r.p.paymentDate) },
    { header: t('col.beginningBalance'), format: 'money', value: (r) => r.p.pool.beginningBalance },
    { header: t('col.interest'), format: 'money', value: (r) => r.p.pool.interest, total: true },
    { header: t('col.penaltyInterest'), format: 'money', value: (r) => r.p.pool.penaltyInterest, total: true },
    { header: t('col.scheduledPrincipal'), format: 'money', value: (r) => r.p.pool.scheduledPrincipal, total: true },
    { header: t('col.prepayments'), format: 'money', value: (r) => r.p.pool.prepayments, total: true },
    { header: t('col.defaults'), format: 'money', value: (r) => r.p.pool.defaults, total: true },
    { header: t('col.recoveries'), format: 'money', value: (r) => r.p.pool.recoveries, total: true },
    { header: t('col.losses'), format: 'money', value: (r) => r.p.pool.losses, total: true },
    { header: t('col.servicingFee'), format: 'money', value: (r) => r.p.pool.servicingFee, total: true },
    { header: t('col.endingBalance'), format: 'money', value: (r) => r.p.pool.endingBalance },
    { header: t('col.purchases'), format: 'money', value: (r) => r.p.pool.principalPurchased, total: true },
    { header: t('col.cleanUp'), format: 'money', value: (r) => r.p.pool.cleanUpProceeds, total: true },
    { header: t('col.dq60'), format: 'money', value: (r) => r.p.pool.delinquent60Plus },
    { header: t('col.poolFactor'), format: 'factor', value: (r) => r.p.pool.poolFactor },
    { header: t('col.cdr'), format: 'rate', value: (r) => r.cdr },
    { header: t('col.cumNetLoss'), format: 'money', value: (r) => r.cumNetLoss },
  ];
  writeTable(sheet, t, 1, columns, rows, t('row.total'));
}

interface NoteRow {
  readonly p: DealPeriod;
  readonly n: NotePeriod;
}

/** One note's leg: date, balances, interest due / paid / shortfall, principal, write-down, factor (ending ÷ original). */
export function writeNoteFlows(sheet: Worksheet, run: DealRunResult, noteIndex: number, t: Labels): void {
  const original = run.tranches[noteIndex]?.originalBalance ?? 0;
  const rows: NoteRow[] = run.periods.flatMap((p) => {
    const n = p.notes[noteIndex];
    return n ? [{ p, n }] : [];
  });
  const columns: Column<NoteRow>[] = [
    { header: t('col.period'), format: 'int', value: (r) => r.p.period },
    { header: t('col.paymentDate'), format: 'date', value: (r) => isoDate(r.p.paymentDate) },
    { header: t('col.beginningBalance'), format: 'money', value: (r) => r.n.beginningBalance },
    { header: t('col.couponRate'), format: 'rate', value: (r) => r.n.couponRate },
    { header: t('col.interestDue'), format: 'money', value: (r) => r.n.interestDue },
    { header: t('col.interestPaid'), format: 'money', value: (r) => r.n.interestPaid, total: true },
    { header: t('col.interestShortfall'), format: 'money', value: (r) => r.n.interestShortfall },
    { header: t('col.principalPaid'), format: 'money', value: (r) => r.n.principalPaid, total: true },
    { header: t('col.writeDown'), format: 'money', value: (r) => r.n.writeDown, total: true },
    { header: t('col.residualPaid'), format: 'money', value: (r) => r.n.residualPaid, total: true },
    { header: t('col.endingBalance'), format: 'money', value: (r) => r.n.endingBalance },
    { header: t('col.factor'), format: 'factor', value: (r) => (original > 0 ? r.n.endingBalance / original : null) },
  ];
  writeTable(sheet, t, 1, columns, rows, t('row.total'));
}
