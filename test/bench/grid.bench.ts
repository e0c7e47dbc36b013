import { spawn, spawnSync, type ChildProcessByStdio } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import type { GridRequest } from '../../service/api/contract.ts';
import { parseGridAxis } from '../../service/runs/grid-axis.ts';
import { stopIdleThreads } from '../../service/jobs/pool/pool-idle.ts';
import { poolSize } from '../../service/jobs/pool/worker-pool.ts';
import { Service, type WorkerName } from '../../service/service.ts';
import { GRID_BENCH_COLUMNS, GRID_BENCH_ROWS } from './grid-axes.ts';
import { gridBenchRequest, gridOn, timedGrid, type GridRun } from './grid-runs.ts';
import { atLeast, budget, round, type Bench, type BenchResult } from './harness.ts';
import type { ThreadCpu } from './thread-cpu.ts';

const ROWS = GRID_BENCH_ROWS;
const COLUMNS = GRID_BENCH_COLUMNS;

/**
 * The app as the analyst meets it: a new service with warmPool (web-main.ts, electron/main.ts) on no
 * kept thread, its warm-up (every shipped template, the measured one included) awaited and timed, then
 * the grid with `jobs` workers — the first sweep on the warmed threads. The warm-up starts at once
 * here (the app waits WARM_UP_DELAY_MS); a timer keeps the process up meanwhile, as the app's server does.
 */
async function appGrid(request: GridRequest, jobs: number): Promise<{ warmUpSeconds: number; warmUpCpuSeconds: number; run: Awaited<ReturnType<typeof gridOn>> }> {
  await stopIdleThreads();
  const service = new Service({ transport: 'test', warmPool: { delayMs: 0 } });
  const keepAlive = setInterval(() => undefined, 1_000);
  try {
    const cpu = process.cpuUsage();
    const started = performance.now();
    const end = await service.poolWarm;
    if (end !== 'finished') throw new Error(`the warm-up ended ${end}`);
    const warmUpSeconds = (performance.now() - started) / 1000;
    const used = process.cpuUsage(cpu);
    return { warmUpSeconds, warmUpCpuSeconds: (used.user + used.system) / 1e6, run: await gridOn(service, request, jobs) };
  } finally {
    clearInterval(keepAlive);
    await service.close();
  }
}

/**
 * The sweep worker bundled as the desktop app ships it (scripts/build-electron.ts: esbuild, one ESM
 * file, packages external): its threads load one file instead of type-stripping ~200 sources, so
 * they start several times faster than the CLI's and the web server's, which run the sources.
 */
async function bundledSweepWorker(dir: string): Promise<(name: WorkerName) => URL> {
  const outfile = join(dir, 'pool-worker.mjs');
  const here = new URL('../../', import.meta.url);
  await build({
    entryPoints: [new URL('service/jobs/workers/pool-worker.ts', here).pathname],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node22',
    format: 'esm',
    packages: 'external',
    logLevel: 'warning',
    absWorkingDir: here.pathname,
    define: { ABS_ENGINE_SOURCES_SHA256: JSON.stringify('bench') },
  });
  return (name) => (name === 'pool-worker' ? pathToFileURL(outfile) : new URL(`../../service/jobs/workers/${name}.ts`, import.meta.url));
}

/** What each repeat measures: cold, warm and bundled-cold grids with 1 and 2 workers, and thread start-ups. */
const SAMPLES = ['cold1', 'cold2', 'warm1', 'warm2', 'start1', 'start2', 'bundled1', 'bundled2', 'bundledStart1', 'app1', 'app2', 'warmUp', 'settled1', 'settled2', 'ceiling1', 'ceiling2'] as const;

const CELLS_CHILD = new URL('grid-cells-child.ts', import.meta.url).pathname;

/**
 * A process running its share of the grid's cells with no pool (grid-cells-child.ts), driven line by
 * line: the machine's own 1 → 2 core speed-up on this work (ceiling…).
 */
class CellsChild {
  readonly #child: ChildProcessByStdio<Writable, Readable, null>;
  readonly #waiting: ((line: string) => void)[] = [];

