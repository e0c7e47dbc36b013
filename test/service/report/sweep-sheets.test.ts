import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS, { type ExcelJSTypes } from '../../../data/excel.ts';
import type { DealFile, GridResult, JobInfo, MonteCarloResult, StoredRun } from '../../../service/api/contract.ts';
import { readDealFile } from '../../../service/files/deal-file.ts';
import { labelsFor, type Labels } from '../../../service/report/labels.ts';
import { FRONTIER_ARGB } from '../../../service/report/sheets/grid.ts';
import { Service } from '../../../service/service.ts';
import { REPO_ROOT } from '../../helpers/repo.ts';

/**
 * Stored sensitivity grids and Monte Carlo runs in the tranche workbook: each gets its own sheet,
 * read back here and compared cell for cell with the stored run's JSON (runs.get).
 */

type Cell = ExcelJSTypes.CellValue;
// The US auto template states currency USD: money headers say it ("Original balance (USD)", "发行金额（美元）").
const t = labelsFor('en', 'USD');
const zh = labelsFor('zh-CN', 'USD');

async function value<T>(result: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>): Promise<T> {
  const answer = await result;
  if (!answer.ok) throw new Error(answer.error.message);
  return answer.value;
}

async function finished(service: Service, job: JobInfo): Promise<JobInfo> {
  const done = await service.jobs.wait(job.id);
  if (done.state !== 'succeeded') throw new Error(done.error?.message ?? done.state);
  return done;
}

let dir = '';
let service: Service;
let grid: GridResult;
let mc: MonteCarloResult;

async function workbookOf(language: 'en' | 'zh-CN', file: string): Promise<ExcelJSTypes.Workbook> {
  await finished(service, await value(service.call('report.excel', { runIds: [1, 2, 3], language, outPath: join(dir, file) })));
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(join(dir, file));
  return workbook;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'abs-report-sweeps-'));
  service = new Service({ transport: 'test' });
  await value(service.call('workspace.open', { path: join(dir, 'ws.sqlite'), create: true }));
  const deal: DealFile = readDealFile(JSON.parse(readFileSync(join(REPO_ROOT, 'templates', 'deals', 'us-auto-oc-turbo.json'), 'utf8')));
  await finished(service, await value(service.call('deal.run', { deal })));
  // Default multipliers across, prepayment multipliers down (the template's breakevens: A 27.4×, B 16.3×, C 10.5×).
  await finished(service, await value(service.call('deal.grid', { deal, rows: { parameter: 'prepayMult', values: [1, 2] }, columns: { parameter: 'defaultMult', values: [1, 8, 12, 20] } })));
  await finished(service, await value(service.call('deal.monteCarlo', { deal, distribution: { kind: 'lognormal', mean: 0.12, cv: 0.8 }, paths: 200, seed: 7 })));
  const stored = await Promise.all([2, 3].map((id) => value<StoredRun>(service.call('runs.get', { id }))));
  if (stored[0]?.result.kind !== 'deal.grid' || stored[1]?.result.kind !== 'deal.monteCarlo') throw new Error('runs #2 and #3 are a grid and a Monte Carlo run');
  grid = stored[0].result.grid;
  mc = stored[1].result.monteCarlo;
}, 240_000);

