import { assertSpeed, assertUnitRate } from '../curves/checks.ts';
import type { DayCount } from '../daycount.ts';
import { assert } from '../errors.ts';
import { CHARGED_OFF, STATE_COUNT, transitionPlan, type TransitionPlan } from './transitions.ts';
import type { RateAssumption, RateTable } from './rate-assumption.ts';

/**
 * Event stresses (docs/assumptions.md, "Event stresses"): what happened to Chinese consumer-loan
 * pools, as parameterised blocks on top of an assumption set. Months are pool projection months
 * (1 = the first month after the cutoff); `segments` are codes of LoanArrays.segment (the
 * assumption groups a file's segment names map to), null for every loan.
 */
export type ProjectionEvent = PaymentHolidayEvent | OutageEvent | SegmentShockEvent;

/** What happens to the interest of the holiday months: none accrues, it is paid with the first resumed installment, or it is added to principal. */
export const HOLIDAY_INTEREST = ['waived', 'accrued', 'capitalised'] as const;
export type HolidayInterest = (typeof HOLIDAY_INTEREST)[number];

/** Restructured loans (LoanArrays.restructured) given a holiday: they follow their own default curve, or count as defaulted at its start. */
export const RESTRUCTURED_TREATMENTS = ['ownCurve', 'defaulted'] as const;
export type RestructuredTreatment = (typeof RESTRUCTURED_TREATMENTS)[number];

/** 展期: `share` of the current borrowers defer `months` installments from `fromMonth`, then resume on a schedule moved by that many months. */
export interface PaymentHolidayEvent {
  readonly type: 'paymentHoliday';
  readonly segments: readonly number[] | null;
  readonly share: number;
  readonly fromMonth: number;
  readonly months: number;
  readonly interest: HolidayInterest;
  /** Absent: restructured loans defer like the others. */
  readonly restructured?: RestructuredTreatment;
  /** With restructured 'ownCurve': the default curve (MDR on current loans) of the restructured loans that defer. */
  readonly restructuredDefault?: RateAssumption;
}

/** A servicing or payment-system outage: for `days` days of `month`, `share` of the auto-debits fail. */
export interface OutageEvent {
  readonly type: 'outage';
  readonly segments: readonly number[] | null;
  readonly month: number;
  readonly days: number;
  readonly share: number;
  /** Share of the failed payments that cure in the next month, paying both installments; the rest rolls on to 31–60. */
  readonly cureShare: number;
  /** No 罚息 on the failed installment in the month it is overdue (the assumption set's penaltyWaiver.outage when absent). */
  readonly waivePenalty?: boolean;
}

/** Roll-in (current → 1–30) and default-curve multipliers for one segment from `fromMonth`, decaying geometrically back to 1 with the half-life (permanent without one). */
export interface SegmentShockEvent {
  readonly type: 'segmentShock';
  readonly segments: readonly number[];
  readonly fromMonth: number;
  readonly rollInMultiplier: number;
  readonly defaultMultiplier: number;
  readonly halfLifeMonths?: number;
}

/** A holiday as one segment's kernel reads it: `month` is the 0-based month index of this projection. */
export interface ResolvedHoliday {
  readonly kind: 'holiday';
  readonly month: number;
  readonly months: number;
  readonly share: number;
  readonly interest: HolidayInterest;
  readonly restructured: RestructuredTreatment | null;
  /** The restructured loans' own MDR table ('ownCurve'), else null. */
  readonly restructuredMdr: RateTable | null;
}

/** An outage as one segment's kernel reads it: `failShare` of the current borrowers miss month `month`'s installment. */
export interface ResolvedOutage {
  readonly kind: 'outage';
  readonly month: number;
  /** share × days ÷ days in the month (capped at share). */
  readonly failShare: number;
  readonly waivePenalty: boolean;
  /** Month `month` for the failed fraction: current → 1–30, paying nothing. */
  readonly missPlan: TransitionPlan;
  /** Month `month` + 1 for it: 1–30 → current with cureShare (paying both installments), the rest one bucket on. */
  readonly curePlan: TransitionPlan;
}

/** Month-by-month roll-in and default multipliers of the segment's shocks (index = month of this projection). */
export interface ResolvedShock {
  /** P(current → 1–30) and P(current → current) of the due months' matrix, shocked. */
  readonly rollIn: Float64Array;
  readonly stayCurrent: Float64Array;
  readonly defaultMultiplier: Float64Array;
}

