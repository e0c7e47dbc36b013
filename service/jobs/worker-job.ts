import { Worker, type ResourceLimits } from 'node:worker_threads';
import { UserError } from '../../data/errors.ts';
import type { JobContext } from './job-manager.ts';
import { isThreadReady, terminateWhenStarted, watchStart } from './thread-start.ts';
import { fromWireError, type WireError } from './workers/wire-error.ts';

/** What a job's worker thread posts: its own messages, or an error as it crossed the thread boundary. */
export type WorkerReply = { readonly type: 'error'; readonly error: WireError } | { readonly type: string };

/**
 * Runs read-only work on its own worker thread as a job: every message goes to `handle`, which
 * reports progress and returns the job's result once the worker has sent it (undefined meanwhile);
 * an error message rejects with the error it carries. Cancelling the job stops the thread (for
 * work that only reads: stopping it midway loses nothing) and rejects with CANCELLED — unless
 * `cancel` is given, for work that must wind down itself (an import rolls back): then it is called
 * and the worker's own reply settles the job. `resourceLimits` bound the thread's V8 heap. A module
 * run with a plain cancel posts THREAD_READY once loaded (thread-start.ts): it is terminated only then.
 */
// M names the worker's own message type for the caller's handler (the thread's messages are untyped).
// oxlint-disable-next-line typescript/no-unnecessary-type-parameters
export function runWorkerJob<M extends WorkerReply, R>(
  url: URL,
  workerData: unknown,
  ctx: JobContext,
  cancelled: string | { readonly cancel: () => void },
  handle: (message: M) => R | undefined,
  resourceLimits?: ResourceLimits,
): Promise<R> {
  const worker = new Worker(url, { workerData, ...(resourceLimits ? { resourceLimits } : {}) });
  watchStart(worker);
  return new Promise<R>((resolve, reject) => {
    let settled = false;
    const settle = (fn: () => void): void => {
      if (settled) return;
      settled = true;
      ctx.signal.removeEventListener('abort', onAbort);
      fn();
    };
    const onAbort = (): void => {
      if (typeof cancelled !== 'string') {
        cancelled.cancel();
        return;
      }
      settle(() => reject(new UserError('CANCELLED', cancelled)));
      // Once it has loaded its modules (thread-start.ts): terminated while it registers SQLite, the process aborts.
      void terminateWhenStarted(worker);
    };
    ctx.signal.addEventListener('abort', onAbort, { once: true });
    worker.on('message', (message: M) => {
      if (isThreadReady(message)) return;
      if (message.type === 'error' && 'error' in message) {
        const error = fromWireError(message.error);
        settle(() => reject(error));
        return;
      }
      const result = handle(message);
      if (result !== undefined) settle(() => resolve(result));
    });
    worker.on('error', (error) => settle(() => reject(error)));
    worker.on('exit', (code) => settle(() => reject(new Error(`worker thread stopped unexpectedly (exit code ${code})`))));
  });
}
