import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS, { type ExcelJSTypes } from '../../../data/excel.ts';
import type { BreakevenResult, DealFile, DealRunResult, JobInfo, ReportExcelRequest, StoredRun, StratTable } from '../../../service/api/contract.ts';
import { readDealFile } from '../../../service/files/deal-file.ts';
import { importReportOf } from '../../../service/jobs/job-manager.ts';
import { labelsFor, type LabelKey } from '../../../service/report/labels.ts';
import { NUMBER_FORMATS } from '../../../service/report/table.ts';
import { Service } from '../../../service/service.ts';
import { REPO_ROOT } from '../../helpers/repo.ts';
import { HOSTILE, writeHostileTape } from './hostile-tape.ts';

type Cell = ExcelJSTypes.CellValue;
// The consumer template states currency CNY: a money column's header says it ("Original balance (CNY)", "发行金额（元）").
const t = labelsFor('en', 'CNY');
const zh = labelsFor('zh-CN', 'CNY');
/** A money column's header (or row's label): its label with the deal's currency. */
const m = (key: LabelKey): string => t.money(t(key));

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
let deal: DealFile;
let tapeId = 0;
const runs: StoredRun[] = [];
let setRunIds: number[] = [];

async function readWorkbook(path: string): Promise<ExcelJSTypes.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  return workbook;
}

async function report(request: Omit<ReportExcelRequest, 'outPath'>, file: string): Promise<JobInfo> {
  return finished(service, await value(service.call('report.excel', { ...request, outPath: join(dir, file) })));
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'abs-report-'));
  service = new Service({ transport: 'test' });
  await value(service.call('workspace.open', { path: join(dir, 'ws.sqlite'), create: true }));
  await writeHostileTape(join(dir, 'hostile.csv'), 400, 21);
  const imported = await finished(service, await value(service.call('tape.import', { source: { kind: 'path', path: join(dir, 'hostile.csv') }, mode: 'reject', cutoffDate: '2026-09-30' })));
  tapeId = importReportOf(imported)?.tapeId ?? 0;
  const template = readDealFile(JSON.parse(readFileSync(join(REPO_ROOT, 'templates', 'deals', 'cn-consumer-revolving.json'), 'utf8')));
  // The notes sized to the tape's pool: 80% A, 9% B, 11% subordinate (as test/service/deals.test.ts).
  const pool = (await value(service.call('pool.summary', { tapeId }))).currentBalance;
  const notes = template.notes.map((n, i) => ({ ...n, originalBalance: Math.round(pool * ([0.8, 0.09, 0.11][i] ?? 0) * 100) / 100 }));
  // The 90+ DPD trigger gets an early-warning level (reported, never acts): the accounts sheet shows it.
  const triggers = template.triggers?.map((trigger) => (trigger.id === 'dq90' ? { ...trigger, warning: 0.01 } : trigger));
  deal = { ...template, notes, ...(triggers ? { triggers } : {}), ...(template.reserve ? { reserve: { ...template.reserve, initialDeposit: Math.round(pool * 0.0089 * 100) / 100 } } : {}) };
  await finished(service, await value(service.call('deal.run', { deal, tapeId })));
  await finished(service, await value(service.call('deal.run', { deal, tapeId, scenarioOverrides: { prepayment: '20 CPR', defaultMultiplier: 2 } })));
  await finished(service, await value(service.call('deal.breakeven', { deal, tapeId })));
  for (const id of [1, 2, 3]) runs.push(await value(service.call('runs.get', { id })));
  await report({ runIds: [1, 2, 3] }, 'runs.xlsx');
  const set = { name: '=SUM(A1)', scenarios: [{ name: '+Base' }, { name: '@Stress', multipliers: { pool: { default: 2, rollIn: 2 } } }] };
  const done = await report({ deal, tapeId, scenarios: set, language: 'zh-CN' }, 'set.xlsx');
  setRunIds = done.result?.kind === 'report.excel' ? done.result.report.scenarios.map((s) => s.runId ?? 0) : [];
}, 240_000);

afterAll(async () => {
  await service.close();
  rmSync(dir, { recursive: true, force: true });
});

const dealRunOf = (stored: StoredRun | undefined): DealRunResult => {
  if (stored?.result.kind !== 'deal.run') throw new Error('not a deal run');
  return stored.result.run;
};

/** The values under `header` in the table whose header row is `headerRow`, for `count` rows. */
function column(sheet: ExcelJSTypes.Worksheet, headerRow: number, header: string, count: number): Cell[] {
  const headers = (sheet.getRow(headerRow).values as Cell[]).map((v) => (typeof v === 'string' ? v : ''));
  const col = headers.indexOf(header);
  if (col < 1) throw new Error(`${sheet.name}: no column "${header}" in row ${headerRow} (${headers.join(' | ')})`);
  return Array.from({ length: count }, (_, k) => sheet.getCell(headerRow + 1 + k, col).value);
}

