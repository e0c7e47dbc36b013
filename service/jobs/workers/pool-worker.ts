/**
 * The one worker pool's thread module (docs/sweeps.md, "One worker pool"): every pool thread runs
 * this module and serves whatever work its call brings — sweep scenarios and grid cells, Monte Carlo
 * paths, a loan-level projection's chunks — so a thread kept warm after one kind of work (its
 * modules loaded, the engine's hot code compiled) serves the next call of any kind, and the process
 * never keeps a set of idle threads per kind. Each call's shared data names its work; the work's
 * module is loaded at the thread's first call of that kind (a projection's thread does not load the
 * sweeps' modules, nor a sweep's the projection kernels' task code), then kept.
 */
// SQLite's native module, loaded with the thread rather than with the first call that reads a tape:
// serveTasks then says the thread is ready, and a thread is never terminated while it registers a
// native module, which aborts the whole process (service/jobs/thread-start.ts).
// oxlint-disable-next-line import/no-unassigned-import -- loaded for its registration, not its bindings
import 'better-sqlite3';
import type { ChunkRange, ChunkReply, ProjectionShare } from '../project-chunks.ts';
import type { ChunkResult } from '../../runs/monte-carlo/summary.ts';
import type { MonteCarloSpec, MonteCarloTask } from '../../runs/monte-carlo/tasks.ts';
import { serveTasks } from '../pool/pool-thread.ts';
import type { PoolWork, PoolWorkKind } from './pool-work.ts';
import type { SweepOutcome, SweepShared, SweepTask } from './sweep-handler.ts';

/** A kind of work on this thread: its task runner, and what lets go of a finished call's data. */
interface Handler {
  readonly run: (task: unknown, data: unknown) => SweepOutcome | ChunkResult | ChunkReply;
  readonly release: () => void;
}

// The handlers' task and data types are checked where each call is made (sweep-job.ts, monte-carlo-job.ts, project-chunks.ts).
const loaders: Record<PoolWorkKind, () => Promise<Handler>> = {
  sweep: async () => {
    const { sweepTask, releaseSweep } = await import('./sweep-handler.ts');
    return { run: (task, data) => sweepTask(task as SweepTask, data as SweepShared), release: releaseSweep };
  },
  monteCarlo: async () => {
    const { monteCarloTask, releaseMonteCarlo } = await import('./monte-carlo-handler.ts');
    return { run: (task, data) => monteCarloTask(task as MonteCarloTask, data as MonteCarloSpec), release: releaseMonteCarlo };
  },
  projectChunks: async () => {
    const { projectChunkTask, releaseProjectChunks } = await import('./project-chunk-handler.ts');
    return { run: (task, data) => projectChunkTask(task as ChunkRange, data as ProjectionShare), release: releaseProjectChunks };
  },
};

const loaded = new Map<PoolWorkKind, Handler>();

async function handlerOf(work: PoolWorkKind): Promise<Handler> {
  let handler = loaded.get(work);
  if (handler === undefined) {
    handler = await loaders[work]();
    loaded.set(work, handler);
  }
  return handler;
}

serveTasks<unknown, SweepOutcome | ChunkResult | ChunkReply, PoolWork>(
  async (task, shared) => (await handlerOf(shared.work)).run(task, shared.data),
  // A thread parked after a call (kept for the app's life) keeps no call's loans.
  () => {
    for (const handler of loaded.values()) handler.release();
  },
);
