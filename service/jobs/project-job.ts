import type { ProjectionResult } from '../api/contract.ts';
import type { JobContext } from './job-manager.ts';
import type { ServiceContext } from '../api/context.ts';
import type { Timed } from './timed.ts';
import { runWorkerJob } from './worker-job.ts';
import type { ProjectWorkerData, ProjectWorkerMessage } from './workers/project-worker.ts';

/**
 * Runs a loan-level projection of a tape in its own worker thread: progress (loans projected)
 * flows back as job progress; cancelling the job stops the thread (it only reads). The result
 * comes with the time the projection took on that thread.
 */
export function runProjectionInWorker(service: ServiceContext, tapeId: number, assumptions: unknown, ctx: JobContext): Promise<Timed<ProjectionResult>> {
  const workerData: ProjectWorkerData = { workspacePath: service.requireWorkspace().path, tapeId, assumptions };
  const started = performance.now();
  return runWorkerJob<ProjectWorkerMessage, Timed<ProjectionResult>>(service.workerUrl('project-worker'), workerData, ctx, 'Projection cancelled', (message) => {
    if (message.type === 'done') return { result: message.result, seconds: message.seconds };
    if (message.type === 'progress') {
      const seconds = (performance.now() - started) / 1000;
      const projecting = message.stage === 'projecting';
      ctx.progress({
        fraction: projecting && message.total > 0 ? message.done / message.total : null,
        done: message.done,
        unit: 'loans',
        rate: projecting && seconds > 0 ? message.done / seconds : null,
        message: projecting ? `${message.done.toLocaleString('en-US')} of ${message.total.toLocaleString('en-US')} loans projected` : 'Loading the tape’s loans',
      });
    }
    return undefined;
  });
}
