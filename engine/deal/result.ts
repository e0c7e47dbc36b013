import type { PoolPeriodFlows } from './pool-source.ts';
import type { PurchaseRefusal } from './purchases.ts';
import type { CumulativeRatioDenominator, TriggerMetric } from './types.ts';

export type { PurchaseRefusal };

/**
 * What runDeal returns. Money amounts are numbers in yuan holding exact cent values (each read from
 * the waterfall's decimal with toNumber, so 1234.5 means 1234.50); ratios are float64.
 */
export interface DealResult {
  readonly periods: readonly DealPeriod[];
  /** Flat list of the waterfall's step paths (`waterfall.interest[2]`, `acceleration[0]`, …), the index of DealPeriod.steps. */
  readonly stepPaths: readonly string[];
  /** Cumulative gross defaults ÷ the deal's cumulativeRatioDenominator, by period (index 0 = period 1). */
  readonly cumulativeDefaultRate: readonly number[];
  /** The denominator the cumulative default and net loss rates use (the deal's, or the default). */
  readonly cumulativeRatioDenominator: CumulativeRatioDenominator;
  /** Cumulative pool losses (defaults × (1 − recovery rate), booked at default), by period. */
  readonly cumulativeNetLoss: readonly number[];
  /** Undefined for a deal without a revolving period. */
  readonly revolvingEnd?: RevolvingEnd;
  /** Trigger id → first period it was breached, or null if never. */
  readonly triggerFirstBreach: Readonly<Record<string, number | null>>;
  /** One leg per note, in the deal's note order, for analytics. */
  readonly legs: readonly NoteLeg[];
  /** The period the clean-up call was exercised on, if it was. */
  readonly cleanUpPeriod?: number;
}

export interface RevolvingEnd {
  /** First payment period that did not revolve. */
  readonly period: number;
  readonly paymentDate: string;
  readonly reason: 'scheduled' | 'trigger' | 'dealEnded';
  readonly trigger?: string;
}

/**
 * The pool on one payment date: the collection months of the period summed (balances and
 * delinquencies from its first / last month), each amount at cents. `endingBalance` is at the
 * collection period's end, before the payment date's purchases and any clean-up sale.
 */
export interface PoolSummary extends PoolPeriodFlows {
  /** endingBalance ÷ cutoff balance. */
  readonly poolFactor: number;
  /** Cash paid for revolving purchases on this payment date. */
  readonly purchasesCash: number;
  /** Principal bought on this payment date (cash ÷ price, half-up to cents): it joins the pool after endingBalance. */
  readonly principalPurchased: number;
  /** Cash a refused purchase left in the principal account on this date (carried to the next date's principal funds), and why. */
  readonly purchaseRefused: PurchaseRefused;
  /** Clean-up call proceeds (par of the performing balance) when exercised on this date. */
  readonly cleanUpProceeds: number;
}

/** Cash of revolving purchases not made: the eligible loans ran out (cap) or loans failed a criterion. */
export interface PurchaseRefused {
  readonly cash: number;
  /** Every reason that cut a purchase on this date, in the order met. */
  readonly reasons: readonly PurchaseRefusal[];
}

export interface FeePeriod {
  readonly id: string;
  /** Accrued this period + unpaid carried in. */
  readonly due: number;
  /** From funds and reserve draws. */
  readonly paid: number;
  readonly unpaid: number;
}

export interface NotePeriod {
  readonly id: string;
  readonly beginningBalance: number;
  /** Coupon rate applied this period (decimal p.a.). */
  readonly couponRate: number;
  /** This period's accrual + carried shortfall (+ interest on it). */
  readonly interestDue: number;
  readonly interestPaid: number;
  /** Unpaid interest carried to the next period (lost after the final period). */
  readonly interestShortfall: number;
  /** Principal paid, including writeDownReimbursed (cash that does not reduce the balance). */
  readonly principalPaid: number;
  /** Written down this period (≥ 0). */
  readonly writeDown: number;
  /** Earlier write-downs reimbursed this period by a residual step (see Deal.lossAllocation), included in principalPaid. */
  readonly writeDownReimbursed: number;
  readonly endingBalance: number;
  /** PDL sub-ledger debit after this payment date (0 under write-down allocation). */
  readonly pdlBalance: number;
  /** Residual (excess return) paid to the note by a residual step. */
  readonly residualPaid: number;
  /** Periodic return (期间收益) paid by periodicReturn steps (present when the deal has one): non-cumulative. */
  readonly periodicReturnPaid?: number;
}

