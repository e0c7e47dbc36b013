import { creditEnhancement, EngineError, roundCentsOfDouble, trancheSummary, xirr, type CashFlowLeg, type DealResult, type NoteLeg } from '../../engine/index.ts';
import type { DealRunResult, TrancheRow } from '../api/contract.ts';
import type { DealFile } from '../files/deal-file.ts';
import type { PreparedDeal } from './prepare-deal.ts';

function couponLabel(coupon: DealFile['notes'][number]['coupon']): string {
  if (coupon.type === 'fixed') return `${(coupon.rate * 100).toFixed(2)}% fixed`;
  if (coupon.type === 'floating') return `index ${coupon.margin >= 0 ? '+' : '−'} ${(Math.abs(coupon.margin) * 100).toFixed(2)}% floating`;
  return 'none (residual)';
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

/** Tranche analytics of each note: WAL (ACT/365 from closing), window, yield at par and duration (annual effective), loss, CE, equity IRR. */
export function trancheRows(prepared: PreparedDeal, result: DealResult): TrancheRow[] {
  const { file } = prepared;
  const closing = file.dates.closing;
  const frequency = file.dates.paymentFrequencyMonths ?? 1;
  const bySeniority = [...file.notes].sort((a, b) => a.seniority - b.seniority);
  const poolBalance = result.periods[0]?.pool.beginningBalance ?? 0;
  const ce = creditEnhancement({
    poolBalance: [poolBalance],
    noteBalances: bySeniority.map((n) => [n.originalBalance]),
    reserveBalance: [file.reserve?.initialDeposit ?? 0],
  });
  return file.notes.map((note) => {
    const leg = result.legs.find((l) => l.id === note.id);
    if (!leg) throw new Error(`no leg for note ${note.id}`);
    const periods = result.periods;
    const shortfall = periods.length > 0 ? (periods[periods.length - 1]?.notes.find((n) => n.id === note.id)?.interestShortfall ?? 0) : 0;
    const hasCoupon = note.coupon.type !== 'none';
    const summary = trancheSummary(analyticsLeg(leg, closing, 12 / frequency, !hasCoupon));
    const received = leg.dates.map((date, k) => ({ date, amount: (leg.principal[k] ?? 0) + (leg.interest[k] ?? 0) + (leg.residual[k] ?? 0) }));
    let irr: number | null = null;
    if (!hasCoupon && note.originalBalance > 0 && received.some((f) => f.amount > 0)) {
      try {
        irr = xirr([{ date: closing, amount: -note.originalBalance }, ...received.filter((f) => f.amount !== 0)]);
      } catch (error) {
        if (!(error instanceof EngineError)) throw error;
      }
    }
    const rank = bySeniority.findIndex((n) => n.id === note.id);
    const window = summary.principalWindow;
    return {
      id: note.id,
      name: note.name ?? note.id,
      seniority: note.seniority,
      originalBalance: note.originalBalance,
      coupon: couponLabel(note.coupon),
      walYears: summary.walYears,
      firstPrincipal: window ? { period: window.first.period, date: window.first.date } : null,
      lastPrincipal: window ? { period: window.last.period, date: window.last.date } : null,
      expectedFinal: summary.expectedFinalPayment,
      totalInterest: roundCentsOfDouble(leg.interest.reduce((a, b) => a + b, 0)),
      totalPrincipal: roundCentsOfDouble(leg.principal.reduce((a, b) => a + b, 0)),
      totalResidual: roundCentsOfDouble(leg.residual.reduce((a, b) => a + b, 0)),
      writeDown: roundCentsOfDouble(leg.writeDown.reduce((a, b) => a + b, 0)),
      lossRate: summary.totals.lossRate,
      interestShortfall: shortfall,
      yieldAtPar: hasCoupon ? summary.yield : null,
      modifiedDurationYears: hasCoupon ? summary.modifiedDurationYears : null,
      irr,
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
    reserveBalance: periods.map((p) => p.reserve?.endingBalance ?? 0),
  });
  return prepared.file.notes.map((note) => ({ id: note.id, values: table[bySeniority.findIndex((n) => n.id === note.id)] ?? [] }));
}
