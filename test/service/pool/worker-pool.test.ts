import { describe, expect, it } from 'vitest';
import { UserError } from '../../../data/errors.ts';
import { idleThreads, keepIdleThreads, KEPT_THREADS_MAX, setIdleTimeout, stopIdleThreads } from '../../../service/jobs/pool/pool-idle.ts';
import { runningThreads } from '../../../service/jobs/pool/pool-slots.ts';
import { poolSize, runTasks, setPoolSize } from '../../../service/jobs/pool/worker-pool.ts';
import { Service } from '../../../service/service.ts';
import { availableParallelism } from 'node:os';
import type { SquareTask } from './square-worker.ts';

const worker = new URL('./square-worker.ts', import.meta.url);
type Squared = { x: number; square: number; offset: number; threadId: number; alongside: number; queued: number; compileCacheDir: string | undefined; released: number };

// Early tasks sleep longest, so with several threads later tasks finish first.
const tasks: SquareTask[] = Array.from({ length: 9 }, (_, k) => ({ x: k, delayMs: (9 - k) * 15 }));

describe('the worker pool', () => {
  it('returns results in task order for 1, 2 and 3 workers, with the shared data on every thread', async () => {
    for (const jobs of [1, 2, 3]) {
      const finished: number[] = [];
      const results = await runTasks<SquareTask, Squared>(tasks, { worker, jobs, shared: { offset: 1000 }, onDone: (done) => finished.push(done) });
      // x² + 1000, hand-listed: 0→1000, 1→1001, 2→1004 … 8→1064.
      expect(results.map((r) => r.square)).toEqual([1000, 1001, 1004, 1009, 1016, 1025, 1036, 1049, 1064]);
      expect(finished).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
      expect(new Set(results.map((r) => r.threadId)).size).toBe(jobs);
      expect(runningThreads()).toBe(0);
    }
  });

  it('queues a thread’s next task behind its current one, and the thread still runs them one at a time', async () => {
    const six = Array.from({ length: 6 }, (_, k) => ({ x: k, delayMs: 40 }));
    const received: number[] = [];
    const results = await runTasks<SquareTask, Squared>(six, { worker, jobs: 1, shared: { offset: 0 }, onDone: (done) => received.push(done) });
    expect(results.map((r) => r.square)).toEqual([0, 1, 4, 9, 16, 25]);
    // An async task awaits its sleep: had the thread started its queued task then, a task would see another running.
    expect(results.map((r) => r.alongside)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(received).toEqual([1, 2, 3, 4, 5, 6]);
    // Tasks 0 and 1 are posted together at the start: task 1 waits queued while task 0 runs. Never more than one waits; none after the last.
    expect(results[0]?.queued).toBe(1);
    expect(Math.max(...results.map((r) => r.queued))).toBe(1);
    expect(results[5]?.queued).toBe(0);
  });

  it('starts its threads with Node’s compile cache on (each thread compiles the sources for itself), unless NODE_DISABLE_COMPILE_CACHE says not to', async () => {
    await stopIdleThreads();
    const [on] = await runTasks<SquareTask, Squared>([{ x: 2, delayMs: 0 }], { worker, jobs: 1, shared: { offset: 0 } });
    expect(on?.compileCacheDir).toEqual(expect.any(String));
    await stopIdleThreads();
    process.env['NODE_DISABLE_COMPILE_CACHE'] = '1';
    try {
      const [off] = await runTasks<SquareTask, Squared>([{ x: 2, delayMs: 0 }], { worker, jobs: 1, shared: { offset: 0 } });
      expect(off?.compileCacheDir).toBeUndefined();
    } finally {
      delete process.env['NODE_DISABLE_COMPILE_CACHE'];
      await stopIdleThreads();
    }
  });

  it('never runs more threads in the process than a call’s jobs, even with two calls at once', async () => {
    let most = 0;
    const watch = (): void => {
      most = Math.max(most, runningThreads());
    };
    const many = Array.from({ length: 8 }, (_, k) => ({ x: k, delayMs: 20 }));
    const [a, b] = await Promise.all([
      runTasks<SquareTask, Squared>(many, { worker, jobs: 2, shared: { offset: 0 }, onDone: watch }),
      runTasks<SquareTask, Squared>(many, { worker, jobs: 2, shared: { offset: 1 }, onDone: watch }),
    ]);
    expect(most).toBeLessThanOrEqual(2);
    expect(a.map((r) => r.square)).toEqual([0, 1, 4, 9, 16, 25, 36, 49]);
    expect(b.map((r) => r.square)).toEqual([1, 2, 5, 10, 17, 26, 37, 50]);
    expect(runningThreads()).toBe(0);
  });

  it('rejects with a task’s own error (code and details kept) and stops every thread', async () => {
    const failing = tasks.map((t) => (t.x === 4 ? { ...t, fail: true } : t));
    const error = await runTasks(failing, { worker, jobs: 2, shared: { offset: 0 } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect(error).toMatchObject({ code: 'BAD_FILE', message: 'task 4 refuses', details: { x: 4 } });
    expect(runningThreads()).toBe(0);
  });

  it('cancels: rejects with CANCELLED, keeps nothing and stops every thread', async () => {
    const controller = new AbortController();
    const slow = Array.from({ length: 20 }, (_, k) => ({ x: k, delayMs: 50 }));
    const error = await runTasks(slow, {
      worker,
      jobs: 2,
      shared: { offset: 0 },
      signal: controller.signal,
      onDone: (done) => {
        if (done === 3) controller.abort();
      },
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'CANCELLED', details: { done: 3, total: 20 } });
    expect(runningThreads()).toBe(0);
    const already = await runTasks(slow, { worker, signal: controller.signal }).catch((e: unknown) => e);
    expect(already).toMatchObject({ code: 'CANCELLED' });
  });

  it('refuses a pool inside a pool task', async () => {
    const error = await runTasks([{ x: 1, delayMs: 0, nest: true }], { worker, jobs: 1, shared: { offset: 0 } }).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/inside a pool task/);
    expect(runningThreads()).toBe(0);
  });

  it('refuses a worker count that is not a whole number from 1', async () => {
    await expect(runTasks(tasks, { worker, jobs: 0 })).rejects.toThrow(/jobs must be a whole number of worker threads from 1 to 256, got 0/);
    await expect(runTasks(tasks, { worker, jobs: 1.5 })).rejects.toThrow(/got 1.5/);
    expect(await runTasks([], { worker })).toEqual([]);
  });

  it('is sized to the machine’s cores unless the service’s jobs option says otherwise', async () => {
    expect(poolSize()).toBe(availableParallelism());
    const service = new Service({ transport: 'test', jobs: 3 });
    try {
      expect(poolSize()).toBe(3);
      // Without a per-call jobs, a call uses the pool's size: three threads for three slow tasks.
      const three = await runTasks<SquareTask, Squared>(
        [0, 1, 2].map((x) => ({ x, delayMs: 60 })),
        { worker, shared: { offset: 0 } },
      );
      expect(new Set(three.map((r) => r.threadId)).size).toBe(3);
    } finally {
      await service.close();
      setPoolSize(null);
    }
    expect(poolSize()).toBe(availableParallelism());
  });

  it('keeps a finished call’s threads warm for the next call, which gets its own shared data (the call before let go of); a failed call’s threads stop', async () => {
    await stopIdleThreads();
    const two = [0, 1].map((x) => ({ x, delayMs: 30 }));
    const first = await runTasks<SquareTask, Squared>(two, { worker, jobs: 2, shared: { offset: 10 } });
    expect(idleThreads()).toBe(2);
    const second = await runTasks<SquareTask, Squared>(two, { worker, jobs: 2, shared: { offset: 20 } });
    expect(new Set(second.map((r) => r.threadId))).toEqual(new Set(first.map((r) => r.threadId)));
    expect(second.map((r) => r.square)).toEqual([20, 21]);
    // Each thread was told to let go of the first call's data when it left it (a kept thread holds no finished call's loans).
    expect(first.map((r) => r.released)).toEqual([0, 0]);
    expect(second.map((r) => r.released)).toEqual([1, 1]);
    // Stopping the idle threads stops every one of them (not every other one).
    await stopIdleThreads();
    expect(idleThreads()).toBe(0);
    const third = await runTasks<SquareTask, Squared>(two, { worker, jobs: 2, shared: { offset: 0 } });
    expect(third.map((r) => r.threadId).filter((id) => first.some((r) => r.threadId === id))).toEqual([]);
    await runTasks(
      two.map((t) => ({ ...t, fail: true })),
      { worker, jobs: 2, shared: { offset: 0 } },
    ).catch(() => undefined);
    expect(idleThreads()).toBe(0);
    expect(runningThreads()).toBe(0);
  });

  it('keeps at most KEPT_THREADS_MAX idle threads of a kept module with no timeout; the others stop after it', { timeout: 30_000 }, async () => {
    await stopIdleThreads();
    const owner = {};
    setIdleTimeout(100);
    keepIdleThreads(owner, [worker]);
    try {
      const count = KEPT_THREADS_MAX + 2;
      await runTasks<SquareTask, Squared>(
        Array.from({ length: count }, (_, x) => ({ x, delayMs: 50 })),
        { worker, jobs: count, shared: { offset: 0 } },
      );
      expect(idleThreads()).toBe(count);
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(idleThreads()).toBe(KEPT_THREADS_MAX);
      // Released (the service closes its keep): the kept ones get the timeout too.
      keepIdleThreads(owner, null);
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(idleThreads()).toBe(0);
    } finally {
      keepIdleThreads(owner, null);
      setIdleTimeout(null);
      await stopIdleThreads();
    }
  });
});
