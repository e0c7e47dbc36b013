import { afterEach, describe, expect, it } from 'vitest';
import { idleThreads, stopIdleThreads } from '../../../service/jobs/pool/pool-idle.ts';
import { runningThreads } from '../../../service/jobs/pool/pool-slots.ts';
import { runTasks } from '../../../service/jobs/pool/worker-pool.ts';
import type { SquareTask } from './square-worker.ts';

const worker = new URL('./square-worker.ts', import.meta.url);
type Squared = { x: number; square: number; threadId: number; queued: number };

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
const slow = (count: number, delayMs: number): SquareTask[] => Array.from({ length: count }, (_, x) => ({ x, delayMs }));

afterEach(async () => {
  await stopIdleThreads();
  expect(runningThreads()).toBe(0);
});

describe('a background call on the worker pool (the app’s warm-up)', () => {
  it('runs every task when nobody waits, one task per thread at a time, and resolves them in task order', async () => {
    const outcome = await runTasks<SquareTask, Squared>(slow(6, 20), { worker, jobs: 2, shared: { offset: 100 }, background: true });
    expect(outcome.yielded).toBe(false);
    expect(outcome.done).toBe(6);
    // x² + 100, hand-listed.
    expect(outcome.results.map((r) => r?.square)).toEqual([100, 101, 104, 109, 116, 125]);
    // A background thread holds only the task in hand: nothing queued behind it (a foreground call queues one).
    expect(outcome.results.map((r) => r?.queued)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(idleThreads()).toBe(2); // parked warm
  });

  it('yields every thread to a call that waits, each after its task in hand, and ends early with the tasks it finished', async () => {
    const delayMs = 80;
    const background = runTasks<SquareTask, Squared>(slow(40, delayMs), { worker, jobs: 2, shared: { offset: 0 }, background: true });
    // Let it take both threads and run a few tasks.
    while (runningThreads() < 2) await sleep(5);
    await sleep(3 * delayMs);
    let firstDoneMs = Number.NaN;
    const asked = performance.now();
    const foreground = runTasks<SquareTask, Squared>(slow(4, 10), {
      worker,
      jobs: 2,
      shared: { offset: 1000 },
      onDone: (done) => {
        if (done === 1) firstDoneMs = performance.now() - asked;
      },
    });
    const early = await background;
    const yieldedAfterMs = performance.now() - asked;
    expect(early.yielded).toBe(true);
    expect(early.done).toBeGreaterThan(0);
    expect(early.done).toBeLessThan(40);
    // The finished tasks at their own indices, the others undefined.
    early.results.forEach((r, x) => {
      if (r !== undefined) expect(r.square).toBe(x * x);
    });
    expect(early.results.filter((r) => r !== undefined)).toHaveLength(early.done);
    // Every thread left after at most its task in hand (80 ms): the call ended well before its 40 tasks (≈ 1.6 s on 2 threads).
    expect(yieldedAfterMs).toBeLessThan(delayMs + 400);
    const results = await foreground;
    expect(results.map((r) => r.square)).toEqual([1000, 1001, 1004, 1009]);
    // Its first task waited for at most one background task, then ran its own 10 ms.
    expect(firstDoneMs).toBeLessThan(delayMs + 10 + 400);
    // The waiting call got the background call's threads, warm: no new thread.
    const backgroundThreads = new Set(early.results.flatMap((r) => (r ? [r.threadId] : [])));
    for (const r of results) expect(backgroundThreads).toContain(r.threadId);
  });

  it('never takes a thread from a foreground call: a running sweep keeps all its threads while a background call waits', async () => {
    const foreground = runTasks<SquareTask, Squared>(slow(8, 40), { worker, jobs: 2, shared: { offset: 0 } });
    while (runningThreads() < 2) await sleep(5);
    const background = runTasks<SquareTask, Squared>(slow(4, 5), { worker, jobs: 2, shared: { offset: 7 }, background: true });
    const results = await foreground;
    // Both threads ran tasks to the end (a foreground call gives one up when another foreground call waits).
    expect(new Set(results.slice(-2).map((r) => r.threadId)).size).toBe(2);
    const after = await background;
    expect(after.yielded).toBe(false);
    expect(after.results.map((r) => r?.square)).toEqual([7, 8, 11, 16]);
  });

  it('lets a foreground request that arrives later go first when a thread frees', async () => {
    const first = runTasks<SquareTask, Squared>(slow(2, 60), { worker, jobs: 1, shared: { offset: 0 } });
    while (runningThreads() < 1) await sleep(5);
    const order: string[] = [];
    const background = runTasks<SquareTask, Squared>(slow(1, 5), { worker, jobs: 1, shared: { offset: 0 }, background: true }).then((o) => {
      order.push('background');
      return o;
    });
    const second = runTasks<SquareTask, Squared>(slow(1, 5), { worker, jobs: 1, shared: { offset: 0 } }).then(() => order.push('foreground'));
    await Promise.all([first, background, second]);
    expect(order).toEqual(['foreground', 'background']);
  });

  it('is cancelled as any call: rejects with CANCELLED and stops its threads', async () => {
    const controller = new AbortController();
    const call = runTasks<SquareTask, Squared>(slow(20, 40), {
      worker,
      jobs: 2,
      shared: { offset: 0 },
      signal: controller.signal,
      background: true,
      onDone: (done) => {
        if (done === 2) controller.abort();
      },
    });
    await expect(call).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(idleThreads()).toBe(0);
  });
});
