import { Worker } from 'node:worker_threads';
import { UserError } from '../data/errors.ts';
import type { ImportRequest } from '../data/tape/import.ts';
import type { ImportReport } from '../data/tape/types.ts';
import type { JobContext } from './jobs.ts';
import type { Service } from './service.ts';
import type { ImportWorkerData, ImportWorkerMessage } from './workers/import-worker.ts';

/**
 * Runs a tape import in a worker thread so the app stays responsive: progress flows back as
 * job progress; cancelling the job raises the shared stop flag, and the worker rolls back.
 */
export function runImportInWorker(service: Service, workspacePath: string, request: ImportRequest, ctx: JobContext): Promise<ImportReport> {
  const cancel = new Int32Array(new SharedArrayBuffer(4));
  const workerData: ImportWorkerData = { workspacePath, request, cancel, writerUrl: service.workerUrl('writer-worker').href };
  const worker = new Worker(service.workerUrl('import-worker'), { workerData });
  const onAbort = (): void => {
    Atomics.store(cancel, 0, 1);
  };
  ctx.signal.addEventListener('abort', onAbort, { once: true });

  return new Promise<ImportReport>((resolve, reject) => {
    let settled = false;
    const settle = (fn: () => void): void => {
      if (settled) return;
      settled = true;
      ctx.signal.removeEventListener('abort', onAbort);
      fn();
    };
    worker.on('message', (message: ImportWorkerMessage) => {
      if (message.type === 'progress') {
        const p = message.progress;
        ctx.progress({
          fraction: p.fraction,
          done: p.rowsRead,
          unit: 'rows',
          rate: p.rowsPerSecond,
          message: `${p.rowsRead.toLocaleString('en-US')} rows read${p.rowsRejected > 0 ? `, ${p.rowsRejected.toLocaleString('en-US')} rejected` : ''}`,
        });
      } else if (message.type === 'done') {
        settle(() => resolve(message.report));
      } else {
        const { code, message: text, details, user } = message.error;
        settle(() => reject(user ? new UserError(code as UserError['code'], text, details) : new Error(text)));
      }
    });
    worker.on('error', (error) => settle(() => reject(error)));
    worker.on('exit', (code) => settle(() => reject(new Error(`import worker stopped unexpectedly (exit code ${code})`))));
  });
}
