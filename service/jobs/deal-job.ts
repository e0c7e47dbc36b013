import type { JobResultOf } from '../api/contract.ts';
import type { JobContext } from './job-manager.ts';
import type { ServiceContext } from '../api/context.ts';
import { runWorkerJob } from './worker-job.ts';
import type { DealWorkerData, DealWorkerMessage } from './workers/deal-worker.ts';

/** What a deal worker leaves: a run, breakevens, or a sizing. */
export type DealJobResult = JobResultOf<'deal.run' | 'deal.breakeven' | 'deal.size'>;

/** Runs a deal task on its own worker thread; progress as job progress; cancel stops the thread. */
export function runDealInWorker(service: ServiceContext, workerData: DealWorkerData, ctx: JobContext): Promise<DealJobResult> {
  const cancelled = { run: 'Deal run cancelled', breakeven: 'Breakeven search cancelled', size: 'Sizing cancelled' }[workerData.task];
  return runWorkerJob<DealWorkerMessage, DealJobResult>(service.workerUrl('deal-worker'), workerData, ctx, cancelled, (message) => {
    if (message.type === 'run') return { kind: 'deal.run', run: message.result, seconds: message.seconds };
    if (message.type === 'breakeven') return { kind: 'deal.breakeven', breakeven: message.result, seconds: message.seconds };
    if (message.type === 'size') return { kind: 'deal.size', size: message.result, seconds: message.seconds };
    if (message.type === 'progress') {
      ctx.progress({
        fraction: null,
        done: message.runs,
        unit: 'runs',
        rate: null,
        message: message.stage === 'loading' ? 'Loading the tape’s loans' : `${message.runs} ${workerData.task === 'size' ? 'sizes tried' : 'scenario runs'}`,
      });
    }
    return undefined;
  });
}
