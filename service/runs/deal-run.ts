import { roundCentsOfDouble, type PoolCashFlows } from '../../engine/index.ts';
import type { DealRunResult, ProjectionMode } from '../api/contract.ts';
import { runPrepared, type PreparedDeal } from './prepare-deal.ts';
import { creditEnhancementOverTime, trancheRows } from './tranches.ts';
import { dealWarnings, unquotableYieldWarnings } from './warnings.ts';

/**
 * A deal run as the API answers it: the waterfall's periods, tranche analytics, credit enhancement
 * over time and the warnings that change how to read them. `projected`: the pool's flows when the
 * run's own projection (runProjection) ran elsewhere, on the worker pool.
 */
export function dealRunResult(prepared: PreparedDeal, mode: ProjectionMode, projected?: PoolCashFlows): DealRunResult {
  const { result, flows } = runPrepared(prepared, undefined, projected);
  const tranches = trancheRows(prepared, result);
  const warnings = [
    ...dealWarnings(
      prepared,
      flows.cutoffBalance,
      result.periods.reduce((sum, p) => sum + p.servicingStrip, 0),
    ),
    ...unquotableYieldWarnings(tranches),
  ];
  return {
    dealName: prepared.file.name ?? 'Deal',
    poolName: prepared.input.sourceName,
    mode,
    cutoffDate: prepared.input.cutoffDate,
    closingDate: prepared.file.dates.closing,
    poolBalance: roundCentsOfDouble(flows.cutoffBalance),
    loans: prepared.input.loanCount,
    months: prepared.months,
    tranches,
    periods: result.periods,
    stepPaths: result.stepPaths,
    cumulativeDefaultRate: result.cumulativeDefaultRate,
    cumulativeRatioDenominator: result.cumulativeRatioDenominator,
    cumulativeNetLoss: result.cumulativeNetLoss,
    revolvingEnd: result.revolvingEnd ?? null,
    triggerFirstBreach: result.triggerFirstBreach,
    cleanUpPeriod: result.cleanUpPeriod ?? null,
    creditEnhancement: creditEnhancementOverTime(prepared, result),
    warnings: warnings.map((w) => w.message),
    codedWarnings: warnings,
    delinquencyStateBasis: prepared.schedule === null ? 'rollRate' : 'schedule',
  };
}
