/** A pool worker for the pool's tests: squares x after a delay, fails on request, or tries to nest a pool. */
import module from 'node:module';
import { parentPort, threadId } from 'node:worker_threads';
import { UserError } from '../../../data/errors.ts';
import { runTasks } from '../../../service/jobs/pool/worker-pool.ts';
import { serveTasks } from '../../../service/jobs/pool/pool-thread.ts';

export interface SquareTask {
  readonly x: number;
  readonly delayMs: number;
  readonly fail?: boolean;
  readonly nest?: boolean;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

// Tasks of this thread running now: the pool's thread runs one at a time even when the next is already queued.
let running = 0;
// Task messages this thread has received and started: the difference is the tasks queued behind the current one.
let received = 0;
let started = 0;
// Calls this thread has left (the pool's 'release' when it parks the thread).
let released = 0;
parentPort?.on('message', (message: { kind?: string }) => {
  if (message.kind === 'task') received += 1;
});

serveTasks<SquareTask, { x: number; square: number; offset: number; threadId: number; alongside: number; queued: number; compileCacheDir: string | undefined; released: number }, { offset: number }>(
  async (task, shared) => {
    const alongside = running;
    running += 1;
    started += 1;
    try {
      await sleep(task.delayMs);
      const queued = received - started;
      if (task.fail) throw new UserError('BAD_FILE', `task ${task.x} refuses`, { x: task.x });
      if (task.nest) await runTasks([task], { worker: new URL(import.meta.url) });
      return { x: task.x, square: task.x * task.x + shared.offset, offset: shared.offset, threadId, alongside, queued, compileCacheDir: module.getCompileCacheDir(), released };
    } finally {
      running -= 1;
    }
  },
  () => {
    released += 1;
  },
);
