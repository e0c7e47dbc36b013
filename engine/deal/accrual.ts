import { yearBasisDays, type DayCount } from '../daycount.ts';
import { Money, roundedProduct, ZERO } from './money.ts';

/** Days of the accrual period under each day count (engine/daycount.ts: the 30/360 family's counts; actual days for ACT/365 and ACT/360), as decimals. */
export type AccrualDays = Readonly<Record<DayCount, Money>>;

const DAYS_360 = new Money(360);
const DAYS_365 = new Money(365);

/** amount × rateAnnual × days ÷ the day count's year basis (365 or 360), rounded half-up to cents once. */
export function accrue(amount: Money, rateAnnual: Money, dayCount: DayCount, days: AccrualDays): Money {
  if (amount.isZero() || rateAnnual.isZero()) return ZERO;
  return roundedProduct(amount, rateAnnual, days[dayCount], yearBasisDays(dayCount) === 365 ? DAYS_365 : DAYS_360);
}
