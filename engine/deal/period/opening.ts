import type { CompiledDeal } from '../compile.ts';
import { Money, ZERO } from '../money.ts';
import type { RevolvingEnd } from '../result.ts';
import type { PeriodState } from '../state.ts';
import type { Deal } from '../types.ts';

/** What the run carries from one determination date to the next, besides the notes', fees' and reserve's balances. */
export interface RunHistory {
  /** Gross defaults since the cutoff date. */
  readonly cumulativeDefaults: Money;
  /** Pool losses since the cutoff date. */
  readonly cumulativeLosses: Money;
  /** Principal bought by revolving purchases on earlier payment dates (not the cash paid for it). */
  readonly cumulativePurchases: Money;
  /** The annualised excess spreads of the last (up to) three periods, oldest first. */
  readonly recentSpreads: readonly number[];
  /** By trigger: the first period it was breached, or null while it never has been. */
  readonly firstBreach: readonly (number | null)[];
  readonly revolvingEnd: RevolvingEnd | undefined;
  readonly cleanUpPeriod: number | undefined;
}

/** The waterfall's state at closing: the compiled notes, fees and reserve, no ledger, nothing paid. */
export function openingState(deal: Pick<Deal, 'revolving'>, compiled: CompiledDeal, cutoffBalance: Money): PeriodState {
  return {
    notes: compiled.notes,
    fees: compiled.fees,
    reserve: compiled.reserve,
    pdl: ZERO,
    principalDue: ZERO,
    pdlCured: ZERO,
    transfer: ZERO,
    purchasesCash: ZERO,
    principalPurchased: ZERO,
    principalCarriedIn: ZERO,
    principalAccount: ZERO,
    desk: undefined,
    seller: ZERO,
    poolAfter: ZERO,
    cutoffBalance,
    revolving: false,
    revolvingShare: new Money(deal.revolving?.excessSpreadShare ?? 0),
    final: false,
    sequential: false,
    trapping: false,
    breached: compiled.triggers.map(() => false),
  };
}

export function openingHistory(triggerCount: number): RunHistory {
  return {
    cumulativeDefaults: ZERO,
    cumulativeLosses: ZERO,
    cumulativePurchases: ZERO,
    recentSpreads: [],
    firstBreach: Array.from({ length: triggerCount }, () => null),
    revolvingEnd: undefined,
    cleanUpPeriod: undefined,
  };
}
