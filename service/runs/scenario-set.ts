import { roundCentsOfDouble } from '../../engine/index.ts';
import type { DealRunResult, ProjectionMode, ScenarioOverrides, ScenarioRunRow, ScenarioSetRunResult } from '../api/contract.ts';
import type { DealFile } from '../files/deal-file.ts';
import { readScenarioSet } from '../files/scenario-file.ts';
import { dealRunResult } from './deal-run.ts';
import { dealPool, prepareDeal } from './prepare-deal.ts';
import { poolAttributes, type ProjectionInput } from './projection.ts';
import { scenarioOverridesOf } from './scenario.ts';

/** One scenario's row from its deal run: the tranche table and the pool's headline figures at the last period. */
export function scenarioRow(name: string, description: string | null, run: DealRunResult): ScenarioRunRow {
  const last = run.periods.length - 1;
  const netLoss = run.cumulativeNetLoss[last] ?? 0;
  return {
    name,
    description,
    tranches: run.tranches,
    cumulativeDefaultRate: run.cumulativeDefaultRate[last] ?? 0,
    cumulativeNetLoss: netLoss,
    cumulativeNetLossRate: run.poolBalance > 0 ? netLoss / run.poolBalance : 0,
    reserveDraws: roundCentsOfDouble(run.periods.reduce((sum, p) => sum + (p.reserve?.draws ?? 0), 0)),
    triggerFirstBreach: run.triggerFirstBreach,
    revolvingEnd: run.revolvingEnd,
    cleanUpPeriod: run.cleanUpPeriod,
    warnings: run.warnings,
  };
}

export interface ScenarioSetRun {
  readonly file: DealFile;
  /** The tape's pool (loans or lines), or null for the deal file's own lines. */
  readonly tapeInput: ProjectionInput | null;
  readonly mode: ProjectionMode;
  /** The base assumption file (else the deal file's `assumptions`). */
  readonly base: unknown;
  /** The run's own overrides (abs run --prepay …), under each scenario's. */
  readonly overrides: ScenarioOverrides;
  readonly set: unknown;
}

/**
 * Runs every scenario of a set, in file order, on one deal and pool: the set is read against the
 * pool's segments first (every problem at its path in the set), the pool is read once, and each
 * scenario's changes go on top of the base assumption set (and of the run's own overrides, which
 * a scenario's same field replaces).
 */
export function runScenarioSet(run: ScenarioSetRun, onScenario: (done: number) => void = () => undefined): ScenarioSetRunResult {
  const input = dealPool(run.file, run.tapeInput);
  const set = readScenarioSet(run.set, { segments: poolAttributes(input).segmentNames });
  const runs = set.scenarios.map((scenario, k) => {
    const overrides = { ...run.overrides, ...scenarioOverridesOf(scenario, `$.scenarios[${k}]`) };
    const result = dealRunResult(prepareDeal(run.file, input, run.base, overrides), run.tapeInput === null ? 'repline' : run.mode);
    onScenario(k + 1);
    return { result, row: scenarioRow(scenario.name, scenario.description ?? null, result) };
  });
  const head = runs[0]?.result;
  if (head === undefined) throw new RangeError('a scenario set has at least one scenario');
  return {
    setName: set.name,
    dealName: head.dealName,
    poolName: head.poolName,
    mode: head.mode,
    cutoffDate: head.cutoffDate,
    closingDate: head.closingDate,
    poolBalance: head.poolBalance,
    cumulativeRatioDenominator: head.cumulativeRatioDenominator,
    scenarios: runs.map(({ row }) => row),
  };
}
