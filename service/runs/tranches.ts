import {
  creditEnhancement,
  EngineError,
  interbankYieldAtPrice,
  roundCentsOfDouble,
  trancheSummary,
  weightedAverageLife,
  xirr,
  yieldAtPrice,
  type CashFlowLeg,
  type DealResult,
  type NoteLeg,
  type TimeBasis,
  type TrancheSummary,
  type WalBasis,
} from '../../engine/index.ts';
import type { DealRunResult, TrancheRow } from '../api/contract.ts';
import type { DealFile } from '../files/deal-file.ts';
import type { PreparedDeal } from './prepare-deal.ts';

/** The coupon label of a note without a coupon: the residual (equity) note, which has an IRR instead of yields. */
export const RESIDUAL_COUPON = 'none (residual)';

function couponLabel(coupon: DealFile['notes'][number]['coupon']): string {
  if (coupon.type === 'fixed') return `${(coupon.rate * 100).toFixed(2)}% fixed`;
  if (coupon.type === 'floating') return `index ${coupon.margin >= 0 ? '+' : '−'} ${(Math.abs(coupon.margin) * 100).toFixed(2)}% floating`;
  if (coupon.type === 'indexed') return `${coupon.index} ${coupon.margin >= 0 ? '+' : '−'} ${(Math.abs(coupon.margin) * 100).toFixed(2)}% floating`;
  return RESIDUAL_COUPON;
}

/** A note's leg as engine/analytics reads it; a residual note's residual counts as its income. */
function analyticsLeg(leg: NoteLeg, closing: string, paymentsPerYear: number, withResidual: boolean): CashFlowLeg {
  return {
    originalBalance: leg.originalBalance,
    settlementDate: closing,
    paymentsPerYear,
    paymentDates: leg.dates,
    principal: leg.principal,
    interest: withResidual ? leg.interest.map((x, k) => x + (leg.residual[k] ?? 0)) : leg.interest,
    writeDown: leg.writeDown,
    endingBalance: leg.balance,
  };
}

/** The engine's time basis of each WAL basis a deal file names ('months/12' is the period count ÷ payments a year). */
export const TIME_BASIS: Readonly<Record<WalBasis, TimeBasis>> = { 'ACT/365': 'ACT/365', '30/360': '30/360', 'ACT/360': 'ACT/360', 'months/12': 'periods' };

/**
 * WAL from `from` (closing, or a settlement date after it) on `basis`: the principal paid on the
 * payment dates after `from`, in years from it. With months/12 the first payment date after `from`
 * counts as one whole period. Null when no principal is paid after `from`.
 */
export function walFrom(leg: NoteLeg, from: string, paymentsPerYear: number, basis: WalBasis): number | null {
  const first = leg.dates.findIndex((date) => date > from);
  if (first < 0) return null;
  const principal = leg.principal.slice(first);
  if (!principal.some((x) => x > 0)) return null;
  const after: CashFlowLeg = { originalBalance: leg.originalBalance, settlementDate: from, paymentsPerYear, paymentDates: leg.dates.slice(first), principal, interest: leg.interest.slice(first) };
  return weightedAverageLife(after, TIME_BASIS[basis]);
}

/**
 * The note's expected maturity (预期到期日) beside its computed expected final: the balance left after the
 * last payment date on or before it — what the expectedMaturityShortfall trigger reads on the next date
 * (docs/deals.md, "Expected maturity"). The whole original balance when no payment date falls by then.
 */
function expectedMaturityFields(leg: NoteLeg, expectedMaturity: string | undefined): Pick<TrancheRow, 'expectedMaturity' | 'balanceAfterExpectedMaturity'> {
  if (expectedMaturity === undefined) return {};
  const last = leg.dates.findLastIndex((date) => date <= expectedMaturity);
  return { expectedMaturity, balanceAfterExpectedMaturity: last < 0 ? leg.originalBalance : roundCentsOfDouble(leg.balance[last] ?? leg.originalBalance) };
}

/**
 * Yield at par in every quote and the modified duration at the annual effective one; null for a note
 * without a coupon or without cash. The duration is null too for a note that loses principal and
 * returns less than its price (`lossRate` > 0, yield below 0): its price then follows the loss, not
 * the discount rate, and Macaulay ÷ (1 + y) runs away as a loss-driven yield nears −100% (a note
 * that repays nothing of its principal, 0.6 years of coupons at −99.8%: 348 "years"). The yields
 * stay: each is the convention's own quote of that loss (docs/deals.md, "Tranche analytics").
 */
function parYields(
  leg: CashFlowLeg,
  summary: TrancheSummary,
  hasCoupon: boolean,
): Pick<TrancheRow, 'yieldAtParAnnualEffective' | 'yieldAtParBondEquivalent' | 'yieldAtParMortgageEquivalent' | 'yieldAtParChinaInterbank' | 'modifiedDurationYears'> {
  // The leg's summary (trancheSummary at its defaults: par, annual effective) has solved the annual
  // effective yield at par and the duration at it: taken from it, not solved a second time.
  const annualEffective = summary.yield;
  if (!hasCoupon || annualEffective === null || summary.pricePct !== 100 || summary.yieldConvention !== 'annualEffective') {
    return { yieldAtParAnnualEffective: null, yieldAtParBondEquivalent: null, yieldAtParMortgageEquivalent: null, yieldAtParChinaInterbank: null, modifiedDurationYears: null };
  }
  return {
    yieldAtParAnnualEffective: annualEffective,
    yieldAtParBondEquivalent: yieldAtPrice(leg, 100, 'bondEquivalent'),
    yieldAtParMortgageEquivalent: yieldAtPrice(leg, 100, 'mortgageEquivalent'),
    yieldAtParChinaInterbank: interbankYieldAtPrice(leg, 100),
    modifiedDurationYears: summary.totals.lossRate > 0 && annualEffective < 0 ? null : summary.modifiedDurationYears,
  };
}

