import type { Worker } from 'node:worker_threads';

/**
 * A thread's first message, posted once its imports — SQLite's native module among them — are
 * loaded: by the deal and projection threads' module top level, the query thread's once its
 * workspace is open, a pool thread's serveTasks. Until then the thread may be registering
 * better-sqlite3, and a thread terminated there aborts the whole process (better-sqlite3 13:
 * node-addon-api calls a fatal error, "Error::New napi_get_last_error_info"; seen in CI when a
 * workspace's query thread was closed as it started). So a job stopped early (a cancel) gives up its
 * thread at once but terminates it only once it has said it is ready, or has stopped on its own.
 */
export interface ThreadReady {
  readonly type: 'ready';
}

export const THREAD_READY: ThreadReady = { type: 'ready' };

export function isThreadReady(message: unknown): message is ThreadReady {
  return typeof message === 'object' && message !== null && (message as { type?: unknown }).type === 'ready';
}

/** Each watched thread's start: settles on its ready message, or when it stops or fails without one. */
const starts = new WeakMap<Worker, Promise<void>>();

/** Watches a thread from its creation (before any other listener can miss its ready message). */
export function watchStart(worker: Worker): void {
  if (starts.has(worker)) return;
  starts.set(
    worker,
    new Promise<void>((resolve) => {
      const onMessage = (message: unknown): void => {
        if (!isThreadReady(message)) return;
        worker.off('message', onMessage);
        resolve();
      };
      worker.on('message', onMessage);
      worker.once('exit', () => resolve());
      worker.once('error', () => resolve());
    }),
  );
}

/** Terminates a thread once it has started (at once if it was never watched, or has already started). */
export async function terminateWhenStarted(worker: Worker): Promise<void> {
  await starts.get(worker);
  await worker.terminate();
}
