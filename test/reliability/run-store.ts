/**
 * Run store, kill -9: a child process stores run after run into a real workspace file and is
 * SIGKILLed at a random moment (seeded, so a failing trial can be replayed). After each kill the
 * workspace must pass `PRAGMA integrity_check`, hold only whole runs (every row reads back: its
 * result inflates to the bytes recorded and parses, its input hash is the hash of its inputs and
 * engine), hold every run the child reported as committed, have no gap in its run ids (a killed
 * transaction leaves nothing, not even a used id), and take the next run: an identical rerun is
 * served from the store and a new one stored under the next id.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { getRun, listRuns } from '../../data/runs/store.ts';
import { openWorkspace } from '../../data/workspace.ts';
import type { RunInputs } from '../../service/api/contract.ts';
import { readDealFile } from '../../service/files/deal-file.ts';
import { dealRunOf } from '../../service/jobs/job-manager.ts';
import { runInputHash } from '../../service/run-store/stored-job.ts';
import { Service } from '../../service/service.ts';
import type { FamilyFigures, FamilySize, TrialFailure } from './load-support.ts';

/** The shared record of a family with its own trial loop (load-support.ts), with the runs the children committed. */
export interface RunStoreFigures extends FamilyFigures {
  readonly family: 'run-store';
  /** Runs the children committed before their kills, over all trials. */
  readonly runsCommitted: number;
}

const TRIALS: Readonly<Record<FamilySize, number>> = { small: 3, full: 50 };
const ROOT = new URL('../../', import.meta.url).pathname;
const CHILD = join(ROOT, 'test', 'reliability', 'run-store-child.ts');
/** Kills fall uniformly within this long after the child is ready (it stores a run every few milliseconds). */
const KILL_WINDOW_MS = 400;
const CHILD_DEADLINE_MS = 120_000;

/** mulberry32: a small seeded generator, so trial N always kills at the same delay. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Runs the child until `ready`, kills it `delayMs` later; the run ids it reported as committed. */
function killWhileStoring(file: string, trial: number, delayMs: number): Promise<{ committed: number[]; signal: string | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CHILD, file, String(trial)], { stdio: ['ignore', 'pipe', 'pipe'] });
    const committed: number[] = [];
    let stdout = '';
    let stderr = '';
    const deadline = setTimeout(() => child.kill('SIGKILL'), CHILD_DEADLINE_MS);
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      const lines = stdout.split('\n');
      stdout = lines.pop() ?? '';
      for (const line of lines) {
        if (line.startsWith('ready')) setTimeout(() => child.kill('SIGKILL'), delayMs);
        else if (line.startsWith('stored ')) committed.push(Number(line.slice(7)));
      }
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (_code, signal) => {
      clearTimeout(deadline);
      resolve({ committed, signal, stderr });
    });
  });
}

/** Every problem the workspace shows after a kill (none: the trial survived). */
function checkWorkspace(file: string, committed: readonly number[]): string[] {
  const problems: string[] = [];
  const raw = new Database(file, { readonly: true });
  try {
    const integrity = String(raw.pragma('integrity_check', { simple: true }));
    if (integrity !== 'ok') problems.push(`integrity_check: ${integrity}`);
  } finally {
    raw.close();
  }
  const ws = openWorkspace(file, { create: false });
  try {
    const ids = listRuns(ws.db)
      .map((r) => r.id)
      .sort((a, b) => a - b);
    if (ids.some((id, i) => id !== i + 1)) problems.push(`run ids are not 1…${ids.length} without gaps: ${ids.slice(0, 10).join(', ')}…`);
    const missing = committed.filter((id) => !ids.includes(id));
    if (missing.length > 0) problems.push(`runs reported committed are missing: ${missing.join(', ')}`);
    for (const id of ids) {
      const stored = getRun(ws.db, id);
      JSON.parse(stored.resultJson);
      const hash = runInputHash(JSON.parse(stored.inputsJson) as RunInputs, { version: stored.engineVersion, sourcesSha256: stored.engineSourcesSha256 });
      if (hash !== stored.inputHash) problems.push(`run ${id}: its input hash is not the hash of its inputs`);
    }
  } catch (error) {
    problems.push(`reading the runs back: ${(error as Error).message}`);
  } finally {
    ws.close();
  }
  return problems;
}

/** The next runs after a kill: the child's first (real) run is served from the store, a new one stored under the next id. */
async function nextRunsWork(file: string, trial: number): Promise<string[]> {
  const service = new Service({ transport: 'test' });
  try {
    const opened = await service.call('workspace.open', { path: file, create: false });
    if (!opened.ok) return [`reopening: ${opened.error.message}`];
    const deal = readDealFile(JSON.parse(readFileSync(join(ROOT, 'templates', 'deals', 'pass-through.json'), 'utf8')));
    const count = listRuns(service.requireWorkspace().db).length;
    const problems: string[] = [];
    for (const [request, expected] of [
      [{ deal }, { fromStore: true, runId: 1 }],
      [
        { deal, scenarioOverrides: { defaultMultiplier: 0.5 + trial / 1000 } },
        { fromStore: false, runId: count + 1 },
      ],
    ] as const) {
      const job = await service.call('deal.run', request);
      if (!job.ok) return [`deal.run: ${job.error.message}`];
      const stored = dealRunOf(await service.jobs.wait(job.value.id))?.stored;
      if (stored?.fromStore !== expected.fromStore || stored.runId !== expected.runId) problems.push(`next run: expected ${JSON.stringify(expected)}, got ${JSON.stringify(stored)}`);
    }
    return problems;
  } finally {
    await service.close();
  }
}

async function oneTrial(trial: number, dir: string): Promise<{ problems: string[]; committed: number }> {
  const file = join(dir, `trial-${trial}.sqlite`);
  openWorkspace(file).close();
  const delayMs = Math.floor(seeded(trial)() * KILL_WINDOW_MS);
  const { committed, signal, stderr } = await killWhileStoring(file, trial, delayMs);
  if (signal !== 'SIGKILL') return { problems: [`the child ended on its own (${signal ?? 'exit'}): ${stderr.trim().slice(-500)}`], committed: committed.length };
  const problems = checkWorkspace(file, committed);
  if (problems.length === 0) problems.push(...(await nextRunsWork(file, trial)));
  if (problems.length === 0) problems.push(...checkWorkspace(file, []));
  return { problems: problems.map((p) => `kill after ${delayMs} ms: ${p}`), committed: committed.length };
}

export async function run(size: FamilySize): Promise<RunStoreFigures> {
  const started = performance.now();
  const dir = mkdtempSync(join(tmpdir(), 'abs-run-store-'));
  const failures: TrialFailure[] = [];
  let runsCommitted = 0;
  try {
    for (let trial = 1; trial <= TRIALS[size]; trial++) {
      const { problems, committed } = await oneTrial(trial, dir);
      runsCommitted += committed;
      for (const problem of problems) failures.push({ trial: `run-store #${trial}`, problem });
      rmSync(join(dir, `trial-${trial}.sqlite`), { force: true });
      rmSync(join(dir, `trial-${trial}.sqlite-wal`), { force: true });
      rmSync(join(dir, `trial-${trial}.sqlite-shm`), { force: true });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const trials = TRIALS[size];
  const failed = new Set(failures.map((f) => f.trial)).size;
  return { family: 'run-store', size, trials, survived: trials - failed, failures, seconds: (performance.now() - started) / 1000, runsCommitted };
}
