import { Worker } from 'node:worker_threads';
import { UserError } from '../../data/errors.ts';
import type { JobContext } from './job-manager.ts';
import { parkThread, takeIdleThread } from './pool/pool-idle.ts';
import { isThreadReady, terminateWhenStarted, watchStart } from './thread-start.ts';
import type { WorkerReply } from './worker-job.ts';
import { fromWireError } from './workers/wire-error.ts';

let threadsStarted = 0;

/** Threads this process has started for warm jobs (for tests: two jobs one after another start one). */
export function warmThreadsStarted(): number {
  return threadsStarted;
}

/**
 * Runs read-only work as a job on a warm thread of `url`'s worker module, which serves one request
 * message at a time (deal-worker.ts): a thread left idle by an earlier job of that module, else a
 * new one. Messages go to `handle` as in runWorkerJob (with `answer`, to post back to the thread
 * while the job runs); once the result or the work's own error has
 * come, the thread is parked, warm, for the next job (pool-idle.ts: it stops after IDLE_MS unused
 * or when the service closes). A thread per job instead left each thread's native memory (its V8
 * isolate, its allocator arenas) to come and go with every run: the soak's resident memory swung
 * 80 MB over 2,000 runs (docs/reliability.md). Cancelling stops the thread at once and rejects with
 * CANCELLED; the next job starts a new one (the stopped thread is terminated once it has loaded its
 * modules: thread-start.ts). A thread that fails or exits is never reused.
 */
// M names the worker's own message type for the caller's handler (the thread's messages are untyped).
// oxlint-disable-next-line typescript/no-unnecessary-type-parameters
export function runWarmWorkerJob<M extends WorkerReply, R>(
  url: URL,
  request: unknown,
  ctx: JobContext,
  cancelled: string,
  handle: (message: M, answer: (message: unknown) => void) => R | undefined,
): Promise<R> {
  let thread = takeIdleThread(url);
  if (!thread) {
    thread = new Worker(url);
    watchStart(thread);
    threadsStarted += 1;
  }
  const worker = thread;
  return new Promise<R>((resolve, reject) => {
    let settled = false;
    const settle = (fn: () => void, reuse: boolean): void => {
      if (settled) return;
      settled = true;
      ctx.signal.removeEventListener('abort', onAbort);
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
      if (reuse) parkThread(url, worker);
      else void terminateWhenStarted(worker);
      fn();
    };
    const onAbort = (): void => settle(() => reject(new UserError('CANCELLED', cancelled)), false);
    const onMessage = (message: M): void => {
      if (isThreadReady(message)) return;
      if (message.type === 'error' && 'error' in message) {
        const error = fromWireError(message.error);
        settle(() => reject(error), true);
        return;
      }
      const result = handle(message, answer);
      if (result !== undefined) settle(() => resolve(result), true);
    };
    // A message back to the thread within the job (a loan-level run's projection); none once the job has ended.
    const answer = (reply: unknown): void => {
      if (!settled) worker.postMessage(reply);
    };
    const onError = (error: Error): void => settle(() => reject(error), false);
    const onExit = (code: number): void => settle(() => reject(new Error(`worker thread stopped unexpectedly (exit code ${code})`)), false);
    ctx.signal.addEventListener('abort', onAbort, { once: true });
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    worker.postMessage(request);
  });
}
