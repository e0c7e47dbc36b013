/**
 * Monte Carlo paths on a pool thread (pool-worker.ts; docs/monte-carlo.md): each task is a range of paths; the spec
 * (the deal, its pool and scenario, the draws) is the pool's shared data, sent once per thread. The
 * deal is prepared and calibrated once per deal and reused for the thread's later tasks — and, warm,
 * for a later run of the same deal; it only reads the workspace (a tape's loans), so stopping it loses nothing.
 */
import { readDealFile } from '../../files/deal-file.ts';
import { prepareDeal } from '../../runs/prepare-deal.ts';
import type { ChunkResult } from '../../runs/monte-carlo/summary.ts';
import { readySpec, runMonteCarloTask, type MonteCarloSpec, type MonteCarloTask, type PreparedSpec } from '../../runs/monte-carlo/tasks.ts';
import { loadPoolTape } from './pool-tape.ts';

let cached: { key: string; ready: PreparedSpec; loanLevel: boolean } | null = null;

/** The spec's prepared deal, built once per thread: the key leaves out the draws (distribution, seed), which do not change it. */
function ready(spec: MonteCarloSpec): PreparedSpec {
  const { distribution: _distribution, seed: _seed, ...deal } = spec;
  const key = JSON.stringify(deal);
  if (cached?.key !== key)
    cached = { key, ready: readySpec(prepareDeal(readDealFile(spec.deal), loadPoolTape(spec), spec.assumptions, spec.scenarioOverrides)), loanLevel: spec.tapeId !== null && spec.mode !== 'repline' };
  return cached.ready;
}

/**
 * Once the thread leaves a run: a deal on its own lines stays prepared (small; a later run of the same
 * deal reuses it), one on a tape's loans is let go (its loans are large).
 */
export function releaseMonteCarlo(): void {
  if (cached?.loanLevel === true) cached = null;
}

/** One range of paths on this thread. */
export function monteCarloTask(task: MonteCarloTask, spec: MonteCarloSpec): ChunkResult {
  return runMonteCarloTask(spec, task, ready(spec));
}
