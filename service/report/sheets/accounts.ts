import type { ExcelJSTypes } from '../../../data/excel.ts';
import type { DealPeriod, DealRunResult } from '../../api/contract.ts';
import type { Labels } from '../labels.ts';
import { isoDate, writeTable, type CellFormat, type Column } from '../table.ts';

/** A trigger's state on a payment date: in force, tested and failed (waiting for consecutive dates), or fine. */
export function triggerState(t: Labels, trigger: DealPeriod['triggers'][number]): string {
  if (trigger.breached) return t('state.breached');
  if (trigger.tested) return t('state.testFailed');
  return trigger.warning === true ? t('state.warning') : t('state.ok');
}

/** Reserve account, each note's principal deficiency ledger, each trigger's value / threshold / state, excess spread and liquidity, by payment date. */
export function writeAccounts(sheet: ExcelJSTypes.Worksheet, run: DealRunResult, t: Labels): void {
  const first = run.periods[0];
  const columns: Column<DealPeriod>[] = [
    { header: t('col.period'), format: 'int', value: (p) => p.period },
    { header: t('col.paymentDate'), format: 'date', value: (p) => isoDate(p.paymentDate) },
  ];
  if (first?.reserve !== undefined) {
    columns.push(
      { header: t('col.reserveBeginning'), format: 'money', value: (p) => p.reserve?.beginningBalance ?? null },
      { header: t('col.reserveTarget'), format: 'money', value: (p) => p.reserve?.target ?? null },
      { header: t('col.reserveDraws'), format: 'money', value: (p) => p.reserve?.draws ?? null, total: true },
      { header: t('col.reserveDeposits'), format: 'money', value: (p) => p.reserve?.deposits ?? null, total: true },
      { header: t('col.reserveRelease'), format: 'money', value: (p) => p.reserve?.release ?? null, total: true },
      { header: t('col.reserveEnding'), format: 'money', value: (p) => p.reserve?.endingBalance ?? null },
    );
  }
  run.tranches.forEach((note, j) => {
    columns.push({ header: `${t('col.pdl')} ${note.id}`, format: 'money', value: (p) => p.notes[j]?.pdlBalance ?? null });
  });
  (first?.triggers ?? []).forEach((trigger, k) => {
    const format: CellFormat = trigger.unit === 'money' ? 'money' : 'rate';
    columns.push(
      { header: `${trigger.id} ${t('col.triggerValue')}`, format, value: (p) => p.triggers[k]?.value ?? null },
      { header: `${trigger.id} ${t('col.triggerThreshold')}`, format, value: (p) => p.triggers[k]?.threshold ?? null },
      { header: `${trigger.id} ${t('col.triggerState')}`, format: 'text', value: (p) => (p.triggers[k] ? triggerState(t, p.triggers[k]) : null) },
    );
    if (trigger.warningThreshold !== undefined) columns.push({ header: `${trigger.id} ${t('col.triggerWarning')}`, format, value: (p) => p.triggers[k]?.warningThreshold ?? null });
  });
  columns.push(
    { header: t('col.excessSpread'), format: 'money', value: (p) => p.excessSpread, total: true },
    { header: t('col.liquidity'), format: 'multiple', value: (p) => p.liquidityCoverage },
    { header: t('col.revolving'), format: 'text', value: (p) => t(p.revolving ? 'state.yes' : 'state.no') },
    { header: t('col.accelerated'), format: 'text', value: (p) => t(p.accelerated ? 'state.yes' : 'state.no') },
  );
  writeTable(sheet, t, 1, columns, run.periods, t('row.total'));
}
