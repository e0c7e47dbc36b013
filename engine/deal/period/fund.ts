import type { Collections } from '../collections.ts';
import { maxMoney, minMoney, type Money, ZERO } from '../money.ts';
import type { ReserveState } from '../state.ts';
import type { Accruals } from './accrue.ts';
import type { Determination } from './determine.ts';
import type { LossAllocation } from './losses.ts';

/** A payment date's funds and principal due before the first step (step 4). */
export interface Funding {
  /** Interest pot before reserve release and draws: interest + penalty interest − the servicing strip + recoveries + the yield supplement withdrawn. */
  readonly interest: Money;
  /** The servicing strip kept by the servicer out of interest collections (Accruals.servicingStrip): money in, never in a pot. */
  readonly servicingStrip: Money;
  /** Principal pot: scheduled principal + prepayments + clean-up proceeds + the cash carried in the principal account. */
  readonly principal: Money;
  /** Cash of purchases refused on the previous payment date, carried into this date's principal funds (and principal due). */
  readonly principalCarried: Money;
  /** Par of the loans not 60+ days delinquent, when the clean-up call sells the pool on this date. */
  readonly cleanUpProceeds: Money;
  /** Withdrawn from the yield supplement account into the interest (or combined) pot. */
  readonly yieldSupplement: Money;
  /** Reserve released into the interest (or combined) pot. */
  readonly release: Money;
  /** The principal distribution amount before any step pays it. */
  readonly principalDue: Money;
  /** The pool principal after the period (before purchases): its ending balance, or nothing once sold by the clean-up call. */
  readonly poolAfter: Money;
  /** The principal deficiency ledger after this period's defaults (unchanged under write-down allocation). */
  readonly pdl: Money;
}

/**
 * Step 4: the available funds (interest collections net of the servicing strip); the reserve release (the excess over target, or everything at the
 * final period or on acceleration); the principal due (all the notes at the final period, else the
 * principal collections and the cash carried in the principal account from a refused purchase); under PDL allocation the ledger debited with the period's gross defaults
 * (recoveries are interest-pot revenue), under write-down allocation the principal due raised to
 * the notes' excess over the collateral.
 */
export function fundPeriod(
  flows: Collections,
  accruals: Pick<Accruals, 'interestCollections' | 'servicingStrip' | 'notesBegin'>,
  determination: Pick<Determination, 'cleanUp' | 'final' | 'accelerated' | 'trapping'>,
  reserve: Pick<ReserveState, 'balance' | 'target'> | undefined,
  pdl: Money,
  lossAllocation: LossAllocation,
  principalCarried: Money = ZERO,
  yieldSupplement: Money = ZERO,
): Funding {
  const { cleanUp, final } = determination;
  const { notesBegin } = accruals;
  const cleanUpProceeds = cleanUp ? maxMoney(flows.endingBalance.minus(flows.delinquent60Plus), ZERO) : ZERO;
  const principal = flows.scheduledPrincipal.plus(flows.prepayments).plus(cleanUpProceeds).plus(principalCarried);
  const poolAfter = cleanUp ? ZERO : flows.endingBalance;
  const release = reserve === undefined ? ZERO : reserveRelease(reserve, final || determination.accelerated, determination.trapping);
  const reserveAfter = reserve === undefined ? ZERO : reserve.balance.minus(release);
  let principalDue = final ? notesBegin : principal;
  if (lossAllocation === 'writeDown' && !final) principalDue = coveringPrincipalDue(principalDue, notesBegin, poolAfter, reserveAfter);
  return {
    interest: accruals.interestCollections.plus(flows.recoveries).plus(yieldSupplement),
    yieldSupplement,
    servicingStrip: accruals.servicingStrip,
    principal,
    principalCarried,
    cleanUpProceeds,
    release,
    principalDue,
    poolAfter,
    pdl: lossAllocation === 'pdl' ? pdlAfterDefaults(pdl, flows.defaults, notesBegin) : pdl,
  };
}

function reserveRelease(reserve: Pick<ReserveState, 'balance' | 'target'>, releaseAll: boolean, trapping: boolean): Money {
  if (releaseAll) return reserve.balance;
  if (!trapping && reserve.balance.gt(reserve.target)) return reserve.balance.minus(reserve.target);
  return ZERO;
}

/** The ledger debited with the period's gross defaults, never above the notes outstanding. */
function pdlAfterDefaults(pdl: Money, defaults: Money, notesBegin: Money): Money {
  return pdl.plus(minMoney(defaults, maxMoney(notesBegin.minus(pdl), ZERO)));
}

/**
 * Write-down allocation: the principal due covers at least the notes' excess over the collateral
 * (pool after the period + reserve after its release), so funds that would otherwise go to the
 * residual pay the notes down (or, while revolving, replace defaulted loans) before anything is
 * written off.
 */
function coveringPrincipalDue(principalDue: Money, notesBegin: Money, poolAfter: Money, reserveAfter: Money): Money {
  const uncovered = notesBegin.minus(poolAfter).minus(reserveAfter);
  return uncovered.gt(principalDue) ? uncovered : principalDue;
}
