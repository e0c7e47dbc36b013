import type { DefaultRateDistribution, DefaultRateDistributionRequest, ProjectionMode, ScenarioOverrides } from '../../api/contract.ts';
import { checkDistribution, type CumulativeRatioDenominator } from '../../../engine/index.ts';
import { runPrepared, type PreparedDeal } from '../prepare-deal.ts';
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
  readonly distribution: DefaultRateDistributionRequest;
  readonly seed: number;
}

/** The distribution drawn from: a lognormal without a mean takes the scenario's own lifetime default . */
export function resolvedDistribution(asked: DefaultRateDistributionRequest, scenarioLifetimeDefault: number): DefaultRateDistribution {
  const distribution: DefaultRateDistribution = asked.kind === 'vasicek' ? asked : { kind: 'lognormal', mean: asked.mean ?? scenarioLifetimeDefault, cv: asked.cv };
  checkDistribution(distribution);
  return distribution;
}

/** One task for a pool thread: paths start … start + count − 1 (the spec is the pool's shared data, sent once per thread). */
export interface MonteCarloTask {
  readonly start: number;
  readonly count: number;
}

/** Paths per task: large enough that a task's messaging is negligible, small enough to balance two cores. */
export const PATHS_PER_TASK = 50;

/** The paths cut into tasks of `chunkSize` (the last one shorter), in path order. */
export function monteCarloTasks(paths: number, chunkSize: number = PATHS_PER_TASK): MonteCarloTask[] {
  const tasks: MonteCarloTask[] = [];
  for (let start = 0; start < paths; start += chunkSize) tasks.push({ start, count: Math.min(chunkSize, paths - start) });
  return tasks;
}

/** The deal's preparation and calibration for a spec, built once per thread and reused for its tasks. */
export interface PreparedSpec {
  readonly prepared: PreparedDeal;
  readonly calibration: Calibration;
  /** The deal's cumulative default denominator as the engine resolves it (its default when the file names none). */
  readonly cumulativeRatioDenominator: CumulativeRatioDenominator;
}

/** A task's paths. The preparation depends only on the spec's deal, pool and scenario, so every thread builds the same one. */
export function runMonteCarloTask(spec: MonteCarloSpec, task: MonteCarloTask, ready: PreparedSpec): ChunkResult {
  const { floor, scenario, cap } = ready.calibration;
  const distribution = resolvedDistribution(spec.distribution, scenario);
  return {
    poolName: ready.prepared.input.sourceName,
    cumulativeRatioDenominator: ready.cumulativeRatioDenominator,
    distribution,
    calibration: { floor, scenario, cap },
    paths: runChunk(ready.prepared, ready.calibration, { distribution, seed: spec.seed }, task.start, task.count),
  };
}

/** A prepared deal and its calibration (the multiplier grid's lifetime defaults). */
export function readySpec(prepared: PreparedDeal): PreparedSpec {
  return { prepared, calibration: calibrate(prepared), cumulativeRatioDenominator: runPrepared(prepared).result.cumulativeRatioDenominator };
}