/** A date cell as its ISO day (Excel stores the day; exceljs reads it as midnight UTC). */
const day = (cell: Cell): string | null => (cell instanceof Date ? cell.toISOString().slice(0, 10) : null);
const blankAsNull = (cell: Cell): Cell => (cell === undefined ? null : cell);

function expectColumn(sheet: ExcelJSTypes.Worksheet, headerRow: number, header: string, expected: readonly (number | string | null)[]): void {
  const got = column(sheet, headerRow, header, expected.length).map(blankAsNull);
  expect(got, `${sheet.name} · ${header}`).toEqual(expected);
}

function expectDates(sheet: ExcelJSTypes.Worksheet, headerRow: number, header: string, expected: readonly (string | null | undefined)[]): void {
  expect(column(sheet, headerRow, header, expected.length).map(day), `${sheet.name} · ${header}`).toEqual(expected.map((d) => d ?? null));
}

const cents = (x: number): number => Math.round(x * 100) / 100;

function checkPoolSheet(sheet: ExcelJSTypes.Worksheet, run: DealRunResult): void {
  const p = run.periods;
  expectColumn(
    sheet,
    1,
    t('col.period'),
    p.map((r) => r.period),
  );
  expectDates(
    sheet,
    1,
    t('col.paymentDate'),
    p.map((r) => r.paymentDate),
  );
  const money: readonly [Parameters<typeof t>[0], (r: DealRunResult['periods'][number]) => number, boolean][] = [
    ['col.beginningBalance', (r) => r.pool.beginningBalance, false],
    ['col.interest', (r) => r.pool.interest, true],
    ['col.penaltyInterest', (r) => r.pool.penaltyInterest, true],
    ['col.scheduledPrincipal', (r) => r.pool.scheduledPrincipal, true],
    ['col.prepayments', (r) => r.pool.prepayments, true],
    ['col.defaults', (r) => r.pool.defaults, true],
    ['col.recoveries', (r) => r.pool.recoveries, true],
    ['col.losses', (r) => r.pool.losses, true],
    ['col.servicingFee', (r) => r.pool.servicingFee, true],
    ['col.endingBalance', (r) => r.pool.endingBalance, false],
    ['col.purchases', (r) => r.pool.principalPurchased, true],
    ['col.cleanUp', (r) => r.pool.cleanUpProceeds, true],
    ['col.dq60', (r) => r.pool.delinquent60Plus, false],
    ['col.poolFactor', (r) => r.pool.poolFactor, false],
  ];
  for (const [key, pick, total] of money) {
    const header = key === 'col.poolFactor' ? t(key) : m(key);
    expectColumn(sheet, 1, header, p.map(pick));
    // The totals row under the flows: their sum to the cent; balances have no total.
    const under = column(sheet, 1, header, p.length + 1).at(-1);
    expect(blankAsNull(under ?? null), `${sheet.name} total ${key}`).toEqual(total ? cents(p.reduce((s, r) => s + pick(r), 0)) : null);
  }
  expect(sheet.getCell(2 + p.length, 1).value).toBe(t('row.total'));
  expectColumn(sheet, 1, t('col.cdr'), [...run.cumulativeDefaultRate]);
  expectColumn(sheet, 1, m('col.cumNetLoss'), [...run.cumulativeNetLoss]);
}

function checkNoteSheet(sheet: ExcelJSTypes.Worksheet, run: DealRunResult, j: number): void {
  const rows = run.periods.map((p) => p.notes[j]);
  const original = run.tranches[j]?.originalBalance ?? 0;
  expectDates(
    sheet,
    1,
    t('col.paymentDate'),
    run.periods.map((p) => p.paymentDate),
  );
  expectColumn(
    sheet,
    1,
    m('col.beginningBalance'),
    rows.map((n) => n?.beginningBalance ?? null),
  );
  expectColumn(
    sheet,
    1,
    t('col.couponRate'),
    rows.map((n) => n?.couponRate ?? null),
  );
  expectColumn(
    sheet,
    1,
    m('col.interestDue'),
    rows.map((n) => n?.interestDue ?? null),
  );
  expectColumn(
    sheet,
    1,
    m('col.interestPaid'),
    rows.map((n) => n?.interestPaid ?? null),
  );
  expectColumn(
    sheet,
    1,
    m('col.interestShortfall'),
    rows.map((n) => n?.interestShortfall ?? null),
  );
  expectColumn(
    sheet,
    1,
    m('col.principalPaid'),
    rows.map((n) => n?.principalPaid ?? null),
  );
  expectColumn(
    sheet,
    1,
    m('col.writeDown'),
    rows.map((n) => n?.writeDown ?? null),
  );
  expectColumn(
    sheet,
    1,
    m('col.residualPaid'),
    rows.map((n) => n?.residualPaid ?? null),
  );
  expectColumn(
    sheet,
    1,
    m('col.endingBalance'),
    rows.map((n) => n?.endingBalance ?? null),
  );
  // Factor = ending balance ÷ original balance.
  expectColumn(
    sheet,
    1,
    t('col.factor'),
    rows.map((n) => (n ? n.endingBalance / original : null)),
  );
  // Totals: principal paid + write-downs retire the note (a note ends at 0 unless the deal ends first).
  const principal = column(sheet, 1, m('col.principalPaid'), rows.length + 1).at(-1);
  expect(principal).toBe(cents(rows.reduce((s, n) => s + (n?.principalPaid ?? 0), 0)));
}