  private constructor(part: number, parts: number) {
    this.#child = spawn(process.execPath, [CELLS_CHILD, String(part), String(parts), String(CEILING_SETTLE_PASSES)], { stdio: ['pipe', 'pipe', 'inherit'] });
    createInterface({ input: this.#child.stdout }).on('line', (line) => this.#waiting.shift()?.(line));
    this.#child.on('exit', (code) => {
      for (const wait of this.#waiting.splice(0)) wait(`exit ${code}`);
    });
  }

  /** A child that has run every cell CEILING_SETTLE_PASSES times and waits for `go`. */
  static async start(part: number, parts: number): Promise<CellsChild> {
    const child = new CellsChild(part, parts);
    const line = await child.#next();
    if (line !== 'ready') throw new Error(`grid-cells-child ${part}/${parts}: ${line}`);
    return child;
  }

  #next(): Promise<string> {
    return new Promise((resolve) => this.#waiting.push(resolve));
  }

  /** Its share once: seconds. */
  async run(): Promise<number> {
    const reply = this.#next();
    this.#child.stdin.write('go\n');
    const seconds = Number(await reply);
    if (!(seconds > 0)) throw new Error(`grid-cells-child: ${await reply}`);
    return seconds;
  }

  async close(): Promise<void> {
    const exited = new Promise((resolve) => this.#child.once('exit', resolve));
    this.#child.stdin.end();
    await exited;
  }
}

/**
 * The ceiling: one process runs all the cells, two processes half each at once (the 2-process time
 * is the slower one's), interleaved SETTLED_PAIRS times on children whose threads have run the grid
 * CEILING_SETTLE_PASSES times (≈ 1,600 cells, as the settled threads).
 */
async function ceiling(): Promise<{ one: number[]; two: number[]; ratios: number[] }> {
  const [alone, first, second] = await Promise.all([CellsChild.start(0, 1), CellsChild.start(0, 2), CellsChild.start(1, 2)]);
  const out = { one: [] as number[], two: [] as number[], ratios: [] as number[] };
  try {
    for (let k = 0; k < SETTLED_PAIRS; k += 1) {
      const one = await alone.run();
      const two = Math.max(...(await Promise.all([first.run(), second.run()])));
      out.one.push(one);
      out.two.push(two);
      out.ratios.push(one / two);
    }
  } finally {
    await Promise.all([alone.close(), first.close(), second.close()]);
  }
  return out;
}

const CEILING_SETTLE_PASSES = 4;

const ONE_CORE_CHILD = new URL('grid-one-core-child.ts', import.meta.url).pathname;

interface OneCore {
  readonly cold: number[];
  readonly warm: number[];
  readonly settled: number[];
  readonly cores: number;
}

/**
 * The 1-worker grid with the whole process on one core (grid-one-core-child.ts under `taskset -c 0`):
 * the baseline of a 1 → 2 core speed-up, where the 1-worker runs above leave V8's helper threads the
 * second core. Null, with the reason, where taskset cannot run (not Linux, no util-linux).
 */
function oneCore(): { readonly runs: OneCore } | { readonly skipped: string } {
  const run = spawnSync('taskset', ['-c', '0', process.execPath, ONE_CORE_CHILD, String(REPEATS), String(SETTLED_PAIRS)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (run.error) return { skipped: `taskset could not run: ${run.error.message}` };
  if (run.status !== 0) return { skipped: `the one-core child exited with ${run.status ?? run.signal}` };
  const runs = JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '') as OneCore;
  if (runs.cores !== 1) return { skipped: `taskset -c 0 left ${runs.cores} cores to the child` };
  return { runs };
}

/**
 * Settled: 2-worker grids run before the settled pairs (each thread ≈ 200 cells a grid), so each
 * thread has run ≈ 1,600 cells and its compiler has settled (docs/sweeps.md, "Full collections, the
 * collector's buffer sweeps, and settled threads"); then SETTLED_PAIRS interleaved 1- and 2-worker grids.
 */
const SETTLE_GRIDS = 8;
const SETTLED_PAIRS = Number(process.env.GRID_BENCH_SETTLED_PAIRS ?? 8);

/** Repeats of each measurement: the figures are medians, with the spread (min–max) beside them. */
const REPEATS = Number(process.env.GRID_BENCH_REPEATS ?? 5);

interface Spread {
  readonly median: number;
  readonly min: number;
  readonly max: number;
}

function spread(samples: readonly number[]): Spread {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length / 2;
  const middle = sorted.length % 2 === 1 ? (sorted[Math.floor(mid)] ?? NaN) : ((sorted[mid - 1] ?? NaN) + (sorted[mid] ?? NaN)) / 2;
  return { median: middle, min: sorted[0] ?? NaN, max: sorted.at(-1) ?? NaN };
}

const median = (xs: readonly number[]): number => spread(xs).median;

/** `name`WorkerCpuSeconds, `name`V8HelperCpuSeconds and `name`ServiceCpuSeconds: medians of the runs' CPU by kind of thread (none off Linux). */
function threadMetrics(name: string, runs: readonly ThreadCpu[] | undefined): Record<string, number> {
  if (runs === undefined || runs.length === 0) return {};
  return {
    [`${name}WorkerCpuSeconds`]: round(median(runs.map((r) => r.workers))),
    [`${name}V8HelperCpuSeconds`]: round(median(runs.map((r) => r.v8Helpers))),
    [`${name}ServiceCpuSeconds`]: round(median(runs.map((r) => r.main))),
  };
}

/** `name` (median of 1 ÷ median of 2), `name`Min and `name`Max (each pair's own ratio, min–max). */
function speedUpMetrics(name: string, one: readonly number[], two: readonly number[], ratios: readonly number[]): Record<string, number> {
  return { [name]: round(median(one) / median(two)), [`${name}Min`]: round(Math.min(...ratios)), [`${name}Max`]: round(Math.max(...ratios)) };
}

/** `name`Seconds (the median), `name`MinSeconds and `name`MaxSeconds. */
function spreadMetrics(name: string, samples: readonly number[]): Record<string, number> {
  const { median: middle, min, max } = spread(samples);
  return { [`${name}Seconds`]: round(middle), [`${name}MinSeconds`]: round(min), [`${name}MaxSeconds`]: round(max) };
}

/**
 * DESIGN.md and issue 19: a 20 × 20 sensitivity grid on the revolving consumer template (its own
 * representative lines) under 10 s on 2 cores, and a speed-up of at least 1.8 from 1 to 2 workers.
 * Timed from the request to the job's result: 400 whole deal runs (pool projection with a cohort per
 * purchase, waterfall in decimal cents, analytics) and the frontier. Each figure is measured
 * REPEATS times, interleaved, and reported as its median with its min–max (a shared machine is noisy):
 * - cold: new threads — their start-up (modules loaded, the deal read) and their first cells'
 *   warm-up are inside; start-up is also measured on its own: a 1-cell grid on new threads;
 * - warm: threads kept from the sweep before, as the app keeps them (pool-idle.ts): the work itself.
 * - app: the first grid on a new service with warmPool, after its warm-up of every shipped template.
 */
export const bench: Bench = {
  name: 'grid',
  async run(): Promise<BenchResult> {
    const request = gridBenchRequest();
    const oneCell: GridRequest = { ...request, rows: parseGridAxis('defaultMult=1'), columns: parseGridAxis('prepayMult=1') };
    const twoCells: GridRequest = { ...request, rows: parseGridAxis('defaultMult=1'), columns: parseGridAxis('prepayMult=1,2') };
    const samples = Object.fromEntries(SAMPLES.map((key) => [key, [] as number[]])) as Record<(typeof SAMPLES)[number], number[]>;
    const cpu = {
      cold1: [] as number[],
      cold2: [] as number[],
      warm1: [] as number[],
      warm2: [] as number[],
      bundled1: [] as number[],
      bundled2: [] as number[],
      app1: [] as number[],
      app2: [] as number[],
      warmUp: [] as number[],
      settled1: [] as number[],
      settled2: [] as number[],
    };
    const speedUps = { cold: [] as number[], warm: [] as number[], bundled: [] as number[], app: [] as number[], settled: [] as number[] };
    // Inside the repository (dist/, as the app's bundles), so the bundle finds node_modules.
    mkdirSync(new URL('../../dist/', import.meta.url), { recursive: true });
    const dir = mkdtempSync(new URL('../../dist/bench-grid-', import.meta.url).pathname);
    const bundled = await bundledSweepWorker(dir);
    let reference: string | null = null;
    let sameBytes = true;
    // Each run's CPU by kind of thread: where a 2-worker run's CPU goes besides the workers' own.
    const byThread: Partial<Record<keyof typeof cpu, ThreadCpu[]>> = {};
    const keep = (key: keyof typeof cpu, run: GridRun): number => {
      samples[key].push(run.seconds);
      cpu[key].push(run.cpuSeconds);
      if (run.threads !== null) (byThread[key] ??= []).push(run.threads);
      const bytes = JSON.stringify(run.grid);
      reference ??= bytes;
      sameBytes &&= bytes === reference;
      return run.seconds;
    };
    for (let k = 0; k < REPEATS; k += 1) {
      samples.start1.push((await timedGrid(oneCell, 1, false)).seconds);
      samples.start2.push((await timedGrid(twoCells, 2, false)).seconds);
      const cold1 = keep('cold1', await timedGrid(request, 1, false));
      speedUps.cold.push(cold1 / keep('cold2', await timedGrid(request, 2, false)));
      // The sweep before leaves two threads warm; the next sweeps with 1 and 2 workers start at once.
      const warm1 = keep('warm1', await timedGrid(request, 1, true));
      speedUps.warm.push(warm1 / keep('warm2', await timedGrid(request, 2, true)));
      // Cold again, on threads of the bundled worker (the desktop app's).
      samples.bundledStart1.push((await timedGrid(oneCell, 1, false, bundled)).seconds);
      const bundled1 = keep('bundled1', await timedGrid(request, 1, false, bundled));
      speedUps.bundled.push(bundled1 / keep('bundled2', await timedGrid(request, 2, false, bundled)));
      // The app: a service that warmed its threads, then its first grid — 1 worker on one such service, 2 on another.
      const appRuns = [await appGrid(request, 1), await appGrid(request, 2)];
      for (const app of appRuns) {
        samples.warmUp.push(app.warmUpSeconds);
        cpu.warmUp.push(app.warmUpCpuSeconds);
      }
      const [app1, app2] = appRuns;
      if (app1 && app2) speedUps.app.push(keep('app1', app1.run) / keep('app2', app2.run));
    }
    // Settled threads: the engine's parallel work once each thread's compiler has settled.
    await stopIdleThreads();
    const settled = new Service({ transport: 'test' });
    try {
      for (let k = 0; k < SETTLE_GRIDS; k += 1) await gridOn(settled, request, 2);
      for (let k = 0; k < SETTLED_PAIRS; k += 1) {
        const settled1 = keep('settled1', await gridOn(settled, request, 1));
        speedUps.settled.push(settled1 / keep('settled2', await gridOn(settled, request, 2)));
      }
    } finally {
      await settled.close();
    }
    await stopIdleThreads();
    // The machine's ceiling on this work: the same cells in one process, and in two at once, with no pool.
    const bound = await ceiling();
    samples.ceiling1.push(...bound.one);
    samples.ceiling2.push(...bound.two);
    // The 1-worker grid on one core: the baseline of the 1 → 2 core speed-up.
    const single = oneCore();
    rmSync(dir, { recursive: true, force: true });
    const cells = request.rows.values.length * request.columns.values.length;
    const metrics = {
      cells,
      repeats: REPEATS,
      ...spreadMetrics('coldOneWorker', samples.cold1),
      ...spreadMetrics('coldTwoWorker', samples.cold2),
      ...spreadMetrics('warmOneWorker', samples.warm1),
      ...spreadMetrics('warmTwoWorker', samples.warm2),
      // Thread start-up: a one-cell grid on one new thread, a two-cell grid on two.
      ...spreadMetrics('startupOneThread', samples.start1),
      ...spreadMetrics('startupTwoThreads', samples.start2),
      // The same cold runs on the bundled worker the desktop app ships.
      ...spreadMetrics('coldBundledOneWorker', samples.bundled1),
      ...spreadMetrics('coldBundledTwoWorker', samples.bundled2),
      ...spreadMetrics('startupBundledOneThread', samples.bundledStart1),
      ...speedUpMetrics('coldBundledSpeedUp', samples.bundled1, samples.bundled2, speedUps.bundled),
      // The budgets' speed-ups: median of 1 worker ÷ median of 2; and each repeat's own ratio, min–max.
      ...speedUpMetrics('speedUp', samples.cold1, samples.cold2, speedUps.cold),
      ...speedUpMetrics('warmSpeedUp', samples.warm1, samples.warm2, speedUps.warm),
      // The app: the first grid after the service's warm-up (docs/sweeps.md, "Warm threads in the app").
      ...spreadMetrics('appOneWorker', samples.app1),
      ...spreadMetrics('appTwoWorker', samples.app2),
      ...speedUpMetrics('appSpeedUp', samples.app1, samples.app2, speedUps.app),
      appOneWorkerCpuSeconds: round(median(cpu.app1)),
      appTwoWorkerCpuSeconds: round(median(cpu.app2)),
      ...spreadMetrics('appWarmUp', samples.warmUp),
      appWarmUpCpuSeconds: round(median(cpu.warmUp)),
      appWarmUpCpuSecondsPerThread: round(median(cpu.warmUp) / poolSize()),
      // Settled threads (≈ 1,600 cells each before): medians of SETTLED_PAIRS interleaved pairs.
      ...spreadMetrics('settledOneWorker', samples.settled1),
      ...spreadMetrics('settledTwoWorker', samples.settled2),
      ...speedUpMetrics('settledSpeedUp', samples.settled1, samples.settled2, speedUps.settled),
      // The machine's ceiling: the same cells in 1 process and in 2 at once, no pool (medians of the pairs).
      ...spreadMetrics('ceilingOneProcess', samples.ceiling1),
      ...spreadMetrics('ceilingTwoProcesses', samples.ceiling2),
      ...speedUpMetrics('ceilingSpeedUp', samples.ceiling1, samples.ceiling2, bound.ratios),
      // The pool's settled speed-up as a share of the machine's.
      settledOfCeiling: round(median(samples.settled1) / median(samples.settled2) / (median(samples.ceiling1) / median(samples.ceiling2))),
      // 1 worker with the process on one core, against 2 workers on 2 cores: the 1 → 2 core speed-up.
      ...('runs' in single
        ? {
            ...spreadMetrics('oneCoreColdOneWorker', single.runs.cold),
            ...spreadMetrics('oneCoreWarmOneWorker', single.runs.warm),
            ...spreadMetrics('oneCoreSettledOneWorker', single.runs.settled),
            coreSpeedUpCold: round(median(single.runs.cold) / median(samples.cold2)),
            coreSpeedUpWarm: round(median(single.runs.warm) / median(samples.warm2)),
            coreSpeedUpSettled: round(median(single.runs.settled) / median(samples.settled2)),
          }
        : {}),
      twoWorkerCellsPerSecond: round(cells / median(samples.cold2), 1),
      warmTwoWorkerCellsPerSecond: round(cells / median(samples.warm2), 1),
      // CPU time of every thread (process.cpuUsage) hardly depends on other processes: what idle cores would take.
      coldOneWorkerCpuSeconds: round(median(cpu.cold1)),
      coldTwoWorkerCpuSeconds: round(median(cpu.cold2)),
      warmOneWorkerCpuSeconds: round(median(cpu.warm1)),
      warmTwoWorkerCpuSeconds: round(median(cpu.warm2)),
      // The same work costs this much more CPU on 2 workers than on 1 (the 2nd core no longer free for V8's GC and compiler threads).
      warmTwoWorkerCpuOverhead: round(median(cpu.warm2) / median(cpu.warm1)),
      // The most 2 workers can gain over this run's 1 worker: their run takes at least its CPU seconds ÷ 2 cores.
      warmSpeedUpCpuBound: round((2 * median(samples.warm1)) / median(cpu.warm2)),
      // CPU seconds by kind of thread (medians; Linux /proc): the pool's workers, V8's helper threads (garbage collection, background compilation) and the service's thread.
      ...threadMetrics('coldTwoWorker', byThread.cold2),
      ...threadMetrics('warmTwoWorker', byThread.warm2),
      ...threadMetrics('appOneWorker', byThread.app1),
      ...threadMetrics('appTwoWorker', byThread.app2),
      ...threadMetrics('settledOneWorker', byThread.settled1),
      ...threadMetrics('settledTwoWorker', byThread.settled2),
      sameBytes: sameBytes ? 1 : 0,
    };
    return {
      name: 'grid',
      description: `A ${request.rows.values.length} × ${request.columns.values.length} grid (${ROWS} × ${COLUMNS}) on the revolving consumer template's own lines, 1 and 2 worker threads, cold, warm, in the app (after its warm-up) and settled, ${REPEATS} repeats (settled: ${SETTLED_PAIRS} pairs), and the machine's ceiling: the same cells in 1 and 2 processes with no pool`,
      metrics,
      budgets: [
        budget(metrics, 'coldTwoWorkerSeconds', 10),
        atLeast(metrics, 'speedUp', 1.8),
        atLeast(metrics, 'warmSpeedUp', 1.8),
        atLeast(metrics, 'appSpeedUp', 1.8),
        atLeast(metrics, 'settledSpeedUp', 1.8),
        atLeast(metrics, 'sameBytes', 1),
      ],
      notes: [
        `${availableParallelism()} cores available to this process, load average ${loadavg()
          .map((x) => x.toFixed(1))
          .join(' ')} at the end; the speed-up needs 2 idle cores (a loaded machine shows less; the CPU seconds do not depend on the load)`,
        'each run: one service, one deal.grid job, timed from the call to the result; cold: new threads (start-up and their first cells’ warm-up inside); warm: threads kept from the sweep before, as the app keeps them for 15 s (pool-idle.ts)',
        'warm: the speed-up of the work itself; cold: with each thread’s start-up (measured on its own as startup…) and first cells’ warm-up inside — a 1-worker run gets the second core free for its compiler and garbage-collector threads, a 2-worker run does not',
        `figures are medians of ${REPEATS} interleaved repeats (…Min/…Max: the spread); GRID_BENCH_REPEATS sets the count`,
        `app…: the app as the analyst meets it — a new service with warmPool (as web-main.ts and electron/main.ts start it) warms its ${poolSize()} sweep threads over every shipped deal template, the measured revolving one included (appWarmUp…: its wall and CPU seconds, every thread), then runs the grid: 1 worker on one such service, 2 on another, so each figure is the first grid on freshly warmed threads`,
        '…WorkerCpuSeconds, …V8HelperCpuSeconds, …ServiceCpuSeconds: a run’s CPU by kind of thread (Linux /proc/self/task; medians): the pool’s worker threads, V8’s own helper threads (garbage collection, background compilation: on 2 cores they compete with 2 workers) and the service’s thread',
        `settled…: one service whose two threads first run ${SETTLE_GRIDS} grids with 2 workers (≈ 1,600 cells each: the compiler settled), then ${SETTLED_PAIRS} interleaved 1- and 2-worker grids — the engine's parallel work without each thread's compile; GRID_BENCH_SETTLED_PAIRS sets the pairs`,
        `ceiling…: the machine's own speed-up on this work, no pool: ${CEILING_SETTLE_PASSES} passes of the grid's cells settle three child processes (test/bench/grid-cells-child.ts; the cells on a worker thread with a pool thread's young generation), then ${SETTLED_PAIRS} times one process runs all ${ROWS} × ${COLUMNS} cells and two processes half each at once (the slower one's time); settledOfCeiling = settledSpeedUp ÷ ceilingSpeedUp`,
        'runs' in single
          ? `oneCore…: the 1-worker grid with the whole process on one core (test/bench/grid-one-core-child.ts under taskset -c 0: the worker and V8's garbage-collector and compiler threads share it), ${REPEATS} cold and warm runs and ${SETTLED_PAIRS} settled ones; coreSpeedUp… = that ÷ the 2-worker median on 2 cores — the 1 → 2 core speed-up, where speedUp, warmSpeedUp and settledSpeedUp compare 1 and 2 workers on 2 cores (a 1-worker run's helper threads use the second core)`
          : `oneCore…: skipped — ${single.skipped}`,
        'warmSpeedUpCpuBound = 2 × warmOneWorkerSeconds ÷ warmTwoWorkerCpuSeconds: on 2 cores a 2-worker run cannot take less than half its CPU seconds (every thread’s, GC and compiler included), so the warm speed-up cannot exceed it on an idle machine',
      ],
    };
  },
};
