import type { Worker } from 'node:worker_threads';

/**
 * Threads of finished sweeps, kept warm for the next one: a thread that has loaded the engine's
 * modules and compiled its hot code starts the next sweep's tasks at once (a cold thread spends
 * about a third of a second loading and its first runs warming up). An idle thread uses no CPU and
 * holds no slot of the pool; it keeps the process alive for nothing (unref) and stops after
 * IDLE_MS or when the service closes. Threads are kept per worker module.
 *
 * An open app (a Service with warmPool, docs/sweeps.md "Warm threads in the app") keeps its idle
 * threads for its whole life instead (keepIdleThreads): their compiled code is what makes its sweeps
 * fast, and a thread's JIT warm-up costs seconds of CPU. The CLI and the tests keep the timeout.
 */
export const IDLE_MS = 15_000;

interface Parked {
  readonly thread: Worker;
  /** Null while some owner keeps idle threads for its life. */
  timer: NodeJS.Timeout | null;
  readonly onGone: () => void;
}

const idle = new Map<string, Parked[]>();
/** How long a thread waits idle before it stops (tests shorten it: setIdleTimeout). */
let idleMs = IDLE_MS;
/** Owners (open services) that keep idle threads with no timeout. */
const keepers = new Set<object>();

function startTimer(parked: Parked): void {
  if (keepers.size > 0 || parked.timer !== null) return;
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
  const parked: Parked = { thread, timer: null, onGone };
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
 * While `owner` keeps them (an open app service), idle threads wait with no timeout; released, the
 * threads idle now get the normal timeout from then on. They still stop on stopIdleThreads.
 */
export function keepIdleThreads(owner: object, keep: boolean): void {
  if (keep) {
    keepers.add(owner);
    for (const parked of [...idle.values()].flat()) {
      if (parked.timer !== null) clearTimeout(parked.timer);
      parked.timer = null;
    }
  } else if (keepers.delete(owner)) {
    for (const parked of [...idle.values()].flat()) startTimer(parked);
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
