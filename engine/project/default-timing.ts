import { defaultTimingSchedule, type DefaultTimingCurve } from '../curves/default-timing.ts';
import type { PoolAssumptions, SegmentAssumptions } from './assumptions.ts';
import { allocateLoanArrays, LOAN_FIELDS, loanCount, type LoanArrays } from './loans.ts';
import { groupRepLines } from './rep-lines.ts';

/**
 * A cumulative-default timing curve turned into the monthly default rates (MDR) that produce it.
 *
 * The curve says how much of the group's CUTOFF balance defaults in each month (engine/curves
 * defaultTimingSchedule: cumulative rate × each period's share, spread evenly over its months,
 * counted from the projection's first month). Those amounts do not depend on prepayments, so the
 * MDR that yields them depends on the surviving balance path, which depends on the MDRs: a fixed
 * point. It is solved on the group's representative lines (the grouping is within 0.5% of loan
 * level, and the calibrated rates then drive the loan-level projection), multiplicatively:
 *
 *   MDR_t ← MDR_t × target_t ÷ achieved_t,  achieved_t = defaults_t − charge-offs_t at MDR 0
 *
 * until every month is within 1e-9 of its target or 30 rounds. Roll-rate charge-offs come on
 * top of the curve (the curve drives the defaults of performing loans); with a roll-rate matrix
 * the baseline charge-offs fall slightly as the MDR removes loans before they roll, so the curve
 * is met within that interplay. A month whose target exceeds the performing balance is capped
 * at an MDR of 100%.
 */
export type ProjectLines = (lines: LoanArrays, assumptions: PoolAssumptions) => { readonly defaults: Float64Array; readonly beginningBalance: Float64Array };

const ROUNDS = 30;
const TOLERANCE = 1e-9;

/** The MDR vector (by projection month) that makes `group`'s performing loans default along its timing curve. */
export function timingRates(loans: LoanArrays, group: number, segment: SegmentAssumptions, timing: DefaultTimingCurve, months: number, project: ProjectLines): Float64Array {
  const lines = groupRepLines(subset(loans, group)).lines;
  // Run the lines as segment 0 under this group's assumptions.
  lines.segment.fill(0);
  const cutoff = lines.currentPrincipal.reduce((a, b) => a + b, 0);
  const schedule = defaultTimingSchedule(timing).monthlyDefaults;
  const target = new Float64Array(months);
  for (let k = 0; k < months; k++) target[k] = (schedule[k] ?? 0) * cutoff;
  // Solved unstressed: a scenario's multipliers then scale the rates that meet the base curve.
  const { defaultTiming: _timing, multipliers: _multipliers, ...rest } = segment;
  const withRates = (rates: Float64Array): PoolAssumptions => ({ pool: { ...rest, default: { kind: 'monthly', rates } } });
  const baseline = project(lines, withRates(new Float64Array(months)));
  const mdr = new Float64Array(months);
  for (let k = 0; k < months; k++) {
    const balance = baseline.beginningBalance[k] ?? 0;
    mdr[k] = balance > 0 ? Math.min(1, (target[k] ?? 0) / balance) : 0;
  }
  for (let round = 0; round < ROUNDS; round++) {
    const flows = project(lines, withRates(mdr));
    let worst = 0;
    for (let k = 0; k < months; k++) {
      const want = target[k] ?? 0;
      const got = (flows.defaults[k] ?? 0) - (baseline.defaults[k] ?? 0);
      const rate = mdr[k] ?? 0;
      if (want <= 0) {
        mdr[k] = 0;
        continue;
      }
      worst = Math.max(worst, Math.abs(got - want) / Math.max(want, 1e-12));
      if (got > 0) mdr[k] = Math.min(1, (rate * want) / got);
      else if (rate === 0) mdr[k] = Math.min(1, want / Math.max(flows.beginningBalance[k] ?? 0, 1e-12));
    }
    if (worst < TOLERANCE) break;
  }
  return mdr;
}

/** The loans of one segment code, as their own LoanArrays. */
function subset(loans: LoanArrays, group: number): LoanArrays {
  const count = loanCount(loans);
  let n = 0;
  for (let i = 0; i < count; i++) if (loans.segment[i] === group) n++;
  const out = allocateLoanArrays(n);
  let j = 0;
  for (let i = 0; i < count; i++) {
    if (loans.segment[i] !== group) continue;
    for (const key of LOAN_FIELDS) (out[key] as Float64Array)[j] = (loans[key] as Float64Array)[i] ?? 0;
    j++;
  }
  return out;
}
