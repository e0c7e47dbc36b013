/**
 * A loan-level projection of one tape (a million loans: a couple of seconds), on its own thread
 * so the service keeps answering and the job can be cancelled by stopping the thread — it only
 * reads the workspace, so stopping it midway loses nothing.
 */
import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import { matchesProduct } from '../../files/assumption-file.ts';
import type { ProjectionResult } from '../../api/contract.ts';
import { projectInput, tapeInput } from '../../runs/projection.ts';
import { timed } from '../timed.ts';
import { toWireError, type WireError } from './wire-error.ts';

export interface ProjectWorkerData {
  readonly workspacePath: string;
  readonly tapeId: number;
  readonly assumptions: unknown;
}

export type ProjectWorkerMessage =
  | { readonly type: 'progress'; readonly stage: 'loading' | 'projecting'; readonly done: number; readonly total: number }
  | { readonly type: 'done'; readonly result: ProjectionResult; readonly seconds: number }
  | { readonly type: 'error'; readonly error: WireError };

const data = workerData as ProjectWorkerData;
const port = parentPort;
if (!port) throw new Error('project-worker must run in a worker thread');

const post = (message: ProjectWorkerMessage): void => port.postMessage(message);

try {
  const db = new Database(data.workspacePath, { readonly: true, fileMustExist: true, timeout: 2_000 });
  try {
    post({ type: 'progress', stage: 'loading', done: 0, total: 0 });
    const input = tapeInput(db, data.tapeId, { products: matchesProduct(data.assumptions) });
    post({ type: 'done', ...timed(() => projectInput(input, data.assumptions, (done, total) => post({ type: 'progress', stage: 'projecting', done, total }))) });
  } finally {
    db.close();
  }
} catch (error) {
  post({ type: 'error', error: toWireError(error) });
}
