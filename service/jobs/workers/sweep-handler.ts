/**
 * The sweeps' work on a pool thread (pool-worker.ts; docs/sweeps.md): one scenario of a set, or consecutive cells of a grid, per task.
 * The deal, the pool's source and the base scenario come once per thread (the pool's shared data);
 * the thread reads the pool (a tape's loans from the workspace, read-only) at its first task and
 * keeps it for the next ones.
 */
import type { ProjectionMode, ScenarioOverrides } from '../../api/contract.ts';
import { readDealFile } from '../../files/deal-file.ts';
import { planGrid, runGridCell, type GridCellOutcome, type GridPlan } from '../../runs/grid.ts';
import { planScenarioSet, runScenario, type ScenarioBreakevens, type ScenarioOutcome, type ScenarioSetPlan } from '../../runs/scenario-set.ts';
import { loadPoolTape } from './pool-tape.ts';

export interface SweepShared {
  readonly workspacePath: string | null;
  readonly tapeId: number | null;
  readonly mode: ProjectionMode;
  readonly deal: unknown;
  /** The base assumption file, else undefined for the deal file's own. */
  readonly base: unknown;
  /** The run's own overrides, under a scenario's (a cell's task carries its whole overrides). */
  readonly overrides: ScenarioOverrides;
  /** The scenario set (scenario tasks), read again in full against the pool's segments. */
  readonly set?: unknown;
}

export type SweepTask =
  | { readonly kind: 'scenario'; readonly index: number; readonly breakevens: ScenarioBreakevens }
  | { readonly kind: 'cell'; readonly overrides: ScenarioOverrides }
  /** Consecutive cells of a grid in one task (sweep-job.ts CELLS_PER_TASK): one message each way for them all. */
  | { readonly kind: 'cells'; readonly overrides: readonly ScenarioOverrides[] };

export type SweepOutcome = ScenarioOutcome | GridCellOutcome | readonly GridCellOutcome[];

/**
 * The sweep this thread serves now, read once: a thread serves one sweep at a time, and a warm thread
 * kept from an earlier sweep gets the new sweep's shared data (another object) before its tasks.
 */
let current: { readonly shared: SweepShared; scenarios: ScenarioSetPlan | null; grid: GridPlan | null } | null = null;

function sweepOf(shared: SweepShared): NonNullable<typeof current> {
  if (current?.shared !== shared) current = { shared, scenarios: null, grid: null };
  return current;
}

function scenarioPlanOf(shared: SweepShared): ScenarioSetPlan {
  const sweep = sweepOf(shared);
  sweep.scenarios ??= planScenarioSet({ file: readDealFile(shared.deal), tapeInput: loadPoolTape(shared), mode: shared.mode, base: shared.base, overrides: shared.overrides, set: shared.set });
  return sweep.scenarios;
}

function gridPlanOf(shared: SweepShared): GridPlan {
  const sweep = sweepOf(shared);
  if (sweep.grid === null) {
    const file = readDealFile(shared.deal);
    const tape = loadPoolTape(shared);
    sweep.grid = planGrid(file, tape, shared.mode, shared.base);
  }
  return sweep.grid;
}

/** Lets go of the sweep's deal and pool (a tape's loans, read by this thread) once the thread leaves it. */
export function releaseSweep(): void {
  current = null;
}

/** One task of a sweep on this thread. */
export function sweepTask(task: SweepTask, shared: SweepShared): SweepOutcome {
  if (task.kind === 'scenario') return runScenario(scenarioPlanOf(shared), task.index, task.breakevens);
  if (task.kind === 'cells') return task.overrides.map((overrides) => runGridCell(gridPlanOf(shared), overrides));
  return runGridCell(gridPlanOf(shared), task.overrides);
}