/** The residual (no-coupon) note's IRR: −original balance at closing and everything it received (XIRR); null when it cannot be solved. */
function residualIrr(leg: NoteLeg, closing: string): number | null {
  const received = leg.dates.map((date, k) => ({ date, amount: (leg.principal[k] ?? 0) + (leg.interest[k] ?? 0) + (leg.residual[k] ?? 0) }));
  if (leg.originalBalance <= 0 || !received.some((f) => f.amount > 0)) return null;
  try {
    return xirr([{ date: closing, amount: -leg.originalBalance }, ...received.filter((f) => f.amount !== 0)]);
  } catch (error) {
    if (!(error instanceof EngineError)) throw error;
    return null;
  }
}

/**
 * Tranche analytics of each note: WAL on the deal's analytics.walBasis (default ACT/365) from its
 * analytics.settlementDate (default closing); window; yield at par at closing in every quote and
 * duration (annual effective); loss, CE, equity IRR.
 */
export function trancheRows(prepared: PreparedDeal, result: DealResult): TrancheRow[] {
  const { file } = prepared;
  const closing = file.dates.closing;
  const paymentsPerYear = 12 / (file.dates.paymentFrequencyMonths ?? 1);
  const walBasis = file.analytics?.walBasis ?? 'ACT/365';
  const from = file.analytics?.settlementDate ?? closing;
  const bySeniority = [...file.notes].sort((a, b) => a.seniority - b.seniority);
  const poolBalance = result.periods[0]?.pool.beginningBalance ?? 0;
  const ce = creditEnhancement({
    poolBalance: [poolBalance],
    noteBalances: bySeniority.map((n) => [n.originalBalance]),
    ranks: bySeniority.map((n) => n.seniority),
    reserveBalance: [file.reserve?.initialDeposit ?? 0],
  });
  return file.notes.map((note) => {
    const leg = result.legs.find((l) => l.id === note.id);
    if (!leg) throw new Error(`no leg for note ${note.id}`);
    const periods = result.periods;
    const shortfall = periods.length > 0 ? (periods[periods.length - 1]?.notes.find((n) => n.id === note.id)?.interestShortfall ?? 0) : 0;
    const hasCoupon = note.coupon.type !== 'none';
    const closingLeg = analyticsLeg(leg, closing, paymentsPerYear, !hasCoupon);
    const summary = trancheSummary(closingLeg);
    const rank = bySeniority.findIndex((n) => n.id === note.id);
    const window = summary.principalWindow;
    return {
      id: note.id,
      name: note.name ?? note.id,
      seniority: note.seniority,
      originalBalance: note.originalBalance,
      coupon: couponLabel(note.coupon),
      walYears: walFrom(leg, from, paymentsPerYear, walBasis),
      walBasis,
      walFrom: from,
      firstPrincipal: window ? { period: window.first.period, date: window.first.date } : null,
      lastPrincipal: window ? { period: window.last.period, date: window.last.date } : null,
      expectedFinal: summary.expectedFinalPayment,
      ...expectedMaturityFields(leg, note.expectedMaturity),
      legalFinalMaturity: file.dates.legalFinalMaturity,
      totalInterest: roundCentsOfDouble(leg.interest.reduce((a, b) => a + b, 0)),
      totalPrincipal: roundCentsOfDouble(leg.principal.reduce((a, b) => a + b, 0)),
      totalResidual: roundCentsOfDouble(leg.residual.reduce((a, b) => a + b, 0)),
      writeDown: roundCentsOfDouble(leg.writeDown.reduce((a, b) => a + b, 0)),
      lossRate: summary.totals.lossRate,
      interestShortfall: shortfall,
      ...parYields(closingLeg, summary, hasCoupon),
      irr: hasCoupon ? null : residualIrr(leg, closing),
      creditEnhancementAtClosing: ce[rank]?.[0] ?? 0,
    };
  });
}

/** Each note's credit enhancement at the end of every period (pool after the principal purchased, zero at the final period; reserve counted). */
export function creditEnhancementOverTime(prepared: PreparedDeal, result: DealResult): DealRunResult['creditEnhancement'] {
  const bySeniority = [...prepared.file.notes].sort((a, b) => a.seniority - b.seniority);
  const periods = result.periods;
  const table = creditEnhancement({
    poolBalance: periods.map((p) => (p.final ? 0 : p.pool.endingBalance + p.pool.principalPurchased)),
    noteBalances: bySeniority.map((note) => periods.map((p) => p.notes.find((n) => n.id === note.id)?.endingBalance ?? 0)),
    ranks: bySeniority.map((note) => note.seniority),
    reserveBalance: periods.map((p) => p.reserve?.endingBalance ?? 0),
  });
  return prepared.file.notes.map((note) => ({ id: note.id, values: table[bySeniority.findIndex((n) => n.id === note.id)] ?? [] }));
}
