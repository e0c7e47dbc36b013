import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { UserError } from '../../data/errors.ts';
import type { JobContext } from '../../service/jobs/job-manager.ts';
import { stopIdleThreads } from '../../service/jobs/pool/pool-idle.ts';
import { runTasks } from '../../service/jobs/pool/worker-pool.ts';
import { runWarmWorkerJob } from '../../service/jobs/warm-worker-job.ts';
import { runWorkerJob } from '../../service/jobs/worker-job.ts';
import { useTempDir } from '../helpers/tmp.ts';

const tempDir = useTempDir();
const SLOW_START = new URL('./slow-start-job-worker.ts', import.meta.url);
const SLOW_START_POOL = new URL('./pool/slow-start-pool-worker.ts', import.meta.url);

/** Waits up to `ms` for `path` to exist. */
async function appears(path: string, ms: number): Promise<boolean> {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    if (existsSync(path)) return true;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return existsSync(path);
}

afterEach(async () => {
  delete process.env['ABS_SLOW_START_MARKER'];
  await stopIdleThreads();
});

// A job thread terminated while it loads SQLite's native module aborts the whole process (better-sqlite3's
// registration, as the query threads showed: thread-start.ts). A cancel right after a job starts rejects at once
// and terminates the thread only once it has said it is ready — the slow thread gets to write its marker.
/**
 * Starts a job on the slow thread and cancels it at once: it rejects with CANCELLED — within `settlesWithinMs` —
 * and the thread writes its marker before it is stopped.
 */
async function cancelWhileLoading(name: string, start: (ctx: JobContext) => Promise<unknown>, message: string, settlesWithinMs = 250): Promise<void> {
  const marker = join(tempDir(), `${name}.started`);
  process.env['ABS_SLOW_START_MARKER'] = marker;
  const controller = new AbortController();
  const started = performance.now();
  const job = start({ signal: controller.signal, progress: () => undefined });
  controller.abort();
  const error: unknown = await job.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(UserError);
  expect(error).toMatchObject({ code: 'CANCELLED', message });
  expect(performance.now() - started).toBeLessThan(settlesWithinMs);
  expect(await appears(marker, 5_000)).toBe(true);
}

describe('a job cancelled while its new thread is still loading', () => {
  it('a deal-style warm job rejects with CANCELLED at once; its thread is stopped only after it is ready', async () => {
    await cancelWhileLoading('warm', (ctx) => runWarmWorkerJob(SLOW_START, { type: 'run' }, ctx, 'Deal run cancelled', () => undefined), 'Deal run cancelled');
  });

  it('a projection-style job rejects with CANCELLED at once; its thread is stopped only after it is ready', async () => {
    await cancelWhileLoading('job', (ctx) => runWorkerJob(SLOW_START, {}, ctx, 'Projection cancelled', () => undefined), 'Projection cancelled');
  });

  // The pool settles a cancelled call once its threads have stopped (a caller never races a stopping thread), so
  // here once the new threads have loaded (≈ 300 ms), then been terminated.
  it('a sweep on the worker pool rejects with CANCELLED once its new threads, ready, are stopped', async () => {
    await cancelWhileLoading(
      'pool',
      (ctx) => runTasks<number, number>([1, 2, 3, 4], { worker: SLOW_START_POOL, jobs: 2, signal: ctx.signal }),
      'Cancelled after 0 of 4 tasks; nothing was kept',
      3_000,
    );
  });
});
