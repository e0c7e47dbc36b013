/**
 * The grid bench's machine ceiling (grid.bench.ts, ceiling…): one process that runs its share of the
 * grid's cells on one thread, with no pool, no service and no messages between cells. The cells run
 * on a worker thread with a pool thread's young generation (POOL_THREAD_YOUNG_GENERATION_MB), as a
 * pool thread runs them; the process's other threads only relay.
 *
 *   node test/bench/grid-cells-child.ts PART PARTS SETTLE_PASSES
 *
 * It runs every cell of the grid SETTLE_PASSES times (the compiler settles, as on the bench's settled
 * threads), prints `ready`, then for each line `go` on its input runs cells PART, PART + PARTS, … once
 * and prints the seconds they took; it exits at the end of its input.
 */
import { createInterface } from 'node:readline';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { POOL_THREAD_YOUNG_GENERATION_MB } from '../../service/jobs/pool/worker-pool.ts';
import { readDealFile } from '../../service/files/deal-file.ts';
import { cellOverrides } from '../../service/runs/grid-parameters.ts';
import { planGrid, runGridCell } from '../../service/runs/grid.ts';
import { gridBenchRequest } from './grid-runs.ts';

interface ChildData {
  readonly part: number;
  readonly parts: number;
  readonly settlePasses: number;
}

function cellRunner({ part, parts, settlePasses }: ChildData): () => number {
  const { deal, rows, columns } = gridBenchRequest();
  // As the sweep handler plans a grid on the deal's own lines (sweep-handler.ts gridPlanOf).
  const file = readDealFile(deal);
  const plan = planGrid(file, null, 'repline', undefined);
  const cells = rows.values.flatMap((row) =>
    columns.values.map((column) =>
      cellOverrides(
        {},
        [
          [rows.parameter, row],
          [columns.parameter, column],
        ],
        undefined,
      ),
    ),
  );
  for (let pass = 0; pass < settlePasses; pass += 1) for (const cell of cells) runGridCell(plan, cell);
  const share = cells.filter((_, k) => k % parts === part);
  return () => {
    const started = performance.now();
    for (const cell of share) runGridCell(plan, cell);
    return (performance.now() - started) / 1000;
  };
}

if (isMainThread) {
  const [part, parts, settlePasses] = process.argv.slice(2).map(Number);
  if (part === undefined || parts === undefined || settlePasses === undefined || !(part >= 0 && part < parts)) throw new Error('usage: grid-cells-child.ts PART PARTS SETTLE_PASSES');
  const thread = new Worker(new URL(import.meta.url), {
    workerData: { part, parts, settlePasses } satisfies ChildData,
    resourceLimits: { maxYoungGenerationSizeMb: POOL_THREAD_YOUNG_GENERATION_MB },
  });
  thread.on('error', (error) => {
    throw error;
  });
  thread.on('message', (message: string) => process.stdout.write(`${message}\n`));
  const input = createInterface({ input: process.stdin });
  input.on('line', (line) => {
    if (line === 'go') thread.postMessage('go');
  });
  input.on('close', () => void thread.terminate());
} else {
  const run = cellRunner(workerData as ChildData);
  parentPort?.postMessage('ready');
  parentPort?.on('message', () => parentPort?.postMessage(String(run())));
}
