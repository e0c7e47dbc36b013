import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { GridRequest } from '../../../service/api/contract.ts';
import { readDealFile } from '../../../service/files/deal-file.ts';
import { gridOf } from '../../../service/jobs/job-manager.ts';
import { idleThreads, KEPT_THREADS_MAX, setIdleTimeout, stopIdleThreads } from '../../../service/jobs/pool/pool-idle.ts';
import { runningThreads } from '../../../service/jobs/pool/pool-slots.ts';
import { poolSize, runTasks } from '../../../service/jobs/pool/worker-pool.ts';
import { parseGridAxis } from '../../../service/runs/grid-axis.ts';
import { Service } from '../../../service/service.ts';
import { warmSweepThreads } from '../../../service/jobs/sweep-warm-up.ts';
import { warmPoolWanted } from '../../../service/transport/warm-pool-env.ts';
import { REPO_ROOT } from '../../helpers/repo.ts';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

// A small grid on the revolving template's own lines: 3 × 3 cells.
const request: GridRequest = {
  deal: readDealFile(JSON.parse(readFileSync(join(REPO_ROOT, 'templates', 'deals', 'cn-consumer-revolving.json'), 'utf8'))),
  rows: parseGridAxis('defaultMult=1,4,8'),
  columns: parseGridAxis('prepayMult=0.5,1,2'),
};

/** The grid's result as the app stores and shows it (its `seconds`, a wall time, left out). */
async function gridBytes(service: Service): Promise<string> {
  const call = await service.call('deal.grid', request);
  if (!call.ok) throw new Error(call.error.message);
  const done = gridOf(await service.jobs.wait(call.value.id));
  if (!done) throw new Error('the grid failed');
  return JSON.stringify(done.grid);
}

afterEach(async () => {
  setIdleTimeout(null);
  await stopIdleThreads();
  expect(runningThreads()).toBe(0);
});

