import type { JobResultOf, RatingRow } from '../api/contract.ts';
import type { DealFile } from '../files/deal-file.ts';
import { summarizeMonteCarlo, type ChunkResult } from '../runs/monte-carlo/summary.ts';
import { monteCarloTasks, PATHS_PER_TASK, type MonteCarloSpec, type MonteCarloTask } from '../runs/monte-carlo/tasks.ts';
import type { JobContext } from './job-manager.ts';
import { runTasks } from './pool/worker-pool.ts';
import type { PoolWork } from './workers/pool-work.ts';

export interface MonteCarloRun {
  readonly spec: MonteCarloSpec;
  /** The deal file as read (notes, WAL basis), for the summary. */
  readonly file: DealFile;
  readonly paths: number;
  readonly ratingTable: readonly RatingRow[] | null;
  readonly jobs?: number;
}

export interface MonteCarloPathsOptions {
  /** At most this many pool threads (else the pool's size); the chunks are the same for any number. */
  readonly jobs?: number;
  /** Paths per task (default PATHS_PER_TASK); the chunks' paths are the same for any size. */
  readonly chunkSize?: number;
  readonly signal?: AbortSignal;
  /** Called with the number of paths done after each task. */
  readonly onPaths?: (paths: number) => void;
}

/**
 * The paths of a spec on the worker pool (service/jobs/pool/worker-pool.ts), in tasks of `chunkSize`
 * with the spec as the pool's shared data; the chunks come back in path order whatever the thread count.
 */
export function runMonteCarloPaths(worker: URL, spec: MonteCarloSpec, paths: number, options: MonteCarloPathsOptions = {}): Promise<ChunkResult[]> {
  const chunkSize = options.chunkSize ?? PATHS_PER_TASK;
  const { onPaths } = options;
  return runTasks<MonteCarloTask, ChunkResult>(monteCarloTasks(paths, chunkSize), {
    worker,
    shared: { work: 'monteCarlo', data: spec } satisfies PoolWork<MonteCarloSpec>,
    ...(options.jobs !== undefined ? { jobs: options.jobs } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
    ...(onPaths ? { onDone: (done: number) => onPaths(Math.min(paths, done * chunkSize)) } : {}),
  });
}

/**
 * The Monte Carlo as a job: the paths in tasks of 50 on the worker pool, progress as paths done,
 * cancel stops every thread (nothing is kept), and the chunks summarised in path order.
 */
export async function runMonteCarloJob(worker: URL, run: MonteCarloRun, ctx: JobContext): Promise<JobResultOf<'deal.monteCarlo'>> {
  const started = performance.now();
  ctx.progress({ fraction: 0, done: 0, unit: 'paths', rate: null, message: `0 of ${run.paths} paths` });
  const chunks = await runMonteCarloPaths(worker, run.spec, run.paths, {
    ...(run.jobs !== undefined ? { jobs: run.jobs } : {}),
    signal: ctx.signal,
    onPaths: (paths) => {
      const seconds = (performance.now() - started) / 1000;
      ctx.progress({ fraction: paths / run.paths, done: paths, unit: 'paths', rate: seconds > 0 ? paths / seconds : null, message: `${paths} of ${run.paths} paths` });
    },
  });
  const monteCarlo = summarizeMonteCarlo(run.file, { seed: run.spec.seed, ratingTable: run.ratingTable }, chunks);
  return { kind: 'deal.monteCarlo', monteCarlo, seconds: (performance.now() - started) / 1000 };
}
