import type { ExcelJSTypes } from '../../../data/excel.ts';
import type { StratRow, StratTable } from '../../../data/pool/strats.ts';
import type { Labels } from '../labels.ts';
import { putCell, writeTable, type Column } from '../table.ts';

/** Every stratification of the tape, one table under another; bucket labels (the tape's own words for categories) are text cells. */
export function writeStrats(sheet: ExcelJSTypes.Worksheet, strats: readonly StratTable[] | null, note: string, t: Labels): void {
  if (strats === null) {
    putCell(sheet, 1, 1, note, 'text');
    return;
  }
  const columns: Column<StratRow | StratTable['total']>[] = [
    { header: t('col.bucket'), format: 'text', value: (r) => (r.key === 'total' ? t('row.total') : r.label) },
    { header: t('col.count'), format: 'int', value: (r) => r.count },
    { header: t('col.countShare'), format: 'rate', value: (r) => r.countShare },
    { header: t('col.balance'), format: 'money', value: (r) => r.balance },
    { header: t('col.balanceShare'), format: 'rate', value: (r) => r.share },
    { header: t('col.wac'), format: 'rate', value: (r) => r.wac },
    { header: t('col.wam'), format: 'years', value: (r) => r.wam },
    { header: t('col.wala'), format: 'years', value: (r) => r.wala },
    { header: t('col.averageBalance'), format: 'money', value: (r) => r.averageBalance },
  ];
  let r = 1;
  for (const table of strats) {
    putCell(sheet, r, 1, table.label, 'text');
    sheet.getCell(r, 1).font = { bold: true, size: 12 };
    const end = writeTable(sheet, t, r + 1, columns, [...table.rows, table.total]);
    const totalRow = sheet.getRow(end - 1);
    totalRow.font = { bold: true };
    r = end + 1;
  }
}
