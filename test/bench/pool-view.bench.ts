import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { defaultStrats, poolSummary, STRAT_DIMENSIONS } from '../../data/pool/index.ts';
import { openWorkspace } from '../../data/workspace.ts';
import { Service } from '../../service/service.ts';
import { stratify as stratifyBefore } from '../helpers/pool-before/strats.ts';
import { budget, round, type Bench, type BenchResult } from './harness.ts';

const LOANS = 1_000_000;
const RUNS = 3;
const millionChild = fileURLToPath(new URL('./million-child.ts', import.meta.url));
const importChild = fileURLToPath(new URL('./import-child.ts', import.meta.url));

interface Timing {
  readonly seconds: number;
  /** CPU of the whole process, every thread. */
  readonly cpuSeconds: number;
}

function cpuSeconds(): number {
  const used = process.cpuUsage();
  return (used.user + used.system) / 1e6;
}

async function timed(work: () => unknown): Promise<Timing> {
  const cpu = cpuSeconds();
  const started = performance.now();
  await work();
  return { seconds: (performance.now() - started) / 1000, cpuSeconds: cpuSeconds() - cpu };
}

/**
 * The Pool screen's first view of a tape as the app makes it: a fresh service (query threads
 * with nothing kept), the summary and the first table asked for at once, then the other ten
 * tables, until every card and table is in. The summary a previous run kept is deleted first.
 */
async function viewThroughService(workspace: string, tapeId: number): Promise<{ full: Timing; summarySeconds: number; firstTableSeconds: number }> {
  const db = new Database(workspace);
  db.prepare('DELETE FROM tape_summaries WHERE tape_id = ?').run(tapeId);
  db.close();
  const service = new Service({ transport: 'cli' });
  try {
    const opened = await service.call('workspace.open', { path: workspace, create: false });
    if (!opened.ok) throw new Error(opened.error.message);
    let summarySeconds = Number.NaN;
    let firstTableSeconds = Number.NaN;
    const started = performance.now();
    const full = await timed(async () => {
      const [first, ...rest] = STRAT_DIMENSIONS;
      if (first === undefined) return;
      await Promise.all([
        service.call('pool.summary', { tapeId }).then((r) => {
          check(r);
          summarySeconds = (performance.now() - started) / 1000;
        }),
        service.call('pool.strat', { tapeId, by: first.id }).then(async (r) => {
          check(r);
          firstTableSeconds = (performance.now() - started) / 1000;
          for (const d of rest) check(await service.call('pool.strat', { tapeId, by: d.id }));
        }),
      ]);
    });
    return { full, summarySeconds, firstTableSeconds };
  } finally {
    await service.close();
  }
}

/** The path this replaced: the summary and eleven per-table scans, one after another on one connection. */
function viewBefore(workspace: string, tapeId: number): Promise<Timing> {
  const db = new Database(workspace, { readonly: true });
  return timed(() => {
    poolSummary(db, tapeId);
    for (const d of STRAT_DIMENSIONS) stratifyBefore(db, tapeId, d.id);
  }).finally(() => db.close());
}

function check(result: { ok: boolean }): void {
  if (!result.ok) throw new Error(`pool view: ${JSON.stringify(result)}`);
}

/** The two halves of the view on one connection, one after the other: what each costs a thread. */
async function partsOnOneThread(workspace: string, tapeId: number): Promise<{ summary: Timing; strats: Timing }> {
  const db = new Database(workspace, { readonly: true });
  try {
    const summary = await timed(() => poolSummary(db, tapeId));
    const strats = await timed(() => defaultStrats(db, tapeId));
    return { summary, strats };
  } finally {
    db.close();
  }
}

const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

/**
 * Issue 24: the Pool screen's full first view (summary and every stratification) of a
 * 1,000,000-loan tape through the service, against the path it replaced in the same run.
 */
export const bench: Bench = {
  name: 'pool-view',
  async run(): Promise<BenchResult> {
    const dir = mkdtempSync(join(tmpdir(), 'abs-bench-pool-view-'));
    try {
      const tape = join(dir, 'sample-1m.csv');
      const workspace = join(dir, 'pool-view.sqlite');
      execFileSync(process.execPath, [millionChild, 'generate', tape, String(LOANS)]);
      openWorkspace(workspace).close();
      const imported = JSON.parse(execFileSync(process.execPath, [importChild, tape, workspace], { encoding: 'utf8' })) as { tapeId: number };
      const views = [];
      for (let i = 0; i < RUNS; i++) views.push(await viewThroughService(workspace, imported.tapeId));
      const before = await viewBefore(workspace, imported.tapeId);
      const parts = await partsOnOneThread(workspace, imported.tapeId);
      const seconds = views.map((v) => v.full.seconds);
      const metrics = {
        loans: LOANS,
        runs: RUNS,
        fullViewSeconds: round(median(seconds)),
        fullViewMinSeconds: round(Math.min(...seconds)),
        fullViewMaxSeconds: round(Math.max(...seconds)),
        fullViewCpuSeconds: round(median(views.map((v) => v.full.cpuSeconds))),
        summarySeconds: round(median(views.map((v) => v.summarySeconds))),
        firstTableSeconds: round(median(views.map((v) => v.firstTableSeconds))),
        summaryThreadCpuSeconds: round(parts.summary.cpuSeconds),
        stratsThreadCpuSeconds: round(parts.strats.cpuSeconds),
        referenceSeconds: round(before.seconds),
        referenceCpuSeconds: round(before.cpuSeconds),
        speedUp: round(before.seconds / median(seconds), 2),
      };
      return {
        name: 'pool-view',
        description: `The Pool screen's first full view (summary + ${STRAT_DIMENSIONS.length} stratifications) of a ${LOANS.toLocaleString('en-US')}-loan sample tape through the service, against the per-table path it replaced`,
        metrics,
        budgets: [budget(metrics, 'fullViewSeconds', 1.5)],
        notes: [
          `fullView: median of ${RUNS} runs, each a fresh service (nothing kept) from asking for the summary and the first table at once to the last table in; min and max show the noise`,
          'summary and firstTable: when each arrived (they run side by side on two query threads)',
          'reference: the summary then eleven per-table scans (a JavaScript aggregate called per loan), one after another on one connection, as before issue 24 (test/helpers/pool-before), measured once in this run',
          'cpuSeconds: the process, every thread (fullView includes starting the two query threads from the TypeScript sources)',
          'summaryThreadCpu / stratsThreadCpu: the summary (SQL, borrower concentration) and every default table (one scan) alone on one connection: on two free cores the full view takes about the larger of the two plus a thread start',
        ],
      };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
