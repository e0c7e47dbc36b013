import type { VectorBasis } from './rate-vector.ts';

/*
 * The parsed form of the compact vector notation (docs/vector-notation.md). Numbers are kept as
 * typed, in percent; evaluation turns them into decimals. A parsed vector is plain JSON-safe data:
 * formatVector writes it back as canonical text, parseVector(formatVector(v)) equals v.
 */

/** Units an analyst may write after a curve. CPR/CDR are annual, SMM/MDR monthly. */
export const NOTATION_UNITS = ['CPR', 'CDR', 'SMM', 'MDR'] as const;
export type NotationUnit = (typeof NOTATION_UNITS)[number];

/** Benchmark models written as `<speed> PSA|SDA|ABS`. */
export const STANDARD_MODELS = ['PSA', 'SDA', 'ABS'] as const;
export type StandardModel = (typeof STANDARD_MODELS)[number];

/** What a vector drives: prepayments (CPR, SMM, PSA, ABS) or defaults (CDR, MDR, SDA). */
export type VectorPurpose = 'prepayment' | 'default';

/** `v` (one month at v%: months = 1) or `v for n` (n months at v%). */
export interface LevelStep {
  readonly kind: 'level';
  readonly pct: number;
  readonly months: number;
}

/**
 * `a ramp b n`: n ≥ 2 months, a% in the first, b% in the n-th, linear in between:
 * month k (1..n) = a + (b − a)·(k − 1)/(n − 1).
 */
export interface RampStep {
  readonly kind: 'ramp';
  readonly fromPct: number;
  readonly toPct: number;
  readonly months: number;
}

export type CurveStep = LevelStep | RampStep;

/** Steps laid end to end, the last value held flat after them. */
export interface CurveNotation {
  readonly form: 'curve';
  readonly steps: readonly CurveStep[];
  /** As written; null when no unit was written: annual percent, CPR or CDR by context. */
  readonly unit: NotationUnit | null;
  /** 'period' unless `by age` was written. */
  readonly basis: VectorBasis;
  /** `x m`: every rate × m, capped at 100%; 1 when not written. */
  readonly multiplier: number;
}

/**
 * `150 PSA`, `100 SDA`: speed in percent of the benchmark. `1.5 ABS`: speed in percent of the
 * original number of loans per month. Always read by loan age.
 */
export interface StandardNotation {
  readonly form: 'standard';
  readonly model: StandardModel;
  readonly speed: number;
  /** `x m`: the speed × m (100 PSA x1.5 = 150 PSA); 1 when not written. */
  readonly multiplier: number;
}

export type VectorNotation = CurveNotation | StandardNotation;

/** Longest curve the notation accepts, in months (100 years): a typo such as `4 for 12000` is refused. */
export const MAX_VECTOR_MONTHS = 1200;

/** Which kind of rate a vector is, or null when a bare curve could serve either. */
export function vectorPurpose(vector: VectorNotation): VectorPurpose | null {
  if (vector.form === 'standard') return vector.model === 'SDA' ? 'default' : 'prepayment';
  if (vector.unit === null) return null;
  return vector.unit === 'CDR' || vector.unit === 'MDR' ? 'default' : 'prepayment';
}
