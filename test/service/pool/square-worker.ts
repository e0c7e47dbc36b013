/** A pool worker for the pool's tests: squares x after a delay, fails on request, or tries to nest a pool. */
import { threadId } from 'node:worker_threads';
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

serveTasks<SquareTask, { x: number; square: number; offset: number; threadId: number }, { offset: number }>(async (task, shared) => {
  await sleep(task.delayMs);
  if (task.fail) throw new UserError('BAD_FILE', `task ${task.x} refuses`, { x: task.x });
  if (task.nest) await runTasks([task], { worker: new URL(import.meta.url) });
  return { x: task.x, square: task.x * task.x + shared.offset, offset: shared.offset, threadId };
});
