/**
 * The grid bench's one-core runs (grid.bench.ts, oneCore…): started under `taskset -c 0`, so the whole
 * process — the service, its one pool thread, and V8's garbage-collector and compiler threads — runs
 * on one core, where a 1-worker grid on 2 cores leaves those helpers the second core. The grid with
 * 1 worker, as the bench runs it on 2 cores: REPEATS times cold (new thread) and warm (the thread
 * kept from the grid before), then one service's thread settled by SETTLE_GRIDS grids (≈ 1,600 cells)
 * and PAIRS grids timed. Prints `{ cold, warm, settled, cores }` (seconds; the cores it may use) as JSON.
 *
 *   taskset -c 0 node test/bench/grid-one-core-child.ts REPEATS PAIRS
 */
import { availableParallelism } from 'node:os';
import { stopIdleThreads } from '../../service/jobs/pool/pool-idle.ts';
import { Service } from '../../service/service.ts';
import { gridBenchRequest, gridOn, timedGrid } from './grid-runs.ts';

const SETTLE_GRIDS = 4;

const [repeats, pairs] = process.argv.slice(2).map(Number);
if (!(repeats !== undefined && repeats >= 1 && pairs !== undefined && pairs >= 1)) throw new Error('usage: grid-one-core-child.ts REPEATS PAIRS');
const request = gridBenchRequest();
const out = { cold: [] as number[], warm: [] as number[], settled: [] as number[], cores: availableParallelism() };
for (let k = 0; k < repeats; k += 1) {
  out.cold.push((await timedGrid(request, 1, false)).seconds);
  out.warm.push((await timedGrid(request, 1, true)).seconds);
}
await stopIdleThreads();
const settled = new Service({ transport: 'test' });
try {
  for (let k = 0; k < SETTLE_GRIDS; k += 1) await gridOn(settled, request, 1);
  for (let k = 0; k < pairs; k += 1) out.settled.push((await gridOn(settled, request, 1)).seconds);
} finally {
  await settled.close();
  await stopIdleThreads();
}
process.stdout.write(`${JSON.stringify(out)}\n`);
