import type { CalendarDate } from '../../dates.ts';
import { dayCountDays, type ThirtyDayCount } from '../../daycount.ts';
import { accrue, type AccrualDays } from '../accrual.ts';
import type { Collections } from '../collections.ts';
import type { CompiledDeal } from '../compile.ts';
import { add, maxMoney, minMoney, Money, roundedProduct, ZERO } from '../money.ts';
import { unreachable, type FeeState, type IndexedCoupon, type NoteState, type ReserveState } from '../state.ts';
import type { Deal, FeeCollection, FeeSpec, ReserveTarget } from '../types.ts';

export type { AccrualDays };

/** What a period accrues on its start-of-period balances (step 2). */
export interface Accruals {
  /** Σ the notes' start-of-period balances. */
  readonly notesBegin: Money;
  readonly couponAccrued: Money;
  readonly feesAccrued: Money;
  /**
   * The servicing strip the servicer keeps out of the period's interest collections before they
   * reach the trust: the projection's servicingFee (strip × beginning balance × year fraction), at
   * most interest + penalty interest collected; the part above is forgone, never carried.
   */
  readonly servicingStrip: Money;
  /** Interest + penalty interest collected − the servicing strip: what reaches the trust. */
  readonly interestCollections: Money;
  /** Interest collections (net of the strip) − fees accrued − coupons accrued (carried amounts excluded); may be negative. */
  readonly excessSpread: Money;
}

type ReserveTargetTerms = Pick<CompiledDeal, 'notes' | 'reserveNotes' | 'reserveNotesOriginal' | 'reservePercent' | 'reserveFloor' | 'reserveCap'>;

/**
 * The period's days under every day count. `termination`: the notes' termination date (the deal's
 * legal final maturity), which only 30E/360 ISDA reads (a February termination date keeps its day).
 */
export function accrualDays(start: CalendarDate, end: CalendarDate, termination: CalendarDate): AccrualDays {
  const actual = new Money(dayCountDays('ACT/365', start, end));
  const thirty = (convention: ThirtyDayCount): Money => new Money(dayCountDays(convention, start, end, termination));
  return { '30/360': thirty('30/360'), '30/360 US': thirty('30/360 US'), '30E/360': thirty('30E/360'), '30E/360 ISDA': thirty('30E/360 ISDA'), 'ACT/365': actual, 'ACT/360': actual };
}

/**
 * Opens the period on the run's notes, fees and reserve (the states the steps pay from): each
 * note's coupon and interest due, each fee's due, the reserve's target; then sums the accruals.
 */
export function accruePeriod(
  deal: Pick<Deal, 'fees' | 'reserve'>,
  compiled: CompiledDeal,
  period: number,
  flows: Collections,
  days: AccrualDays,
  cutoffPool: Money = ZERO,
  cutoffYieldSupplementOC: Money = ZERO,
  accrualStart = '',
): Accruals {
  const { couponAccrued, notesBegin } = accrueNotes(compiled.notes, period, days, accrualStart);
  const feesAccrued = accrueFees(deal.fees ?? [], compiled, period, flows, days);
  if (compiled.reserve !== undefined && deal.reserve !== undefined) openReserve(compiled.reserve, reserveTarget(deal.reserve.target, compiled, notesBegin, cutoffPool, cutoffYieldSupplementOC));
  // The servicer nets its strip out of the interest it collects (Fabozzi, Handbook of Mortgage-Backed
  // Securities: investors receive the WAC less the servicing fee), so the strip never reaches the notes.
  const collected = flows.interest.plus(flows.penaltyInterest);
  const servicingStrip = minMoney(flows.servicingFee, collected);
  const interestCollections = collected.minus(servicingStrip);
  return { notesBegin, couponAccrued, feesAccrued, servicingStrip, interestCollections, excessSpread: interestCollections.minus(feesAccrued).minus(couponAccrued) };
}

/**
 * An indexed coupon for the accrual period starting on `accrualStart` (ISO): the fixing its reset rule picks
 * (validate.ts guarantees one for the first period) + margin, at least the floor (≥ 0), at most the cap.
 */
function indexedRate(coupon: IndexedCoupon, accrualStart: string): Money {
  const fixing = coupon.fixings.findLast((f) => (coupon.onPeriodStart ? f.effective <= accrualStart : f.effective < accrualStart));
  const rate = maxMoney((fixing?.rate ?? ZERO).plus(coupon.margin), coupon.floor);
  return coupon.cap === undefined ? rate : minMoney(rate, coupon.cap);
}

/**
 * Starts each note's period at its balance: the coupon of the period, interest due = this period's
 * accrual + the shortfall carried in (+ interest on it where the note says so), nothing paid yet.
 */
function accrueNotes(notes: readonly NoteState[], period: number, days: AccrualDays, accrualStart: string): { couponAccrued: Money; notesBegin: Money } {
  let couponAccrued = ZERO;
  let notesBegin = ZERO;
  for (const note of notes) {
    note.begin = note.balance;
    note.couponRate = note.indexed === undefined ? (note.rates[Math.min(period, note.rates.length) - 1] ?? ZERO) : indexedRate(note.indexed, accrualStart);
    const accrual = accrue(note.begin, note.couponRate, note.dayCount, days);
    const onShortfall = note.interestOnShortfall ? accrue(note.shortfall, note.couponRate, note.dayCount, days) : ZERO;
    note.accrual = accrual;
    note.interestDue = add(add(accrual, note.shortfall), onShortfall);
    note.interestPaid = ZERO;
    note.principalPaid = ZERO;
    note.writeDown = ZERO;
    note.residualPaid = ZERO;
    note.periodicReturnPaid = ZERO;
    note.balanceDays = add(note.balanceDays, note.begin.times(days['ACT/365']));
    note.reimbursed = ZERO;
    couponAccrued = add(couponAccrued, accrual);
    notesBegin = add(notesBegin, note.begin);
  }
  return { couponAccrued, notesBegin };
}

