import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let collect: (() => void) | null = null;

/**
 * A full garbage collection of this thread's heap, for a warm worker thread between jobs. V8's `gc`
 * is reachable only with --expose-gc, a V8 flag a worker cannot be started with (Worker execArgv
 * refuses V8 options), so the flag is switched on here and `gc` taken from a fresh context: the flag
 * reaches only contexts created after it (this thread's own global has no `gc`; threads started
 * later do, and nothing here reads it). test/reliability/load-support.ts does the same.
 */
export function collectGarbage(): void {
  if (collect === null) {
    setFlagsFromString('--expose-gc');
    collect = runInNewContext('gc') as () => void;
  }
  collect();
}
