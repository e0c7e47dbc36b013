import type { GridRequest, JobResultOf, ProgressUnit, ScenarioSetRunRequest } from '../api/contract.ts';
import type { ServiceContext } from '../api/context.ts';
import type { ScenarioSetFile } from '../files/scenario-file.ts';
import { cellOverrides } from '../runs/grid-parameters.ts';
import { gridResult, type GridCellOutcome } from '../runs/grid.ts';
import { scenarioSetResult, type ScenarioOutcome } from '../runs/scenario-set.ts';
import type { JobContext } from './job-manager.ts';
import { runTasks } from './pool/worker-pool.ts';
import type { SweepShared, SweepTask } from './workers/sweep-handler.ts';
import type { PoolWork } from './workers/pool-work.ts';

/** The pool's source of a sweep: a tape of the open workspace (its path and id), or the deal file's own lines. */
export interface SweepSource {
  readonly workspacePath: string | null;
  readonly tapeId: number | null;
}

/** A sweep's shared data (each pool thread gets it once): the pool's source, the deal, the base assumptions and overrides, as the pool worker's sweep work. */
export function sharedOf(request: ScenarioSetRunRequest | GridRequest, source: SweepSource, set?: ScenarioSetFile): PoolWork<SweepShared> {
  const data: SweepShared = {
    ...source,
    mode: request.mode ?? 'repline',
    deal: request.deal,
    base: request.assumptions,
    overrides: request.scenarioOverrides ?? {},
    ...(set !== undefined ? { set } : {}),
  };
  return { work: 'sweep', data };
}

/** Job progress from the pool's count of finished tasks. */
function progressOf(ctx: JobContext, total: number, unit: ProgressUnit): (done: number) => void {
  const started = performance.now();
  return (done) => {
    const seconds = (performance.now() - started) / 1000;
    ctx.progress({ fraction: done / total, done, unit, rate: seconds > 0 ? done / seconds : null, message: `${done} of ${total} ${unit} run` });
  };
}

/** Runs every scenario of a set on the pool, one scenario per task; the result lists them in file order. */
export async function runScenarioSetJob(
  service: ServiceContext,
  request: ScenarioSetRunRequest,
  set: ScenarioSetFile,
  source: SweepSource,
  ctx: JobContext,
): Promise<JobResultOf<'deal.runScenarios'>> {
  const started = performance.now();
  const breakevens = request.breakevens === undefined ? null : { by: request.breakevens.by ?? 'multiplier', interest: request.breakevens.interest };
  const tasks: SweepTask[] = set.scenarios.map((_, index) => ({ kind: 'scenario', index, breakevens }));
  const outcomes = await runTasks<SweepTask, ScenarioOutcome>(tasks, {
    worker: service.workerUrl('pool-worker'),
    shared: sharedOf(request, source, set),
    signal: ctx.signal,
    onDone: progressOf(ctx, tasks.length, 'scenarios'),
    ...(request.jobs !== undefined ? { jobs: request.jobs } : {}),
  });
  return { kind: 'deal.runScenarios', scenarios: scenarioSetResult(set.name, outcomes), seconds: (performance.now() - started) / 1000 };
}

/**
 * Cells of a grid per pool task, consecutive in row-major order: one message each way for four cells
 * (a cell is ≈ 1.2 ms; each message is a structured clone on both threads, the service's thread
 * handling every reply). The grouping depends on the grid alone, never on the worker count.
 */
export const CELLS_PER_TASK = 4;

/** Runs every cell of a grid on the pool, CELLS_PER_TASK cells a task in row-major order; then the frontier. */
export async function runGridJob(service: ServiceContext, request: GridRequest, source: SweepSource, ctx: JobContext): Promise<JobResultOf<'deal.grid'>> {
  const started = performance.now();
  const { rows, columns } = request;
  const base = request.scenarioOverrides ?? {};
  const cells = rows.values.flatMap((r) =>
    columns.values.map((c) =>
      cellOverrides(
        base,
        [
          [rows.parameter, r],
          [columns.parameter, c],
        ],
        request.outage,
      ),
    ),
  );
  const tasks: SweepTask[] = [];
  for (let k = 0; k < cells.length; k += CELLS_PER_TASK) tasks.push({ kind: 'cells', overrides: cells.slice(k, k + CELLS_PER_TASK) });
  const progress = progressOf(ctx, cells.length, 'cells');
  const outcomes = await runTasks<SweepTask, readonly GridCellOutcome[]>(tasks, {
    worker: service.workerUrl('pool-worker'),
    shared: sharedOf(request, source),
    signal: ctx.signal,
    // Tasks finish in any order; every task but the last holds CELLS_PER_TASK cells.
    onDone: (done) => progress(Math.min(cells.length, done * CELLS_PER_TASK)),
    ...(request.jobs !== undefined ? { jobs: request.jobs } : {}),
  });
  return { kind: 'deal.grid', grid: gridResult(rows, columns, outcomes.flat()), seconds: (performance.now() - started) / 1000 };
}
