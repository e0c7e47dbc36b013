/**
 * Loads a tape's loans for a loan-level projection (service/jobs/project-job.ts), off the service's
 * thread: reads them straight onto shared memory (no copy of the columns; an override rule's new
 * segment codes are the one array copied there), checks and maps the assumption file onto them
 * (prepareProjection) and hands them back — the projection itself runs on the worker pool, so
 * this thread never projects and the pool's thread count holds. It only reads the workspace, so
 * stopping it midway loses nothing.
 */
import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import { matchesProduct } from '../../files/assumption-file.ts';
import { prepareProjection, tapeInput, type ProjectionSource } from '../../runs/projection.ts';
import { sharedLoans, type ProjectionShare } from '../project-chunks.ts';
import { toWireError, type WireError } from './wire-error.ts';
import { THREAD_READY } from '../thread-start.ts';
import type { CodedMessage } from '../../../engine/messages.ts';

export interface ProjectWorkerData {
  readonly workspacePath: string;
  readonly tapeId: number;
  readonly assumptions: unknown;
}

export type ProjectWorkerMessage =
  | { readonly type: 'loading' }
  /** The loans on SharedArrayBuffers (they cross to the service without a copy), with what the result says of the tape. */
  | { readonly type: 'loaded'; readonly source: ProjectionSource; readonly share: ProjectionShare; readonly warnings: readonly CodedMessage[] }
  | { readonly type: 'error'; readonly error: WireError };

const data = workerData as ProjectWorkerData;
const port = parentPort;
if (!port) throw new Error('project-worker must run in a worker thread');
// Its modules — SQLite's native one among them — are loaded: it may be terminated from now on (thread-start.ts).
port.postMessage(THREAD_READY);

const post = (message: ProjectWorkerMessage): void => port.postMessage(message);

try {
  const db = new Database(data.workspacePath, { readonly: true, fileMustExist: true, timeout: 2_000 });
  try {
    post({ type: 'loading' });
    const input = tapeInput(db, data.tapeId, { products: matchesProduct(data.assumptions), memory: 'shared' });
    const { loans, assumptions, options, warnings } = prepareProjection(input, data.assumptions);
    const { tapeId, sourceName, cutoffDate, loanCount, segmentNames, lines } = input;
    post({ type: 'loaded', source: { tapeId, sourceName, cutoffDate, loanCount, segmentNames, lines }, share: { loans: sharedLoans(loans), assumptions, options }, warnings });
  } finally {
    db.close();
  }
} catch (error) {
  post({ type: 'error', error: toWireError(error) });
}
