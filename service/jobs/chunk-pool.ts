import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { UserError } from '../../data/errors.ts';
import { fromWireError, type WireError } from './workers/wire-error.ts';

/** What a chunk worker answers for task `index`. */
export type ChunkReply = { readonly type: 'done'; readonly index: number; readonly result: unknown } | { readonly type: 'error'; readonly index: number; readonly error: WireError };

/** What the pool posts to a chunk worker. */
export interface ChunkRequest {
  readonly index: number;
  readonly task: unknown;
}

export interface ChunkPoolOptions {
  readonly worker: URL;
  /** Worker threads; default the machine's cores (never more than there are tasks). */
  readonly jobs?: number;
  readonly signal?: AbortSignal;
  /** Called with the number of tasks done after each one finishes. */
  readonly onDone?: (done: number) => void;
}

/**
 * Runs independent tasks on a small pool of worker threads and answers their results in task order,
 * so the combined result does not depend on the number of threads or the order tasks finish in. Each
 * thread takes the next task when it is free. An error or a cancel stops every thread and rejects
 * (CANCELLED for a cancel): nothing half-done is returned. Same shape as the shared worker pool's
 * runTasks (service/jobs/pool/worker-pool.ts), which replaces it when the branches merge.
 */
// R names the worker's result type for the caller (the thread's messages are untyped).
// oxlint-disable-next-line typescript/no-unnecessary-type-parameters
export function runChunkTasks<T, R>(tasks: readonly T[], options: ChunkPoolOptions): Promise<R[]> {
  if (tasks.length === 0) return Promise.resolve([]);
  const threads = Math.max(1, Math.min(tasks.length, options.jobs ?? availableParallelism()));
  const results: R[] = [];
  const workers: Worker[] = [];
  let next = 0;
  let done = 0;
  const feed = (worker: Worker): void => {
    if (next >= tasks.length) return;
    const index = next++;
    worker.postMessage({ index, task: tasks[index] } satisfies ChunkRequest);
  };
  return new Promise<R[]>((resolve, reject) => {
    let settled = false;
    const stop = (): void => {
      for (const w of workers) void w.terminate();
      options.signal?.removeEventListener('abort', onAbort);
    };
    const fail = (error: Error): void => {
      if (settled) return;
      settled = true;
      stop();
      reject(error);
    };
    const onAbort = (): void => fail(new UserError('CANCELLED', 'Monte Carlo cancelled'));
    if (options.signal?.aborted) return onAbort();
    options.signal?.addEventListener('abort', onAbort, { once: true });
    for (let t = 0; t < threads; t++) {
      const worker = new Worker(options.worker);
      workers.push(worker);
      worker.on('message', (reply: ChunkReply) => {
        if (settled) return;
        if (reply.type === 'error') return fail(fromWireError(reply.error));
        results[reply.index] = reply.result as R;
        done++;
        options.onDone?.(done);
        if (done === tasks.length) {
          settled = true;
          stop();
          resolve(results);
        } else feed(worker);
      });
      worker.on('error', (error: unknown) => fail(error instanceof Error ? error : new Error(String(error))));
      worker.on('exit', (code) => fail(new Error(`worker thread stopped unexpectedly (exit code ${code})`)));
      feed(worker);
    }
  });
}
