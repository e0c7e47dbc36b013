/**
 * A pool worker for the early-cancel test (test/service/thread-start.test.ts): its module takes 300 ms to
 * load, as pool-worker.ts does while it loads SQLite's native module, then marks that it got there (the
 * file ABS_SLOW_START_MARKER names, from the environment it was started with) and serves tasks —
 * serveTasks says it is ready first.
 */
import { writeFileSync } from 'node:fs';
import { serveTasks } from '../../../service/jobs/pool/pool-thread.ts';

// A synchronous 300 ms, as a module load blocks its thread.
Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 300);
const marker = process.env['ABS_SLOW_START_MARKER'];
if (marker !== undefined) writeFileSync(marker, 'started\n');
serveTasks<number, number>((x) => x * x);