/** One segment's events: the splits (holidays and outages) in month order, file order within a month, and the shock. */
export interface ResolvedEvents {
  readonly splits: readonly (ResolvedHoliday | ResolvedOutage)[];
  readonly shock: ResolvedShock | null;
}

/** What resolving a segment's events needs of the segment. */
export interface EventContext {
  readonly months: number;
  readonly startMonth: number;
  /** The segment's due-month matrix (roll-rate stresses applied), or null without roll rates. */
  readonly matrix: Float64Array | null;
  readonly yearFractions: Float64Array;
  readonly dayCount: DayCount | null;
  /** The segment's penaltyWaiver.outage: an outage's waiver when the event does not say. */
  readonly waiveOutagePenalty: boolean;
  readonly rateTable: (assumption: RateAssumption) => RateTable;
}

/** The events that apply to segment code `segment`. */
export function eventsOf(events: readonly ProjectionEvent[] | undefined, segment: number): ProjectionEvent[] {
  return (events ?? []).filter((event) => event.segments === null || event.segments.includes(segment));
}

/** A segment's events resolved for one projection (months moved to this projection's month indices), or null when none touches it. */
export function resolveEvents(events: readonly ProjectionEvent[], ctx: EventContext): ResolvedEvents | null {
  if (events.length === 0) return null;
  const splits: (ResolvedHoliday | ResolvedOutage)[] = [];
  const shocks: SegmentShockEvent[] = [];
  for (const event of events) {
    checkEvent(event);
    if (event.type === 'segmentShock') shocks.push(event);
    else if (event.type === 'paymentHoliday') {
      const month = event.fromMonth - ctx.startMonth;
      // A loan bought after the holiday began is not given it.
      if (month >= 0 && month < ctx.months) splits.push(holiday(event, month, ctx));
    } else {
      const month = event.month - ctx.startMonth;
      if (month >= 0 && month < ctx.months) splits.push(outage(event, month, ctx));
    }
  }
  // Stable: events of the same month keep file order.
  splits.sort((a, b) => a.month - b.month);
  return { splits, shock: shocks.length === 0 ? null : shock(shocks, ctx) };
}

function checkEvent(event: ProjectionEvent): void {
  if (event.type === 'segmentShock') {
    assertSpeed(event.rollInMultiplier, 'rollInMultiplier');
    assertSpeed(event.defaultMultiplier, 'defaultMultiplier');
    assert(Number.isInteger(event.fromMonth) && event.fromMonth >= 1, 'INVALID_MONTHS', { field: 'fromMonth', value: event.fromMonth });
    if (event.halfLifeMonths !== undefined) assert(event.halfLifeMonths > 0 && event.halfLifeMonths < Infinity, 'INVALID_MONTHS', { field: 'halfLifeMonths', value: event.halfLifeMonths });
    return;
  }
  assertUnitRate(event.share, 'share');
  if (event.type === 'paymentHoliday') {
    assert(Number.isInteger(event.fromMonth) && event.fromMonth >= 1, 'INVALID_MONTHS', { field: 'fromMonth', value: event.fromMonth });
    assert(Number.isInteger(event.months) && event.months >= 1, 'INVALID_MONTHS', { field: 'months', value: event.months });
    assert(event.restructured !== 'ownCurve' || event.restructuredDefault !== undefined, 'EVENT', { field: 'restructuredDefault', rule: 'ownCurve needs the restructured loans’ default curve' });
    return;
  }
  assertUnitRate(event.cureShare, 'cureShare');
  assert(Number.isInteger(event.month) && event.month >= 1, 'INVALID_MONTHS', { field: 'month', value: event.month });
  assert(event.days > 0 && event.days <= 31, 'EVENT', { field: 'days', value: event.days });
}

function holiday(event: PaymentHolidayEvent, month: number, ctx: EventContext): ResolvedHoliday {
  const own = event.restructured === 'ownCurve' && event.restructuredDefault !== undefined ? ctx.rateTable(event.restructuredDefault) : null;
  return {
    kind: 'holiday',
    month,
    months: event.months,
    share: event.share,
    interest: event.interest,
    restructured: event.restructured ?? null,
    // Period curves are read by pool month, as every other curve of a purchase projected from startMonth.
    restructuredMdr: own === null || own.byAge || ctx.startMonth === 1 ? own : { rates: own.rates.subarray(ctx.startMonth - 1), byAge: false },
  };
}

