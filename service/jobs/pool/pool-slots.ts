/**
 * The process-wide count of pool threads. Every runTasks call asks here for each thread it wants
 * and gets it only while fewer than its limit (its `jobs`, else the pool's size) are running in the
 * whole process, first come first served — so two sweeps at once share the cores instead of each
 * taking all of them. A background call's requests (the app's warm-up, sweep-warm-up.ts) come after every
 * other call's: a foreground request is served first, and never waits behind a background one.
 */
interface Request {
  readonly owner: object;
  readonly limit: number;
  readonly grant: () => void;
  readonly background: boolean;
}

let running = 0;
const queue: Request[] = [];
/** Threads granted to foreground calls so far (a warm-up that sees it move knows a sweep has had the threads). */
let foregroundGranted = 0;

/** The request served next: the first foreground one, else the first background one. */
function nextRequest(): number {
  const foreground = queue.findIndex((request) => !request.background);
  return foreground >= 0 ? foreground : 0;
}

function serve(): void {
  for (let k = nextRequest(), head = queue[k]; head !== undefined && running < head.limit; k = nextRequest(), head = queue[k]) {
    queue.splice(k, 1);
    running += 1;
    if (!head.background) foregroundGranted += 1;
    head.grant();
  }
}

/** Asks for one thread; `grant` is called (maybe at once) when it may start. A background request yields its turn to every other. */
export function requestSlot(owner: object, limit: number, grant: () => void, background = false): void {
  queue.push({ owner, limit, grant, background });
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

/**
 * Whether another call waits for a thread: a call holding several then gives one up after its
 * current task (a background call gives up every one). A background call's waiting requests do not
 * count: no sweep gives a thread up to a warm-up.
 */
export function othersWaiting(owner: object): boolean {
  return queue.some((request) => request.owner !== owner && !request.background);
}

/** Threads running now in the whole process (for tests and the docs' rule). */
export function runningThreads(): number {
  return running;
}

/** Threads granted to foreground calls since the process started: it moves whenever a sweep gets a thread. */
export function foregroundGrants(): number {
  return foregroundGranted;
}
