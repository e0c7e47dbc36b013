/**
 * A Monte Carlo chunk worker: takes tasks (a spec and a range of paths) from the chunk pool and
 * answers each chunk's path outcomes. The deal is prepared and calibrated once per spec and reused
 * for the thread's later tasks; it only reads the workspace (a tape's loans), so stopping it loses nothing.
 */
import Database from 'better-sqlite3';
import { parentPort } from 'node:worker_threads';
import { readDealFile } from '../../files/deal-file.ts';
import { prepareDeal } from '../../runs/prepare-deal.ts';
import { repLineInput, tapeInput, type ProjectionInput } from '../../runs/projection.ts';
import { readySpec, runMonteCarloTask, type MonteCarloSpec, type MonteCarloTask, type PreparedSpec } from '../../runs/monte-carlo/tasks.ts';
import type { ChunkReply, ChunkRequest } from '../chunk-pool.ts';
import { toWireError } from './wire-error.ts';

const port = parentPort;
if (!port) throw new Error('monte-carlo-worker must run in a worker thread');

function loadTape(spec: MonteCarloSpec): ProjectionInput | null {
  if (spec.tapeId === null || spec.workspacePath === null) return null;
  const db = new Database(spec.workspacePath, { readonly: true, fileMustExist: true, timeout: 2_000 });
  try {
    const input = tapeInput(db, spec.tapeId);
    return spec.mode === 'repline' ? repLineInput(input) : input;
  } finally {
    db.close();
  }
}

let cached: { key: string; ready: PreparedSpec } | null = null;

/** The spec's prepared deal, built once per thread: the key leaves out the draws (distribution, seed), which do not change it. */
function ready(spec: MonteCarloSpec): PreparedSpec {
  const { distribution: _distribution, seed: _seed, ...deal } = spec;
  const key = JSON.stringify(deal);
  if (cached?.key !== key) cached = { key, ready: readySpec(prepareDeal(readDealFile(spec.deal), loadTape(spec), spec.assumptions, spec.scenarioOverrides)) };
  return cached.ready;
}

port.on('message', ({ index, task }: ChunkRequest) => {
  let reply: ChunkReply;
  try {
    const chunk = task as MonteCarloTask;
    reply = { type: 'done', index, result: runMonteCarloTask(chunk, ready(chunk.spec)) };
  } catch (error) {
    reply = { type: 'error', index, error: toWireError(error) };
  }
  port.postMessage(reply);
});