function checkAccountsSheet(sheet: ExcelJSTypes.Worksheet, run: DealRunResult): void {
  const p = run.periods;
  expectColumn(
    sheet,
    1,
    m('col.reserveBeginning'),
    p.map((r) => r.reserve?.beginningBalance ?? null),
  );
  expectColumn(
    sheet,
    1,
    m('col.reserveTarget'),
    p.map((r) => r.reserve?.target ?? null),
  );
  expectColumn(
    sheet,
    1,
    m('col.reserveDraws'),
    p.map((r) => r.reserve?.draws ?? null),
  );
  expectColumn(
    sheet,
    1,
    m('col.reserveDeposits'),
    p.map((r) => r.reserve?.deposits ?? null),
  );
  expectColumn(
    sheet,
    1,
    m('col.reserveRelease'),
    p.map((r) => r.reserve?.release ?? null),
  );
  expectColumn(
    sheet,
    1,
    m('col.reserveEnding'),
    p.map((r) => r.reserve?.endingBalance ?? null),
  );
  run.tranches.forEach((note, j) =>
    expectColumn(
      sheet,
      1,
      t.money(`${t('col.pdl')} ${note.id}`),
      p.map((r) => r.notes[j]?.pdlBalance ?? null),
    ),
  );
  for (const [k, trigger] of (p[0]?.triggers ?? []).entries()) {
    expectColumn(
      sheet,
      1,
      `${trigger.id} ${t('col.triggerValue')}`,
      p.map((r) => r.triggers[k]?.value ?? null),
    );
    expectColumn(
      sheet,
      1,
      `${trigger.id} ${t('col.triggerThreshold')}`,
      p.map((r) => r.triggers[k]?.threshold ?? null),
    );
    const state = (x: (typeof p)[number]['triggers'][number] | undefined): string | null =>
      x === undefined ? null : x.breached ? 'breached' : x.tested ? 'test failed (not yet in force)' : x.warning === true ? 'early warning (changes nothing)' : 'ok';
    expectColumn(
      sheet,
      1,
      `${trigger.id} ${t('col.triggerState')}`,
      p.map((r) => state(r.triggers[k])),
    );
    if (trigger.warningThreshold !== undefined)
      expectColumn(
        sheet,
        1,
        `${trigger.id} ${t('col.triggerWarning')}`,
        p.map((r) => r.triggers[k]?.warningThreshold ?? null),
      );
  }
  expectColumn(
    sheet,
    1,
    m('col.excessSpread'),
    p.map((r) => r.excessSpread),
  );
  expectColumn(
    sheet,
    1,
    t('col.liquidity'),
    p.map((r) => r.liquidityCoverage),
  );
  expectColumn(
    sheet,
    1,
    t('col.revolving'),
    p.map((r) => (r.revolving ? 'yes' : 'no')),
  );
}

/** Rows of column A equal to `text`. */
function rowsWith(sheet: ExcelJSTypes.Worksheet, text: string): number[] {
  const found: number[] = [];
  sheet.eachRow((row, r) => {
    if (row.getCell(1).value === text) found.push(r);
  });
  return found;
}

