import type { CompiledDeal } from '../compile.ts';
import { Money, ZERO } from '../money.ts';
import type { RevolvingEnd } from '../result.ts';
import type { PeriodState } from '../state.ts';
import { NO_TRIGGER_HISTORY, type TriggerHistory } from '../triggers.ts';
import type { Deal } from '../types.ts';

/** What the run carries from one determination date to the next, besides the notes', fees' and reserve's balances. */
export interface RunHistory {
  /** Gross defaults since the cutoff date. */
  readonly cumulativeDefaults: Money;
  /** Defaults by the deal's default definition since the cutoff date (zero when the deal states none). */
  readonly cumulativeDefinitionDefaults: Money;
  /** Recoveries since the cutoff date. */
  readonly cumulativeRecoveries: Money;
  /** Pool losses since the cutoff date. */
  readonly cumulativeLosses: Money;
  /** Principal bought by revolving purchases on earlier payment dates (not the cash paid for it). */
  readonly cumulativePurchases: Money;
  /** The annualised excess spreads of the last (up to) three periods, oldest first. */
  readonly recentSpreads: readonly number[];
  /** By trigger: its first breach, its recent metric values and its run of tests that held. */
  readonly triggers: readonly TriggerHistory[];
  readonly revolvingEnd: RevolvingEnd | undefined;
  /** The pool balance when revolving ended (the denominator of the cumulative rates under initialPoolThenRevolvingEnd), once known. */
  readonly revolvingEndPool: Money | undefined;
  readonly cleanUpPeriod: number | undefined;
}

/** The waterfall's state at closing: the compiled notes, fees and reserve, no ledger, nothing paid. */
export function openingState(
  deal: Pick<Deal, 'revolving' | 'yieldSupplementOC' | 'yieldSupplementAccount' | 'payoutRounding'>,
  compiled: CompiledDeal,
  cutoffBalance: Money,
  cutoffYieldSupplementOC: Money = ZERO,
): PeriodState {
  return {
    notes: compiled.notes,
    fees: compiled.fees,
    reserve: compiled.reserve,
    principalCover: compiled.principalCover,
    pdl: ZERO,
    principalDue: ZERO,
    pdlCured: ZERO,
    transfer: ZERO,
    purchasesCash: ZERO,
    principalPurchased: ZERO,
    principalCarriedIn: ZERO,
    principalAccount: ZERO,
    faceUnit: deal.payoutRounding === undefined ? undefined : new Money(deal.payoutRounding.faceUnit),
    roundingCarried: ZERO,
    purchaseOffered: ZERO,
    desk: undefined,
    seller: ZERO,
    excessServicing: ZERO,
    poolAfter: ZERO,
    cutoffBalance,
    yieldSupplementOC: ZERO,
    yieldSupplementAccount: deal.yieldSupplementAccount === undefined ? undefined : new Money(deal.yieldSupplementAccount.initialDeposit),
    cutoffYieldSupplementOC,
    revolving: false,
    revolvingShare: new Money(deal.revolving?.excessSpreadShare ?? 0),
    final: false,
    sequential: false,
    trapping: false,
    breached: compiled.triggers.map(() => false),
    accrualDays: undefined,
    paymentDate: '',
  };
}

export function openingHistory(triggerCount: number): RunHistory {
  return {
    cumulativeDefaults: ZERO,
    cumulativeDefinitionDefaults: ZERO,
    cumulativeRecoveries: ZERO,
    cumulativeLosses: ZERO,
    cumulativePurchases: ZERO,
    recentSpreads: [],
    triggers: Array.from({ length: triggerCount }, () => NO_TRIGGER_HISTORY),
    revolvingEnd: undefined,
    revolvingEndPool: undefined,
    cleanUpPeriod: undefined,
  };
}
