import { readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from '../../data/excel.ts';
import type { DealFile } from '../../service/api/contract.ts';
import { readDealFile } from '../../service/files/deal-file.ts';
import type { ReportScenario } from '../../service/report/model.ts';
import { buildWorkbook, writeWorkbookFile } from '../../service/report/workbook.ts';
import { dealRunResult } from '../../service/runs/deal-run.ts';
import { dealPool, prepareDeal } from '../../service/runs/prepare-deal.ts';
import { NUMBER_FORMATS } from '../../service/report/table.ts';
import { budget, round, summarize, type Bench, type BenchResult } from './harness.ts';

const TEMPLATE = new URL('../../templates/deals/us-auto-oc-turbo.json', import.meta.url);
const SCENARIOS = 10;
const RUNS = 5;
const STREAM_ROWS = 100_000;

/** The auto template (three notes) with its legal final 35 months after the first payment date: 36 payment periods. */
function deal(): DealFile {
  const raw = JSON.parse(readFileSync(TEMPLATE, 'utf8')) as { dates: { firstPaymentDate: string } };
  const [y, m, d] = raw.dates.firstPaymentDate.split('-').map(Number) as [number, number, number];
  const last = new Date(Date.UTC(y, m - 1 + 35, d)).toISOString().slice(0, 10);
  return readDealFile({ ...raw, dates: { ...raw.dates, legalFinalMaturity: last } });
}

/** Ten scenarios: defaults × 1 … × 10. */
function scenarios(file: DealFile): ReportScenario[] {
  const input = dealPool(file, null);
  const engine = { version: 'bench', sourcesSha256: '0'.repeat(64) };
  return Array.from({ length: SCENARIOS }, (_, k) => {
    const scenarioOverrides = { defaultMultiplier: k + 1 };
    return {
      name: `Defaults × ${k + 1}`,
      shortName: `Defaults × ${k + 1}`,
      runId: null,
      inputHash: null,
      engine,
      inputs: { deal: file, tape: null, mode: 'repline', assumptions: null, scenarioOverrides },
      run: dealRunResult(prepareDeal(file, input, undefined, scenarioOverrides), 'repline'),
      breakevens: null,
    };
  });
}

/** 100,000 rows of a pool cash-flow table (period, date, 12 money columns) through exceljs's streaming writer, rows committed as written. */
async function streamSheet(path: string): Promise<{ ms: number; rssBeforeMb: number; peakRssMb: number; bytes: number }> {
  const before = process.memoryUsage().rss;
  let peak = before;
  const started = performance.now();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet('Pool cash flows');
  sheet.columns = [
    { header: 'Period', key: 'p', width: 8, style: { numFmt: NUMBER_FORMATS.int } },
    { header: 'Payment date', key: 'd', width: 12, style: { numFmt: NUMBER_FORMATS.date } },
    ...Array.from({ length: 12 }, (_, j) => ({ header: `Flow ${j + 1}`, key: `m${j}`, width: 16, style: { numFmt: NUMBER_FORMATS.money } })),
  ];
  const day0 = Date.UTC(2027, 0, 26);
  for (let r = 1; r <= STREAM_ROWS; r++) {
    const row: Record<string, number | Date> = { p: r, d: new Date(day0 + (r % 3650) * 86_400_000) };
    for (let j = 0; j < 12; j++) row[`m${j}`] = Math.round(((r * 7919 + j * 104_729) % 10_000_000) + 0.37 * j) / 100;
    sheet.addRow(row).commit();
    if (r % 5_000 === 0) peak = Math.max(peak, process.memoryUsage().rss);
  }
  sheet.commit();
  await workbook.commit();
  peak = Math.max(peak, process.memoryUsage().rss);
  return { ms: performance.now() - started, rssBeforeMb: round(before / 1024 ** 2, 1), peakRssMb: round(peak / 1024 ** 2, 1), bytes: statSync(path).size };
}

/**
 * Issue 21: the tranche workbook of 10 scenarios × 3 notes × 36 periods under 2 s (built and
 * written: Summary, comparison, assumptions, per scenario pool / notes / accounts, strats); and a
 * 100,000-row cash-flow sheet with the streaming writer, its time and peak resident memory.
 */
export const bench: Bench = {
  name: 'report',
  async run(): Promise<BenchResult> {
    const file = deal();
    const model = {
      deal: file,
      tape: null,
      setName: 'bench',
      engine: { version: 'bench', sourcesSha256: '0'.repeat(64) },
      generatedAt: new Date().toISOString(),
      language: 'en' as const,
      scenarios: scenarios(file),
      strats: null,
      grids: [],
      monteCarlo: [],
    };
    const path = join(tmpdir(), `abs-bench-report-${process.pid}.xlsx`);
    const samples: number[] = [];
    const cpuSamples: number[] = [];
    let bytes = 0;
    for (let r = 0; r < RUNS; r++) {
      const started = performance.now();
      const cpu = process.cpuUsage();
      bytes = await writeWorkbookFile(buildWorkbook(model), path);
      samples.push(performance.now() - started);
      const used = process.cpuUsage(cpu);
      cpuSamples.push((used.user + used.system) / 1000);
    }
    rmSync(path, { force: true });
    const streamPath = join(tmpdir(), `abs-bench-stream-${process.pid}.xlsx`);
    const stream = await streamSheet(streamPath);
    rmSync(streamPath, { force: true });
    const periods = model.scenarios[0]?.run.periods.length ?? 0;
    const metrics = {
      ...summarize(samples),
      cpuMeanMs: round(cpuSamples.reduce((a, b) => a + b, 0) / cpuSamples.length),
      scenarios: SCENARIOS,
      notes: model.scenarios[0]?.run.tranches.length ?? 0,
      periods,
      workbookBytes: bytes,
      streamRows: STREAM_ROWS,
      streamMs: round(stream.ms),
      streamRssBeforeMb: stream.rssBeforeMb,
      streamPeakRssMb: stream.peakRssMb,
      streamBytes: stream.bytes,
    };
    return {
      name: 'report',
      description: `Excel tranche workbook: ${SCENARIOS} scenarios × 3 notes × ${periods} periods built and written (${RUNS} runs); ${STREAM_ROWS.toLocaleString('en-US')}-row sheet through the streaming writer`,
      metrics,
      budgets: [budget(metrics, 'p50Ms', 2000)],
      notes: [
        'Wall times on a shared 2-core machine; cpuMeanMs is the thread’s CPU time per workbook.',
        'streamPeakRssMb is the process’s resident memory (streamRssBeforeMb before the stream began: the workbooks built earlier).',
      ],
    };
  },
};