function checkTrancheTable(sheet: ExcelJSTypes.Worksheet, headerRow: number, run: DealRunResult, breakevens: BreakevenResult | null): void {
  const n = run.tranches;
  expectColumn(
    sheet,
    headerRow,
    t('col.class'),
    n.map((r) => r.id),
  );
  expectColumn(
    sheet,
    headerRow,
    m('col.originalBalance'),
    n.map((r) => r.originalBalance),
  );
  expectColumn(
    sheet,
    headerRow,
    t('col.coupon'),
    n.map((r) => r.coupon),
  );
  expectColumn(
    sheet,
    headerRow,
    `${t('col.wal')} ACT/365`,
    n.map((r) => r.walYears),
  );
  expectDates(
    sheet,
    headerRow,
    t('col.firstPrincipal'),
    n.map((r) => r.firstPrincipal?.date),
  );
  expectDates(
    sheet,
    headerRow,
    t('col.lastPrincipal'),
    n.map((r) => r.lastPrincipal?.date),
  );
  expectDates(
    sheet,
    headerRow,
    t('col.expectedFinal'),
    n.map((r) => r.expectedFinal?.date),
  );
  expectDates(
    sheet,
    headerRow,
    t('col.legalFinal'),
    n.map(() => deal.dates.legalFinalMaturity),
  );
  expectColumn(
    sheet,
    headerRow,
    t('col.price'),
    n.map((r) => (r.yieldAtParAnnualEffective === null ? null : 100)),
  );
  expectColumn(
    sheet,
    headerRow,
    t('col.yieldAe'),
    n.map((r) => r.yieldAtParAnnualEffective),
  );
  expectColumn(
    sheet,
    headerRow,
    t('col.yieldBey'),
    n.map((r) => r.yieldAtParBondEquivalent),
  );
  expectColumn(
    sheet,
    headerRow,
    t('col.yieldMey'),
    n.map((r) => r.yieldAtParMortgageEquivalent),
  );
  expectColumn(
    sheet,
    headerRow,
    t('col.yieldCn'),
    n.map((r) => r.yieldAtParChinaInterbank),
  );
  expectColumn(
    sheet,
    headerRow,
    t('col.irr'),
    n.map((r) => r.irr),
  );
  expectColumn(
    sheet,
    headerRow,
    t('col.modDuration'),
    n.map((r) => r.modifiedDurationYears),
  );
  expectColumn(
    sheet,
    headerRow,
    m('col.writeDown'),
    n.map((r) => r.writeDown),
  );
  expectColumn(
    sheet,
    headerRow,
    t('col.lossPct'),
    n.map((r) => r.lossRate),
  );
  expectColumn(
    sheet,
    headerRow,
    m('col.shortfall'),
    n.map((r) => r.interestShortfall),
  );
  expectColumn(
    sheet,
    headerRow,
    t('col.ceClosing'),
    n.map((r) => r.creditEnhancementAtClosing),
  );
  // Totals row: the notes' original balances add up to the capital structure (80% + 9% + 11% of the pool).
  const total = column(sheet, headerRow, m('col.originalBalance'), n.length + 1).at(-1);
  expect(total).toBe(cents(deal.notes.reduce((s, note) => s + note.originalBalance, 0)));
  if (breakevens)
    expectColumn(
      sheet,
      headerRow,
      t('col.breakevenMult'),
      n.map((r) => breakevens.rows.find((b) => b.id === r.id)?.stress ?? null),
    );
  else expect(() => column(sheet, headerRow, t('col.breakevenMult'), 1)).toThrow(/no column/);
}

/** Every leaf of a JSON value as [JSON path, value], written out independently of the report's own flattening. */
function leaves(x: unknown, path: string, out: [string, unknown][]): [string, unknown][] {
  if (Array.isArray(x) && x.length === 0) out.push([path, '[]']);
  else if (x !== null && typeof x === 'object' && Object.keys(x).length === 0) out.push([path, '{}']);
  else if (Array.isArray(x)) x.forEach((v, k) => leaves(v, `${path}[${k}]`, out));
  else if (x !== null && typeof x === 'object') for (const [k, v] of Object.entries(x)) leaves(v, /^[A-Za-z_$][\w$]*$/.test(k) ? `${path}.${k}` : `${path}["${k}"]`, out);
  else out.push([path, typeof x === 'number' ? x : String(x)]);
  return out;
}

const last = (run: DealRunResult): number => run.periods.length - 1;

/** How many columns a print-titles range ("A:B") repeats: its last column's letter (A–Z). */
const titleColumns = (range: string | undefined): number => (range === undefined ? 0 : (range.split(':')[1] ?? 'A').charCodeAt(0) - 64);

