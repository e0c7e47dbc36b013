import type { ExcelJSTypes } from '../../../data/excel.ts';
import type { BreakevenRow, TrancheRow } from '../../api/contract.ts';
import type { Labels } from '../labels.ts';
import type { ReportModel, ReportScenario } from '../model.ts';
import { boldRow, isoDate, putCell, writeTable, type CellFormat, type CellInput, type Column } from '../table.ts';

type Worksheet = ExcelJSTypes.Worksheet;

const priced = (row: TrancheRow): boolean => row.yieldAtParAnnualEffective !== null;

/** The tranche table's columns: each figure with its unit and convention in the header (docs/reports.md). */
export function trancheColumns(t: Labels, scenario: ReportScenario, legalFinal: string): Column<TrancheRow>[] {
  const breakeven = (row: TrancheRow): BreakevenRow | undefined => scenario.breakevens?.rows.find((b) => b.id === row.id);
  const columns: Column<TrancheRow>[] = [
    { header: t('col.class'), format: 'text', value: (r) => r.id },
    { header: t('col.name'), format: 'text', value: (r) => r.name },
    { header: t('col.originalBalance'), format: 'money', value: (r) => r.originalBalance, total: true },
    { header: t('col.coupon'), format: 'text', value: (r) => r.coupon },
    { header: `${t('col.wal')} ${scenario.run.tranches[0]?.walBasis ?? ''}`.trim(), format: 'years', value: (r) => r.walYears },
    { header: t('col.firstPrincipal'), format: 'date', value: (r) => isoDate(r.firstPrincipal?.date) },
    { header: t('col.lastPrincipal'), format: 'date', value: (r) => isoDate(r.lastPrincipal?.date) },
    { header: t('col.expectedFinal'), format: 'date', value: (r) => isoDate(r.expectedFinal?.date) },
    { header: t('col.legalFinal'), format: 'date', value: () => isoDate(legalFinal) },
    { header: t('col.price'), format: 'multiple', value: (r) => (priced(r) ? 100 : null) },
    { header: t('col.yieldAe'), format: 'rate', value: (r) => r.yieldAtParAnnualEffective },
    { header: t('col.yieldBey'), format: 'rate', value: (r) => r.yieldAtParBondEquivalent },
    { header: t('col.yieldMey'), format: 'rate', value: (r) => r.yieldAtParMortgageEquivalent },
    { header: t('col.yieldCn'), format: 'rate', value: (r) => r.yieldAtParChinaInterbank },
    { header: t('col.irr'), format: 'rate', value: (r) => r.irr },
    { header: t('col.modDuration'), format: 'years', value: (r) => r.modifiedDurationYears },
    { header: t('col.writeDown'), format: 'money', value: (r) => r.writeDown, total: true },
    { header: t('col.lossPct'), format: 'rate', value: (r) => r.lossRate },
    { header: t('col.shortfall'), format: 'money', value: (r) => r.interestShortfall, total: true },
    { header: t('col.ceClosing'), format: 'rate', value: (r) => r.creditEnhancementAtClosing },
  ];
  if (scenario.breakevens !== null) {
    const cdr = scenario.breakevens.by === 'cdr';
    const format: CellFormat = cdr ? 'rate' : 'multiple';
    columns.push({ header: t(cdr ? 'col.breakevenCdr' : 'col.breakevenMult'), format, value: (r): CellInput => breakeven(r)?.stress ?? null });
  }
  return columns;
}

function field(sheet: Worksheet, row: number, label: string, value: CellInput, format: CellFormat = 'text'): number {
  putCell(sheet, row, 1, label, 'text');
  sheet.getCell(row, 1).font = { bold: true };
  putCell(sheet, row, 2, value, format);
  return row + 1;
}

/** The deal, pool, scenarios, engine and runs; then each scenario's tranche table. */
export function writeSummary(sheet: Worksheet, model: ReportModel, t: Labels): void {
  const head = model.scenarios[0]?.run;
  let r = 1;
  putCell(sheet, r, 1, `${t('title.report')} — ${model.deal.name ?? 'Deal'}`, 'text');
  sheet.getCell(r, 1).font = { bold: true, size: 14 };
  r += 2;
  r = field(sheet, r, t('field.deal'), model.deal.name ?? 'Deal');
  r = field(sheet, r, t('field.pool'), head ? head.poolName : '');
  r = field(sheet, r, t('field.tape'), model.tape ? `#${model.tape.id} · ${model.tape.sha256} · ${model.tape.rowsImported}` : t('value.ownLines'));
  r = field(sheet, r, t('field.mode'), head?.mode ?? '');
  r = field(sheet, r, t('field.cutoff'), isoDate(head?.cutoffDate), 'date');
  r = field(sheet, r, t('field.closing'), isoDate(head?.closingDate), 'date');
  r = field(sheet, r, t('field.poolBalance'), head?.poolBalance ?? null, 'money');
  r = field(sheet, r, t('field.currency'), t('value.currency'));
  if (model.setName !== null) r = field(sheet, r, t('field.scenarioSet'), model.setName);
  r = field(sheet, r, t('field.scenarios'), model.scenarios.map((s) => s.name).join(' · '));
  r = field(sheet, r, t('field.engine'), `${model.engine.version} (${model.engine.sourcesSha256})`);
  r = field(sheet, r, t('field.generated'), model.generatedAt);
  r += 1;
  const legalFinal = model.deal.dates.legalFinalMaturity;
  for (const scenario of model.scenarios) {
    putCell(sheet, r, 1, `${t('col.scenario')}: ${scenario.name}`, 'text');
    sheet.getCell(r, 1).font = { bold: true, size: 12 };
    r += 1;
    const engine = `${t('field.engine')}: ${scenario.engine.version} (${scenario.engine.sourcesSha256})`;
    r = field(sheet, r, t('field.run'), `${scenario.runId === null ? t('field.notStored') : `#${scenario.runId}`} · ${engine}`);
    r = field(sheet, r, t('field.inputHash'), scenario.inputHash ?? '');
    if (scenario.run.warnings.length > 0) r = field(sheet, r, t('field.warnings'), scenario.run.warnings.join(' | '));
    r = writeTable(sheet, r, trancheColumns(t, scenario, legalFinal), scenario.run.tranches, t('row.total'));
    r += 1;
  }
  boldRow(sheet, 1, 1, 1);
}
