/**
 * The one worker pool's thread module (docs/sweeps.md, "One worker pool"): every pool thread runs
 * this module and serves whatever work its call brings — sweep scenarios and grid cells, Monte Carlo
 * paths, a loan-level projection's chunks — so a thread kept warm after one kind of work (its
 * modules loaded, the engine's hot code compiled) serves the next call of any kind, and the process
 * never keeps a set of idle threads per kind. Each call's shared data names its work; the work's
 * module is loaded at the thread's first call of that kind (a projection's thread does not load the
 * sweeps' modules, nor a sweep's the projection kernels' task code), then kept.
 */
import type { ChunkRange, ChunkReply, ProjectionShare } from '../project-chunks.ts';
import type { ChunkResult } from '../../runs/monte-carlo/summary.ts';
import type { MonteCarloSpec, MonteCarloTask } from '../../runs/monte-carlo/tasks.ts';
import { serveTasks } from '../pool/pool-thread.ts';
import type { PoolWork, PoolWorkKind } from './pool-work.ts';
import type { SweepOutcome, SweepShared, SweepTask } from './sweep-handler.ts';

type Handler = (task: unknown, data: unknown) => SweepOutcome | ChunkResult | ChunkReply;

// The handlers' task and data types are checked where each call is made (sweep-job.ts, monte-carlo-job.ts, project-chunks.ts).
const loaders: Record<PoolWorkKind, () => Promise<Handler>> = {
  sweep: async () => {
    const { sweepTask } = await import('./sweep-handler.ts');
    return (task, data) => sweepTask(task as SweepTask, data as SweepShared);
  },
  monteCarlo: async () => {
    const { monteCarloTask } = await import('./monte-carlo-handler.ts');
    return (task, data) => monteCarloTask(task as MonteCarloTask, data as MonteCarloSpec);
  },
  projectChunks: async () => {
    const { projectChunkTask } = await import('./project-chunk-handler.ts');
    return (task, data) => projectChunkTask(task as ChunkRange, data as ProjectionShare);
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

serveTasks<unknown, SweepOutcome | ChunkResult | ChunkReply, PoolWork>(async (task, shared) => (await handlerOf(shared.work))(task, shared.data));
