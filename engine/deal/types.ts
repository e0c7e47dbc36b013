import type { DayCount } from '../daycount.ts';

/**
 * A deal as a trust deed states it, in plain JSON-able data: the service layer parses a deal file
 * into this type (and publishes its JSON Schema). Conventions, for every field below:
 *  - Money in yuan (or dollars) as numbers; the waterfall reads each amount as a decimal at cents.
 *  - Rates are decimals (0.045, not 4.5) per annum unless the name says otherwise; percentages of a
 *    balance are decimals too (0.02 = 2 %).
 *  - Dates are ISO `YYYY-MM-DD` strings. Ids are strings, unique within their list; steps refer to
 *    notes, fees and triggers by id.
 *  - Payment periods are numbered 1, 2, … from the first payment date.
 */
export interface Deal {
  readonly name?: string;
  readonly dates: DealDates;
  /** In any order: seniority comes from each note's `seniority` rank, never from list position. */
  readonly notes: readonly NoteSpec[];
  readonly fees?: readonly FeeSpec[];
  readonly reserve?: ReserveSpec;
  readonly triggers?: readonly TriggerSpec[];
  readonly waterfall: Waterfall;
  /**
   * How pool defaults reach the notes (default `writeDown`):
   *  - `writeDown`: after the period's payments, the amount by which the notes' total balance exceeds
   *    the collateral — the pool's ending balance (after purchases) plus the reserve balance (cash the
   *    final period releases to the notes) — is written off the notes in reverse seniority (the US
   *    "applied realised loss" convention). Balances are never written back up, but the residual step
   *    first reimburses earlier write-downs, most senior class first, as principal (the period's
   *    write-down nets to a negative amount), so later recoveries or excess spread do not reach the
   *    residual holder while a note has lost principal. So that
   *    excess spread covers losses before anything reaches the residual, the principal due of a
   *    non-final period is at least the notes' start-of-period balance less that collateral.
   *  - `pdl`: a principal deficiency ledger is debited with the period's gross defaults on the
   *    determination date (before the payments), split into per-note sub-ledgers in reverse seniority
   *    up to each note's balance; `pdlCure` steps clear debits most-senior first and the cured amount
   *    is paid as principal. Note balances are only reduced by principal paid; what is still unpaid
   *    (or still debited) at the final period is written down then.
   */
  readonly lossAllocation?: 'writeDown' | 'pdl';
  readonly revolving?: RevolvingSpec;
  readonly cleanUpCall?: CleanUpCallSpec;
}

export interface DealDates {
  /** Pool cutoff date: the pool's projection month 1 is the first collection period after it. */
  readonly cutoff: string;
  /** Closing (issue) date: the notes' first accrual period runs from closing to the first payment date. */
  readonly closing: string;
  readonly firstPaymentDate: string;
  /**
   * Months between payment dates (default 1; 3 = quarterly). Payment date p = first payment date +
   * (p − 1) × this many months, clamped to month end (engine/dates.ts addMonths). Each payment period
   * collects this many consecutive pool projection months: period p sums months (p − 1)·f + 1 … p·f.
   */
  readonly paymentFrequencyMonths?: number;
  /** Legal final maturity: the last payment date on or before it is the final period. */
  readonly legalFinalMaturity: string;
}

/** Coupon of a note. Every rate is a decimal per annum. */
export type Coupon =
  | { readonly type: 'fixed'; readonly rate: number }
  | {
      readonly type: 'floating';
      /** Index fixing by payment period: index[p − 1] applies to period p; the last value is held flat. */
      readonly index: readonly number[];
      readonly margin: number;
      /** Coupon floor; the coupon is never below 0 whatever the floor. */
      readonly floor?: number;
      readonly cap?: number;
    }
  /** No coupon: an equity / residual note (次级) that earns only principal and residual. */
  | { readonly type: 'none' };

export interface NoteSpec {
  readonly id: string;
  readonly name?: string;
  /**
   * Rank, 1 = most senior. Notes of equal rank form one class: paid pro rata by balance within the
   * class under sequential rules and acceleration, written down pro rata by balance.
   */
  readonly seniority: number;
  readonly originalBalance: number;
  readonly coupon: Coupon;
  /** Accrual day count of the coupon (default ACT/365). */
  readonly dayCount?: DayCount;
  /**
   * Unpaid interest is always carried forward and due on the next payment date. With
   * `interestOnShortfall` the carried amount also accrues interest at the note's coupon over the next
   * accrual period (default false).
   */
  readonly interestOnShortfall?: boolean;
}

/**
 * A fee. Due each period = this period's accrual (rounded half-up to cents) + any unpaid amount
 * carried from earlier periods (unpaid fees carry forward without interest). Seniority is the
 * position of its step in the waterfall; `senior` only marks it for liquidity coverage, for the
 * reserve's default cover and for the acceleration waterfall.
 */
