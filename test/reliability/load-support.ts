/**
 * What the load, soak and determinism families share: their figures record, a temporary folder
 * with a sample tape written by the real generator, and the resident-memory probe.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { writeSampleTape } from '../../data/sample/index.ts';

export type FamilySize = 'small' | 'full';

/** One trial that did not hold its promise: what was tried and what happened. */
export interface TrialFailure {
  readonly trial: string;
  readonly problem: string;
}

/** A family's plain JSON figures: trials run, trials that held, what failed, wall time, and its own figures. */
export interface FamilyFigures {
  readonly family: string;
  readonly size: FamilySize;
  readonly trials: number;
  readonly survived: number;
  readonly failures: readonly TrialFailure[];
  readonly seconds: number;
  readonly [figure: string]: unknown;
}

/** Runs `body` in a fresh temporary folder, removed afterwards whatever happens. */
export async function inTempDir<T>(prefix: string, body: (dir: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  try {
    return await body(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A sample consumer-loan tape (CSV, Chinese headers) written by `abs sample`'s generator into `dir`. */
export async function sampleCsv(dir: string, loans: number, seed: number, fileName = `sample-${loans}-${seed}.csv`): Promise<string> {
  const out = join(dir, fileName);
  await writeSampleTape({ loans, seed, out, format: 'csv' });
  return out;
}

let collect: (() => void) | null = null;

const mb = (bytes: number): number => round(bytes / 1024 ** 2);

/** Resident memory, and of it the JavaScript heap in use and the memory outside it (buffers), in MB. */
export interface MemoryPoint {
  readonly rssMb: number;
  readonly heapUsedMb: number;
  readonly externalMb: number;
}

/**
 * Memory after a full garbage collection. `--expose-gc` is switched on at run time
 * (V8's own flag, read when a new context is made), so the figure does not depend on how node
 * was started; without a collection, RSS would swing with the collector's timing, not with leaks.
 */
export function memoryAfterGc(): MemoryPoint {
  if (collect === null) {
    setFlagsFromString('--expose-gc');
    collect = runInNewContext('gc') as () => void;
  }
  collect();
  collect();
  const usage = process.memoryUsage();
  return { rssMb: mb(usage.rss), heapUsedMb: mb(usage.heapUsed), externalMb: mb(usage.external) };
}

export function round(x: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** An error's message, with its cause's (fetch's "fetch failed" says why only in its cause). */
export function errorText(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause: unknown = error.cause;
  return cause === undefined ? error.message : `${error.message} (${errorText(cause)})`;
}

/** Starts a wall clock; the function returned reads it in seconds. */
export function stopwatch(): () => number {
  const started = performance.now();
  return () => round((performance.now() - started) / 1000, 2);
}
