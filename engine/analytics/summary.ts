import { EngineError } from '../errors.ts';
import type { YieldConvention } from './discount.ts';
import { durationsAtYield } from './duration.ts';
import type { CashFlowLeg } from './leg.ts';
import { DEFAULT_TIME_BASIS, type TimeBasis } from './time-basis.ts';
import { legTotals, type LegTotals } from './totals.ts';
import { weightedAverageLife } from './wal.ts';
import { expectedFinalPayment, principalWindow, type LegPeriod, type PrincipalWindow } from './window.ts';
import { yieldAtPrice } from './yield.ts';

export interface TrancheSummaryOptions {
  /** Time basis of the WAL; default 'ACT/365' from the settlement date. */
  readonly walBasis?: TimeBasis;
  /** Convention of the yield and durations; default 'annualEffective' (ACT/365, as XIRR). */
  readonly yieldConvention?: YieldConvention;
  /** Price, percent of par of balanceAtSettlement, at which yield and durations are taken; default 100 (par). */
  readonly pricePct?: number;
}

/** One note's headline analytics. Units: years, decimals (0.05 = 5%), percent of par for prices, money in the leg's currency. */
export interface TrancheSummary {
  /** Weighted average life, years on walBasis; null when no principal is repaid. */
  readonly walYears: number | null;
  readonly walBasis: TimeBasis;
  readonly principalWindow: PrincipalWindow | null;
  /** Last period paying principal or interest under this scenario; null when the leg pays nothing. */
  readonly expectedFinalPayment: LegPeriod | null;
  readonly totals: LegTotals;
  readonly pricePct: number;
  readonly yieldConvention: YieldConvention;
  /** Yield at pricePct, decimal, quoted in yieldConvention; null when the leg pays no cash or has no face at settlement. */
  readonly yield: number | null;
  readonly macaulayDurationYears: number | null;
  /** Modified duration at that yield, years (Macaulay / (1 + y/m), see durationsAtYield). */
  readonly modifiedDurationYears: number | null;
}

/**
 * A yield, or null when none is quotable: a leg whose cash flows are worth less than the price even
 * discounted at −100% to machine precision (a note that repays almost nothing of its price within
 * days: 0.4% of par one month after settlement needs an annual yield of −1 + 1.7 × 10⁻²⁸, which a
 * double cannot tell from −100%) has no sign change for the root finder to find.
 */
function quotableYield(solve: () => number): number | null {
  try {
    return solve();
  } catch (error) {
    if (error instanceof EngineError && error.code === 'ROOT_NOT_BRACKETED') return null;
    throw error;
  }
}

/**
 * The headline analytics of a note's leg in one call: WAL, principal window, expected final payment,
 * totals with loss rate and interest shortfall, yield at a price (par by default) and Macaulay and
 * modified duration at that yield. Each figure is the function of the same name in engine/analytics.
 */
export function trancheSummary(leg: CashFlowLeg, options: TrancheSummaryOptions = {}): TrancheSummary {
  const walBasis = options.walBasis ?? DEFAULT_TIME_BASIS;
  const yieldConvention = options.yieldConvention ?? 'annualEffective';
  const pricePct = options.pricePct ?? 100;
  const totals = legTotals(leg);
  const priced = totals.totalCashFlow > 0 && (leg.balanceAtSettlement ?? leg.originalBalance) > 0;
  const yieldRate = priced ? quotableYield(() => yieldAtPrice(leg, pricePct, yieldConvention)) : null;
  const durations = yieldRate === null ? null : durationsAtYield(leg, yieldRate, yieldConvention);
  return {
    walYears: totals.totalPrincipal > 0 ? weightedAverageLife(leg, walBasis) : null,
    walBasis,
    principalWindow: principalWindow(leg),
    expectedFinalPayment: expectedFinalPayment(leg),
    totals,
    pricePct,
    yieldConvention,
    yield: yieldRate,
    macaulayDurationYears: durations?.macaulayYears ?? null,
    modifiedDurationYears: durations?.modifiedYears ?? null,
  };
}