describe('the Excel tranche report of stored runs', () => {
  it('has the sheets in order, each name unique and at most 31 characters', async () => {
    const workbook = await readWorkbook(join(dir, 'runs.xlsx'));
    const names = workbook.worksheets.map((s) => s.name);
    expect(names.slice(0, 3)).toEqual(['Summary', 'Scenario comparison', 'Assumptions']);
    expect(names.at(-1)).toBe('Strats');
    // Two deal runs (the breakeven joins run #1): per run Pool, A, B, Sub, Accounts.
    expect(names).toHaveLength(3 + 2 * 5 + 1);
    // Named after the run's number: run names are long and alike.
    expect(names.slice(3, 13)).toEqual(['#1 · Pool', '#1 · A', '#1 · B', '#1 · Sub', '#1 · Accounts', '#2 · Pool', '#2 · A', '#2 · B', '#2 · Sub', '#2 · Accounts']);
    for (const name of names) expect(name.length).toBeLessThanOrEqual(31);
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
  });

  it('writes every number of every sheet as the stored runs hold it', async () => {
    const workbook = await readWorkbook(join(dir, 'runs.xlsx'));
    const sheets = workbook.worksheets;
    const scenarioRuns = [runs[0], runs[1]].map(dealRunOf);
    const breakevens = runs[2]?.result.kind === 'deal.breakeven' ? runs[2].result.breakeven : null;
    scenarioRuns.forEach((run, k) => {
      const at = 3 + k * 5;
      checkPoolSheet(sheets[at] as ExcelJSTypes.Worksheet, run);
      run.tranches.forEach((_, j) => checkNoteSheet(sheets[at + 1 + j] as ExcelJSTypes.Worksheet, run, j));
      checkAccountsSheet(sheets[at + 4] as ExcelJSTypes.Worksheet, run);
    });
    const summary = workbook.getWorksheet('Summary') as ExcelJSTypes.Worksheet;
    const tables = rowsWith(summary, t('col.class'));
    expect(tables).toHaveLength(2);
    checkTrancheTable(summary, tables[0] ?? 0, scenarioRuns[0] as DealRunResult, breakevens);
    checkTrancheTable(summary, tables[1] ?? 0, scenarioRuns[1] as DealRunResult, null);
    // The runs named with their hashes and engine.
    const text = JSON.stringify(summary.getSheetValues());
    for (const stored of runs.slice(0, 2)) expect(text).toContain(stored.record.inputHash);
    expect(text).toContain(runs[0]?.record.engine.sourcesSha256);
    // Run #3's breakevens joined run #1: how they were searched is stated.
    const be = runs[2]?.result.kind === 'deal.breakeven' ? runs[2].result.breakeven : null;
    // interest 'bySeniority' in words (never the request's identifier)
    expect(text).toContain(`"default multiplier · timely for the senior class (seniority 1), ultimate for the others · ${be?.tolerance ?? ''} · ${be?.runs ?? ''}"`);
  });

  it('compares the scenarios side by side and lists every assumption each ran under', async () => {
    const workbook = await readWorkbook(join(dir, 'runs.xlsx'));
    const [base, stress] = [runs[0], runs[1]].map(dealRunOf) as [DealRunResult, DealRunResult];
    const comparison = workbook.getWorksheet('Scenario comparison') as ExcelJSTypes.Worksheet;
    const rowOf = (label: string): ExcelJSTypes.Row => comparison.getRow(rowsWith(comparison, label)[0] ?? 0);
    for (const [j, note] of base.tranches.entries()) {
      expect(rowOf(`${note.id} · ${t('col.wal')}`).values).toEqual([undefined, `${note.id} · ${t('col.wal')}`, note.walYears, stress.tranches[j]?.walYears]);
      expect(rowOf(`${note.id} · ${t('col.lossPct')}`).values).toEqual([undefined, `${note.id} · ${t('col.lossPct')}`, note.lossRate, stress.tranches[j]?.lossRate]);
    }
    // The return of each note: a coupon note's yield at par; the residual's IRR (XIRR, annual effective ACT/365), labelled
    // as an IRR — as the Summary's IRR column and Compare show it. It was a blank "Sub · Yield" row, the IRR nowhere.
    const residual = base.tranches.filter((note) => note.irr !== null);
    expect(residual.map((note) => note.id)).toEqual(['Sub']);
    for (const [j, note] of base.tranches.entries()) {
      const [shown, hidden] = note.irr === null ? ([t('col.yieldAe'), t('col.irr')] as const) : ([t('col.irr'), t('col.yieldAe')] as const);
      const values = note.irr === null ? [note.yieldAtParAnnualEffective, stress.tranches[j]?.yieldAtParAnnualEffective] : [note.irr, stress.tranches[j]?.irr];
      expect(values.every((v) => typeof v === 'number')).toBe(true);
      expect(rowOf(`${note.id} · ${shown}`).values).toEqual([undefined, `${note.id} · ${shown}`, ...values]);
      expect(rowsWith(comparison, `${note.id} · ${hidden}`)).toEqual([]);
      expect(rowOf(`${note.id} · ${shown}`).getCell(2).numFmt).toBe('0.00%');
    }
    expect(t('col.irr')).toBe('IRR, annual effective ACT/365 (residual)');
    expect(rowOf(t('row.poolCdr')).getCell(2).value).toBe(base.cumulativeDefaultRate[last(base)]);
    expect(rowOf(m('row.poolNetLoss')).getCell(3).value).toBe(stress.cumulativeNetLoss[last(stress)]);
    expect(rowOf(m('row.poolReserveDraws')).getCell(2).value).toBe(cents(base.periods.reduce((s, p) => s + (p.reserve?.draws ?? 0), 0)));

    const assumptions = workbook.getWorksheet('Assumptions') as ExcelJSTypes.Worksheet;
    const written = (assumptions.getSheetValues() as Cell[][]).slice(2).map((row) => [row[1], row[2], row[3], row[4]]);
    const expected = [runs[0], runs[1]].flatMap((stored) => {
      if (stored?.inputs.kind !== 'deal') return [];
      const name = stored.record.name;
      return [
        [name, 'run', '$.mode', stored.inputs.mode],
        ...leaves(deal.assumptions, '$', []).map(([path, v]) => [name, t('src.dealAssumptions'), path, v]),
        ...(Object.keys(stored.inputs.scenarioOverrides).length === 0 ? [] : leaves(stored.inputs.scenarioOverrides, '$', [])).map(([path, v]) => [name, t('src.overrides'), path, v]),
      ];
    });
    expect(written).toEqual(expected);
    expect(written).toContainEqual([runs[1]?.record.name, 'scenario changes', '$.prepayment', '20 CPR']);
    expect(written).toContainEqual([runs[1]?.record.name, 'scenario changes', '$.defaultMultiplier', 2]);
  });

  it('prints every sheet legibly: one page wide when it fits at 70% or more, else pages across with its row labels repeated', async () => {
    // A4 landscape (297 mm) less the sheet's margins, at 96 dpi; a column of width w (ECMA-376 §18.3.1.13: digits of
    // Calibri 11, padding included) is 7w pixels. Fitted to n pages wide with t pixels of title columns repeated on each,
    // a page break wastes less than the widest column (W), so the fit's scale is at least n·usable ÷ (total + (n − 1)(t + W)).
    // The Summary's ~20 tranche columns fitted to one page printed at 35% (its 11-point cells at 3.5 pt).
    const workbook = await readWorkbook(join(dir, 'runs.xlsx'));
    for (const sheet of workbook.worksheets) {
      const setup = sheet.pageSetup;
      expect([setup.orientation, setup.paperSize, setup.fitToPage, setup.fitToHeight], sheet.name).toEqual(['landscape', 9, true, 0]);
      const pixels = Array.from({ length: sheet.columnCount }, (_, k) => Math.trunc(7 * (sheet.getColumn(k + 1).width ?? 64 / 7) + 0.5));
      const usable = (297 / 25.4 - (setup.margins?.left ?? 0.7) - (setup.margins?.right ?? 0.7)) * 96;
      const n = setup.fitToWidth ?? 1;
      const title = pixels.slice(0, titleColumns(setup.printTitlesColumn)).reduce((a, b) => a + b, 0);
      const total = pixels.reduce((a, b) => a + b, 0);
      const scale = Math.min(1, (n * usable) / (total + (n - 1) * (title + Math.max(...pixels))));
      expect(scale, `${sheet.name}: ${n} page(s) wide`).toBeGreaterThanOrEqual(0.7);
      if (n > 1) expect(setup.printTitlesColumn, `${sheet.name}: its row labels on every page across`).toBe(/ · (Pool|A|B|Sub|Accounts)$/.test(sheet.name) ? 'A:B' : 'A:A');
      // one page fewer would print below 70%
      if (n > 1) expect(((n - 1) * usable) / (total + (n - 2) * (title + Math.max(...pixels)))).toBeLessThan(0.7);
    }
    const summary = workbook.getWorksheet('Summary') as ExcelJSTypes.Worksheet;
    expect(summary.pageSetup.fitToWidth).toBeGreaterThan(1);
    expect(summary.pageSetup.printTitlesColumn).toBe('A:A');
    // The label-and-value lines (hashes, warnings) span only columns the first page prints at 100%: a value across a page break prints in pieces.
    const firstPage = (297 / 25.4 - 1.4) * 96;
    const merges = summary.model.merges.map((range) => range.split(':').map((ref) => Number(summary.getCell(ref).col)));
    expect(merges.length).toBeGreaterThan(10);
    for (const [from, to] of merges) {
      expect(from).toBe(2);
      const width = Array.from({ length: to ?? 0 }, (_, k) => Math.trunc(7 * (summary.getColumn(k + 1).width ?? 0) + 0.5)).reduce((a, b) => a + b, 0);
      expect(width).toBeLessThanOrEqual(firstPage);
    }
  });

  it('writes the tape’s strats: every dimension, the hostile provinces and products as text', async () => {
    const workbook = await readWorkbook(join(dir, 'runs.xlsx'));
    const strats = workbook.getWorksheet('Strats') as ExcelJSTypes.Worksheet;
    const dimensions = await value(service.call('pool.dimensions', {}));
    for (const dimension of dimensions) {
      const table: StratTable = await value(service.call('pool.strat', { tapeId, by: dimension.id }));
      const [titleRow] = rowsWith(strats, table.label);
      expect(titleRow, table.label).toBeDefined();
      const header = (titleRow ?? 0) + 1;
      const all = [...table.rows, table.total];
      expectColumn(
        strats,
        header,
        t('col.bucket'),
        all.map((r) => (r.key === 'total' ? 'Total' : r.label)),
      );
      expectColumn(
        strats,
        header,
        t('col.count'),
        all.map((r) => r.count),
      );
      expectColumn(
        strats,
        header,
        m('col.balance'),
        all.map((r) => r.balance),
      );
      expectColumn(
        strats,
        header,
        t('col.balanceShare'),
        all.map((r) => r.share),
      );
      expectColumn(
        strats,
        header,
        t('col.wac'),
        all.map((r) => r.wac),
      );
      expectColumn(
        strats,
        header,
        m('col.averageBalance'),
        all.map((r) => r.averageBalance),
      );
    }
    const cells = (strats.getSheetValues() as Cell[][]).flatMap((row) => (row ?? []).filter((c) => typeof c === 'string'));
    for (const text of HOSTILE.filter((h) => !h.startsWith('\t'))) expect(cells, text).toContain(text);
  });
});

