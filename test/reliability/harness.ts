/**
 * The reliability harness: a family of trials tries to break one promise (a write path survives
 * kill -9, a reader ends every hostile input in a clear error…); the runner plays its trials with a
 * seeded PRNG and records the figures. The same family runs small in vitest (CI) and full in
 * `npm run reliability` (scripts/reliability.ts), which writes bench-results/reliability-<family>.json.
 * A new family is one file exporting a ReliabilityFamily, added to the list in families.ts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A seeded stream of numbers: the same seed plays the same trials. */
export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** A whole number in [0, n). */
  int(n: number): number;
  /** A whole number in [lo, hi]. */
  between(lo: number, hi: number): number;
  pick<T>(items: readonly T[]): T;
  chance(p: number): boolean;
}

/** mulberry32 (Tommy Ettinger's 32-bit generator): small, fast and good enough to choose trials. */
export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number): number => Math.floor(next() * n);
  return {
    next,
    int,
    between: (lo, hi) => lo + int(hi - lo + 1),
    pick: <T>(items: readonly T[]): T => {
      const item = items[int(items.length)];
      if (item === undefined) throw new Error('pick from an empty list');
      return item;
    },
    chance: (p) => next() < p,
  };
}

/** Each trial's own seed, so one failing trial replays alone from (family seed, trial index). */
export function trialSeed(seed: number, index: number): number {
  return (Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) + Math.imul(index + 1, 0xc2b2ae35)) >>> 0;
}

/** A trial that kept the promise ends with an outcome label (tallied: which state the kill left, which error a case got). */
export interface TrialOutcome {
  readonly outcome: string;
  /** For fuzz trials: the kind of hostile input tried. */
  readonly input?: string;
  /** What the user saw (an error's message), kept once per input kind as an example. */
  readonly said?: string;
}

/** A broken promise: thrown by a trial with what it found. */
export class TrialFailure extends Error {
  override readonly name = 'TrialFailure';
}

/** A fuzz trial's failure, carrying the kind of input that caused it. */
export class FuzzCaseFailure extends TrialFailure {
  readonly input: string;
  constructor(input: string, detail: string) {
    super(`${input}: ${detail}`);
    this.input = input;
  }
}

export function check(condition: boolean, detail: string): asserts condition {
  if (!condition) throw new TrialFailure(detail);
}

export interface PreparedFamily {
  trial(index: number, random: Random): Promise<TrialOutcome>;
  /** Stops what prepare started (child processes). */
  close?(): Promise<void> | void;
}

export interface ReliabilityFamily {
  /** File-name safe: bench-results/reliability-<name>.json. */
  readonly name: string;
  /** What it tries and what it checks, for the figures file and docs/reliability.md. */
  readonly description: string;
  readonly trials: { readonly small: number; readonly full: number };
  /** Builds the family's fixtures (tapes, workspaces, calibrations) in workDir; a small run may use smaller fixtures. */
  prepare(workDir: string, size: 'small' | 'full', random: Random): Promise<PreparedFamily>;
}

export interface TrialFailureRecord {
  readonly trial: number;
  readonly seed: number;
  readonly input?: string;
  readonly detail: string;
}

/** A family's figures: what runs in CI is checked on them; the full run writes them to JSON. */
export interface FamilyFigures {
  readonly family: string;
  readonly description: string;
  readonly size: 'small' | 'full';
  readonly seed: number;
  readonly trials: number;
  readonly survived: number;
  readonly failures: readonly TrialFailureRecord[];
  /** How many trials ended in each outcome. */
  readonly outcomes: Readonly<Record<string, number>>;
  /** How many trials tried each kind of input (fuzz families). */
  readonly inputs: Readonly<Record<string, number>>;
  /** Per kind of input, the first outcome and message seen: what a user is told. */
  readonly examples: Readonly<Record<string, string>>;
  readonly seconds: number;
}

export interface RunOptions {
  readonly size: 'small' | 'full';
  readonly seed?: number;
  /** Trial count, overriding the family's size. */
  readonly trials?: number;
  readonly onTrial?: (index: number, failure: TrialFailureRecord | null) => void;
}

export const DEFAULT_SEED = 20_261_206;

function tally(counts: Record<string, number>, key: string | undefined): void {
  if (key !== undefined) counts[key] = (counts[key] ?? 0) + 1;
}

/** Plays a family's trials in a fresh temporary folder (removed afterwards) and returns its figures. */
export async function runFamily(family: ReliabilityFamily, options: RunOptions): Promise<FamilyFigures> {
  const seed = options.seed ?? DEFAULT_SEED;
  const count = options.trials ?? family.trials[options.size];
  const workDir = mkdtempSync(join(tmpdir(), `abs-rel-${family.name}-`));
  const started = performance.now();
  const failures: TrialFailureRecord[] = [];
  const outcomes: Record<string, number> = {};
  const inputs: Record<string, number> = {};
  const examples: Record<string, string> = {};
  try {
    const prepared = await family.prepare(workDir, options.size, createRandom(seed));
    try {
      for (let index = 0; index < count; index++) {
        const own = trialSeed(seed, index);
        let failure: TrialFailureRecord | null = null;
        try {
          const result = await prepared.trial(index, createRandom(own));
          tally(outcomes, result.outcome);
          tally(inputs, result.input);
          if (result.input !== undefined && !(result.input in examples)) examples[result.input] = `${result.outcome}${result.said ? `: ${result.said.slice(0, 300)}` : ''}`;
        } catch (error) {
          const input = error instanceof FuzzCaseFailure ? error.input : undefined;
          tally(inputs, input);
          failure = { trial: index, seed: own, ...(input !== undefined ? { input } : {}), detail: error instanceof Error ? error.message : String(error) };
          failures.push(failure);
        }
        options.onTrial?.(index, failure);
      }
    } finally {
      await prepared.close?.();
    }
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
  return {
    family: family.name,
    description: family.description,
    size: options.size,
    seed,
    trials: count,
    survived: count - failures.length,
    failures,
    outcomes,
    inputs,
    examples,
    seconds: Math.round((performance.now() - started) / 10) / 100,
  };
}
