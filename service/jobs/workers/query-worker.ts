/**
 * Pool queries (summary, stratifications) over a million loans take up to a couple of seconds
 * of SQLite time; they run here, on this thread's own connection, so the process that serves
 * the window (Electron main, the HTTP server) keeps answering meanwhile. QueryClient starts a
 * second one for stratifications, so a summary and a table are computed side by side.
 */
import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import { cachedPoolSummary, cachedStrat, formatStratCsv } from '../../../data/pool/index.ts';
import { tapeProductNames } from '../../../data/pool/loan-arrays.ts';
import { getTape } from '../../../data/tape/store.ts';
import { matchesProduct, type PoolNames } from '../../files/assumption-file.ts';
import { projectInput, repLineInput, tapeInput, type ProjectionInput } from '../../runs/projection.ts';
import { timed } from '../timed.ts';
import { THREAD_READY } from '../thread-start.ts';
import type { QueryReply, QueryRequest, QueryWorkerData } from './query-protocol.ts';
import { toWireError } from './wire-error.ts';

const data = workerData as QueryWorkerData;
const port = parentPort;
if (!port) throw new Error('query-worker must run in a worker thread');

const db = new Database(data.workspacePath, { timeout: 2_000 });
db.pragma('foreign_keys = ON');
// SQLite's native module is loaded and the workspace open: the client may terminate this thread from now on (thread-start.ts).
port.postMessage(THREAD_READY);

// A few tapes' representative lines, so assumption edits re-project in milliseconds. Keyed by
// tape id and import time: a deleted tape's id reused by a new import never hits a stale entry.
// Lines keep products apart only for assumption files with rules by product (matchesProduct):
// otherwise the lines are fewer (by segment only) and project faster.
const LINE_CACHE_SIZE = 4;
const lineCache = new Map<string, ProjectionInput>();

function tapeLines(tapeId: number, products: boolean): ProjectionInput {
  const key = `${tapeId}@${getTape(db, tapeId).importedAt}${products ? ' by product' : ''}`;
  let input = lineCache.get(key);
  if (input === undefined) {
    input = repLineInput(tapeInput(db, tapeId, { products }));
    if (lineCache.size >= LINE_CACHE_SIZE) lineCache.delete(lineCache.keys().next().value ?? '');
  } else {
    lineCache.delete(key);
  }
  lineCache.set(key, input);
  return input;
}

function answer(request: QueryRequest): unknown {
  if (request.kind === 'summary') return cachedPoolSummary(db, request.tapeId);
  if (request.kind === 'projectLines') {
    const lines = tapeLines(request.tapeId, matchesProduct(request.assumptions));
    return timed(() => projectInput(lines, request.assumptions));
  }
  if (request.kind === 'names') return { segments: tapeLines(request.tapeId, false).segmentNames, products: tapeProductNames(db, request.tapeId) } satisfies PoolNames;
  const table = cachedStrat(db, request.tapeId, request.by, request.edges);
  return request.kind === 'strat' ? table : formatStratCsv(table);
}

port.on('message', (request: QueryRequest) => {
  let reply: QueryReply;
  try {
    reply = { id: request.id, ok: true, value: answer(request) };
  } catch (error) {
    reply = { id: request.id, ok: false, error: toWireError(error) };
  }
  port.postMessage(reply);
});
