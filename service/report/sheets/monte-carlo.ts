import type { ExcelJSTypes } from '../../../data/excel.ts';
import type { LossHistogramBin, LossPercentiles, MonteCarloNoteRow } from '../../api/contract.ts';
import type { Labels } from '../labels.ts';
import type { ReportMonteCarlo } from '../model.ts';
import type { SummaryRows } from './summary.ts';
import { boldRow, putCell, writeTable, type CellFormat, type CellInput, type Column } from '../table.ts';

type Worksheet = ExcelJSTypes.Worksheet;

const PERCENTILES: readonly (keyof LossPercentiles)[] = ['p50', 'p75', 'p90', 'p95', 'p99'];

/** The run and its draw: distribution, paths, seed, the default it centres on, floor and cap with the paths moved to them. Returns the next free row. */
function writeHeading(sheet: Worksheet, sweep: ReportMonteCarlo, t: Labels): number {
  const mc = sweep.result;
  const ratings = mc.ratingTable === null ? t('mc.noRatingTable') : mc.ratingTable.map((r) => `${r.rating} ≤ ${(r.maxExpectedLoss * 100).toFixed(4)}%`).join(' · ');
  const lines: readonly (readonly [string, CellInput, CellFormat])[] = [
    [t('field.run'), `${sweep.shortName} · ${sweep.name}`, 'text'],
    [t('field.inputHash'), sweep.inputHash, 'text'],
    [t('mc.distribution'), mc.distributionText, 'text'],
    [t('mc.paths'), mc.paths, 'int'],
    [t('mc.seed'), mc.seed, 'int'],
    [t('mc.scenarioDefault'), mc.scenarioLifetimeDefault, 'rate'],
    [t('mc.meanDefault'), mc.meanLifetimeDefault, 'rate'],
    [t('mc.floor'), mc.floorLifetimeDefault, 'rate'],
    [t('mc.cap'), mc.capLifetimeDefault, 'rate'],
    [t('mc.floored'), mc.flooredPaths, 'int'],
    [t('mc.capped'), mc.cappedPaths, 'int'],
    [t('mc.meanDealCdr'), mc.meanDealCumulativeDefault, 'rate'],
    [t('mc.ratingTable'), ratings, 'text'],
  ];
  putCell(sheet, 1, 1, `${t('mc.title')} — ${mc.dealName}`, 'text');
  boldRow(sheet, 1, 1, 1);
  lines.forEach(([label, value, format], k) => {
    putCell(sheet, 2 + k, 1, label, 'text');
    putCell(sheet, 2 + k, 2, value, format);
  });
  return 3 + lines.length;
}

function noteColumns(t: Labels): Column<MonteCarloNoteRow>[] {
  return [
    { header: t('col.class'), format: 'text', value: (n) => n.id },
    { header: t('col.name'), format: 'text', value: (n) => n.name },
    { header: t('col.originalBalance'), format: 'money', value: (n) => n.originalBalance },
    { header: t('col.expectedLoss'), format: 'rate', value: (n) => n.expectedLoss },
    { header: t('col.standardError'), format: 'rate', value: (n) => n.standardError },
    { header: t('col.probabilityOfLoss'), format: 'rate', value: (n) => n.probabilityOfLoss },
    { header: t('col.meanWal'), format: 'years', value: (n) => n.meanWalYears },
    ...PERCENTILES.map((p): Column<MonteCarloNoteRow> => ({ header: t(`col.${p}`), format: 'rate', value: (n) => n.percentiles[p] })),
    { header: t('col.impliedRating'), format: 'text', value: (n) => n.impliedRating },
    { header: t('col.pathsForError'), format: 'int', value: (n) => n.pathsForOnePercentError },
  ];
}

/** A histogram as a table from `startRow` under its title: each bin's edges, paths and share of all paths. Returns the row after it (and a blank row). */
function writeHistogram(sheet: Worksheet, startRow: number, title: string, bins: readonly LossHistogramBin[], paths: number, t: Labels): number {
  putCell(sheet, startRow, 1, title, 'text');
  boldRow(sheet, startRow, 1, 1);
  const columns: Column<LossHistogramBin>[] = [
    { header: t('col.binFrom'), format: 'rate', value: (b) => b.from },
    { header: t('col.binTo'), format: 'rate', value: (b) => b.to },
    { header: t('col.paths'), format: 'int', value: (b) => b.paths, total: true },
    { header: t('col.pathShare'), format: 'rate', value: (b) => (paths > 0 ? b.paths / paths : null), total: true },
  ];
  return writeTable(sheet, t, startRow + 1, columns, bins, t('row.total')) + 1;
}

/**
 * A stored Monte Carlo run (docs/monte-carlo.md): its draw; per note the expected loss, its
 * standard error, probability of loss, mean WAL, loss percentiles and implied rating; the pool's
 * net loss; and every histogram as a table of bins. Every number is the stored run's own.
 */
export function writeMonteCarlo(sheet: Worksheet, sweep: ReportMonteCarlo, t: Labels): SummaryRows {
  const mc = sweep.result;
  let row = writeHeading(sheet, sweep, t);
  // Column widths follow the tables: titles span the columns; in the heading only the labels count.
  const labelRows = new Set<number>(Array.from({ length: row - 3 }, (_, k) => 2 + k));
  const headingRows = new Set<number>([1, row]);
  putCell(sheet, row, 1, t('mc.notes'), 'text');
  boldRow(sheet, row, 1, 1);
  row = writeTable(sheet, t, row + 1, noteColumns(t), mc.notes) + 1;
  headingRows.add(row);
  putCell(sheet, row, 1, t('mc.pool'), 'text');
  boldRow(sheet, row, 1, 1);
  const poolColumns: Column<typeof mc.pool>[] = [
    { header: t('col.meanNetLoss'), format: 'rate', value: (p) => p.meanNetLoss },
    ...PERCENTILES.map((p): Column<typeof mc.pool> => ({ header: t(`col.${p}`), format: 'rate', value: (pool) => pool.percentiles[p] })),
  ];
  row = writeTable(sheet, t, row + 1, poolColumns, [mc.pool]) + 1;
  const histograms = [{ title: `${t('mc.pool')} · ${t('mc.histogram')}`, bins: mc.pool.histogram }, ...mc.notes.map((n) => ({ title: `${n.id} · ${t('mc.histogram')}`, bins: n.histogram }))];
  for (const { title, bins } of histograms) {
    headingRows.add(row);
    row = writeHistogram(sheet, row, title, bins, mc.paths, t);
  }
  return { labelRows, headingRows };
}