describe('the investor pack’s numbers', () => {
  it('equal the workbook’s: the comparison sheet and each tranche table, cell for cell', async () => {
    const pack = await value(service.call('report.pack', { runIds: [1, 2, 3] }));
    const workbook = await readWorkbook(join(dir, 'runs.xlsx'));
    const comparison = workbook.getWorksheet('Scenario comparison') as ExcelJSTypes.Worksheet;
    const summary = workbook.getWorksheet('Summary') as ExcelJSTypes.Worksheet;
    const tables = rowsWith(summary, t('col.class'));
    const rowOf = (label: string): Cell[] => (comparison.getRow(rowsWith(comparison, label)[0] ?? 0).values as Cell[]).slice(2);
    expect(rowOf(t('row.poolCdr'))).toEqual(pack.scenarios.map((s) => s.cumulativeDefaultRate));
    expect(rowOf(m('row.poolNetLoss'))).toEqual(pack.scenarios.map((s) => s.cumulativeNetLoss));
    expect(rowOf(t('row.poolNetLossRate'))).toEqual(pack.scenarios.map((s) => s.cumulativeNetLossRate));
    expect(rowOf(m('row.poolReserveDraws'))).toEqual(pack.scenarios.map((s) => s.reserveDraws));
    pack.scenarios.forEach((scenario, k) => {
      const header = tables[k] ?? 0;
      expectColumn(
        summary,
        header,
        t('col.wal') + ' ACT/365',
        scenario.tranches.map((r) => r.walYears),
      );
      expectColumn(
        summary,
        header,
        t('col.yieldAe'),
        scenario.tranches.map((r) => r.yieldAtParAnnualEffective),
      );
      expectColumn(
        summary,
        header,
        t('col.lossPct'),
        scenario.tranches.map((r) => r.lossRate),
      );
      if (scenario.breakevens)
        expectColumn(
          summary,
          header,
          t('col.breakevenMult'),
          scenario.tranches.map((r) => scenario.breakevens?.rows.find((b) => b.id === r.id)?.stress ?? null),
        );
    });
    expect(pack.scenarios.map((s) => [s.runId, s.inputHash, s.breakevens !== null])).toEqual([
      [1, runs[0]?.record.inputHash, true],
      [2, runs[1]?.record.inputHash, false],
    ]);
  });
});

