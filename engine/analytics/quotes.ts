import { interbankYieldAtPrice, type InterbankYieldOptions } from './interbank.ts';
import type { CashFlowLeg } from './leg.ts';
import { yieldAtPrice } from './yield.ts';

/** One price's yield in each market's quote, decimals (0.05 = 5%). */
export interface YieldQuotes {
  /** Annual effective on actual dates, ACT/365 from settlement (Excel's XIRR). */
  readonly annualEffective: number;
  /** Semi-annual compounding on the payment schedule (SIFMA bond-equivalent yield). */
  readonly bondEquivalent: number;
  /** Monthly compounding on the payment schedule (SIFMA mortgage yield; 12 × r for a monthly note). */
  readonly mortgageEquivalent: number;
  /** Compounded at the payment frequency on actual days, simple in the final period (China interbank, interbank.ts). */
  readonly chinaInterbank: number;
}

/**
 * The yield of a leg at one price (percent of par; full price for the interbank quote, equal to
 * the clean price at closing or on a payment date) in every convention a desk quotes: the US
 * ones of discount.ts and the China interbank one of interbank.ts.
 */
export function yieldQuotesAtPrice(leg: CashFlowLeg, pricePct: number, interbank: InterbankYieldOptions = {}): YieldQuotes {
  return {
    annualEffective: yieldAtPrice(leg, pricePct, 'annualEffective'),
    bondEquivalent: yieldAtPrice(leg, pricePct, 'bondEquivalent'),
    mortgageEquivalent: yieldAtPrice(leg, pricePct, 'mortgageEquivalent'),
    chinaInterbank: interbankYieldAtPrice(leg, pricePct, interbank),
  };
}
