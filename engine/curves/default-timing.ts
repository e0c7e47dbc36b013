import { assert } from '../errors.ts';
import { assertUnitRate, curveError } from './checks.ts';

/** A cumulative default assumption spread over time by a timing (loss-timing) curve. */
export interface DefaultTimingCurve {
  /** Total defaults over the deal's life as a decimal of the CUTOFF pool balance (0.08 = 8%). */
  readonly cumulativeDefaultRate: number;
  /** The share of that total defaulting in each timing period, in percent: [10, 20, 30, 20, 10, 10]. */
  readonly timingPct: readonly number[];
  /** Months per timing period: 12 for the usual annual timing curve, 1 for a monthly one. */
  readonly monthsPerPeriod: number;
}

export interface DefaultTimingSchedule {
  /** Defaults in projection month t at index t − 1, as decimals of the cutoff balance; they sum to cumulativeDefaultRate. */
  readonly monthlyDefaults: Float64Array;
  /** What the timing shares added up to, in percent. */
  readonly timingTotalPct: number;
  /** True when the shares did not add up to 100 within 1e-9 and were rescaled to do so. */
  readonly rescaled: boolean;
}

/** How far from 100 the timing shares may add up before the schedule reports them as rescaled. */
export const TIMING_TOTAL_TOLERANCE_PCT = 1e-9;

/**
 * Month-by-month defaults as fractions of the cutoff (original) balance — not of the surviving
 * balance, so the amounts do not depend on prepayments. Period i's share goes out evenly over its
 * months: month m of period i gets  CDR_cum × (timing_i / Σ timing) / monthsPerPeriod.
 * Shares are always divided by their own total, so the months sum to the cumulative rate; a
 * total other than 100% is reported (`rescaled`), not refused. Converting to MDRs needs the
 * surviving balance path and is the projection's job.
 */
export function defaultTimingSchedule(curve: DefaultTimingCurve): DefaultTimingSchedule {
  const { cumulativeDefaultRate, timingPct, monthsPerPeriod } = curve;
  assertUnitRate(cumulativeDefaultRate, 'cumulativeDefaultRate');
  assert(Number.isInteger(monthsPerPeriod) && monthsPerPeriod >= 1, 'INVALID_MONTHS', { field: 'monthsPerPeriod', value: monthsPerPeriod, minimum: 1 });
  let total = 0;
  timingPct.forEach((share, i) => {
    if (!Number.isFinite(share) || share < 0) {
      throw curveError('DEFAULT_TIMING', { period: i + 1, value: share }, `period ${i + 1} has share ${share}`);
    }
    total += share;
  });
  if (!(total > 0)) throw curveError('DEFAULT_TIMING', { total }, `the shares add up to ${total}`);
  const monthlyDefaults = new Float64Array(timingPct.length * monthsPerPeriod);
  timingPct.forEach((share, i) => {
    const perMonth = (cumulativeDefaultRate * (share / total)) / monthsPerPeriod;
    monthlyDefaults.fill(perMonth, i * monthsPerPeriod, (i + 1) * monthsPerPeriod);
  });
  return { monthlyDefaults, timingTotalPct: total, rescaled: Math.abs(total - 100) > TIMING_TOTAL_TOLERANCE_PCT };
}