afterAll(async () => {
  await service.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The row whose first cell is `text` (a table's title), or 0. */
function rowOf(sheet: ExcelJSTypes.Worksheet, text: string, from = 1): number {
  for (let r = from; r <= sheet.rowCount; r += 1) if (sheet.getCell(r, 1).value === text) return r;
  return 0;
}

const blankAsNull = (cell: Cell): Cell => (cell === undefined ? null : cell);
/** A row's cells from column A, blanks as null (exceljs gives a sparse array, whose holes map() skips). */
const cellsOf = (sheet: ExcelJSTypes.Worksheet, row: number): Cell[] => Array.from(sheet.getRow(row).values as Cell[], blankAsNull).slice(1);

/** A grid table under `title`: its column header values and the body, row value first. */
function gridTable(sheet: ExcelJSTypes.Worksheet, title: string, extraColumns = 0): { headers: Cell[]; body: Cell[][] } {
  const titleRow = rowOf(sheet, title);
  expect(titleRow, `${sheet.name}: no table "${title}"`).toBeGreaterThan(0);
  const width = 1 + grid.columns.values.length + extraColumns;
  const row = (r: number): Cell[] => Array.from({ length: width }, (_, c) => blankAsNull(sheet.getCell(r, c + 1).value));
  return { headers: row(titleRow + 1), body: grid.rows.values.map((_, i) => row(titleRow + 2 + i)) };
}

function checkGridSheet(sheet: ExcelJSTypes.Worksheet, l: Labels): void {
  grid.notes.forEach((note, k) => {
    const frontier = grid.frontier.find((f) => f.noteId === note.id);
    const loss = gridTable(sheet, `${note.id} · ${l('grid.loss')}`, 2);
    expect(loss.headers.slice(1)).toEqual([...grid.columns.values.map(String), l('grid.frontierLoss'), l('grid.frontierTimely')]);
    const titleRow = rowOf(sheet, `${note.id} · ${l('grid.loss')}`);
    loss.body.forEach((cells, i) => {
      expect(cells[0]).toBe(grid.rows.values[i]);
      expect(cells.slice(1, 1 + grid.columns.values.length)).toEqual(grid.cells[i]?.map((c) => c.notes[k]?.lossRate));
      expect(cells.slice(-2)).toEqual([frontier?.principalLoss[i] ?? l('grid.none'), frontier?.timelyInterest[i] ?? l('grid.none')]);
      // The frontier's meaning, checked on the stored cells: no principal lost at a smaller default multiple, lost at it.
      const marked = grid.columns.values.map((_, j) => {
        const cell = sheet.getCell(titleRow + 2 + i, 2 + j);
        return cell.fill?.type === 'pattern' && cell.fill.fgColor?.argb === FRONTIER_ARGB;
      });
      const at = frontier?.principalLoss[i] ?? null;
      expect(marked).toEqual(grid.columns.values.map((v) => v === at));
      if (at !== null) {
        const j = grid.columns.values.indexOf(at);
        expect(grid.cells[i]?.[j]?.notes[k]?.principalLost).toBe(true);
        for (let before = 0; before < j; before += 1) expect(grid.cells[i]?.[before]?.notes[k]?.principalLost).toBe(false);
      }
    });
    const wal = gridTable(sheet, `${note.id} · ${l('grid.wal')} ${note.walBasis}`);
    wal.body.forEach((cells, i) => expect(cells.slice(1)).toEqual(grid.cells[i]?.map((c) => c.notes[k]?.walYears ?? null)));
  });
  gridTable(sheet, l('grid.poolCdr')).body.forEach((cells, i) => expect(cells.slice(1)).toEqual(grid.cells[i]?.map((c) => c.cumulativeDefaultRate)));
  gridTable(sheet, l('grid.poolNetLoss')).body.forEach((cells, i) => expect(cells.slice(1)).toEqual(grid.cells[i]?.map((c) => c.cumulativeNetLossRate)));
}

function checkMonteCarloSheet(sheet: ExcelJSTypes.Worksheet, l: Labels): void {
  const field = (label: string): Cell => sheet.getCell(rowOf(sheet, label), 2).value;
  expect([field(l('mc.distribution')), field(l('mc.paths')), field(l('mc.seed'))]).toEqual([mc.distributionText, 200, 7]);
  expect([field(l('mc.scenarioDefault')), field(l('mc.meanDefault')), field(l('mc.floored')), field(l('mc.capped'))]).toEqual([
    mc.scenarioLifetimeDefault,
    mc.meanLifetimeDefault,
    mc.flooredPaths,
    mc.cappedPaths,
  ]);
  const header = rowOf(sheet, l('mc.notes')) + 1;
  const headers = cellsOf(sheet, header);
  expect(headers.slice(0, 7)).toEqual([l('col.class'), l('col.name'), l.money(l('col.originalBalance')), l('col.expectedLoss'), l('col.standardError'), l('col.probabilityOfLoss'), l('col.meanWal')]);
  expect(headers[2]).toBe(l === zh ? '发行金额（美元）' : 'Original balance (USD)');
  mc.notes.forEach((note, k) => {
    const got = cellsOf(sheet, header + 1 + k);
    const p = note.percentiles;
    expect(got).toEqual([
      note.id,
      note.name,
      note.originalBalance,
      note.expectedLoss,
      note.standardError,
      note.probabilityOfLoss,
      note.meanWalYears,
      p.p50,
      p.p75,
      p.p90,
      p.p95,
      p.p99,
      note.impliedRating,
      note.pathsForOnePercentError,
    ]);
  });
  const pool = rowOf(sheet, l('mc.pool')) + 2;
  expect(cellsOf(sheet, pool)).toEqual([mc.pool.meanNetLoss, mc.pool.percentiles.p50, mc.pool.percentiles.p75, mc.pool.percentiles.p90, mc.pool.percentiles.p95, mc.pool.percentiles.p99]);
  const histograms = [[`${l('mc.pool')} · ${l('mc.histogram')}`, mc.pool.histogram] as const, ...mc.notes.map((n) => [`${n.id} · ${l('mc.histogram')}`, n.histogram] as const)];
  for (const [title, bins] of histograms) {
    const top = rowOf(sheet, title) + 2;
    bins.forEach((bin, b) => {
      expect(cellsOf(sheet, top + b).slice(0, 4)).toEqual([bin.from, bin.to, bin.paths, bin.paths / 200]);
    });
    // The totals row: every one of the 200 paths falls in exactly one bin (hand count: 200 paths, shares summing to 1).
    const total = cellsOf(sheet, top + bins.length);
    expect(total[0]).toBe(l('row.total'));
    expect(total[2]).toBe(200);
    expect(total[3]).toBeCloseTo(1, 12);
  }
}

/** The sheet's stored-run line: the value beside the label in column A. */
function runLine(sheet: ExcelJSTypes.Worksheet | undefined, l: Labels): Cell {
  if (!sheet) return null;
  for (let r = 1; r <= sheet.rowCount; r += 1) if (sheet.getCell(r, 1).value === l('field.run')) return sheet.getCell(r, 2).value;
  return null;
}

// The runs' generated names (service/run-store/inputs.ts: runName.grid / runName.monteCarlo around
// runName.deal of the template's own name, runName.ownPool and runName.dealScenario), each language in its order.
const DEAL = 'US auto-loan ABS, sequential pay with OC target and turbo';
const NAMES = {
  en: {
    grid: `#2 · Grid prepayMult × defaultMult — ${DEAL} on its own pool — deal’s scenario`,
    mc: `#3 · Monte Carlo 200 paths, lognormal:mean=0.12,cv=0.8, seed 7 — ${DEAL} on its own pool — deal’s scenario`,
  },
  zh: {
    grid: `#2 · 敏感性网格 早偿乘数 × 违约乘数 — ${DEAL}（交易自带资产池）— 交易文件情景`,
    mc: `#3 · 蒙特卡洛 200 条路径，lognormal:mean=0.12,cv=0.8，随机种子 7 — ${DEAL}（交易自带资产池）— 交易文件情景`,
  },
};

describe('sensitivity and Monte Carlo sheets', () => {
  it('write each stored grid and Monte Carlo run on its own sheet, every cell the run’s own', async () => {
    const workbook = await workbookOf('en', 'sweeps.xlsx');
    const names = workbook.worksheets.map((s) => s.name);
    expect(names).toContain('Sensitivity #2');
    expect(names).toContain('Monte Carlo #3');
    expect(names.indexOf('Monte Carlo #3')).toBe(names.indexOf('Strats') - 1);
    // At the template's own prepayment (row 1×) the frontiers sit where its breakeven multipliers put them
    // (Deal screen: A 27.438×, B 16.297×, C 10.531×): C first loses at 12×, B at 20×, A nowhere up to 20×.
    expect(grid.frontier.map((f) => [f.noteId, f.principalLoss[0]])).toEqual([
      ['A', null],
      ['B', 20],
      ['C', 12],
    ]);
    checkGridSheet(workbook.getWorksheet('Sensitivity #2') as ExcelJSTypes.Worksheet, t);
    checkMonteCarloSheet(workbook.getWorksheet('Monte Carlo #3') as ExcelJSTypes.Worksheet, t);
    expect(runLine(workbook.getWorksheet('Sensitivity #2'), t)).toBe(NAMES.en.grid);
    expect(runLine(workbook.getWorksheet('Monte Carlo #3'), t)).toBe(NAMES.en.mc);
  }, 120_000);

  it('labels them in Chinese with the same numbers', async () => {
    const workbook = await workbookOf('zh-CN', 'sweeps-zh.xlsx');
    checkGridSheet(workbook.getWorksheet('敏感性网格 #2') as ExcelJSTypes.Worksheet, zh);
    checkMonteCarloSheet(workbook.getWorksheet('蒙特卡洛 #3') as ExcelJSTypes.Worksheet, zh);
    // the runs' generated names in Chinese (the stored English name is what the CLI prints)
    expect(runLine(workbook.getWorksheet('敏感性网格 #2'), zh)).toBe(NAMES.zh.grid);
    expect(runLine(workbook.getWorksheet('蒙特卡洛 #3'), zh)).toBe(NAMES.zh.mc);
  }, 120_000);

  it('refuses a grid of another deal, naming the run', async () => {
    const other: DealFile = readDealFile(JSON.parse(readFileSync(join(REPO_ROOT, 'templates', 'deals', 'pass-through.json'), 'utf8')));
    await finished(service, await value(service.call('deal.grid', { deal: other, rows: { parameter: 'prepayMult', values: [1] }, columns: { parameter: 'defaultMult', values: [1] } })));
    const answer = await service.call('report.pack', { runIds: [1, 4] });
    expect(answer.ok).toBe(false);
    if (!answer.ok) expect(answer.error.message).toContain('run #4');
  }, 120_000);
});
