import type { Worker } from 'node:worker_threads';

/**
 * Threads of finished sweeps, kept warm for the next one: a thread that has loaded the engine's
 * modules and compiled its hot code starts the next sweep's tasks at once (a cold thread spends
 * about a third of a second loading and its first runs warming up). An idle thread uses no CPU and
 * holds no slot of the pool; it keeps the process alive for nothing (unref) and stops after
 * IDLE_MS or when the service closes. Threads are kept per worker module.
 */
export const IDLE_MS = 15_000;

interface Parked {
  readonly thread: Worker;
  readonly timer: NodeJS.Timeout;
  readonly onGone: () => void;
}

const idle = new Map<string, Parked[]>();

function forget(href: string, thread: Worker): Parked | undefined {
  const list = idle.get(href) ?? [];
  const k = list.findIndex((p) => p.thread === thread);
  const [parked] = k < 0 ? [] : list.splice(k, 1);
  if (parked) {
    clearTimeout(parked.timer);
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
  const timer = setTimeout(onGone, IDLE_MS);
  timer.unref();
  thread.on('exit', onGone);
  thread.on('error', onGone);
  thread.unref();
  idle.set(worker.href, [...(idle.get(worker.href) ?? []), { thread, timer, onGone }]);
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

/** Stops every idle thread (the service closes). */
export async function stopIdleThreads(): Promise<void> {
  // A copy of each list: forget() splices the list, and mapping the list itself would skip every other thread.
  const all = [...idle.entries()].flatMap(([href, list]) => [...list].map((p) => forget(href, p.thread) ?? p));
  await Promise.all(all.map((p) => p.thread.terminate()));
}