/** A label cell's text ('' when it holds none). */
const textOf = (cell: Cell): string => (typeof cell === 'string' ? cell : '');

/** A table's header cell, as writeTable shades it (service/report/table.ts HEADER_FILL). */
const isHeader = (cell: ExcelJSTypes.Cell): boolean => cell.fill?.type === 'pattern' && cell.fill.fgColor?.argb === 'FFDCE6F1';

/**
 * The money cells (number format #,##0.00) of a sheet whose currency is stated neither by their
 * table's header (the nearest shaded header above them) nor by their row's label in column A (the
 * comparison sheet's figures, the Summary's fields), and how many money cells it has.
 */
function moneyWithoutUnit(sheet: ExcelJSTypes.Worksheet, unit: string): { cells: number; missing: string[] } {
  let cells = 0;
  const missing: string[] = [];
  sheet.eachRow((row, r) =>
    row.eachCell((cell, c) => {
      if (cell.numFmt !== NUMBER_FORMATS.money || typeof cell.value !== 'number') return;
      cells += 1;
      let header = '';
      for (let up = r - 1; up >= 1 && header === ''; up -= 1) if (isHeader(sheet.getCell(up, c))) header = textOf(sheet.getCell(up, c).value);
      const label = textOf(sheet.getCell(r, 1).value);
      if (!header.endsWith(unit) && !label.endsWith(unit)) missing.push(`${sheet.name}!${cell.address} under “${header}” in “${label}”`);
    }),
  );
  return { cells, missing };
}

describe('the money’s currency', () => {
  it('is stated in the header of every money column (or the label of every money row), in each language, the cells staying numbers', async () => {
    // The consumer template states currency CNY: "(CNY)" in English, "（元）" in Chinese.
    expect(m('col.originalBalance')).toBe('Original balance (CNY)');
    expect(zh.money(zh('col.originalBalance'))).toBe('发行金额（元）');
    expect(labelsFor('en', 'USD').money('Write-down')).toBe('Write-down (USD)');
    expect(labelsFor('zh-CN', 'USD').money('核销金额')).toBe('核销金额（美元）');
    // A deal file that states none: the label alone (the Summary's Money line says "deal currency").
    expect(labelsFor('en').money('Write-down')).toBe('Write-down');
    for (const [file, unit] of [
      ['runs.xlsx', ' (CNY)'],
      ['set.xlsx', '（元）'],
    ] as const) {
      const workbook = await readWorkbook(join(dir, file));
      const found = workbook.worksheets.map((sheet) => moneyWithoutUnit(sheet, unit));
      expect(found.flatMap((f) => f.missing)).toEqual([]);
      // Every sheet with amounts was looked at: the tranche tables, flows, accounts, comparison and strats.
      expect(
        found.reduce((sum, f) => sum + f.cells, 0),
        file,
      ).toBeGreaterThan(500);
    }
    const summary = (await readWorkbook(join(dir, 'runs.xlsx'))).getWorksheet('Summary') as ExcelJSTypes.Worksheet;
    expect(rowsWith(summary, 'Pool balance at cutoff (CNY)')).toHaveLength(1);
  });
});