export interface FeeSpec {
  readonly id: string;
  readonly name?: string;
  readonly basis: FeeBasis;
  /** Default true. */
  readonly senior?: boolean;
}

export type FeeBasis =
  /** rateAnnual × pool balance at the start of the collection period × day-count fraction of the accrual period. */
  | { readonly type: 'poolBalance'; readonly rateAnnual: number; readonly dayCount?: DayCount }
  /** rateAnnual × Σ balances of `notes` (default: all notes) at the start of the period × day-count fraction. */
  | { readonly type: 'noteBalance'; readonly rateAnnual: number; readonly notes?: readonly string[]; readonly dayCount?: DayCount }
  /** The same amount every payment period. */
  | { readonly type: 'fixed'; readonly amount: number }
  /** One amount, due on payment period `period` (default 1). */
  | { readonly type: 'oneOff'; readonly amount: number; readonly period?: number };

/**
 * Reserve (liquidity) account. It is funded with `initialDeposit` at closing (outside the period
 * reconciliation: money the issuer put in before period 1) and earns no interest.
 */
export interface ReserveSpec {
  readonly initialDeposit: number;
  readonly target: ReserveTarget;
  /**
   * What the reserve may pay: when a step for one of these fees or notes' interest finds the funds
   * short, the shortfall is drawn from the reserve at that step. Defaults: every senior fee, and the
   * interest of the most senior class. At the final period (legal final, clean-up call, last pool
   * period) or on acceleration the whole balance is released into available funds, so it pays
   * principal at final maturity.
   */
  readonly covers?: { readonly fees?: readonly string[]; readonly notes?: readonly string[] };
}

/**
 * Target = clamp(percent × basis, floor, cap), never above the notes' total balance outstanding at
 * the start of the period, rounded half-up to cents. Bases: `currentNoteBalance` = Σ balances of
 * `notes` (default all) at the start of the period (before this payment date's principal);
 * `initialNoteBalance` = Σ their original balances. Balance above the target is released into
 * available funds at the start of the period (unless a trap-excess-spread trigger is in force).
 */
export interface ReserveTarget {
  readonly basis: 'currentNoteBalance' | 'initialNoteBalance';
  readonly percent: number;
  readonly notes?: readonly string[];
  readonly floor?: number;
  readonly cap?: number;
}

export const TRIGGER_METRICS = [
  'cumulativeDefaultRate',
  'delinquency60Plus',
  'delinquency90Plus',
  'reserveToTarget',
  'poolFactor',
  'excessSpreadAverage',
  'noteBalanceRatio',
] as const;
/**
 * Trigger metrics, each measured on the determination date after the collection period and
 * effective for that period's payment date:
 *  - cumulativeDefaultRate: cumulative gross defaults ÷ (cutoff pool balance + cumulative revolving purchases).
 *  - delinquency60Plus / delinquency90Plus: 61+ / 91+ days past due principal ÷ pool balance, both at the collection period's end.
 *  - reserveToTarget: reserve balance carried from the previous payment date ÷ this period's target (1 when the target is 0).
 *  - poolFactor: pool balance at the collection period's end ÷ cutoff pool balance.
 *  - excessSpreadAverage: mean of the annualised excess spread (excess spread ÷ pool beginning balance × 12 ÷ months per period) of this and the two previous periods (fewer at the start).
 *  - noteBalanceRatio: Σ balances of the trigger's `notes` at the start of the period ÷ pool balance at the collection period's end (0 when the pool is empty and the notes are paid, +∞ when only the pool is empty).
 */
export type TriggerMetric = (typeof TRIGGER_METRICS)[number];

export const TRIGGER_EFFECTS = ['sequential', 'endRevolving', 'accelerate', 'trapExcessSpread'] as const;
/**
 * What a breached trigger does, from the payment date it is breached on:
 *  - sequential: every pro-rata principal step pays sequentially.
 *  - endRevolving: the revolving period ends for good (early amortisation).
 *  - accelerate: the acceleration waterfall replaces the deal's (see run.ts).
 *  - trapExcessSpread: the residual (the excess spread left after every step) is deposited in the reserve instead of
 *    being paid out, and nothing is released from the reserve; at the final period the reserve is released as usual.
 */
export type TriggerEffect = (typeof TRIGGER_EFFECTS)[number];

export type Comparator = '>' | '>=' | '<' | '<=';

/** One band of a by-period threshold; bands run contiguously from period 1, the last open-ended. */
export interface ThresholdBand {
  readonly fromPeriod: number;
  /** Inclusive; omitted on the last band only. */
  readonly toPeriod?: number;
  readonly threshold: number;
}

