import { assertMonths, assertUnitRate, curveError } from './checks.ts';

export interface RecoverySchedule {
  /** Recoveries in projection month t at index t − 1, in the units of the defaults (money, or fractions of a balance). */
  readonly recoveries: Float64Array;
  /** Recoveries that land after the last projected month: index j is month N + 1 + j (length = lag). */
  readonly afterHorizon: Float64Array;
  /** Sum of afterHorizon: recovered, just after the horizon — not lost. */
  readonly afterHorizonTotal: number;
}

/** Recovery rate from loss severity: recovery = 1 − severity (decimals; 0.35 severity → 0.65 recovered). */
export function recoveryRateFromSeverity(lossSeverity: number): number {
  assertUnitRate(lossSeverity, 'lossSeverity');
  return 1 - lossSeverity;
}

/** Loss severity from recovery rate: severity = 1 − recovery. */
export function lossSeverityFromRecoveryRate(recoveryRate: number): number {
  assertUnitRate(recoveryRate, 'recoveryRate');
  return 1 - recoveryRate;
}

/**
 * Recoveries on defaulted principal: a default of D in month t recovers recoveryRate × D in month
 * t + lagMonths (lag 0: the same month). Amounts pushed past the last month of `defaultAmounts`
 * are returned in `afterHorizon` rather than dropped, so recoveries + afterHorizon always equal
 * recoveryRate × total defaults.
 */
export function recoverySchedule(defaultAmounts: Float64Array, recoveryRate: number, lagMonths: number): RecoverySchedule {
  assertUnitRate(recoveryRate, 'recoveryRate');
  assertMonths(lagMonths, 'lagMonths');
  const months = defaultAmounts.length;
  const recoveries = new Float64Array(months);
  const afterHorizon = new Float64Array(lagMonths);
  let afterHorizonTotal = 0;
  for (let i = 0; i < months; i++) {
    const amount = defaultAmounts[i] ?? 0;
    if (!Number.isFinite(amount) || amount < 0) {
      throw curveError('INVALID_AMOUNT', { field: 'defaultAmounts', month: i + 1, value: amount }, `default in month ${i + 1} is ${amount}`);
    }
    const recovered = amount * recoveryRate;
    const target = i + lagMonths;
    if (target < months) {
      recoveries[target] = recovered;
    } else {
      afterHorizon[target - months] = recovered;
      afterHorizonTotal += recovered;
    }
  }
  return { recoveries, afterHorizon, afterHorizonTotal };
}
