/**
 * Worker thread that reads, maps and validates one tape, feeding a second thread that writes it
 * to SQLite in one transaction (the two cores overlap). Progress is posted to the parent;
 * cancellation comes through a shared flag (the import loop is synchronous between file
 * chunks, so a message could not reach it).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { importTapeWith } from '../../../data/tape/import.ts';
import type { ImportRequest } from '../../../data/tape/import.ts';
import type { ImportProgress, ImportReport } from '../../../data/tape/types.ts';
import { ThreadTapeWriter } from './thread-writer.ts';
import { toWireError, type WireError } from './wire-error.ts';

export interface ImportWorkerData {
  readonly workspacePath: string;
  readonly request: ImportRequest;
  /** Int32Array over a SharedArrayBuffer: [0] = 1 asks the import to stop. */
  readonly cancel: Int32Array;
  /** Entry of the SQLite writer thread (writer-worker), which this reader feeds. */
  readonly writerUrl: string;
}

export type ImportWorkerMessage =
  { readonly type: 'progress'; readonly progress: ImportProgress } | { readonly type: 'done'; readonly report: ImportReport } | { readonly type: 'error'; readonly error: WireError };

const data = workerData as ImportWorkerData;
const port = parentPort;
if (!port) throw new Error('import-worker must run in a worker thread');

const writer = new ThreadTapeWriter(new URL(data.writerUrl), data.workspacePath);
try {
  const report = await importTapeWith(writer, data.request, {
    onProgress: (progress) => port.postMessage({ type: 'progress', progress } satisfies ImportWorkerMessage),
    shouldStop: () => Atomics.load(data.cancel, 0) === 1,
  });
  port.postMessage({ type: 'done', report } satisfies ImportWorkerMessage);
} catch (error) {
  port.postMessage({ type: 'error', error: toWireError(error) } satisfies ImportWorkerMessage);
} finally {
  await writer.close();
}
