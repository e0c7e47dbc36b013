/**
 * Worker thread that imports one tape: its own SQLite connection to the workspace file, the
 * import in one transaction, progress posted to the parent, cancellation through a shared
 * flag (the import loop is synchronous between file chunks, so a message could not reach it).
 */
import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import { UserError } from '../../data/errors.ts';
import { importTape } from '../../data/tape/import.ts';
import type { ImportRequest } from '../../data/tape/import.ts';
import type { ImportProgress, ImportReport } from '../../data/tape/types.ts';

export interface ImportWorkerData {
  readonly workspacePath: string;
  readonly request: ImportRequest;
  /** Int32Array over a SharedArrayBuffer: [0] = 1 asks the import to stop. */
  readonly cancel: Int32Array;
}

export type ImportWorkerMessage =
  | { readonly type: 'progress'; readonly progress: ImportProgress }
  | { readonly type: 'done'; readonly report: ImportReport }
  | { readonly type: 'error'; readonly error: { code: string; message: string; details?: Record<string, unknown>; user: boolean } };

const data = workerData as ImportWorkerData;
const port = parentPort;
if (!port) throw new Error('import-worker must run in a worker thread');

const db = new Database(data.workspacePath, { timeout: 10_000 });
try {
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('synchronous = NORMAL');
  db.pragma('cache_size = -65536'); // 64 MiB page cache for the bulk insert
  const report = await importTape(db, data.request, {
    onProgress: (progress) => port.postMessage({ type: 'progress', progress } satisfies ImportWorkerMessage),
    shouldStop: () => Atomics.load(data.cancel, 0) === 1,
  });
  port.postMessage({ type: 'done', report } satisfies ImportWorkerMessage);
} catch (error) {
  const user = error instanceof UserError;
  port.postMessage({
    type: 'error',
    error: {
      code: user ? error.code : 'INTERNAL',
      message: error instanceof Error ? error.message : String(error),
      details: user ? { ...error.details } : {},
      user,
    },
  } satisfies ImportWorkerMessage);
} finally {
  db.close();
}
