import { Worker } from 'node:worker_threads';
import { UserError } from '../data/errors.ts';
import type { JobResult } from './contract.ts';
import type { JobContext } from './jobs.ts';
import type { Service } from './service.ts';
import type { DealWorkerData, DealWorkerMessage } from './workers/deal-worker.ts';

/** Runs a deal task on its own worker thread; progress as job progress; cancel stops the thread. */
export function runDealInWorker(service: Service, workerData: DealWorkerData, ctx: JobContext): Promise<JobResult> {
  const worker = new Worker(service.workerUrl('deal-worker'), { workerData });
  return new Promise<JobResult>((resolve, reject) => {
    let settled = false;
    const settle = (fn: () => void): void => {
      if (settled) return;
      settled = true;
      ctx.signal.removeEventListener('abort', onAbort);
      fn();
    };
    const onAbort = (): void => {
      settle(() => reject(new UserError('CANCELLED', workerData.task === 'run' ? 'Deal run cancelled' : 'Breakeven search cancelled')));
      void worker.terminate();
    };
    ctx.signal.addEventListener('abort', onAbort, { once: true });
    worker.on('message', (message: DealWorkerMessage) => {
      if (message.type === 'progress') {
        ctx.progress({
          fraction: null,
          done: message.runs,
          unit: 'runs',
          rate: null,
          message: message.stage === 'loading' ? 'Loading the tape’s loans' : workerData.task === 'run' ? 'Running the waterfall' : `${message.runs} scenario runs`,
        });
      } else if (message.type === 'run') {
        settle(() => resolve({ kind: 'deal.run', run: message.result }));
      } else if (message.type === 'breakeven') {
        settle(() => resolve({ kind: 'deal.breakeven', breakeven: message.result }));
      } else {
        const { code, message: text, details, user } = message.error;
        settle(() => reject(user ? new UserError(code as UserError['code'], text, details) : new Error(text)));
      }
    });
    worker.on('error', (error) => settle(() => reject(error)));
    worker.on('exit', (code) => settle(() => reject(new Error(`deal worker stopped unexpectedly (exit code ${code})`))));
  });
}