export interface ReservePeriod {
  readonly beginningBalance: number;
  readonly target: number;
  readonly release: number;
  readonly draws: number;
  readonly deposits: number;
  readonly endingBalance: number;
}

/** The principal-cover ledger on one payment date (本金账户补足 / 收入账户偿还). */
export interface PrincipalCoverPeriod {
  /** Principal funds that covered interest-waterfall shortfalls this date. */
  readonly drawn: number;
  /** Repaid from the interest pot into the principal pot by repayPrincipalCover steps. */
  readonly repaid: number;
  /** Covered and not yet repaid, after the date. */
  readonly ledger: number;
}

export interface TriggerPeriod {
  readonly id: string;
  /** What the trigger measures (schema.ts, `metric`), so a chart can set its threshold against the right series. */
  readonly metric: TriggerMetric;
  /** The value tested: the metric, or its mean over the trigger's `averageOver` dates. */
  readonly value: number;
  readonly threshold: number;
  /** What value and threshold measure: a decimal ratio (0.05 = 5%), or an amount of money (interestShortfall). */
  readonly unit: 'ratio' | 'money';
  /** This period's test: value breachedWhen threshold. */
  readonly tested: boolean;
  /** In force this period: the test held on the trigger's `consecutivePeriods` dates in a row, or it was breached earlier and is not curable. */
  readonly breached: boolean;
  /** The early-warning level this period (only for a trigger with one). */
  readonly warningThreshold?: number;
  /** value breachedWhen warningThreshold: reported, changes nothing (only for a trigger with a warning level). */
  readonly warning?: boolean;
}

export interface DealPeriod {
  readonly period: number;
  readonly accrualStart: string;
  readonly paymentDate: string;
  readonly pool: PoolSummary;
  /** Servicing strip kept by the servicer out of the period's interest collections: pool.servicingFee, at most interest + penalty interest collected. */
  readonly servicingStrip: number;
  /**
   * Funds before reserve release and draws: interest pot (interest + penalty − servicing strip + recoveries) and principal pot
   * (scheduled + prepaid + clean-up + `principalCarried`, the cash of purchases refused on the previous payment date).
   */
  /** yieldSupplement: withdrawn from the yield supplement account into the interest pot (present when the deal has one). */
  readonly availableFunds: { readonly interest: number; readonly principal: number; readonly principalCarried: number; readonly yieldSupplement?: number };
  readonly fees: readonly FeePeriod[];
  readonly notes: readonly NotePeriod[];
  readonly reserve?: ReservePeriod;
  /** Present when the waterfall names principalCovers: principal funds drawn to cover interest-waterfall shortfalls, repaid to principal, and the ledger after the date. */
  readonly principalCover?: PrincipalCoverPeriod;
  readonly triggers: readonly TriggerPeriod[];
  /** Interest + penalty interest − servicing strip − fees accrued − notes' coupon accrued this period (carried amounts excluded); may be negative. */
  readonly excessSpread: number;
  /** Available funds (interest pot, or the whole pot when combined) ÷ (senior fees due + interest due of the most senior class outstanding); null when nothing is due. */
  readonly liquidityCoverage: number | null;
  /** The coverage ratios' denominator: senior fees due + interest due (with any carried shortfall) of the most senior class outstanding. */
  readonly seniorDue: number;
  readonly revolving: boolean;
  readonly accelerated: boolean;
  readonly final: boolean;
  /** PDL cured this period (added to the principal due). */
  readonly pdlCured: number;
  readonly residualToSeller: number;
  /** Principal the per-unit payout rounding left unpaid, carried to the next date's principal funds (present with payoutRounding). */
  readonly principalRoundingCarried?: number;
  /** Excess servicing fee (超额服务费) paid to the servicer by excessServicing steps (present when the deal has one). */
  readonly excessServicing?: number;
  /** Amount paid by each step, indexed like DealResult.stepPaths. */
  readonly steps: readonly number[];
}

/** A note's cash-flow leg: one entry per payment period, money in yuan. */
export interface NoteLeg {
  readonly id: string;
  readonly originalBalance: number;
  readonly dates: readonly string[];
  readonly principal: readonly number[];
  /** Coupon interest paid, plus any periodic return (期间收益). */
  readonly interest: readonly number[];
  readonly writeDown: readonly number[];
  /** Ending balance after the payment date. */
  readonly balance: readonly number[];
  readonly residual: readonly number[];
}
