import type { ExcelJSTypes } from '../../../data/excel.ts';
import type { ScenarioRunRow, TrancheRow } from '../../api/contract.ts';
import { scenarioRow } from '../../runs/scenario-set.ts';
import { RESIDUAL_COUPON } from '../../runs/tranches.ts';
import type { LabelKey, Labels } from '../labels.ts';
import type { ReportModel, ReportScenario } from '../model.ts';
import { isoDate, putCell, writeTable, type CellFormat, type CellInput, type Column } from '../table.ts';

interface Metric {
  readonly label: string;
  readonly format: CellFormat;
  readonly value: (scenario: ReportScenario) => CellInput;
}

type NoteMetric = readonly [LabelKey, CellFormat, (r: TrancheRow) => CellInput];

const YIELD: NoteMetric = ['col.yieldAe', 'rate', (r) => r.yieldAtParAnnualEffective];
const IRR: NoteMetric = ['col.irr', 'rate', (r) => r.irr];

/** A note's figures, its return being `returnMetric`: the yield at par, or the residual note's IRR (it has no coupon, so no yield; as the Summary's IRR column and Compare's "IRR"). */
const noteMetrics = (returnMetric: NoteMetric): readonly NoteMetric[] => [
  ['col.wal', 'years', (r) => r.walYears],
  ['col.firstPrincipal', 'date', (r) => isoDate(r.firstPrincipal?.date)],
  ['col.lastPrincipal', 'date', (r) => isoDate(r.lastPrincipal?.date)],
  ['col.expectedFinal', 'date', (r) => isoDate(r.expectedFinal?.date)],
  returnMetric,
  ['col.modDuration', 'years', (r) => r.modifiedDurationYears],
  ['col.writeDown', 'money', (r) => r.writeDown],
  ['col.lossPct', 'rate', (r) => r.lossRate],
  ['col.shortfall', 'money', (r) => r.interestShortfall],
];

/** A residual note: it has an IRR in some scenario, or no coupon (a residual that received nothing has neither IRR nor yield). */
const isResidual = (scenarios: readonly ReportScenario[], j: number): boolean =>
  scenarios.some((s) => {
    const row = s.run.tranches[j];
    return row !== undefined && (row.irr !== null || row.coupon === RESIDUAL_COUPON);
  });

const pool = (s: ReportScenario): ScenarioRunRow => scenarioRow(s.name, null, s.run);

/** The pool's end-of-life figures of a scenario: a scenario set's row (deal.runScenarios, the investor pack) computes them. */
function poolMetrics(t: Labels): Metric[] {
  return [
    { label: t('row.poolCdr'), format: 'rate', value: (s) => pool(s).cumulativeDefaultRate },
    { label: t('row.poolNetLoss'), format: 'money', value: (s) => pool(s).cumulativeNetLoss },
    { label: t('row.poolNetLossRate'), format: 'rate', value: (s) => pool(s).cumulativeNetLossRate },
    { label: t('row.poolReserveDraws'), format: 'money', value: (s) => pool(s).reserveDraws },
  ];
}

/** One row per note and figure (and the pool's figures), one column per scenario. */
export function writeComparison(sheet: ExcelJSTypes.Worksheet, model: ReportModel, t: Labels): void {
  const notes = model.scenarios[0]?.run.tranches ?? [];
  const metrics: Metric[] = notes.flatMap((note, j) =>
    noteMetrics(isResidual(model.scenarios, j) ? IRR : YIELD).map(([key, format, pick]) => ({
      label: `${note.id} · ${t(key)}`,
      format,
      value: (s: ReportScenario) => {
        const row = s.run.tranches[j];
        return row ? pick(row) : null;
      },
    })),
  );
  metrics.push(...poolMetrics(t));
  // Each row has its own unit: a money row's label says the currency ("A · Write-down (CNY)"), its cells stay numbers.
  const labelled = metrics.map((m) => (m.format === 'money' ? { ...m, label: t.money(m.label) } : m));
  const columns: Column<Metric>[] = [{ header: t('col.metric'), format: 'text', value: (m) => m.label }];
  model.scenarios.forEach((scenario) => columns.push({ header: scenario.name, format: 'text', value: () => null }));
  writeTable(sheet, t, 1, columns, labelled);
  // Write the values with the row's format.
  labelled.forEach((metric, i) => model.scenarios.forEach((scenario, k) => putCell(sheet, 2 + i, 2 + k, metric.value(scenario), metric.format)));
}
