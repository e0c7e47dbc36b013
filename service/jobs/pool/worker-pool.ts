/**
 * The one worker pool: every parallel sweep (scenario sets, grid cells, Monte Carlo paths) runs its
 * tasks here, on worker threads counted process-wide (pool-slots.ts), so nested or concurrent work
 * never runs more threads than the pool's size. A task runs on whichever thread is free; its result
 * goes to its own index, so the results come back in task order whatever the worker count.
 */
import { isMainThread, Worker, workerData } from 'node:worker_threads';
import { UserError } from '../../../data/errors.ts';
import { fromWireError } from '../workers/wire-error.ts';
import { parkThread, takeIdleThread } from './pool-idle.ts';
import { isPoolThreadData, type PoolMessage, type PoolReply, type PoolThreadData } from './pool-protocol.ts';
import { checkedJobs, poolSize } from './pool-size.ts';
import { isThreadReady, terminateWhenStarted, watchStart, type ThreadReady } from '../thread-start.ts';
import { threadEnv } from './thread-env.ts';
import { othersWaiting, releaseSlot, requestSlot, withdrawRequests } from './pool-slots.ts';

export { poolSize, setPoolSize } from './pool-size.ts';

export interface RunTasksOptions {
  /** A worker module that serves tasks (serveTasks in pool-thread.ts): one task message in, its result posted back. */
  readonly worker: URL;
  /** At most this many threads in the whole process while this call runs (else the pool's size: cores or --jobs). */
  readonly jobs?: number;
  /** Aborting stops every thread and rejects with CANCELLED: no partial results. */
  readonly signal?: AbortSignal;
  /** Called after each finished task with the number finished so far. */
  readonly onDone?: (done: number) => void;
  /** Sent once to each thread (its workerData) rather than with every task: the deal, the pool's source… */
  readonly shared?: unknown;
  /**
   * Work nobody waits for (the app's warm-up, sweep-warm-up.ts): its slot requests come after every other
   * call's, it runs one task per thread at a time, and as soon as another call waits for a thread it
   * yields every thread it holds — each after the task in hand, parked warm — withdraws its requests
   * and ends early, resolving with a BackgroundOutcome (the tasks it finished) instead of rejecting.
   */
  readonly background?: boolean;
}

/**
 * What a background call resolves with: `results[k]` is task k's result, or undefined if it never
 * ran (the call yielded first); `done` counts the finished tasks; `yielded` says whether the call
 * ended early because another call wanted its threads. A task error or a cancel rejects, as ever.
 */
export interface BackgroundOutcome<R> {
  readonly results: readonly (R | undefined)[];
  readonly done: number;
  readonly yielded: boolean;
}

/** Refuses a pool inside a pool task: nested work runs inline in its task (docs/sweeps.md, "One worker pool"). */
function refuseNested(): void {
  if (!isMainThread && isPoolThreadData(workerData)) {
    throw new Error('runTasks was called inside a pool task: work nested in a pool task runs inline on its thread, so the pool never runs more threads than its size');
  }
}

/**
 * Runs every task on the pool's worker threads and resolves with their results in task order once
 * every thread has stopped; the first task error (or a cancel) stops every thread and rejects.
 */
// T ties the tasks to the worker's handler at the call site; R names what the worker posts back (threads' messages are untyped).
// oxlint-disable-next-line typescript/no-unnecessary-type-parameters
export function runTasks<T, R>(tasks: readonly T[], options: RunTasksOptions & { readonly background?: false }): Promise<R[]>;
/** A background call (RunTasksOptions.background): the tasks it finished before it ended or yielded its threads. */
// oxlint-disable-next-line typescript/no-unnecessary-type-parameters
export function runTasks<T, R>(tasks: readonly T[], options: RunTasksOptions & { readonly background: true }): Promise<BackgroundOutcome<R>>;
export function runTasks<T, R>(tasks: readonly T[], options: RunTasksOptions): Promise<R[] | BackgroundOutcome<R>> {
  if (options.background === true) {
    return new Promise<BackgroundOutcome<R>>((resolve, reject) => {
      refuseNested();
      const limit = options.jobs === undefined ? poolSize() : checkedJobs(options.jobs, 'jobs');
      if (options.signal?.aborted) throw cancelledError(0, tasks.length);
      const settle = (results: R[], done: number, yielded: boolean): void => resolve({ results: Array.from({ length: tasks.length }, (_, k) => results[k]), done, yielded });
      if (tasks.length === 0) settle([], 0, false);
      else new TaskRun<T, R>(tasks, options, limit, settle, reject).start();
    });
  }
  return new Promise<R[]>((resolve, reject) => {
    refuseNested();
    const limit = options.jobs === undefined ? poolSize() : checkedJobs(options.jobs, 'jobs');
    if (options.signal?.aborted) throw cancelledError(0, tasks.length);
    if (tasks.length === 0) resolve([]);
    else new TaskRun<T, R>(tasks, options, limit, resolve, reject).start();
  });
}