/** Each fee's due = unpaid carried in + this period's accrual, nothing paid yet; returns Σ accruals. */
function accrueFees(specs: readonly FeeSpec[], compiled: Pick<CompiledDeal, 'fees' | 'feeRates' | 'feeNotes' | 'notes'>, period: number, flows: Collections, days: AccrualDays): Money {
  let feesAccrued = ZERO;
  specs.forEach((spec, i) => {
    const fee = compiled.fees[i] as FeeState;
    fee.accrual = feeAccrual(spec, compiled.feeRates[i] ?? ZERO, period, flows, compiled.feeNotes[i] ?? [], compiled.notes, days);
    fee.due = add(fee.unpaid, fee.accrual);
    fee.paid = ZERO;
    fee.paidWithinCap = ZERO;
    feesAccrued = add(feesAccrued, fee.accrual);
  });
  return feesAccrued;
}

/** This period's accrual of a fee; `rate` is its rateAnnual, its share of collections, or its amount for fixed and one-off fees (read once). */
function feeAccrual(spec: FeeSpec, rate: Money, period: number, flows: Collections, feeNotes: readonly number[], notes: readonly NoteState[], days: AccrualDays): Money {
  const basis = spec.basis;
  switch (basis.type) {
    case 'poolBalance':
      // The US servicing fee: rate ÷ 12 per collection month on the pool at the start of the collection period.
      if (basis.accrueOver === 'collectionMonths') {
        // The first payment date may state its own fraction: days ÷ 360 (firstPeriodDays) instead of months ÷ 12.
        const fraction = period === 1 && basis.firstPeriodDays !== undefined ? new Money(basis.firstPeriodDays).div(360) : new Money(flows.months).div(12);
        return flows.beginningBalance.isZero() ? ZERO : roundedProduct(flows.beginningBalance, rate, fraction);
      }
      return accrue(flows.beginningBalance, rate, basis.dayCount ?? 'ACT/365', days);
    case 'noteBalance':
      return accrue(sumBegin(notes, feeNotes), rate, basis.dayCount ?? 'ACT/365', days);
    case 'collections':
      return roundedProduct(collectionsOf(flows, basis.of ?? DEFAULT_FEE_COLLECTIONS), rate);
    case 'fixed':
      // Periods 1, 1 + n, 1 + 2n, …: a yearly fee on a monthly deal is paid in advance on the first payment date and each anniversary of it.
      return (period - 1) % (basis.everyPeriods ?? 1) === 0 ? rate : ZERO;
    case 'oneOff':
      return period === (basis.period ?? 1) ? rate : ZERO;
    default:
      return unreachable(basis);
  }
}

/** A collections fee's default basis: interest and penalty interest, the taxable income of a loan trust (贷款服务). */
const DEFAULT_FEE_COLLECTIONS: readonly FeeCollection[] = ['interest', 'penaltyInterest'];

/** Σ the period's gross collections of the kinds named (principal = scheduled + prepaid; clean-up proceeds excluded). */
function collectionsOf(flows: Collections, kinds: readonly FeeCollection[]): Money {
  let total = ZERO;
  for (const kind of kinds) total = add(total, kind === 'principal' ? flows.scheduledPrincipal.plus(flows.prepayments) : flows[kind]);
  return total;
}

/**
 * The reserve target: percent × the basis (initial or start-of-period balance of the target's
 * notes), rounded half-up to cents, within its floor and cap, and never above the notes outstanding.
 */
function reserveTarget(target: ReserveTarget, terms: ReserveTargetTerms, notesBegin: Money, cutoffPool: Money, cutoffYsoc: Money): Money {
  const basis = reserveBasis(target.basis, terms, cutoffPool, cutoffYsoc);
  let amount = roundedProduct(basis, terms.reservePercent);
  if (terms.reserveFloor !== undefined) amount = maxMoney(amount, terms.reserveFloor);
  if (terms.reserveCap !== undefined) amount = minMoney(amount, terms.reserveCap);
  return minMoney(amount, notesBegin);
}

function reserveBasis(basis: ReserveTarget['basis'], terms: ReserveTargetTerms, cutoffPool: Money, cutoffYsoc: Money): Money {
  switch (basis) {
    case 'initialNoteBalance':
      return terms.reserveNotesOriginal;
    case 'currentNoteBalance':
      return sumBegin(terms.notes, terms.reserveNotes);
    case 'initialPoolBalance':
      return cutoffPool;
    case 'initialAdjustedPoolBalance':
      return maxMoney(cutoffPool.minus(cutoffYsoc), ZERO);
    default:
      return unreachable(basis);
  }
}

function openReserve(reserve: ReserveState, target: Money): void {
  reserve.target = target;
  reserve.begin = reserve.balance;
  reserve.release = ZERO;
  reserve.draws = ZERO;
  reserve.deposits = ZERO;
}

/** amount × rate × days ÷ basis (360, or 365 for ACT/365), rounded half-up to cents: one rounding, at the end. */

function sumBegin(notes: readonly NoteState[], indices: readonly number[]): Money {
  let total = ZERO;
  for (const i of indices) total = add(total, notes[i]?.begin ?? ZERO);
  return total;
}
