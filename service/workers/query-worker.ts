/**
 * Pool queries (summary, stratifications) over a million loans take up to a couple of seconds
 * of SQLite time; they run here, on this thread's own connection, so the process that serves
 * the window (Electron main, the HTTP server) keeps answering meanwhile.
 */
import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import { UserError } from '../../data/errors.ts';
import { cachedPoolSummary, formatStratCsv, stratify } from '../../data/pool/index.ts';
import { projectTape } from '../projection.ts';
import type { QueryReply, QueryRequest, QueryWorkerData } from './query-protocol.ts';

const data = workerData as QueryWorkerData;
const port = parentPort;
if (!port) throw new Error('query-worker must run in a worker thread');

const db = new Database(data.workspacePath, { timeout: 2_000 });
db.pragma('foreign_keys = ON');

function answer(request: QueryRequest): unknown {
  if (request.kind === 'summary') return cachedPoolSummary(db, request.tapeId);
  if (request.kind === 'project') return projectTape(db, request.tapeId, request.assumptions);
  const table = stratify(db, request.tapeId, request.by, request.edges);
  return request.kind === 'strat' ? table : formatStratCsv(table);
}

port.on('message', (request: QueryRequest) => {
  let reply: QueryReply;
  try {
    reply = { id: request.id, ok: true, value: answer(request) };
  } catch (error) {
    const user = error instanceof UserError;
    reply = {
      id: request.id,
      ok: false,
      error: {
        code: user ? error.code : 'INTERNAL',
        message: error instanceof Error ? error.message : String(error),
        details: user ? { ...error.details } : {},
        user,
      },
    };
  }
  port.postMessage(reply);
});
