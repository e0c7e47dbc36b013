import { actualDays, formatIsoDate, toDayNumber, type CalendarDate } from '../dates.ts';
import { dayCountDays, yearFraction, type DayCount } from '../daycount.ts';
import { assert } from '../errors.ts';
import { discountModel, discountRateFromYield, presentValue, yieldFromDiscountRate, type DiscountModel } from './discount.ts';
import { interbankPriceAtYield, interbankYieldAtPrice } from './interbank.ts';
import { calendarDate, checkLeg, type CashFlowLeg, type DateInput } from './leg.ts';
import { findRoot } from './solve.ts';

/*
 * Price ↔ yield of one note on any settlement date from closing to its last payment, with accrued
 * interest (the market's clean/dirty split; in the China interbank market 净价 clean, 全价 full):
 *
 *   accrued  = face_S × coupon rate of the current period × DCF(note's day count, previous payment date, S)
 *   dirty    = 100 × PV(payments after S) ÷ face_S           (percent of the face outstanding at S)
 *   clean    = dirty − 100 × accrued ÷ face_S
 *
 * face_S is the note's balance after the last payment on or before S (its original balance before
 * the first payment); the previous payment date is that payment's date, or closing. A payment dated
 * on S belongs to the seller, so settling on a payment date accrues nothing and clean = dirty.
 * Carried interest shortfall (unpaid coupon owed to the holder) is not in accrued: it is in the
 * future payments that cure it.
 *
 * PV per quote convention, w = actual days S → next payment ÷ actual days of the current period:
 *  - annualEffective: Σ CF (1 + y)^−t, t = ACT/365 years from S (Excel XIRR);
 *  - bondEquivalent / mortgageEquivalent: Σ CF_k (1 + r)^−(w + k − 1), r the rate per period that
 *    the quote restates (discount.ts): w = the fraction of the current period by actual days for a
 *    settlement between payment dates (1 on a payment date); in the first period, which may be odd,
 *    the periods from settlement to the first payment date in quasi-periods counted back from it
 *    (discount.ts periodsToFirstPayment: 1 + 6/31 at a closing 37 days before a monthly first payment);
 *  - chinaInterbank: interbank.ts (compounded at the payment frequency with the same d/TS exponent,
 *    simple interest in the final period).
 */

export const PRICE_YIELD_CONVENTIONS = ['annualEffective', 'bondEquivalent', 'mortgageEquivalent', 'chinaInterbank'] as const;
export type PriceYieldConvention = (typeof PRICE_YIELD_CONVENTIONS)[number];

/** One note's whole schedule from closing, as a deal run reports it. */
export interface NoteSchedule {
  readonly originalBalance: number;
  readonly closingDate: DateInput;
  readonly paymentsPerYear: number;
  /** The note's coupon day count (engine/daycount.ts). */
  readonly dayCount: DayCount;
  readonly paymentDates: readonly DateInput[];
  readonly principal: ArrayLike<number>;
  readonly interest: ArrayLike<number>;
  /** Balance after each period's payments and write-down. */
  readonly endingBalance: ArrayLike<number>;
  /** Coupon rate (decimal p.a.) applied in each period. */
  readonly couponRate: ArrayLike<number>;
}

/** Where settlement falls in the schedule, and what has accrued. */
export interface Settlement {
  readonly settlementDate: string;
  /** Last payment date on or before settlement, or closing. */
  readonly previousPaymentDate: string;
  readonly nextPaymentDate: string;
  /** Face outstanding at settlement (yuan): prices are percent of it. */
  readonly face: number;
  /** Day-count days and year fraction from the previous payment date to settlement. */
  readonly accrualDays: number;
  readonly accrualYearFraction: number;
  readonly couponRate: number;
  /** Accrued interest in money (yuan, unrounded) and percent of face. */
  readonly accrued: number;
  readonly accruedPct: number;
  /** The payments after settlement, as a leg from settlement (face_S as balanceAtSettlement). */
  readonly leg: CashFlowLeg;
  /** Settlement falls before the first payment date: in the first period, which may be odd (closing to the first payment date). */
  readonly firstPeriod: boolean;
}

