import type { CurveStep, VectorNotation } from './notation-types.ts';

/**
 * Canonical text of a parsed vector: steps separated by ", ", then the unit (if written),
 * "by age" (the default "by period" is left out), then "x<m>" unless the multiplier is 1.
 * `flat` is not written (the last value is always held). parseVector(formatVector(v)) equals v.
 *
 *   { 0.2 ramp 6 over 30, by age }  →  "0.2 ramp 6 30 by age"
 *   { 4 for 12; 8 }                 →  "4 for 12, 8"
 *   { 100 PSA, ×1.5 }               →  "100 PSA x1.5"
 */
export function formatVector(vector: VectorNotation): string {
  const multiplier = vector.multiplier === 1 ? '' : ` x${plainNumber(vector.multiplier)}`;
  if (vector.form === 'standard') return `${plainNumber(vector.speed)} ${vector.model}${multiplier}`;
  const steps = vector.steps.map(formatStep).join(', ');
  const unit = vector.unit === null ? '' : ` ${vector.unit}`;
  const basis = vector.basis === 'age' ? ' by age' : '';
  return `${steps}${unit}${basis}${multiplier}`;
}

function formatStep(step: CurveStep): string {
  if (step.kind === 'ramp') return `${plainNumber(step.fromPct)} ramp ${plainNumber(step.toPct)} ${step.months}`;
  return step.months === 1 ? plainNumber(step.pct) : `${plainNumber(step.pct)} for ${step.months}`;
}

/**
 * The shortest decimal that reads back as the same double, without exponent (the notation has
 * none): JavaScript's own shortest form, with "1.5e-7" spelled out as "0.00000015".
 */
export function plainNumber(value: number): string {
  const text = String(value);
  const match = /^(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (match === null) return text;
  const digits = `${match[1] ?? ''}${match[2] ?? ''}`;
  const exponent = Number(match[3]);
  if (exponent < 0) return `0.${'0'.repeat(-exponent - 1)}${digits}`;
  return `${digits}${'0'.repeat(exponent - (digits.length - 1))}`;
}
