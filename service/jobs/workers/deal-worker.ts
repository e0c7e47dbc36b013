/**
 * A deal run or a breakeven search on its own thread: the pool projection (a tape's loans or lines,
 * or the deal file's lines), the waterfall and the analytics. Cancelling the job stops the thread;
 * it only reads the workspace, so nothing is lost.
 */
import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import type { BreakevenResult, DealRunResult, DealSizeRequest, DealSizeResult, InterestPayment, ProjectionMode, ScenarioOverrides } from '../../api/contract.ts';
import { readDealFile } from '../../files/deal-file.ts';
import { readPoolFile } from '../../files/pool-file.ts';
import { solveBreakevens } from '../../runs/breakevens.ts';
import { dealRunResult } from '../../runs/deal-run.ts';
import { prepareDeal, type PreparedDeal } from '../../runs/prepare-deal.ts';
import { poolBalanceOf, sizeDeal, sizedToPool } from '../../runs/size-deal.ts';
import { repLineInput, tapeInput, type ProjectionInput } from '../../runs/projection.ts';
import { timed } from '../timed.ts';
import { toWireError, type WireError } from './wire-error.ts';

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
  | { readonly type: 'run'; readonly result: DealRunResult; readonly seconds: number }
  | { readonly type: 'breakeven'; readonly result: BreakevenResult; readonly seconds: number }
  | { readonly type: 'size'; readonly result: DealSizeResult; readonly seconds: number }
  | { readonly type: 'error'; readonly error: WireError };

const data = workerData as DealWorkerData;
const port = parentPort;
if (!port) throw new Error('deal-worker must run in a worker thread');
const post = (message: DealWorkerMessage): void => port.postMessage(message);

function loadTape(): ProjectionInput | null {
  if (data.tapeId === null || data.workspacePath === null) return null;
  post({ type: 'progress', stage: 'loading', runs: 0 });
  const db = new Database(data.workspacePath, { readonly: true, fileMustExist: true, timeout: 2_000 });
  try {
    const input = tapeInput(db, data.tapeId);
    return data.mode === 'repline' ? repLineInput(input) : input;
  } finally {
    db.close();
  }
}

/** The deal prepared on its pool; with sizeToPool, every class scaled to that pool first (the scenario's index rates kept). */
function prepared(): PreparedDeal {
  const file = readDealFile(data.deal);
  const tape = loadTape();
  const sized = data.sizeToPool === true && tape !== null ? sizedToPool(file, poolBalanceOf({ input: tape })) : file;
  return prepareDeal(sized, tape, data.assumptions, data.scenarioOverrides);
}

// A run's time counts reading the deal and loading the pool; a breakeven search's, the search alone.
try {
  if (data.task === 'run') post({ type: 'run', ...timed(() => dealRunResult(prepared(), data.tapeId === null ? 'repline' : data.mode)) });
  else if (data.task === 'size') {
    const file = readDealFile(data.deal);
    const pool = data.poolFile === undefined ? loadTape() : readPoolFile(data.poolFile);
    const deal = prepareDeal(file, pool, data.assumptions, data.scenarioOverrides);
    const sizing = data.sizing ?? { method: 'scale' };
    const poolName = data.poolFile === undefined ? data.poolName : (readPoolFile(data.poolFile).file.name ?? 'the pool file');
    post({ type: 'size', ...timed(() => sizeDeal(deal, file, sizing, poolName ?? 'the deal’s own pool', (runs) => post({ type: 'progress', stage: 'running', runs }))) });
  } else {
    const deal = prepared();
    post({ type: 'breakeven', ...timed(() => solveBreakevens(deal, data.by, data.interest, (runs) => post({ type: 'progress', stage: 'running', runs }))) });
  }
} catch (error) {
  post({ type: 'error', error: toWireError(error) });
}
