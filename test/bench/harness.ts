import { cpus, totalmem } from 'node:os';

/** One benchmark's measured figures; written to bench-results/<name>.json by run.ts. */
export interface BenchResult {
  readonly name: string;
  readonly description: string;
  /** Named figures with their units in the key, e.g. `meanMs`, `rowsPerSecond`, `peakRssMb`. */
  readonly metrics: Readonly<Record<string, number>>;
  /** Budgets from DESIGN.md, when the benchmark has them. */
  readonly budgets?: readonly Budget[];
  readonly notes?: readonly string[];
}

export interface Budget {
  readonly metric: string;
  /** The most the metric may be (a time) … */
  readonly max?: number;
  /** … or the least (a speed-up). */
  readonly min?: number;
  readonly ok: boolean;
}

export function budget(metrics: Readonly<Record<string, number>>, metric: string, max: number): Budget {
  const value = metrics[metric];
  return { metric, max, ok: value !== undefined && Number.isFinite(value) && value <= max };
}

/** A floor rather than a ceiling: a speed-up of at least `min`. */
export function atLeast(metrics: Readonly<Record<string, number>>, metric: string, min: number): Budget {
  const value = metrics[metric];
  return { metric, min, ok: value !== undefined && Number.isFinite(value) && value >= min };
}

export interface Bench {
  readonly name: string;
  run(): Promise<BenchResult> | BenchResult;
}

export function summarize(samplesMs: readonly number[]): Record<string, number> {
  const sorted = [...samplesMs].sort((a, b) => a - b);
  const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
  const total = sorted.reduce((sum, x) => sum + x, 0);
  return {
    runs: sorted.length,
    totalMs: round(total),
    meanMs: round(total / sorted.length),
    p50Ms: round(at(0.5)),
    p95Ms: round(at(0.95)),
    maxMs: round(sorted[sorted.length - 1] ?? Number.NaN),
  };
}

export function round(x: number, digits = 3): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

export function machine(): Record<string, string | number> {
  return {
    node: process.versions.node,
    platform: `${process.platform}-${process.arch}`,
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    memoryGb: round(totalmem() / 1024 ** 3, 1),
  };
}
