import type { DefaultRateDistribution, ProjectionMode, ScenarioOverrides } from '../../api/contract.ts';
import type { PreparedDeal } from '../prepare-deal.ts';
import { calibrate, type Calibration } from './lifetime-default.ts';
import { runChunk } from './path.ts';
import type { ChunkResult } from './summary.ts';

/** What every chunk of one Monte Carlo shares: the deal as deal.run takes it, and the draws. */
export interface MonteCarloSpec {
  readonly workspacePath: string | null;
  readonly tapeId: number | null;
  readonly mode: ProjectionMode;
  readonly deal: unknown;
  readonly assumptions: unknown;
  readonly scenarioOverrides: ScenarioOverrides;
  readonly distribution: DefaultRateDistribution;
  readonly seed: number;
}

/** One task for a worker: paths start … start + count − 1. */
export interface MonteCarloTask {
  readonly spec: MonteCarloSpec;
  readonly start: number;
  readonly count: number;
}

/** Paths per task: large enough that a task's messaging is negligible, small enough to balance two cores. */
export const PATHS_PER_TASK = 50;

/** The paths cut into tasks of `chunkSize` (the last one shorter), in path order. */
export function monteCarloTasks(spec: MonteCarloSpec, paths: number, chunkSize: number = PATHS_PER_TASK): MonteCarloTask[] {
  const tasks: MonteCarloTask[] = [];
  for (let start = 0; start < paths; start += chunkSize) tasks.push({ spec, start, count: Math.min(chunkSize, paths - start) });
  return tasks;
}

/** The deal's preparation and calibration for a spec, built once per thread and reused for its tasks. */
export interface PreparedSpec {
  readonly prepared: PreparedDeal;
  readonly calibration: Calibration;
}

/** A task's paths. The preparation depends only on the spec's deal, pool and scenario, so every thread builds the same one. */
export function runMonteCarloTask(task: MonteCarloTask, ready: PreparedSpec): ChunkResult {
  const { floor, scenario, cap } = ready.calibration;
  return {
    poolName: ready.prepared.input.sourceName,
    calibration: { floor, scenario, cap },
    paths: runChunk(ready.prepared, ready.calibration, { distribution: task.spec.distribution, seed: task.spec.seed }, task.start, task.count),
  };
}

/** Prepares a spec's deal with `prepare` and calibrates it. */
export function readySpec(prepared: PreparedDeal): PreparedSpec {
  return { prepared, calibration: calibrate(prepared) };
}
