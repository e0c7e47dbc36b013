/**
 * Deal runs, breakeven searches and sizings, one request message at a time, on a warm thread that
 * serves job after job (service/jobs/warm-worker-job.ts): the pool projection (a tape's loans or
 * lines, or the deal file's lines), the waterfall and the analytics. Nothing is kept from one
 * request to the next. Cancelling a job stops the thread; it only reads the workspace, so nothing
 * is lost.
 */
import { parentPort } from 'node:worker_threads';
import { collectGarbage } from './collect-garbage.ts';
import { serveDealTask, type DealWorkerData, type DealWorkerMessage } from './deal-tasks.ts';
import { toWireError } from './wire-error.ts';

export type { DealWorkerData, DealWorkerMessage } from './deal-tasks.ts';

const port = parentPort;
if (!port) throw new Error('deal-worker must run in a worker thread');
const post = (message: DealWorkerMessage): void => port.postMessage(message);

port.on('message', (data: DealWorkerData) => {
  let reply: DealWorkerMessage;
  try {
    reply = serveDealTask(data, post);
  } catch (error) {
    reply = { type: 'error', error: toWireError(error) };
  }
  post(reply);
  // Collected now, between jobs, rather than whenever V8 next would: a warm thread otherwise holds
  // its last runs' garbage, tens of MB a thread (the soak's resident memory swung 50 MB with it).
  collectGarbage();
});
