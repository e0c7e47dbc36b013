/**
 * The thread side of the pool: a worker module calls serveTasks once with its handler; each task
 * message runs the handler on the call's shared data and posts back the result (or the error, as
 * data). The thread stays up for the next task until the pool stops it — and, warm, for later calls:
 * a thread may serve several calls in turn, each with its own `shared` (a new object per call), so
 * a handler that keeps state between tasks keys it on `shared` (sweep-handler.ts does, on its work's data).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { THREAD_READY } from '../thread-start.ts';
import { toWireError } from '../workers/wire-error.ts';
import { isPoolThreadData, type PoolMessage, type PoolReply } from './pool-protocol.ts';

// The type parameters name the task, result and shared data of the worker module's handler (threads' messages are untyped).
// oxlint-disable-next-line typescript/no-unnecessary-type-parameters
export function serveTasks<T, R, S = unknown>(handle: (task: T, shared: S) => R | Promise<R>, release?: () => void): void {
  const port = parentPort;
  const data: unknown = workerData;
  if (port === null || !isPoolThreadData(data)) throw new Error('serveTasks runs in a pool thread started by runTasks (service/jobs/pool/worker-pool.ts)');
  // The worker module's imports are loaded: the pool may terminate this thread from now on (thread-start.ts).
  port.postMessage(THREAD_READY);
  // A thread serves one call at a time; a warm thread kept from an earlier call gets the new call's data first.
  let shared: S | undefined;
  // The pool keeps a thread's next task queued behind its current one (worker-pool.ts, TASKS_IN_FLIGHT), so the
  // thread never waits for a round trip between tasks; tasks still run one at a time, in the order they came.
  let queue: Promise<void> = Promise.resolve();
  port.on('message', (message: PoolMessage) => {
    if (message.kind === 'shared') {
      const next = message.shared as S;
      queue = queue.then(() => {
        shared = next;
      });
      return;
    }
    if (message.kind === 'release') {
      // The thread left its call (parked warm): the call's data and what the handler kept of it go (`release`).
      queue = queue.then(() => {
        shared = undefined;
        release?.();
      });
      return;
    }
    queue = queue.then(() => runTask(message, shared as S));
  });
  const runTask = async (message: Extract<PoolMessage, { kind: 'task' }>, current: S): Promise<void> => {
    let reply: PoolReply;
    try {
      reply = { index: message.index, ok: true, result: await handle(message.task as T, current) };
    } catch (error) {
      reply = { index: message.index, ok: false, error: toWireError(error) };
    }
    try {
      port.postMessage(reply);
    } catch (error) {
      // A result that cannot cross the thread boundary (a function, a class instance's methods) is the task's error.
      port.postMessage({ index: message.index, ok: false, error: toWireError(error) } satisfies PoolReply);
    }
  };
}