describe('formula injection', () => {
  it('writes no formula anywhere: every cell of both workbooks is a value, hostile text stays text', async () => {
    const requireFromExcel = createRequire(createRequire(import.meta.url).resolve('exceljs'));
    const JSZip = requireFromExcel('jszip') as { loadAsync(data: Buffer): Promise<{ files: Record<string, { async(kind: 'string'): Promise<string> }> }> };
    for (const file of ['runs.xlsx', 'set.xlsx']) {
      const zip = await JSZip.loadAsync(readFileSync(join(dir, file)));
      const sheetXml = Object.keys(zip.files).filter((name) => /^xl\/worksheets\/sheet\d+\.xml$/.test(name));
      expect(sheetXml.length).toBeGreaterThan(5);
      for (const name of sheetXml) {
        const xml = await zip.files[name]?.async('string');
        // <f> is a cell formula in SpreadsheetML (ECMA-376 §18.3.1.40): none may exist.
        expect(xml, `${file} ${name}`).not.toMatch(/<f[\s>/]/);
      }
      const workbook = await readWorkbook(join(dir, file));
      for (const sheet of workbook.worksheets) {
        sheet.eachRow((row) => row.eachCell((cell) => expect(cell.type, `${sheet.name}!${cell.address}`).not.toBe(ExcelJS.ValueType.Formula)));
      }
    }
  });
});

describe('a scenario set in Chinese', () => {
  it('runs each scenario through the run store and labels the workbook in Chinese, numbers unchanged', async () => {
    // +Base has run #1's inputs: served from the store as run #1; @Stress is computed and stored (#4).
    expect(setRunIds).toEqual([1, 4]);
    const workbook = await readWorkbook(join(dir, 'set.xlsx'));
    const names = workbook.worksheets.map((s) => s.name);
    expect(names.slice(0, 8)).toEqual(['概要', '情景比较', '假设', '+Base · 资产池', '+Base · A', '+Base · B', '+Base · Sub', '+Base · 账户']);
    expect(names.at(-1)).toBe('资产池分层');
    const summary = workbook.getWorksheet('概要') as ExcelJSTypes.Worksheet;
    expect(summary.getCell('A1').value).toBe(`${zh('title.report')} — ${deal.name ?? ''}`);
    expect(JSON.stringify(summary.getSheetValues())).toContain('"=SUM(A1)"');
    // The +Base scenario is the deal run #1 (same inputs): served from the store, the same numbers.
    const base = dealRunOf(await value(service.call('runs.get', { id: setRunIds[0] ?? 0 })));
    const sheet = workbook.getWorksheet('+Base · 资产池') as ExcelJSTypes.Worksheet;
    expect(column(sheet, 1, zh.money(zh('col.interest')), base.periods.length)).toEqual(base.periods.map((p) => p.pool.interest));
    expect(column(sheet, 1, zh('col.paymentDate'), base.periods.length).map(day)).toEqual(base.periods.map((p) => p.paymentDate));
    expect(base.periods.map((p) => p.pool.interest)).toEqual(dealRunOf(runs[0]).periods.map((p) => p.pool.interest));
    // The residual's IRR on the comparison sheet, labelled in Chinese as an IRR with its convention.
    const comparison = workbook.getWorksheet('情景比较') as ExcelJSTypes.Worksheet;
    const irrRow = comparison.getRow(rowsWith(comparison, `Sub · ${zh('col.irr')}`)[0] ?? 0);
    expect(zh('col.irr')).toBe('内部收益率（次级，年实际，ACT/365）');
    expect(irrRow.getCell(2).value).toBe(base.tranches.find((n) => n.id === 'Sub')?.irr);
  });
});

describe('report.excel refuses what it cannot write', () => {
  it('names the problem', async () => {
    const call = (params: unknown): Promise<string> => service.call('report.excel', params as ReportExcelRequest).then((r) => (r.ok ? 'ok' : r.error.message));
    expect(await call({ runIds: [1], outPath: 'relative.xlsx' })).toBe("The report's output is an absolute path ending in .xlsx, got relative.xlsx");
    expect(await call({ runIds: [1], scenarios: { name: 's', scenarios: [] }, outPath: join(dir, 'x.xlsx') })).toMatch(/either runIds .* or scenarios/);
    const projection = await finished(service, await value(service.call('pool.project', { source: { kind: 'tape', tapeId }, assumptions: deal.assumptions as never, mode: 'repline' })));
    const projectionRun = projection.result?.kind === 'pool.project' ? (projection.result.stored?.runId ?? 0) : 0;
    expect(await call({ runIds: [projectionRun], outPath: join(dir, 'p.xlsx') })).toBe(`Run #${projectionRun} is a projection: a tranche report takes deal runs (and their breakevens)`);
    expect(await call({ runIds: [3], outPath: join(dir, 'b.xlsx') })).toBe('Breakeven run #3 has no deal run of the same deal, pool and scenario among the runs given: add that deal run’s id');
    const missingDir = await value(service.call('report.excel', { runIds: [1], outPath: join(dir, 'no', 'such', 'folder.xlsx') }));
    expect((await service.jobs.wait(missingDir.id)).state).toBe('failed');
  });
});
