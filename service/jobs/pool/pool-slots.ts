/**
 * The process-wide count of pool threads. Every runTasks call asks here for each thread it wants
 * and gets it only while fewer than its limit (its `jobs`, else the pool's size) are running in the
 * whole process, first come first served — so two sweeps at once share the cores instead of each
 * taking all of them.
 */
interface Request {
  readonly owner: object;
  readonly limit: number;
  readonly grant: () => void;
}

let running = 0;
const queue: Request[] = [];

function serve(): void {
  for (let head = queue[0]; head !== undefined && running < head.limit; head = queue[0]) {
    queue.shift();
    running += 1;
    head.grant();
  }
}

/** Asks for one thread; `grant` is called (maybe at once) when it may start. */
export function requestSlot(owner: object, limit: number, grant: () => void): void {
  queue.push({ owner, limit, grant });
  serve();
}

/** A thread has stopped. */
export function releaseSlot(): void {
  running -= 1;
  serve();
}

/** Drops an owner's requests not yet granted (its work is done or cancelled). */
export function withdrawRequests(owner: object): void {
  for (let k = queue.length - 1; k >= 0; k -= 1) if (queue[k]?.owner === owner) queue.splice(k, 1);
  serve();
}

/** Whether another call waits for a thread: a call holding several then gives one up after its current task. */
export function othersWaiting(owner: object): boolean {
  return queue.some((request) => request.owner !== owner);
}

/** Threads running now in the whole process (for tests and the docs' rule). */
export function runningThreads(): number {
  return running;
}
