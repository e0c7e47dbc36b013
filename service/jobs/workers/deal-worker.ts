/**
 * Deal runs, breakeven searches and sizings, one request message at a time, on a warm thread that
 * serves job after job (service/jobs/warm-worker-job.ts): the pool projection (a tape's loans or
 * lines, or the deal file's lines), the waterfall and the analytics. A loan-level run sends its
 * pool projection to the service, which runs it on the one worker pool and answers with the flows
 * (deal-tasks.ts serveDealRunOnPool); this thread waits meanwhile, using no core. Nothing is kept
 * from one request to the next but the last tape read in lines (deal-tasks.ts loadTape). Cancelling
 * a job stops the thread; it only reads the workspace, so nothing is lost.
 */
import { parentPort } from 'node:worker_threads';
import type { PoolCashFlows } from '../../../engine/index.ts';
import { collectGarbage } from './collect-garbage.ts';
import { runsOnPool, serveDealRunOnPool, serveDealTask, type DealProjectionAnswer, type DealWorkerData, type DealWorkerMessage } from './deal-tasks.ts';
import { fromWireError, toWireError } from './wire-error.ts';
import { THREAD_READY } from '../thread-start.ts';

export type { DealProjectionAnswer, DealWorkerData, DealWorkerMessage } from './deal-tasks.ts';

const port = parentPort;
if (!port) throw new Error('deal-worker must run in a worker thread');
// Its modules — SQLite's native one among them — are loaded: it may be terminated from now on (thread-start.ts).
port.postMessage(THREAD_READY);
const post = (message: DealWorkerMessage): void => port.postMessage(message);

/** The run waiting for its projection from the pool (one request at a time, so at most one). */
let awaiting: ((answer: DealProjectionAnswer) => void) | null = null;

const projectOnPool = (share: Extract<DealWorkerMessage, { type: 'project' }>['share']): Promise<PoolCashFlows> =>
  new Promise<PoolCashFlows>((resolve, reject) => {
    awaiting = (answer) => {
      awaiting = null;
      if (answer.type === 'projected') resolve(answer.flows);
      else reject(fromWireError(answer.error));
    };
    post({ type: 'project', share });
  });

async function serve(data: DealWorkerData): Promise<void> {
  let reply: DealWorkerMessage;
  try {
    reply = runsOnPool(data) ? await serveDealRunOnPool(data, post, projectOnPool) : serveDealTask(data, post);
  } catch (error) {
    reply = { type: 'error', error: toWireError(error) };
  }
  post(reply);
  // Collected now, between jobs, rather than whenever V8 next would: a warm thread otherwise holds
  // its last runs' garbage, tens of MB a thread (the soak's resident memory swung 50 MB with it).
  collectGarbage();
}

port.on('message', (message: DealWorkerData | DealProjectionAnswer) => {
  if ('type' in message) awaiting?.(message);
  else void serve(message);
});
