import { readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import type { GridRequest, GridResult } from '../../service/api/contract.ts';
import { readDealFile } from '../../service/files/deal-file.ts';
import { gridOf } from '../../service/jobs/job-manager.ts';
import { parseGridAxis } from '../../service/runs/grid-axis.ts';
import { stopIdleThreads } from '../../service/jobs/pool/pool-idle.ts';
import { Service } from '../../service/service.ts';
import { atLeast, budget, round, type Bench, type BenchResult } from './harness.ts';

const TEMPLATE = new URL('../../templates/deals/cn-consumer-revolving.json', import.meta.url);
// 20 × 20: default multiplier 0.5× to 10× by 0.5, prepayment multiplier 0.25× to 5× by 0.25.
const ROWS = 'defaultMult=0.5:10:0.5';
const COLUMNS = 'prepayMult=0.25:5:0.25';

/**
 * Runs the grid as the app does (deal.grid: a job on the worker pool) with `jobs` workers; its wall
 * time, the CPU time of the whole process (every thread: process.cpuUsage) and the result.
 */
async function timedGrid(request: GridRequest, jobs: number, warm: boolean): Promise<{ seconds: number; cpuSeconds: number; grid: GridResult }> {
  // Cold: no thread kept from an earlier sweep; warm: the pool's threads kept from the one before (pool-idle.ts).
  if (!warm) await stopIdleThreads();
  const service = new Service({ transport: 'test' });
  try {
    const cpu = process.cpuUsage();
    const started = performance.now();
    const call = await service.call('deal.grid', { ...request, jobs });
    if (!call.ok) throw new Error(call.error.message);
    const done = await service.jobs.wait(call.value.id);
    const seconds = (performance.now() - started) / 1000;
    const used = process.cpuUsage(cpu);
    const ran = gridOf(done);
    if (!ran) throw new Error(done.error?.message ?? done.state);
    return { seconds, cpuSeconds: (used.user + used.system) / 1e6, grid: ran.grid };
  } finally {
    // Closing the service would stop the warm threads: the last service is closed by the bench.
    if (!warm) await service.close();
  }
}

/**
 * DESIGN.md and issue 19: a 20 × 20 sensitivity grid on the revolving consumer template (its own
 * representative lines) under 10 s on 2 cores, and a speed-up of at least 1.8 from 1 to 2 workers.
 * Timed from the request to the job's result: pool threads started, the deal read and its lines
 * projected in each, 400 whole deal runs (waterfall in decimal cents, analytics), the frontier.
 */
export const bench: Bench = {
  name: 'grid',
  async run(): Promise<BenchResult> {
    const request: GridRequest = { deal: readDealFile(JSON.parse(readFileSync(TEMPLATE, 'utf8'))), rows: parseGridAxis(ROWS), columns: parseGridAxis(COLUMNS) };
    const one = await timedGrid(request, 1, false);
    const two = await timedGrid(request, 2, false);
    // Warm: a first sweep leaves two threads warm; the next sweeps with 1 and 2 workers start at once.
    await timedGrid(request, 2, true);
    const warmOne = await timedGrid(request, 1, true);
    const warmTwo = await timedGrid(request, 2, true);
    await stopIdleThreads();
    const cells = request.rows.values.length * request.columns.values.length;
    const metrics = {
      cells,
      oneWorkerSeconds: round(one.seconds),
      twoWorkerSeconds: round(two.seconds),
      speedUp: round(one.seconds / two.seconds),
      warmOneWorkerSeconds: round(warmOne.seconds),
      warmTwoWorkerSeconds: round(warmTwo.seconds),
      warmSpeedUp: round(warmOne.seconds / warmTwo.seconds),
      twoWorkerCellsPerSecond: round(cells / two.seconds, 1),
      // CPU time hardly depends on other processes: on a shared machine it shows what idle cores would take.
      oneWorkerCpuSeconds: round(one.cpuSeconds),
      twoWorkerCpuSeconds: round(two.cpuSeconds),
      warmOneWorkerCpuSeconds: round(warmOne.cpuSeconds),
      warmTwoWorkerCpuSeconds: round(warmTwo.cpuSeconds),
      sameBytes: [two, warmOne, warmTwo].every((run) => JSON.stringify(run.grid) === JSON.stringify(one.grid)) ? 1 : 0,
    };
    return {
      name: 'grid',
      description: `A ${request.rows.values.length} × ${request.columns.values.length} grid (${ROWS} × ${COLUMNS}) on the revolving consumer template's own lines, 1 and 2 worker threads`,
      metrics,
      budgets: [budget(metrics, 'twoWorkerSeconds', 10), atLeast(metrics, 'speedUp', 1.8), atLeast(metrics, 'warmSpeedUp', 1.8), atLeast(metrics, 'sameBytes', 1)],
      notes: [
        `${availableParallelism()} cores available to this process, load average ${loadavg()
          .map((x) => x.toFixed(1))
          .join(' ')} at the end; the speed-up needs 2 idle cores (a loaded machine shows less; the CPU seconds do not depend on the load)`,
        'each run: one service, one deal.grid job, timed from the call to the result; cold: threads started inside (modules loaded, code warmed up); warm: threads kept from the sweep before',
      ],
    };
  },
};