export function settle(note: NoteSchedule, settlementDate: DateInput): Settlement {
  const s = calendarDate(settlementDate);
  const closing = calendarDate(note.closingDate);
  const dates = note.paymentDates.map(calendarDate);
  assert(toDayNumber(s) >= toDayNumber(closing), 'SETTLEMENT_DATE', { settlementDate: formatIsoDate(s), closing: formatIsoDate(closing) });
  let paid = 0; // periods paid on or before settlement
  while (paid < dates.length && toDayNumber(dates[paid] as CalendarDate) <= toDayNumber(s)) paid++;
  const remaining = dates.length - paid;
  const cash = (t: number): number => (note.principal[t] ?? 0) + (note.interest[t] ?? 0);
  let lastCash = -1;
  for (let t = paid; t < dates.length; t++) if (cash(t) > 0) lastCash = t;
  assert(remaining > 0 && lastCash >= 0, 'SETTLEMENT_DATE', { settlementDate: formatIsoDate(s), lastPayment: formatIsoDate(dates[dates.length - 1] ?? closing) });
  const previous = paid === 0 ? closing : (dates[paid - 1] as CalendarDate);
  const next = dates[paid] as CalendarDate;
  const face = paid === 0 ? note.originalBalance : (note.endingBalance[paid - 1] ?? 0);
  assert(face > 0, 'LEG_NO_FACE');
  const couponRate = note.couponRate[paid] ?? 0;
  const accrualYearFraction = yearFraction(note.dayCount, previous, s);
  const accrued = face * couponRate * accrualYearFraction;
  const slice = (column: ArrayLike<number>): number[] => Array.from({ length: lastCash - paid + 1 }, (_, i) => column[paid + i] ?? 0);
  const leg: CashFlowLeg = {
    originalBalance: note.originalBalance,
    balanceAtSettlement: face,
    settlementDate: s,
    paymentsPerYear: note.paymentsPerYear,
    paymentDates: dates.slice(paid, lastCash + 1),
    principal: slice(note.principal),
    interest: slice(note.interest),
  };
  return {
    settlementDate: formatIsoDate(s),
    previousPaymentDate: formatIsoDate(previous),
    nextPaymentDate: formatIsoDate(next),
    face,
    accrualDays: dayCountDays(note.dayCount, previous, s),
    accrualYearFraction,
    couponRate,
    accrued,
    accruedPct: (100 * accrued) / face,
    leg,
    firstPeriod: paid === 0,
  };
}

/**
 * The discounting of the payments after settlement for a US quote: periodic with the fractional first
 * period, or ACT/365 years. In the note's first period, which may be odd, the periods to the first
 * payment are counted as discountModel counts them (quasi-periods back from the first payment date);
 * after it, the fraction of the current period between its own payment dates.
 */
function usModel(settlement: Settlement, convention: Exclude<PriceYieldConvention, 'chinaInterbank'>): DiscountModel {
  const base = discountModel(checkLeg(settlement.leg), convention);
  if (convention === 'annualEffective' || settlement.firstPeriod) return base;
  const previous = calendarDate(settlement.previousPaymentDate);
  const s = calendarDate(settlement.settlementDate);
  const next = calendarDate(settlement.nextPaymentDate);
  const w = actualDays(s, next) / actualDays(previous, next);
  return { ...base, steps: base.steps.map((_, k) => w + k) };
}

/** Dirty price (percent of face at settlement) at a yield quoted in `convention`. */
export function dirtyPriceAtYield(settlement: Settlement, yieldRate: number, convention: PriceYieldConvention): number {
  if (convention === 'chinaInterbank') return interbankPriceAtYield(settlement.leg, yieldRate, { periodStart: settlement.previousPaymentDate });
  const model = usModel(settlement, convention);
  const rate = discountRateFromYield(yieldRate, convention, settlement.leg.paymentsPerYear);
  return (100 * presentValue(model, rate).pv) / model.face;
}

/** Yield quoted in `convention` at a dirty price (percent of face at settlement); Brent to 1e-13 on the rate per step. */
export function yieldAtDirtyPrice(settlement: Settlement, dirtyPct: number, convention: PriceYieldConvention): number {
  assert(Number.isFinite(dirtyPct) && dirtyPct > 0, 'INVALID_PRICE', { pricePct: dirtyPct });
  if (convention === 'chinaInterbank') return interbankYieldAtPrice(settlement.leg, dirtyPct, { periodStart: settlement.previousPaymentDate });
  const model = usModel(settlement, convention);
  const target = (dirtyPct / 100) * model.face;
  const root = findRoot((rate) => presentValue(model, rate).pv - target, { lo: 0, hi: 0.01, min: -1 + 1e-9, max: 1e6, tolerance: 1e-13 });
  return yieldFromDiscountRate(root.x, convention, settlement.leg.paymentsPerYear);
}

export interface PriceYield {
  readonly convention: PriceYieldConvention;
  readonly yield: number;
  readonly cleanPrice: number;
  readonly dirtyPrice: number;
  readonly settlement: Omit<Settlement, 'leg' | 'firstPeriod'>;
  /** The same dirty price's yield in every convention. */
  readonly yields: Readonly<Record<PriceYieldConvention, number>>;
}

/** A note's yield at a clean price, or its clean and dirty price at a yield, on a settlement date. */
export function notePriceYield(note: NoteSchedule, settlementDate: DateInput, convention: PriceYieldConvention, given: { readonly cleanPrice: number } | { readonly yield: number }): PriceYield {
  const settlement = settle(note, settlementDate);
  const dirtyPrice = 'cleanPrice' in given ? given.cleanPrice + settlement.accruedPct : dirtyPriceAtYield(settlement, given.yield, convention);
  const yields = Object.fromEntries(PRICE_YIELD_CONVENTIONS.map((c) => [c, yieldAtDirtyPrice(settlement, dirtyPrice, c)])) as Record<PriceYieldConvention, number>;
  const { leg: _leg, firstPeriod: _firstPeriod, ...where } = settlement;
  return {
    convention,
    yield: 'yield' in given ? given.yield : yields[convention],
    cleanPrice: dirtyPrice - settlement.accruedPct,
    dirtyPrice,
    settlement: where,
    yields,
  };
}
