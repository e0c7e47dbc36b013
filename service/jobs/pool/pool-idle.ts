import type { Worker } from 'node:worker_threads';

/**
 * Threads of finished sweeps, kept warm for the next one: a thread that has loaded the engine's
 * modules and compiled its hot code starts the next sweep's tasks at once (a cold thread spends
 * about a third of a second loading and its first runs warming up). An idle thread uses no CPU and
 * holds no slot of the pool; it keeps the process alive for nothing (unref) and stops after
 * IDLE_MS or when the service closes. Threads are kept per worker module.
 *
 * An open app (a Service with warmPool, docs/sweeps.md "Warm threads in the app") keeps the idle
 * threads of its pool and deal workers for its whole life instead (keepIdleThreads), up to
 * KEPT_THREADS_MAX of a module: their compiled code is what makes its sweeps fast, and a thread's JIT
 * warm-up costs about a second of CPU. Other modules' threads keep the timeout — a kept thread
 * holds ≈ 100 MB of heap — and so do the CLI and the tests.
 */
export const IDLE_MS = 15_000;

/**
 * At most this many idle threads of a module are kept with no timeout while an owner keeps them;
 * further ones get the normal timeout. A kept thread holds ≈ 100–125 MB (its V8 heap, its allocator
 * arenas), so a many-core machine would otherwise hold gigabytes idle for the app's life.
 */
export const KEPT_THREADS_MAX = 4;

interface Parked {
  readonly href: string;
  readonly thread: Worker;
  /** Null while some owner keeps idle threads for its life. */
  timer: NodeJS.Timeout | null;
  readonly onGone: () => void;
}

const idle = new Map<string, Parked[]>();
/** How long a thread waits idle before it stops (tests shorten it: setIdleTimeout). */
let idleMs = IDLE_MS;
/** Owners (open services) that keep idle threads with no timeout, and the worker modules (hrefs) whose threads each keeps. */
const keepers = new Map<object, ReadonlySet<string>>();

const kept = (href: string): boolean => [...keepers.values()].some((hrefs) => hrefs.has(href));

/** Idle threads of a module waiting with no timeout now. */
const keptNow = (href: string): number => (idle.get(href) ?? []).filter((p) => p.timer === null).length;

function startTimer(parked: Parked): void {
  if (parked.timer !== null) return;
  // A kept module's threads wait with no timeout, up to KEPT_THREADS_MAX of them (this one not yet in the list, or already counted).
  const others = keptNow(parked.href) - ((idle.get(parked.href) ?? []).includes(parked) ? 1 : 0);
  if (kept(parked.href) && others < KEPT_THREADS_MAX) return;
  parked.timer = setTimeout(parked.onGone, idleMs);
  parked.timer.unref();
}

function forget(href: string, thread: Worker): Parked | undefined {
  const list = idle.get(href) ?? [];
  const k = list.findIndex((p) => p.thread === thread);
  const [parked] = k < 0 ? [] : list.splice(k, 1);
  if (parked) {
    if (parked.timer !== null) clearTimeout(parked.timer);
    thread.off('exit', parked.onGone);
    thread.off('error', parked.onGone);
  }
  return parked;
}

/** Keeps a thread that finished its sweep's tasks (its listeners already removed). */
export function parkThread(worker: URL, thread: Worker): void {
  const onGone = (): void => {
    forget(worker.href, thread);
    void thread.terminate();
  };
  const parked: Parked = { href: worker.href, thread, timer: null, onGone };
  startTimer(parked);
  thread.on('exit', onGone);
  thread.on('error', onGone);
  thread.unref();
  idle.set(worker.href, [...(idle.get(worker.href) ?? []), parked]);
}

/** A warm thread of this worker module, or undefined. */
export function takeIdleThread(worker: URL): Worker | undefined {
  const parked = idle.get(worker.href)?.at(-1);
  if (!parked) return undefined;
  forget(worker.href, parked.thread);
  parked.thread.ref();
  return parked.thread;
}

/** Idle threads now (for tests). */
export function idleThreads(): number {
  return [...idle.values()].reduce((sum, list) => sum + list.length, 0);
}

/**
 * While `owner` keeps them (an open app service), idle threads of these worker modules wait with no
 * timeout; `null` releases them: the threads idle now get the normal timeout from then on. They
 * still stop on stopIdleThreads.
 */
export function keepIdleThreads(owner: object, workers: readonly URL[] | null): void {
  if (workers === null) keepers.delete(owner);
  else keepers.set(owner, new Set(workers.map((url) => url.href)));
  for (const parked of [...idle.values()].flat()) {
    if (kept(parked.href) && parked.timer !== null) {
      clearTimeout(parked.timer);
      parked.timer = null;
    }
    startTimer(parked);
  }
}

/** Sets how long an idle thread waits before it stops (null: back to IDLE_MS); for tests. Threads parked from now on. */
export function setIdleTimeout(ms: number | null): void {
  idleMs = ms ?? IDLE_MS;
}

/** Stops every idle thread (the service closes). */
export async function stopIdleThreads(): Promise<void> {
  // A copy of each list: forget() splices the list, and mapping the list itself would skip every other thread.
  const all = [...idle.entries()].flatMap(([href, list]) => [...list].map((p) => forget(href, p.thread) ?? p));
  await Promise.all(all.map((p) => p.thread.terminate()));
}
