import { formatIsoDate } from '../dates.ts';
import { cashFlowAt, checkLeg, type CashFlowLeg, type CheckedLeg } from './leg.ts';

/** A payment period of a leg: its number (1 = first payment date after settlement) and its date. */
export interface LegPeriod {
  readonly period: number;
  /** ISO 'YYYY-MM-DD'. */
  readonly date: string;
}

/** The first and last periods that repay principal, both inclusive. */
export interface PrincipalWindow {
  readonly first: LegPeriod;
  readonly last: LegPeriod;
  /** last.period − first.period + 1: the window's length in payment periods. */
  readonly periods: number;
}

function legPeriod(leg: CheckedLeg, t: number): LegPeriod {
  const date = leg.dates[t] ?? leg.settlement;
  return { period: t + 1, date: formatIsoDate(date) };
}

function firstAndLast(leg: CheckedLeg, pays: (t: number) => boolean): readonly [number, number] | null {
  let first = -1;
  let last = -1;
  for (let t = 0; t < leg.periods; t++) {
    if (!pays(t)) continue;
    if (first < 0) first = t;
    last = t;
  }
  return first < 0 ? null : [first, last];
}

/**
 * Principal window: the first and the last period with principal paid > 0 (amounts are taken as
 * given; the waterfall hands them over rounded to cents, so float dust does not stretch the window).
 * Null when the leg repays no principal.
 */
export function principalWindow(leg: CashFlowLeg): PrincipalWindow | null {
  const checked = checkLeg(leg);
  const found = firstAndLast(checked, (t) => (checked.principal[t] ?? 0) > 0);
  if (!found) return null;
  const [first, last] = found;
  return { first: legPeriod(checked, first), last: legPeriod(checked, last), periods: last - first + 1 };
}

/**
 * Expected final payment: the last period that pays anything, principal or interest, under the
 * scenario that produced the leg (not the legal final maturity). Null when the leg pays nothing.
 */
export function expectedFinalPayment(leg: CashFlowLeg): LegPeriod | null {
  const checked = checkLeg(leg);
  const found = firstAndLast(checked, (t) => cashFlowAt(checked, t) > 0);
  return found ? legPeriod(checked, found[1]) : null;
}
