import type { ImportRequest } from '../../data/tape/import.ts';
import type { ImportReport } from '../../data/tape/types.ts';
import type { JobContext } from './job-manager.ts';
import type { ServiceContext } from '../api/context.ts';
import { runWorkerJob } from './worker-job.ts';
import type { ImportWorkerData, ImportWorkerMessage } from './workers/import-worker.ts';
import { IMPORT_THREAD_YOUNG_GENERATION_MB } from './workers/writer-protocol.ts';

/**
 * Runs a tape import in a worker thread so the app stays responsive: progress flows back as
 * job progress; cancelling the job raises the shared stop flag, and the worker rolls back.
 */
export function runImportInWorker(service: ServiceContext, workspacePath: string, request: ImportRequest, ctx: JobContext): Promise<ImportReport> {
  const stop = new Int32Array(new SharedArrayBuffer(4));
  const workerData: ImportWorkerData = { workspacePath, request, cancel: stop, writerUrl: service.workerUrl('writer-worker').href };
  const cancel = (): void => {
    Atomics.store(stop, 0, 1);
  };
  const limits = { maxYoungGenerationSizeMb: IMPORT_THREAD_YOUNG_GENERATION_MB };
  const onMessage = (message: ImportWorkerMessage): ImportReport | undefined => {
    if (message.type === 'done') return message.report;
    if (message.type === 'progress') {
      const p = message.progress;
      ctx.progress({
        fraction: p.fraction,
        done: p.rowsRead,
        unit: 'rows',
        rate: p.rowsPerSecond,
        message: `${p.rowsRead.toLocaleString('en-US')} rows read${p.rowsRejected > 0 ? `, ${p.rowsRejected.toLocaleString('en-US')} rejected` : ''}`,
      });
    }
    return undefined;
  };
  return runWorkerJob<ImportWorkerMessage, ImportReport>(service.workerUrl('import-worker'), workerData, ctx, { cancel }, onMessage, limits);
}
