/**
 * A deal task — run, breakeven search or sizing — on whichever thread calls it: a warm deal thread
 * (deal-worker.ts), or for a small run the calling thread itself (deal-job.ts). The pool
 * projection (a tape's loans or lines, or the deal file's lines), the waterfall and the analytics.
 */
import Database from 'better-sqlite3';
import type { BreakevenResult, DealRunResult, DealSizeRequest, DealSizeResult, InterestPayment, ProjectionMode, ScenarioOverrides } from '../../api/contract.ts';
import { readDealFile } from '../../files/deal-file.ts';
import { readPoolFile } from '../../files/pool-file.ts';
import { solveBreakevens } from '../../runs/breakevens.ts';
import { dealRunResult } from '../../runs/deal-run.ts';
import { prepareDeal, runProjection, type PreparedDeal } from '../../runs/prepare-deal.ts';
import { poolBalanceOf, sizeDeal, sizedToPool } from '../../runs/size-deal.ts';
import { repLineInput, tapeInput, type ProjectionInput } from '../../runs/projection.ts';
import { loanCount, projectionChunkCount, type PoolCashFlows } from '../../../engine/index.ts';
import { sharedLoans, type ProjectionShare } from '../project-chunks.ts';
import { timed } from '../timed.ts';
import type { WireError } from './wire-error.ts';

export interface DealWorkerData {
  readonly task: 'run' | 'breakeven' | 'size';
  readonly workspacePath: string | null;
  readonly tapeId: number | null;
  readonly mode: ProjectionMode;
  readonly deal: unknown;
  readonly assumptions: unknown;
  readonly scenarioOverrides: ScenarioOverrides;
  readonly by: 'multiplier' | 'cdr';
  readonly interest: InterestPayment | undefined;
  /** Scale every class to the pool keeping its percentage (tasks 'run' and 'breakeven'). */
  readonly sizeToPool?: boolean;
  /** How to size (task 'size'), and the pool's name for the report. */
  readonly sizing?: Pick<DealSizeRequest, 'method' | 'target' | 'floor' | 'interest'>;
  readonly poolName?: string;
  /** A pool file to size to (task 'size'), instead of the tape or the deal's own lines. */
  readonly poolFile?: unknown;
}

export type DealWorkerMessage =
  | { readonly type: 'progress'; readonly stage: 'loading' | 'running'; readonly runs: number }
  /** A loan-level run's pool projection, for the service to run on the worker pool (answered by a DealProjectionAnswer). */
  | { readonly type: 'project'; readonly share: ProjectionShare }
  | { readonly type: 'run'; readonly result: DealRunResult; readonly seconds: number }
  | { readonly type: 'breakeven'; readonly result: BreakevenResult; readonly seconds: number }
  | { readonly type: 'size'; readonly result: DealSizeResult; readonly seconds: number }
  | { readonly type: 'error'; readonly error: WireError };

/** The service's answer to a 'project' message: the pool's flows, or why the pool could not project them. */
export type DealProjectionAnswer = { readonly type: 'projected'; readonly flows: PoolCashFlows } | { readonly type: 'projectionFailed'; readonly error: WireError };

/** Where a task reports progress: the worker's port, or the calling thread's job (deal-job.ts). */
export type PostDealMessage = (message: DealWorkerMessage) => void;

/** Projects a pool on the service's worker pool (deal-worker.ts asks the service, which runs projectOnThreads). */
export type ProjectOnPool = (share: ProjectionShare) => Promise<PoolCashFlows>;

/**
 * The last tape read in representative lines, kept for the next job on this thread: an analyst
 * changing a scenario on the Deal screen runs the deal again and again on the same tape, and reading
 * a 100,000-loan tape and grouping it (≈ 100 ms) took most of each run (the deal itself ≈ 10 ms).
 * Only lines are kept (a few thousand, not the loans: a loan-level run reads its tape each time). The
 * key is the workspace and the tape's whole row in `tapes` (its source's hash, import time,
 * loan rowids, name, mapping…): a tape's loans never change after its import, and a tape deleted and
 * another imported under the same id has another row, so a kept read is the read it would make.
 */
let keptLines: { readonly key: string; readonly input: ProjectionInput } | null = null;

