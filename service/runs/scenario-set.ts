import { roundCentsOfDouble } from '../../engine/index.ts';
import type { DealRunResult, InterestPayment, ProjectionMode, ScenarioOverrides, ScenarioRunRow, ScenarioSeries, ScenarioSetRunResult } from '../api/contract.ts';
import type { DealFile } from '../files/deal-file.ts';
import { readScenarioSet, type ScenarioSetFile } from '../files/scenario-file.ts';
import { solveBreakevens } from './breakevens.ts';
import { dealRunResult } from './deal-run.ts';
import { dealPool, prepareDeal, scenarioReader, type ScenarioReader } from './prepare-deal.ts';
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
    ...(run.codedWarnings ? { codedWarnings: run.codedWarnings } : {}),
    series: scenarioSeries(run),
  };
}

/** The run by payment date, so Compare can overlay scenarios on dates. */
function scenarioSeries(run: DealRunResult): ScenarioSeries {
  const ids = run.tranches.map((t) => t.id);
  return {
    dates: run.periods.map((p) => p.paymentDate),
    cumulativeDefaultRate: run.cumulativeDefaultRate,
    cumulativeNetLossRate: run.cumulativeNetLoss.map((x) => (run.poolBalance > 0 ? x / run.poolBalance : 0)),
    noteBalances: ids.map((id) => ({ id, values: run.periods.map((p) => p.notes.find((n) => n.id === id)?.endingBalance ?? 0) })),
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

/** A set ready to run scenario by scenario: read against the pool's segments, the pool read once. */
export interface ScenarioSetPlan {
  readonly run: ScenarioSetRun;
  readonly input: ProjectionInput;
  readonly set: ScenarioSetFile;
  /** Reads the base assumption set once for the set's scenarios (scenarioReader). */
  readonly readScenario: ScenarioReader;
}

/** What one scenario leaves: its row, and the run's heading figures (the same for every scenario). */
export interface ScenarioOutcome {
  readonly head: Omit<ScenarioSetRunResult, 'setName' | 'scenarios'>;
  readonly row: ScenarioRunRow;
}

/** The breakeven search a scenario set asks for per scenario, or null for none. */
export type ScenarioBreakevens = { readonly by: 'multiplier' | 'cdr'; readonly interest: InterestPayment | undefined } | null;

/** Reads the set against the pool's segments (every problem at its path in the set) and the pool once. */
export function planScenarioSet(run: ScenarioSetRun): ScenarioSetPlan {
  const input = dealPool(run.file, run.tapeInput);
  return { run, input, set: readScenarioSet(run.set, { segments: poolAttributes(input).segmentNames }), readScenario: scenarioReader() };
}

/**
 * Runs scenario k of the set: its changes on top of the base assumption set (and of the run's own
 * overrides, which a scenario's same field replaces); with `breakevens`, each note's breakeven under it.
 */
export function runScenario(plan: ScenarioSetPlan, k: number, breakevens: ScenarioBreakevens): ScenarioOutcome {
  const { run, input } = plan;
  const scenario = plan.set.scenarios[k];
  if (scenario === undefined) throw new RangeError(`the set has no scenario ${k}`);
  const overrides = { ...run.overrides, ...scenarioOverridesOf(scenario, `$.scenarios[${k}]`) };
  const prepared = prepareDeal(run.file, input, run.base, overrides, plan.readScenario);
  const result = dealRunResult(prepared, run.tapeInput === null ? 'repline' : run.mode);
  const row = scenarioRow(scenario.name, scenario.description ?? null, result);
  const { dealName, poolName, mode, cutoffDate, closingDate, poolBalance, cumulativeRatioDenominator } = result;
  return {
    head: { dealName, poolName, mode, cutoffDate, closingDate, poolBalance, cumulativeRatioDenominator },
    row: breakevens === null ? row : { ...row, breakeven: solveBreakevens(prepared, breakevens.by, breakevens.interest) },
  };
}

/** The set's result from its scenarios' outcomes, in file order (whatever order they were computed in). */
export function scenarioSetResult(setName: string, outcomes: readonly ScenarioOutcome[]): ScenarioSetRunResult {
  const head = outcomes[0]?.head;
  if (head === undefined) throw new RangeError('a scenario set has at least one scenario');
  return { setName, ...head, scenarios: outcomes.map(({ row }) => row) };
}

/**
 * Runs every scenario of a set, in file order, on one thread (the pool runs them in parallel through
 * the same pieces: service/jobs/scenario-set-job.ts).
 */
export function runScenarioSet(run: ScenarioSetRun, onScenario: (done: number) => void = () => undefined, breakevens: ScenarioBreakevens = null): ScenarioSetRunResult {
  const plan = planScenarioSet(run);
  const outcomes = plan.set.scenarios.map((_, k) => {
    const outcome = runScenario(plan, k, breakevens);
    onScenario(k + 1);
    return outcome;
  });
  return scenarioSetResult(plan.set.name, outcomes);
}
