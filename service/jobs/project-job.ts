import type { ProjectionResult } from '../api/contract.ts';
import type { JobContext } from './job-manager.ts';
import type { ServiceContext } from '../api/context.ts';
import type { Timed } from './timed.ts';
import { UserError } from '../../data/errors.ts';
import { loanCount, projectionChunkCount, projectPool, roundToCents, type PoolCashFlows } from '../../engine/index.ts';
import { projectionResult } from '../runs/projection.ts';
import { projectOnThreads, type ProjectionShare } from './project-chunks.ts';
import { runWorkerJob } from './worker-job.ts';
import type { ProjectWorkerData, ProjectWorkerMessage } from './workers/project-worker.ts';

/**
 * A loan-level projection of a tape as a job: a thread of its own reads the loans onto shared
 * memory (project-worker.ts), then the service's thread runs the projection's chunk tasks on the
 * one worker pool (project-chunks.ts), so a large pool uses every core without a thread inside a
 * thread, and the figures are projectPool's to the bit for any pool size. Progress (loans
 * projected) flows back as job progress; cancelling stops the loading thread or the pool's threads
 * and rejects with CANCELLED (nothing is stored). The result comes with the projection's own time.
 * A pool of one chunk runs on the calling thread where small jobs do (inlineProjection).
 */
export async function runProjectionInWorker(service: ServiceContext, tapeId: number, assumptions: unknown, ctx: JobContext): Promise<Timed<ProjectionResult>> {
  const workerData: ProjectWorkerData = { workspacePath: service.requireWorkspace().path, tapeId, assumptions };
  const loaded = await runWorkerJob<ProjectWorkerMessage, Extract<ProjectWorkerMessage, { type: 'loaded' }>>(
    service.workerUrl('project-worker'),
    workerData,
    ctx,
    'Projection cancelled',
    (message) => {
      if (message.type === 'loaded') return message;
      if (message.type === 'loading') ctx.progress({ fraction: null, done: 0, unit: 'loans', rate: null, message: 'Loading the tape’s loans' });
      return undefined;
    },
  );
  const { loans, assumptions: mapped, options } = loaded.share;
  const started = performance.now();
  const onProgress = (done: number, total: number): void => {
    const seconds = (performance.now() - started) / 1000;
    ctx.progress({
      fraction: total > 0 ? done / total : null,
      done,
      unit: 'loans',
      rate: seconds > 0 ? done / seconds : null,
      message: `${done.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} loans projected`,
    });
  };
  const flows = inlineProjection(service, loans)
    ? projectHere(loaded.share, ctx.signal, onProgress)
    : await projectOnThreads(service.workerUrl('pool-worker'), loans, mapped, options, { signal: ctx.signal, onProgress });
  const seconds = (performance.now() - started) / 1000;
  return { result: projectionResult(loaded.source, roundToCents(flows), loaded.warnings), seconds };
}

/**
 * A pool of one engine chunk is one pool task, on one thread whatever the pool's size: where small
 * jobs run on the calling thread (the CLI, no window to keep responsive) it runs here rather than on
 * a pool thread started for it (≈ 0.1 s CPU of module loading). projectPool's figures either way.
 */
function inlineProjection(service: ServiceContext, loans: ProjectionShare['loans']): boolean {
  return service.smallJobsInline === true && projectionChunkCount(loanCount(loans)) <= 1;
}

/** projectPool on this thread; a cancel that came meanwhile still ends the job CANCELLED, nothing kept. */
function projectHere({ loans, assumptions, options }: ProjectionShare, signal: AbortSignal, onProgress: (done: number, total: number) => void): PoolCashFlows {
  const flows = projectPool(loans, assumptions, { ...options, onProgress });
  if (signal.aborted) throw new UserError('CANCELLED', 'Projection cancelled; nothing was kept');
  return flows;
}
