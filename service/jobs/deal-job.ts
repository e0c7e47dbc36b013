import type { JobResultOf } from '../api/contract.ts';
import type { JobContext } from './job-manager.ts';
import type { ServiceContext } from '../api/context.ts';
import { runWarmWorkerJob } from './warm-worker-job.ts';
import { projectOnThreads, type ProjectionShare } from './project-chunks.ts';
import type { DealProjectionAnswer, DealWorkerData, DealWorkerMessage } from './workers/deal-worker.ts';
import { fromWireError, toWireError } from './workers/wire-error.ts';

/** What a deal worker leaves: a run, breakevens, or a sizing. */
export type DealJobResult = JobResultOf<'deal.run' | 'deal.breakeven' | 'deal.size'>;

/**
 * Runs a deal task on a warm deal thread (warm-worker-job.ts); progress as job progress; cancel
 * stops the thread. A small job — one run of the deal file's own lines or schedule, tens of
 * milliseconds — runs on the calling thread instead when the service says so (the CLI, which has
 * no window to keep responsive): starting a thread and loading the engine on it again costs more
 * than the run. A loan-level run on a tape sends its pool projection back here, and it runs on the
 * one worker pool in the engine's fixed chunks (projectForRun): every core, never more threads
 * than the pool's size, the one-thread run's figures to the bit.
 */
export function runDealInWorker(service: ServiceContext, workerData: DealWorkerData, ctx: JobContext): Promise<DealJobResult> {
  const cancelled = { run: 'Deal run cancelled', breakeven: 'Breakeven search cancelled', size: 'Sizing cancelled' }[workerData.task];
  const onMessage = (message: DealWorkerMessage, answer?: (reply: DealProjectionAnswer) => void): DealJobResult | undefined => {
    if (message.type === 'project' && answer) projectForRun(service, message.share, ctx, answer);
    return resultOf(message, workerData, ctx);
  };
  if (service.smallJobsInline === true && workerData.task === 'run' && workerData.tapeId === null) return runHere(workerData, onMessage);
  return runWarmWorkerJob<DealWorkerMessage, DealJobResult>(service.workerUrl('deal-worker'), workerData, ctx, cancelled, onMessage);
}

async function runHere(workerData: DealWorkerData, onMessage: (message: DealWorkerMessage) => DealJobResult | undefined): Promise<DealJobResult> {
  const { serveDealTask } = await import('./workers/deal-tasks.ts');
  let reply: DealWorkerMessage;
  try {
    reply = serveDealTask(workerData, onMessage);
  } catch (error) {
    // As a worker reports it: the same error, code and message either way.
    throw fromWireError(toWireError(error));
  }
  if (reply.type === 'error') throw fromWireError(reply.error);
  const result = onMessage(reply);
  if (result === undefined) throw new Error(`a deal task answered ${reply.type}`);
  return result;
}

/**
 * A loan-level run's pool projection on the one worker pool (project-chunks.ts), its flows sent
 * back to the deal thread; progress counts loans projected. A cancel stops the pool's threads here
 * and the deal thread in runWarmWorkerJob.
 */
function projectForRun(service: ServiceContext, share: ProjectionShare, ctx: JobContext, answer: (reply: DealProjectionAnswer) => void): void {
  const onProgress = (done: number, total: number): void =>
    ctx.progress({ fraction: total > 0 ? done / total : null, done, unit: 'loans', rate: null, message: `${done.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} loans projected` });
  projectOnThreads(service.workerUrl('pool-worker'), share.loans, share.assumptions, share.options, { signal: ctx.signal, onProgress }).then(
    (flows) => answer({ type: 'projected', flows }),
    (error: unknown) => answer({ type: 'projectionFailed', error: toWireError(error) }),
  );
}

function resultOf(message: DealWorkerMessage, workerData: DealWorkerData, ctx: JobContext): DealJobResult | undefined {
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
}
