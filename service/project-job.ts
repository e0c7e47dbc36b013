import { Worker } from 'node:worker_threads';
import { UserError } from '../data/errors.ts';
import type { ProjectionResult } from './contract.ts';
import type { JobContext } from './jobs.ts';
import type { Service } from './service.ts';
import type { ProjectWorkerData, ProjectWorkerMessage } from './workers/project-worker.ts';

/**
 * Runs a loan-level projection of a tape in its own worker thread: progress (loans projected)
 * flows back as job progress; cancelling the job stops the thread (it only reads).
 */
export function runProjectionInWorker(service: Service, tapeId: number, assumptions: unknown, ctx: JobContext): Promise<ProjectionResult> {
  const workerData: ProjectWorkerData = { workspacePath: service.requireWorkspace().path, tapeId, assumptions };
  const worker = new Worker(service.workerUrl('project-worker'), { workerData });
  const started = performance.now();
  return new Promise<ProjectionResult>((resolve, reject) => {
    let settled = false;
    const settle = (fn: () => void): void => {
      if (settled) return;
      settled = true;
      ctx.signal.removeEventListener('abort', onAbort);
      fn();
    };
    const onAbort = (): void => {
      settle(() => reject(new UserError('CANCELLED', 'Projection cancelled')));
      void worker.terminate();
    };
    ctx.signal.addEventListener('abort', onAbort, { once: true });
    worker.on('message', (message: ProjectWorkerMessage) => {
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
      } else if (message.type === 'done') {
        settle(() => resolve(message.result));
      } else {
        const { code, message: text, details, user } = message.error;
        settle(() => reject(user ? new UserError(code as UserError['code'], text, details) : new Error(text)));
      }
    });
    worker.on('error', (error) => settle(() => reject(error)));
    worker.on('exit', (code) => settle(() => reject(new Error(`projection worker stopped unexpectedly (exit code ${code})`))));
  });
}
