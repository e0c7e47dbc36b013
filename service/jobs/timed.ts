/** A calculation's result and the wall time it took, in seconds. */
export interface Timed<T> {
  readonly result: T;
  readonly seconds: number;
}

/**
 * Runs a calculation and measures it on the thread that runs it. The time goes beside the result
 * in the job (JobResult), never into it: a result holds only what its inputs determine.
 */
export function timed<T>(calculation: () => T): Timed<T> {
  const started = performance.now();
  const result = calculation();
  return { result, seconds: (performance.now() - started) / 1000 };
}