describe('the app keeps its sweep threads warm (docs/sweeps.md, “Warm threads in the app”)', () => {
  it('is off unless asked for (the CLI, the tests); the transports ask unless ABS_WARM_POOL=0', async () => {
    const service = new Service({ transport: 'test' });
    expect(await service.poolWarm).toBe('off');
    await service.close();
    expect(warmPoolWanted({})).toBe(true);
    expect(warmPoolWanted({ ABS_WARM_POOL: '0' })).toBe(false);
    expect(warmPoolWanted({ ABS_WARM_POOL: '1' })).toBe(true);
  });

  it('leaves the pool’s size of warm sweep threads, kept past the idle timeout while the service is open and stopped when it closes', { timeout: 60_000 }, async () => {
    // The idle timeout shortened from 15 s to 1.5 s: a service without warmPool loses its threads after it. Not
    // shorter: a thread that finishes its share of the grid first waits idle for the other's last cells, and on a
    // loaded 2-core machine that wait passed 150 ms (CI: 1 idle thread of 2 at the check below).
    setIdleTimeout(1_500);
    const plain = new Service({ transport: 'test' });
    await gridBytes(plain);
    expect(idleThreads()).toBe(Math.min(poolSize(), 9));
    await sleep(2_000);
    expect(idleThreads()).toBe(0);
    await plain.close();

    const app = new Service({ transport: 'test', warmPool: { delayMs: 0, rounds: 1 } });
    expect(await app.poolWarm).toBe('finished');
    // The app keeps at most KEPT_THREADS_MAX threads with no timeout (a many-core machine would hold gigabytes idle).
    const kept = Math.min(poolSize(), KEPT_THREADS_MAX);
    expect(idleThreads()).toBe(kept);
    // Another module's thread (here the pool tests' own worker) keeps the timeout.
    await runTasks([{ x: 1, delayMs: 0 }], { worker: new URL('./square-worker.ts', import.meta.url), jobs: 1, shared: { offset: 0 } });
    expect(idleThreads()).toBe(kept + 1);
    await sleep(2_000);
    expect(idleThreads()).toBe(kept); // the pool's threads kept: no timeout while the app is open
    // A grid takes them and leaves them kept again.
    await gridBytes(app);
    await sleep(2_000);
    expect(idleThreads()).toBe(kept);
    await app.close();
    expect(idleThreads()).toBe(0);
    expect(runningThreads()).toBe(0);
  });

  it('gives a grid started during the warm-up every thread after at most the cell in hand, and the grid is the same to the byte', { timeout: 120_000 }, async () => {
    const plain = new Service({ transport: 'test' });
    const reference = await gridBytes(plain);
    await plain.close();
    await stopIdleThreads();

    // Rounds enough that the warm-up is still running when the grid comes.
    const app = new Service({ transport: 'test', warmPool: { delayMs: 0, rounds: 50 } });
    try {
      while (runningThreads() < poolSize()) await sleep(5);
      await sleep(300);
      let warmedUntil = Number.NaN;
      const asked = performance.now();
      void app.poolWarm.then(() => (warmedUntil = performance.now() - asked));
      const bytes = await gridBytes(app);
      expect(await app.poolWarm).toBe('yielded');
      // Every warm-up thread left within one warm-up cell (≤ ≈ 30 ms warm; a slow CI machine is given far more).
      expect(warmedUntil).toBeLessThan(1_000);
      expect(bytes).toBe(reference);
      expect(idleThreads()).toBe(poolSize());
    } finally {
      await app.close();
    }
    expect(idleThreads()).toBe(0);
  });

  it('closing during the warm-up stops it at once, stores nothing and leaves no thread; closing before it starts starts none', { timeout: 60_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'warm-up-'));
    try {
      const app = new Service({ transport: 'test', warmPool: { delayMs: 0, rounds: 50 } });
      const opened = await app.call('workspace.open', { path: join(dir, 'w.sqlite') });
      expect(opened.ok).toBe(true);
      while (runningThreads() < poolSize()) await sleep(5);
      await sleep(200);
      await app.close();
      expect(await app.poolWarm).toBe('cancelled');
      expect(idleThreads()).toBe(0);
      expect(runningThreads()).toBe(0);

      const again = new Service({ transport: 'test' });
      await again.call('workspace.open', { path: join(dir, 'w.sqlite') });
      const runs = await again.call('runs.list', {});
      expect(runs).toEqual({ ok: true, value: [] });
      await again.close();

      const early = new Service({ transport: 'test', warmPool: { delayMs: 60_000 } });
      await early.close();
      expect(await early.poolWarm).toBe('cancelled');
      expect(idleThreads()).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('waits between its calls while a job of the service runs, starting no thread meanwhile', { timeout: 60_000 }, async () => {
    const card = readDealFile(JSON.parse(readFileSync(join(REPO_ROOT, 'templates', 'deals', 'cn-credit-card-installment.json'), 'utf8')));
    let looks = 0;
    let mostThreadsWhileBusy = 0;
    const busy = (): boolean => {
      looks += 1;
      mostThreadsWhileBusy = Math.max(mostThreadsWhileBusy, runningThreads() + idleThreads());
      return looks <= 4; // a job runs for the first four looks (≈ 0.3 s)
    };
    const controller = new AbortController();
    const started = performance.now();
    const end = await warmSweepThreads({ worker: new URL('../../../service/jobs/workers/pool-worker.ts', import.meta.url), signal: controller.signal, busy, rounds: 1, deals: [card] });
    expect(end).toBe('finished');
    expect(looks).toBe(5);
    expect(mostThreadsWhileBusy).toBe(0);
    expect(performance.now() - started).toBeGreaterThanOrEqual(300); // four waits of 100 ms before its one call
    expect(idleThreads()).toBe(poolSize()); // the call's threads, parked warm
  });

  it('a warm-up that fails is logged once on stderr and ends; the service answers as ever', { timeout: 60_000 }, async () => {
    const written: string[] = [];
    const write = process.stderr.write.bind(process.stderr);
    process.stderr.write = (chunk: string | Uint8Array): boolean => {
      written.push(String(chunk));
      return true;
    };
    const missing = new URL('./no-such-worker.ts', import.meta.url);
    const app = new Service({
      transport: 'test',
      warmPool: { delayMs: 0 },
      workerUrl: (name) => (name === 'pool-worker' ? missing : new URL(`../../../service/jobs/workers/${name}.ts`, import.meta.url)),
    });
    try {
      expect(await app.poolWarm).toBe('failed');
    } finally {
      process.stderr.write = write;
    }
    expect(written.filter((line) => line.includes('warming the sweep threads failed'))).toHaveLength(1);
    expect(idleThreads()).toBe(0);
    const templates = await app.call('deal.templates', {});
    expect(templates.ok).toBe(true);
    await app.close();
  });
});
