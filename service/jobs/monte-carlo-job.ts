import { availableParallelism } from 'node:os';
import type { JobResultOf, RatingRow } from '../api/contract.ts';
import type { DealFile } from '../files/deal-file.ts';
import { summarizeMonteCarlo, type ChunkResult } from '../runs/monte-carlo/summary.ts';
import { monteCarloTasks, PATHS_PER_TASK, type MonteCarloSpec } from '../runs/monte-carlo/tasks.ts';
import { runChunkTasks } from './chunk-pool.ts';
import type { JobContext } from './job-manager.ts';

export interface MonteCarloRun {
  readonly spec: MonteCarloSpec;
  /** The deal file as read (notes, WAL basis), for the summary. */
  readonly file: DealFile;
  readonly paths: number;
  readonly ratingTable: readonly RatingRow[] | null;
  readonly jobs?: number;
  readonly chunkSize?: number;
}

/**
 * The Monte Carlo as a job: the paths in tasks of 50 over the worker threads, progress as paths done,
 * cancel stops every thread (nothing is kept), and the chunks summarised in path order.
 */
export async function runMonteCarloJob(worker: URL, run: MonteCarloRun, ctx: JobContext): Promise<JobResultOf<'deal.monteCarlo'>> {
  const started = performance.now();
  const chunkSize = run.chunkSize ?? PATHS_PER_TASK;
  const tasks = monteCarloTasks(run.spec, run.paths, chunkSize);
  ctx.progress({ fraction: 0, done: 0, unit: 'paths', rate: null, message: `0 of ${run.paths} paths` });
  const chunks = await runChunkTasks<(typeof tasks)[number], ChunkResult>(tasks, {
    worker,
    jobs: run.jobs ?? availableParallelism(),
    signal: ctx.signal,
    onDone: (done) => {
      const paths = Math.min(run.paths, done * chunkSize);
      const seconds = (performance.now() - started) / 1000;
      ctx.progress({ fraction: paths / run.paths, done: paths, unit: 'paths', rate: seconds > 0 ? paths / seconds : null, message: `${paths} of ${run.paths} paths` });
    },
  });
  const monteCarlo = summarizeMonteCarlo(run.file, { seed: run.spec.seed, ratingTable: run.ratingTable }, chunks);
  return { kind: 'deal.monteCarlo', monteCarlo, seconds: (performance.now() - started) / 1000 };
}
