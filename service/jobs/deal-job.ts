import type { JobResultOf } from '../api/contract.ts';
import type { JobContext } from './job-manager.ts';
import type { ServiceContext } from '../api/context.ts';
import { runWorkerJob } from './worker-job.ts';
import type { DealWorkerData, DealWorkerMessage } from './workers/deal-worker.ts';

/** Runs a deal task on its own worker thread; progress as job progress; cancel stops the thread. */
export function runDealInWorker(service: ServiceContext, workerData: DealWorkerData, ctx: JobContext): Promise<JobResultOf<'deal.run' | 'deal.breakeven'>> {
  const cancelled = workerData.task === 'run' ? 'Deal run cancelled' : 'Breakeven search cancelled';
  return runWorkerJob<DealWorkerMessage, JobResultOf<'deal.run' | 'deal.breakeven'>>(service.workerUrl('deal-worker'), workerData, ctx, cancelled, (message) => {
    if (message.type === 'run') return { kind: 'deal.run', run: message.result, seconds: message.seconds };
    if (message.type === 'breakeven') return { kind: 'deal.breakeven', breakeven: message.result, seconds: message.seconds };
    if (message.type === 'progress') {
      ctx.progress({
        fraction: null,
        done: message.runs,
        unit: 'runs',
        rate: null,
        message: message.stage === 'loading' ? 'Loading the tape’s loans' : `${message.runs} scenario runs`,
      });
    }
    return undefined;
  });
}