/**
 * Days in month k: 30 on 30/360 (every month is 30 days), otherwise the actual days of the period
 * (year fraction × 365 or × 360). Due dates spread evenly over the month (consumer loans fall due
 * on their origination day), so a D-day outage hits D ÷ days of the month's auto-debits.
 */
function daysInMonth(ctx: EventContext, k: number): number {
  const yf = ctx.yearFractions[k] ?? 1 / 12;
  if (ctx.dayCount === 'ACT/365') return Math.round(yf * 365);
  if (ctx.dayCount === 'ACT/360') return Math.round(yf * 360);
  return 30;
}

function outage(event: OutageEvent, month: number, ctx: EventContext): ResolvedOutage {
  const matrix = ctx.matrix ?? identity();
  const miss = matrix.slice();
  row(miss, 0).fill(0)[1] = 1;
  const cure = matrix.slice();
  // The rest rolls one bucket on: to 31–60, or charged off under a 30+ policy (1–30 is the charge-off bucket).
  const forward = (matrix[STATE_COUNT + 2] ?? 0) === 0 && (matrix[STATE_COUNT + CHARGED_OFF] ?? 0) > 0 ? CHARGED_OFF : 2;
  const cureRow = row(cure, 1).fill(0);
  cureRow[0] = event.cureShare;
  cureRow[forward] = 1 - event.cureShare;
  return {
    kind: 'outage',
    month,
    failShare: event.share * Math.min(1, event.days / daysInMonth(ctx, month)),
    waivePenalty: event.waivePenalty ?? ctx.waiveOutagePenalty,
    missPlan: transitionPlan(miss),
    curePlan: transitionPlan(cure),
  };
}

function row(matrix: Float64Array, state: number): Float64Array {
  return matrix.subarray(state * STATE_COUNT, (state + 1) * STATE_COUNT);
}

function identity(): Float64Array {
  return Float64Array.from({ length: STATE_COUNT * STATE_COUNT }, (_, k) => (k % (STATE_COUNT + 1) === 0 ? 1 : 0));
}

/**
 * The shock's multiplier in pool month t ≥ fromMonth: 1 + (m − 1) × 2^(−(t − fromMonth) / halfLife)
 * — the excess over 1 halves every halfLife months (geometric decay back to 1); m throughout
 * without a half-life. Several shocks on one segment multiply. The roll-in is capped so the current
 * row still sums to 1 (staying current absorbs the change, as CurveShape.defaultMultiplier does).
 */
function shock(shocks: readonly SegmentShockEvent[], ctx: EventContext): ResolvedShock {
  const { months } = ctx;
  const rollInMultiplier = new Float64Array(months).fill(1);
  const defaultMultiplier = new Float64Array(months).fill(1);
  for (const event of shocks) {
    for (let k = 0; k < months; k++) {
      const elapsed = ctx.startMonth + k - event.fromMonth;
      if (elapsed < 0) continue;
      const decay = event.halfLifeMonths === undefined ? 1 : 2 ** (-elapsed / event.halfLifeMonths);
      rollInMultiplier[k] = (rollInMultiplier[k] ?? 1) * (1 + (event.rollInMultiplier - 1) * decay);
      defaultMultiplier[k] = (defaultMultiplier[k] ?? 1) * (1 + (event.defaultMultiplier - 1) * decay);
    }
  }
  const matrix = ctx.matrix;
  const rollIn = new Float64Array(months);
  const stayCurrent = new Float64Array(months).fill(1);
  if (matrix !== null) {
    let others = 0;
    for (let j = 2; j < STATE_COUNT; j++) others += matrix[j] ?? 0;
    for (let k = 0; k < months; k++) {
      const entry = Math.min((matrix[1] ?? 0) * (rollInMultiplier[k] ?? 1), Math.max(0, 1 - others));
      rollIn[k] = entry;
      stayCurrent[k] = Math.max(0, 1 - others - entry);
    }
  }
  return { rollIn, stayCurrent, defaultMultiplier };
}
