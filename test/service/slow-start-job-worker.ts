/**
 * A job thread for the early-cancel test (test/service/thread-start.test.ts): it takes 300 ms to load,
 * as a real one does while it loads SQLite's native module, then marks that it got there (the file
 * ABS_SLOW_START_MARKER names, from the environment it was started with) and says it is ready, as
 * service/jobs/workers/deal-worker.ts and project-worker.ts do; it answers nothing after that.
 */
import { writeFileSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import { THREAD_READY } from '../../service/jobs/thread-start.ts';

// A synchronous 300 ms, as a module load blocks its thread.
Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 300);
const marker = process.env['ABS_SLOW_START_MARKER'];
if (marker !== undefined) writeFileSync(marker, 'started\n');
parentPort?.postMessage(THREAD_READY);