/**
 * Tasks posted to a thread ahead of their turn: the thread's next task is already queued behind its
 * current one, so it goes on without waiting for its reply to reach the service and the next task to
 * come back (a grid cell is ~4 ms; the round trip, when the service's thread is busy, is a good part
 * of a millisecond). Two is enough to hide the round trip. A thread gets its second task only while
 * at least one task per thread of the call is left, so a short call still spreads over every thread.
 */
const TASKS_IN_FLIGHT = 2;

/**
 * A pool thread's young generation (V8's default for a worker is ≈ 48 MB). V8 starts marking the
 * old generation as soon as its headroom is below the young generation's capacity — a scavenge could
 * promote that much — and after a full collection of a thread running deal runs (≈ 22 MB live, limit
 * ≈ 60 MB) the default left too little headroom: the thread started a full collection every 500–900
 * cells of a grid, and each one discarded the optimised code of some 65–100 engine functions (code
 * that embeds objects which died, V8's "embedded weak objects cleared"), which the thread then
 * compiled again on the cores the sweep runs on. At 24 MB the same threads collected fully about a
 * third as often. docs/sweeps.md, "Full collections, the collector's buffer sweeps, and settled threads".
 */
export const POOL_THREAD_YOUNG_GENERATION_MB = 24;

function cancelledError(done: number, total: number): UserError {
  return new UserError('CANCELLED', `Cancelled after ${done} of ${total} tasks; nothing was kept`, { done, total });
}

type Outcome = { readonly ok: true } | { readonly ok: false; readonly error: Error };

interface ThreadListeners {
  readonly message: (reply: PoolReply | ThreadReady) => void;
  readonly error: (error: Error) => void;
  readonly exit: (code: number) => void;
}

/** One runTasks call: hands out tasks, gathers results by index, stops its threads at the end. */
class TaskRun<T, R> {
  /** Each result at its task's index, whichever thread finished first. */
  readonly #results: R[] = [];
  /** Threads not yet exited, and those of them still taking tasks. */
  readonly #live = new Set<Worker>();
  readonly #working = new Set<Worker>();
  readonly #listeners = new Map<Worker, ThreadListeners>();
  /** Tasks posted to each thread and not yet answered. */
  readonly #inFlight = new Map<Worker, number>();
  #next = 0;
  #threadsWanted = 1;
  #done = 0;
  #outcome: Outcome | null = null;
  /** A background call that another call's wait made give up its threads: each parks after its task in hand. */
  #yielding = false;

  readonly #tasks: readonly T[];
  readonly #options: RunTasksOptions;
  readonly #limit: number;
  readonly #background: boolean;
  /** Tasks posted to a thread ahead of its reply: a background call's thread holds only the task in hand. */
  readonly #tasksInFlight: number;
  readonly #resolve: (results: R[], done: number, yielded: boolean) => void;
  readonly #reject: (error: Error) => void;

  constructor(tasks: readonly T[], options: RunTasksOptions, limit: number, resolve: (results: R[], done: number, yielded: boolean) => void, reject: (error: Error) => void) {
    this.#tasks = tasks;
    this.#options = options;
    this.#limit = limit;
    this.#background = options.background === true;
    this.#tasksInFlight = this.#background ? 1 : TASKS_IN_FLIGHT;
    this.#resolve = resolve;
    this.#reject = reject;
  }

