import { absSmm } from './abs-speed.ts';
import { assertLoanAge, assertMonths, assertSpeed, percentToDecimal } from './checks.ts';
import { monthlyFromAnnual } from './conversions.ts';
import type { CurveNotation, CurveStep, VectorNotation } from './notation-types.ts';
import { psaCpr } from './psa.ts';
import { monthlyRates, rateVector, type RateVector } from './rate-vector.ts';
import { sdaCdr } from './sda.ts';

/**
 * Monthly rates (SMM for a prepayment vector, MDR for a default vector) for projection months
 * 1..months of loans aged `ageMonths` at cutoff; element t − 1 is month t, every value in [0, 1].
 *
 * - Curves: the expanded rates (notationRateVector) read by period, or by age a + t with `by age`;
 *   CPR/CDR (and unit-less) rates become monthly by 1 − (1 − r)^(1/12), SMM/MDR are used as is.
 * - `s PSA` / `s SDA`: psaCpr / sdaCdr at age a + t and speed s × multiplier, then monthly.
 * - `s ABS`: absSmm(min(1, s% × multiplier), a + t).
 */
export function evaluateVector(vector: VectorNotation, months: number, ageMonths = 0): Float64Array {
  assertMonths(months, 'months');
  assertLoanAge(ageMonths);
  assertSpeed(vector.multiplier, 'multiplier');
  if (vector.form === 'curve') return monthlyRates(notationRateVector(vector), months, ageMonths);
  assertSpeed(vector.speed, 'speed');
  const out = new Float64Array(months);
  const speed = vector.speed * vector.multiplier;
  const abs = Math.min(1, percentToDecimal(vector.speed) * vector.multiplier);
  for (let t = 1; t <= months; t++) {
    const age = ageMonths + t;
    if (vector.model === 'PSA') out[t - 1] = monthlyFromAnnual(psaCpr(age, speed));
    else if (vector.model === 'SDA') out[t - 1] = monthlyFromAnnual(sdaCdr(age, speed));
    else out[t - 1] = absSmm(abs, age);
  }
  return out;
}

/**
 * A curve as data: one decimal rate per month in the curve's own unit (annual for CPR/CDR and
 * unit-less curves, monthly for SMM/MDR), the multiplier applied and capped at 100%, on the
 * curve's basis. Percent values resolve to decimals at 12 places of a percent (percentToDecimal).
 */
export function notationRateVector(vector: CurveNotation): RateVector {
  assertSpeed(vector.multiplier, 'multiplier');
  const rates: number[] = [];
  for (const step of vector.steps) appendStep(rates, step);
  const scaled = vector.multiplier === 1 ? rates : rates.map((rate) => Math.min(1, rate * vector.multiplier));
  const monthly = vector.unit === 'SMM' || vector.unit === 'MDR';
  return rateVector(scaled, monthly ? 'monthly' : 'annual', vector.basis);
}

/**
 * `a ramp b n`: month k of n is a + (b − a)(k − 1)/(n − 1), so month 1 is exactly a and month n
 * exactly b; `0.2 ramp 6 30` is 0.2%·k, the PSA ramp.
 */
function appendStep(rates: number[], step: CurveStep): void {
  if (step.kind === 'level') {
    const rate = percentToDecimal(step.pct);
    for (let k = 1; k <= step.months; k++) rates.push(rate);
    return;
  }
  const { fromPct, toPct, months } = step;
  for (let k = 1; k <= months; k++) {
    const pct = k === 1 ? fromPct : k === months ? toPct : fromPct + ((toPct - fromPct) * (k - 1)) / (months - 1);
    rates.push(percentToDecimal(pct));
  }
}
