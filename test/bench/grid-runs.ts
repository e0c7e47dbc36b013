/**
 * The grid bench's runs, shared by grid.bench.ts and its one-core child (grid-one-core-child.ts): the
 * request, and a grid timed as the app runs it.
 */
import { readFileSync } from 'node:fs';
import type { GridRequest, GridResult } from '../../service/api/contract.ts';
import { readDealFile } from '../../service/files/deal-file.ts';
import { gridOf } from '../../service/jobs/job-manager.ts';
import { stopIdleThreads } from '../../service/jobs/pool/pool-idle.ts';
import { parseGridAxis } from '../../service/runs/grid-axis.ts';
import { Service, type WorkerName } from '../../service/service.ts';
import { GRID_BENCH_COLUMNS, GRID_BENCH_ROWS, GRID_BENCH_TEMPLATE } from './grid-axes.ts';
import { threadCpuSince, type ThreadCpu } from './thread-cpu.ts';

/** The 20 × 20 grid on the revolving consumer template's own lines. */
export function gridBenchRequest(): GridRequest {
  return { deal: readDealFile(JSON.parse(readFileSync(GRID_BENCH_TEMPLATE, 'utf8'))), rows: parseGridAxis(GRID_BENCH_ROWS), columns: parseGridAxis(GRID_BENCH_COLUMNS) };
}

/**
 * Runs the grid as the app does (deal.grid: a job on the worker pool) with `jobs` workers; its wall
 * time, the CPU time of the whole process (every thread: process.cpuUsage) and the result.
 */
export interface GridRun {
  readonly seconds: number;
  readonly cpuSeconds: number;
  /** The run's CPU by kind of thread (Linux; null elsewhere): pool workers, V8's helper threads, the service's. */
  readonly threads: ThreadCpu | null;
  readonly grid: GridResult;
}

export async function timedGrid(request: GridRequest, jobs: number, warm: boolean, workerUrl?: (name: WorkerName) => URL): Promise<GridRun> {
  // Cold: no thread kept from an earlier sweep; warm: the pool's threads kept from the one before (pool-idle.ts).
  if (!warm) await stopIdleThreads();
  const service = new Service({ transport: 'test', ...(workerUrl ? { workerUrl } : {}) });
  try {
    return await gridOn(service, request, jobs);
  } finally {
    // Closing the service would stop the warm threads: the last service is closed by the bench.
    if (!warm) await service.close();
  }
}

/** One deal.grid job on `service`, timed from the call to its result, with the process's CPU seconds. */
export async function gridOn(service: Service, request: GridRequest, jobs: number): Promise<GridRun> {
  const threads = threadCpuSince();
  const cpu = process.cpuUsage();
  const started = performance.now();
  const call = await service.call('deal.grid', { ...request, jobs });
  if (!call.ok) throw new Error(call.error.message);
  const done = await service.jobs.wait(call.value.id);
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  const ran = gridOf(done);
  if (!ran) throw new Error(done.error?.message ?? done.state);
  return { seconds, cpuSeconds: (used.user + used.system) / 1e6, threads: threads(), grid: ran.grid };
}