export interface TriggerSpec {
  readonly id: string;
  readonly name?: string;
  readonly metric: TriggerMetric;
  /** Notes whose balances the noteBalanceRatio metric sums (required for it, ignored otherwise). */
  readonly notes?: readonly string[];
  /** The trigger is breached when `value breachedWhen threshold` holds (e.g. '>' for a default rate). */
  readonly breachedWhen: Comparator;
  readonly threshold: number | readonly ThresholdBand[];
  /** Curable triggers are re-tested each period; non-curable ones stay breached once breached (default false). */
  readonly curable?: boolean;
  readonly effects: readonly TriggerEffect[];
}

/**
 * The priority of payments, run in order on each payment date.
 *  - `combined`: one pot of available funds = interest collections + penalty interest + recoveries +
 *    scheduled principal + prepayments + clean-up proceeds + reserve release.
 *  - separate: the interest waterfall's pot = interest collections + penalty interest + recoveries +
 *    reserve release; the principal waterfall's pot = scheduled principal + prepayments + clean-up
 *    proceeds + PDL cures and whatever is left at the end of the interest waterfall (the interest
 *    waterfall runs first). The principal (or combined) waterfall must end with a residual step.
 */
export type Waterfall = { readonly combined: readonly Step[] } | { readonly interest: readonly Step[]; readonly principal: readonly Step[] };

export type PrincipalRule = 'sequential' | 'proRata' | 'proRataThenSequential';

/**
 * How much a principal step may pay (besides the funds in its pot and the notes' balances):
 *  - principalDue: the period's principal distribution amount not yet paid = scheduled principal +
 *    prepayments + clean-up proceeds + PDL cured this period; in write-down mode at least the notes'
 *    balance less the collateral (pool ending balance + reserve after its release), see Deal.lossAllocation
 *    (at the final period: every note's balance).
 *  - available: everything in the pot.
 *  - targetOC: down to the target note balance = pool ending balance − OC target, where
 *    OC target = max(ocPercent × pool ending balance, ocFloor × cutoff pool balance).
 */
export type PrincipalAmount = 'principalDue' | 'available' | 'targetOC';

export type Step =
  | { readonly kind: 'fee'; readonly fee: string }
  /** Interest due of the notes, pro rata by amount due (largest remainder at cents). */
  | { readonly kind: 'interest'; readonly notes: readonly string[] }
  /** Deposits up to the reserve's target. */
  | { readonly kind: 'reserveTopUp' }
  | {
      readonly kind: 'principal';
      /** Default: all notes. Sequential pays them by seniority (ties pro rata by balance); pro rata by balance. */
      readonly notes?: readonly string[];
      readonly rule: PrincipalRule;
      /** proRataThenSequential: sequential once any of these triggers is breached (also once any 'sequential' trigger is). */
      readonly triggers?: readonly string[];
      /** Default principalDue. */
      readonly amount?: PrincipalAmount;
      readonly ocPercent?: number;
      readonly ocFloor?: number;
    }
  /** PDL mode: clears PDL debits most-senior first from the pot and adds the cure to the principal due. */
  | { readonly kind: 'pdlCure' }
  /** All the funds left in the pot to principal, sequentially (default: all notes). */
  | { readonly kind: 'turbo'; readonly notes?: readonly string[] }
  /**
   * Everything left in the pot: first it reimburses earlier write-downs (see Deal.lossAllocation), the
   * rest to a note (recorded as its residual, not principal) or to the seller.
   */
  | { readonly kind: 'residual'; readonly to: string };

export const SELLER = 'seller';

/**
 * Revolving period: on the payment dates of periods 1 … `periods` (unless a trigger with the
 * endRevolving effect ends it earlier) principal steps with the principalDue amount buy new loans for
 * the pool instead of paying principal, and `excessSpreadShare` (default 0) of every residual (after
 * it has reimbursed any write-downs) is spent on new loans too. Purchases join the pool at the payment date: their flows start with the
 * next collection period (see pool-source.ts). Other principal steps (available, targetOC, turbo) are
 * skipped while revolving.
 */
export interface RevolvingSpec {
  readonly periods: number;
  readonly excessSpreadShare?: number;
}

/**
 * Clean-up call: on the first payment date (after any revolving period, while notes are outstanding)
 * whose collection period ends with pool factor ≤ `poolFactor` and where the sale repays every note
 * in full (sale proceeds + the period's principal collections + the reserve ≥ the notes' balance —
 * otherwise the call waits), the pool is sold at par of its performing balance (ending balance less
 * the 61+ days delinquent balance), the proceeds join principal funds and that period is final.
 */
export interface CleanUpCallSpec {
  readonly poolFactor: number;
}
