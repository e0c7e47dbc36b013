import type { ExcelJSTypes } from '../../../data/excel.ts';
import type { BreakevenRow, DealRunResult, TrancheRow } from '../../api/contract.ts';
import type { Labels } from '../labels.ts';
import type { ReportModel, ReportScenario } from '../model.ts';
import { displayWidth, firstPageColumns, isoDate, putCell, writeTable, type CellFormat, type CellInput, type Column } from '../table.ts';

type Worksheet = ExcelJSTypes.Worksheet;

const priced = (row: TrancheRow): boolean => row.yieldAtParAnnualEffective !== null;

/** A note's expected maturity (预期到期日) and the balance left after it, when some note of the deal states one. */
function expectedMaturityColumns(t: Labels, scenario: ReportScenario): Column<TrancheRow>[] {
  if (!scenario.run.tranches.some((r) => r.expectedMaturity !== undefined)) return [];
  return [
    { header: t('col.expectedMaturity'), format: 'date', value: (r) => isoDate(r.expectedMaturity) },
    { header: t('col.balanceAfterExpectedMaturity'), format: 'money', value: (r) => r.balanceAfterExpectedMaturity ?? null, total: true },
  ];
}

/** The tranche table's columns: each figure with its unit and convention in the header (docs/reports.md). */
export function trancheColumns(t: Labels, scenario: ReportScenario, legalFinal: string): Column<TrancheRow>[] {
  const breakeven = (row: TrancheRow): BreakevenRow | undefined => scenario.breakevens?.rows.find((b) => b.id === row.id);
  const columns: Column<TrancheRow>[] = [
    { header: t('col.class'), format: 'text', value: (r) => r.id },
    { header: t('col.name'), format: 'text', value: (r) => r.name },
    { header: t('col.originalBalance'), format: 'money', value: (r) => r.originalBalance, total: true },
    { header: t('col.coupon'), format: 'text', value: (r) => r.coupon, indent: 1 },
    { header: `${t('col.wal')} ${scenario.run.tranches[0]?.walBasis ?? ''}`.trim(), format: 'years', value: (r) => r.walYears },
    { header: t('col.firstPrincipal'), format: 'date', value: (r) => isoDate(r.firstPrincipal?.date) },
    { header: t('col.lastPrincipal'), format: 'date', value: (r) => isoDate(r.lastPrincipal?.date) },
    { header: t('col.expectedFinal'), format: 'date', value: (r) => isoDate(r.expectedFinal?.date) },
    ...expectedMaturityColumns(t, scenario),
    { header: t('col.legalFinal'), format: 'date', value: (r) => isoDate(r.legalFinalMaturity ?? legalFinal) },
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

/** How the pool was projected, in words (the screens' words for the mode): a schedule pool has no loans, whatever its mode says. */
function modeSaid(t: Labels, run: DealRunResult): string {
  if (run.loans === 0) return t('mode.schedule');
  return t(run.mode === 'loan' ? 'mode.loan' : 'mode.repline');
}

/**
 * The Summary's label-and-value lines: the label in column A, the value in B, spanned (spanFieldValues)
 * over the columns of the first printed page once the columns are fitted, wrapped, so long text
 * (hashes, warnings) stays on the page.
 */
class Fields implements SummaryRows {
  readonly labelRows = new Set<number>();
  readonly headingRows = new Set<number>();
  readonly valueRows = new Map<number, CellInput>();
  readonly lastCol: number;
  private readonly sheet: Worksheet;

  constructor(sheet: Worksheet, lastCol: number) {
    this.sheet = sheet;
    this.lastCol = lastCol;
  }

  put(row: number, label: string, value: CellInput, format: CellFormat = 'text'): number {
    putCell(this.sheet, row, 1, label, 'text');
    this.sheet.getCell(row, 1).font = { bold: true };
    this.sheet.getCell(row, 1).alignment = { vertical: 'top' }; // beside the first line of a wrapped value
    putCell(this.sheet, row, 2, value, format);
    this.labelRows.add(row);
    this.valueRows.set(row, value);
    return row + 1;
  }

  /** A heading line (bold, larger), outside the column fit. */
  heading(row: number, text: string, size: number): number {
    putCell(this.sheet, row, 1, text, 'text');
    this.sheet.getCell(row, 1).font = { bold: true, size };
    this.headingRows.add(row);
    return row + 1;
  }
}

/** Rows of the Summary the column fit treats apart: label-and-value lines (only the label counts) and headings (skipped). */
export interface SummaryRows {
  readonly labelRows: ReadonlySet<number>;
  readonly headingRows: ReadonlySet<number>;
  /** The Summary's label-and-value lines, by row: their values span columns B to `lastCol` at most (spanFieldValues). */
  readonly valueRows?: ReadonlyMap<number, CellInput>;
  readonly lastCol?: number;
}

/**
 * Spans each label-and-value line's value from column B over the columns the first printed page
 * shows (all of them up to `lastCol` when the sheet prints one page wide), wrapped, the row as tall
 * as the text needs: a value spanning a page break would print in pieces on two pages. Runs after
 * the columns are fitted and the page set up.
 */
export function spanFieldValues(sheet: Worksheet, rows: SummaryRows): void {
  const lastCol = Math.max(2, Math.min(rows.lastCol ?? 2, firstPageColumns(sheet)));
  // Characters the span holds: its columns' widths (in the default font's digits), less a little for the cell's padding.
  const spanChars = Math.max(1, Array.from({ length: lastCol - 1 }, (_, k) => sheet.getColumn(2 + k).width ?? 9).reduce((a, b) => a + b, 0) - 2);
  for (const [row, value] of rows.valueRows ?? []) {
    if (lastCol > 2) sheet.mergeCells(row, 2, row, lastCol);
    sheet.getCell(row, 2).alignment = { wrapText: true, vertical: 'top', horizontal: 'left' };
    if (typeof value === 'string') sheet.getRow(row).height = 15 * Math.max(1, Math.ceil(displayWidth(value) / spanChars));
  }
}

/** The Summary: the deal, pool, runs and engine, then each scenario's tranche table. */
export function writeSummaryFitted(sheet: Worksheet, model: ReportModel, t: Labels): SummaryRows {
  const legalFinal = model.deal.dates.legalFinalMaturity;
  const widest = Math.max(8, ...model.scenarios.map((s) => trancheColumns(t, s, legalFinal).length));
  const fields = new Fields(sheet, widest);
  const head = model.scenarios[0]?.run;
  let r = fields.heading(1, `${t('title.report')} — ${model.deal.name ?? 'Deal'}`, 14) + 1;
  r = fields.put(r, t('field.deal'), model.deal.name ?? 'Deal');
  r = fields.put(r, t('field.pool'), head ? head.poolName : '');
  r = fields.put(r, t('field.tape'), model.tape ? `#${model.tape.id} · ${model.tape.sha256} · ${model.tape.rowsImported}` : t('value.ownLines'));
  r = fields.put(r, t('field.mode'), head ? modeSaid(t, head) : '');
  r = fields.put(r, t('field.cutoff'), isoDate(head?.cutoffDate), 'date');
  r = fields.put(r, t('field.closing'), isoDate(head?.closingDate), 'date');
  r = fields.put(r, t.money(t('field.poolBalance')), head?.poolBalance ?? null, 'money');
  r = fields.put(r, t('field.currency'), t(model.deal.currency === undefined ? 'value.currency' : `value.currency.${model.deal.currency}`));
  if (model.setName !== null) r = fields.put(r, t('field.scenarioSet'), model.setName);
  r = fields.put(r, t('field.scenarios'), model.scenarios.map((s) => s.name).join(' · '));
  r = fields.put(r, t('field.engine'), `${model.engine.version} (${model.engine.sourcesSha256})`);
  r = fields.put(r, t('field.generated'), model.generatedAt);
  r += 1;
  for (const scenario of model.scenarios) {
    r = fields.heading(r, `${t('col.scenario')}${t('sep.colon')}${scenario.name}`, 12);
    const engine = `${t('field.engine')}${t('sep.colon')}${scenario.engine.version} (${scenario.engine.sourcesSha256})`;
    r = fields.put(r, t('field.run'), `${scenario.runId === null ? t('field.notStored') : `#${scenario.runId}`} · ${engine}`);
    r = fields.put(r, t('field.inputHash'), scenario.inputHash ?? '');
    if (scenario.run.warnings.length > 0) r = fields.put(r, t('field.warnings'), scenario.run.warnings.join(' | '));
    const be = scenario.breakevens;
    if (be !== null) r = fields.put(r, t('field.breakevens'), `${t(`breakeven.${be.by}`)} · ${t(`breakeven.${be.interest}`)} · ${be.tolerance} · ${be.runs}`);
    r = writeTable(sheet, t, r, trancheColumns(t, scenario, legalFinal), scenario.run.tranches, t('row.total'));
    r += 1;
  }
  return fields;
}