function loadTape(data: DealWorkerData, post: PostDealMessage, memory: 'own' | 'shared' = 'own'): ProjectionInput | null {
  if (data.tapeId === null || data.workspacePath === null) return null;
  const db = new Database(data.workspacePath, { readonly: true, fileMustExist: true, timeout: 2_000 });
  try {
    const row: unknown = data.mode === 'repline' ? db.prepare('SELECT * FROM tapes WHERE id = ?').get(data.tapeId) : undefined;
    const key = row === undefined ? null : JSON.stringify([data.workspacePath, row]);
    if (key !== null && keptLines?.key === key) return keptLines.input;
    post({ type: 'progress', stage: 'loading', runs: 0 });
    const input = tapeInput(db, data.tapeId, { memory });
    if (data.mode !== 'repline') return input;
    const lines = repLineInput(input);
    keptLines = key === null ? null : { key, input: lines };
    return lines;
  } finally {
    db.close();
  }
}

/** The deal prepared on its pool; with sizeToPool, every class scaled to that pool first (the scenario's index rates kept). */
function prepared(data: DealWorkerData, post: PostDealMessage, memory: 'own' | 'shared' = 'own'): PreparedDeal {
  const file = readDealFile(data.deal);
  const tape = loadTape(data, post, memory);
  const sized = data.sizeToPool === true && tape !== null ? sizedToPool(file, poolBalanceOf({ input: tape })) : file;
  return prepareDeal(sized, tape, data.assumptions, data.scenarioOverrides);
}

// A run's time counts reading the deal and loading the pool; a breakeven search's, the search alone.
export function serveDealTask(data: DealWorkerData, post: PostDealMessage): DealWorkerMessage {
  if (data.task === 'run') return { type: 'run', ...timed(() => dealRunResult(prepared(data, post), data.tapeId === null ? 'repline' : data.mode)) };
  if (data.task === 'size') {
    const file = readDealFile(data.deal);
    const pool = data.poolFile === undefined ? loadTape(data, post) : readPoolFile(data.poolFile);
    const deal = prepareDeal(file, pool, data.assumptions, data.scenarioOverrides);
    const sizing = data.sizing ?? { method: 'scale' };
    const poolName = data.poolFile === undefined ? data.poolName : (readPoolFile(data.poolFile).file.name ?? 'the pool file');
    return { type: 'size', ...timed(() => sizeDeal(deal, file, sizing, poolName ?? 'the deal’s own pool', (runs) => post({ type: 'progress', stage: 'running', runs }))) };
  }
  const deal = prepared(data, post);
  return { type: 'breakeven', ...timed(() => solveBreakevens(deal, data.by, data.interest, (runs) => post({ type: 'progress', stage: 'running', runs }))) };
}

/** A run of the deal on a tape loan by loan: its pool projection goes to the worker pool (serveDealRunOnPool). */
export function runsOnPool(data: DealWorkerData): boolean {
  return data.task === 'run' && data.mode === 'loan' && data.tapeId !== null && data.workspacePath !== null;
}

/**
 * A loan-level run whose pool projection runs on the service's worker pool, in the engine's fixed
 * chunks (service/jobs/project-chunks.ts): the tape's loans are read onto shared memory, the deal
 * prepared here, the projection sent out (`project`), and the waterfall and analytics run here on
 * the flows that come back — projectPool's flows to the bit, so the run is the one-thread run's.
 * A pool of one chunk, or of loans with their own start months, projects here. Its time counts
 * reading the deal, loading the pool and the projection, as a run on one thread does.
 */
export async function serveDealRunOnPool(data: DealWorkerData, post: PostDealMessage, projectOnPool: ProjectOnPool): Promise<DealWorkerMessage> {
  const started = performance.now();
  const deal = prepared(data, post, 'shared');
  const projection = runProjection(deal);
  let flows: PoolCashFlows | undefined;
  if (projection !== null && projectionChunkCount(loanCount(projection.loans)) > 1) {
    const { onProgress: _progress, ...options } = projection.options;
    flows = await projectOnPool({ loans: sharedLoans(projection.loans), assumptions: projection.assumptions, options });
  }
  const result = dealRunResult(deal, 'loan', flows);
  return { type: 'run', result, seconds: (performance.now() - started) / 1000 };
}