  start(): void {
    this.#options.signal?.addEventListener('abort', this.#onAbort, { once: true });
    const wanted = Math.min(this.#limit, this.#tasks.length);
    this.#threadsWanted = wanted;
    for (let k = 0; k < wanted; k += 1) requestSlot(this, this.#limit, () => this.#startThread(), this.#background);
  }

  readonly #onAbort = (): void => this.#finish({ ok: false, error: cancelledError(this.#done, this.#tasks.length) });

  #startThread(): void {
    if (this.#outcome !== null || this.#yielding || this.#next >= this.#tasks.length) {
      releaseSlot();
      return;
    }
    const data: PoolThreadData = { absPoolThread: true };
    const thread = takeIdleThread(this.#options.worker) ?? this.#newThread(data);
    const listeners: ThreadListeners = {
      message: (reply: PoolReply | ThreadReady) => {
        if (!isThreadReady(reply)) this.#onReply(thread, reply);
      },
      error: (error: Error) => this.#finish({ ok: false, error }),
      exit: (code: number) => this.#onExit(thread, code),
    };
    this.#listeners.set(thread, listeners);
    thread.on('message', listeners.message);
    thread.on('error', listeners.error);
    thread.on('exit', listeners.exit);
    this.#live.add(thread);
    this.#working.add(thread);
    this.#inFlight.set(thread, 0);
    thread.postMessage({ kind: 'shared', shared: this.#options.shared } satisfies PoolMessage);
    this.#feed(thread);
  }

  /** A new pool thread, watched from its start: it is terminated only once it has said it is ready (thread-start.ts). */
  #newThread(data: PoolThreadData): Worker {
    const thread = new Worker(this.#options.worker, { workerData: data, env: threadEnv(), resourceLimits: { maxYoungGenerationSizeMb: POOL_THREAD_YOUNG_GENERATION_MB } });
    watchStart(thread);
    return thread;
  }

  /**
   * Tops the thread up to TASKS_IN_FLIGHT tasks; when none is left or another call waits for a
   * thread, it gets no more, and leaves this call once its tasks are answered. A background call
   * gives up every thread, not all but one, and ends once they have all left (#yield).
   */
  #feed(thread: Worker): void {
    if (this.#outcome !== null) return;
    if (this.#background && (this.#yielding || othersWaiting(this))) {
      this.#yield(thread);
      return;
    }
    for (let posted = this.#inFlight.get(thread) ?? 0; posted < this.#tasksInFlight; posted += 1) {
      if (posted > 0 && this.#tasks.length - this.#next < this.#threadsWanted) return;
      if (this.#next >= this.#tasks.length || (this.#working.size > 1 && othersWaiting(this))) {
        if (posted === 0) this.#park(thread);
        return;
      }
      const index = this.#next;
      this.#next += 1;
      this.#inFlight.set(thread, posted + 1);
      thread.postMessage({ kind: 'task', index, task: this.#tasks[index] } satisfies PoolMessage);
    }
  }

  /**
   * A background call's thread between tasks (it holds one at a time) leaves for the call that
   * waits: its requests not yet granted are dropped, and once its last thread has left it resolves
   * with what it finished.
   */
  #yield(thread: Worker): void {
    if (!this.#yielding) {
      this.#yielding = true;
      withdrawRequests(this);
    }
    this.#park(thread);
    if (this.#live.size === 0) this.#finish({ ok: true });
  }

  /** A thread between tasks leaves this call: its slot is freed now and it waits, warm, for the next sweep (pool-idle.ts). */
  #park(thread: Worker): void {
    const listeners = this.#listeners.get(thread);
    if (listeners) {
      thread.off('message', listeners.message);
      thread.off('error', listeners.error);
      thread.off('exit', listeners.exit);
      this.#listeners.delete(thread);
    }
    this.#working.delete(thread);
    this.#live.delete(thread);
    this.#inFlight.delete(thread);
    // A parked thread (kept, in the app, for the service's life) lets go of this call's data: a loan-level call's loans are large.
    thread.postMessage({ kind: 'release' } satisfies PoolMessage);
    // A background call parks its thread before freeing the slot, so the call it yields to takes this warm thread rather than starting a cold one.
    if (this.#background) parkThread(this.#options.worker, thread);
    releaseSlot();
    if (!this.#background) parkThread(this.#options.worker, thread);
  }

  #onReply(thread: Worker, reply: PoolReply): void {
    if (this.#outcome !== null) return;
    if (!reply.ok) {
      this.#finish({ ok: false, error: fromWireError(reply.error) });
      return;
    }
    this.#results[reply.index] = reply.result as R;
    this.#inFlight.set(thread, (this.#inFlight.get(thread) ?? 1) - 1);
    this.#done += 1;
    this.#options.onDone?.(this.#done);
    if (this.#done === this.#tasks.length) this.#finish({ ok: true });
    else this.#feed(thread);
  }

  #onExit(thread: Worker, code: number): void {
    releaseSlot();
    this.#live.delete(thread);
    if (this.#working.delete(thread) && this.#outcome === null) this.#finish({ ok: false, error: new Error(`a pool thread stopped unexpectedly (exit code ${code})`) });
    this.#settleWhenStopped();
  }

  #finish(outcome: Outcome): void {
    if (this.#outcome !== null) return;
    this.#outcome = outcome;
    this.#options.signal?.removeEventListener('abort', this.#onAbort);
    withdrawRequests(this);
    // Done: every thread is between tasks and waits for the next sweep. Failed or cancelled: every thread stops.
    if (outcome.ok) for (const thread of this.#live) this.#park(thread);
    this.#working.clear();
    // A thread still loading its modules is terminated once it has (thread-start.ts): not while it registers SQLite.
    for (const thread of this.#live) void terminateWhenStarted(thread);
    this.#settleWhenStopped();
  }

  /** Settles once the outcome is known and every thread has left: parked between tasks, or exited (a caller never races a stopping thread). */
  #settleWhenStopped(): void {
    if (this.#outcome === null || this.#live.size > 0) return;
    if (this.#outcome.ok) this.#resolve(this.#results, this.#done, this.#yielding);
    else this.#reject(this.#outcome.error);
  }
}
