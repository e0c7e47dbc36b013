/**
 * A query thread for the close test (test/service/query-close.test.ts): it takes 300 ms to start, as a
 * real one does while it loads SQLite's native module, then marks that it got there (a file next to
 * the workspace path it was given) and says it is ready, as service/jobs/workers/query-worker.ts does.
 */
import { writeFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { THREAD_READY } from '../../service/jobs/thread-start.ts';
import type { QueryWorkerData } from '../../service/jobs/workers/query-protocol.ts';

const data = workerData as QueryWorkerData;
// A synchronous 300 ms, as a module load blocks its thread.
Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 300);
writeFileSync(`${data.workspacePath}.started`, 'started\n');
parentPort?.postMessage(THREAD_READY);
