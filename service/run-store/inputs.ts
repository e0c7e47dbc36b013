import type { TapeRecord } from '../../data/tape/types.ts';
import type {
  BreakevenRequest,
  DealFile,
  DealRunInputs,
  DealRunRequest,
  GridRequest,
  MonteCarloRequest,
  ProjectionRequest,
  RunInputs,
  ScenarioOverrides,
  ScenarioSetRunRequest,
  TapeIdentity,
} from '../api/contract.ts';
import type { ScenarioSetFile } from '../files/scenario-file.ts';
import type { CodedMessage, MessageParam } from '../../engine/index.ts';
import { axisName, RUN_NAMES } from './run-names.ts';

/**
 * A run's inputs as the store keeps and hashes them: everything its result depends on besides the
 * engine, written the same way whatever the request left to its defaults (docs/run-store.md).
 */

export function tapeIdentity(tape: TapeRecord): TapeIdentity {
  return { id: tape.id, sha256: tape.sha256, rowsImported: tape.rowsImported, importedAt: tape.importedAt, cutoffDate: tape.cutoffDate };
}

/** What any run of a deal depends on; the worker runs a deal's own lines as representative lines, whatever `mode` says. */
function dealRunInputs(request: DealRunRequest, tape: TapeRecord | null): DealRunInputs {
  return {
    deal: request.deal,
    tape: tape ? tapeIdentity(tape) : null,
    mode: tape ? (request.mode ?? 'repline') : 'repline',
    assumptions: request.assumptions ?? null,
    scenarioOverrides: request.scenarioOverrides ?? {},
    // Only when asked, so the inputs (and hashes) of runs that do not size stay as they were.
    ...(request.sizeToPool === true ? { sizeToPool: true } : {}),
  };
}

/** A deal run's or breakeven's inputs. */
export function dealInputs(task: 'run' | 'breakeven', request: BreakevenRequest, tape: TapeRecord | null): RunInputs {
  const common = dealRunInputs(request, tape);
  if (task === 'run') return { kind: 'deal', ...common };
  return { kind: 'breakeven', ...common, by: request.by ?? 'multiplier', interest: request.interest ?? null };
}

/**
 * A scenario set's inputs: the deal run's, the set as read (its base already resolved into
 * `assumptions`) and the breakevens asked for. The worker count is not an input: any gives the same bytes.
 */
export function scenarioSetInputs(request: ScenarioSetRunRequest, set: ScenarioSetFile, tape: TapeRecord | null): RunInputs {
  const deal = dealRunInputs(request, tape);
  const breakevens = request.breakevens === undefined ? null : { by: request.breakevens.by ?? 'multiplier', interest: request.breakevens.interest ?? null };
  return { kind: 'scenarios', ...deal, set, breakevens };
}

/** A grid's inputs: the deal run's, both axes and the outage its outage axes vary. */
export function gridInputs(request: GridRequest, tape: TapeRecord | null): RunInputs {
  const deal = dealRunInputs(request, tape);
  return { kind: 'grid', ...deal, rows: request.rows, columns: request.columns, outage: request.outage ?? null };
}

/** A Monte Carlo's inputs: the deal run's, the draws and the rating table (not the number of worker threads, which changes nothing). */
export function monteCarloInputs(request: MonteCarloRequest, tape: TapeRecord | null): RunInputs {
  const deal = dealRunInputs(request, tape);
  return { kind: 'monte-carlo', ...deal, distribution: request.distribution, paths: request.paths, seed: request.seed, ratingTable: request.ratingTable ?? null };
}

export function projectionInputs(request: ProjectionRequest, tape: TapeRecord | null): RunInputs {
  const { source } = request;
  if (source.kind === 'lines') return { kind: 'projection', source: { kind: 'lines', pool: source.pool }, assumptions: request.assumptions, mode: null };
  if (!tape) throw new Error('a tape projection needs its tape');
  return { kind: 'projection', source: { kind: 'tape', tape: tapeIdentity(tape) }, assumptions: request.assumptions, mode: request.mode ?? 'loan' };
}

/** The scenario with each override the run puts on top, in the order the CLI takes them (--prepay, --default, --default-mult). */
function withOverrides(scenario: MessageParam, overrides: ScenarioOverrides): MessageParam {
  let named = scenario;
  if (overrides.prepayment !== undefined) named = RUN_NAMES.say('prepay', { scenario: named, curve: overrides.prepayment });
  if (overrides.default !== undefined) named = RUN_NAMES.say('default', { scenario: named, curve: overrides.default });
  if (overrides.defaultMultiplier !== undefined) named = RUN_NAMES.say('defaultMultiplier', { scenario: named, multiplier: overrides.defaultMultiplier });
  return named;
}

/** "Deal on Tape (scenario given, prepay 150 PSA)": what the analyst would call the run (its English is the stored name). */
export function dealRunName(task: 'run' | 'breakeven', deal: DealFile, tape: TapeRecord | null, request: BreakevenRequest): CodedMessage {
  const pool = tape ? RUN_NAMES.say(request.mode === 'loan' ? 'tapeLoanLevel' : 'tapeRepline', { tape: tape.name }) : RUN_NAMES.say('ownPool');
  // A named scenario (a set's "Set · Stress 2x", a saved set) is named even on the deal file's own assumptions.
  const given = request.scenarioName ?? RUN_NAMES.say(request.assumptions === undefined ? 'dealScenario' : 'scenarioGiven');
  const scenario = withOverrides(given, request.scenarioOverrides ?? {});
  const dealName = deal.name ?? RUN_NAMES.say(task === 'run' ? 'aDeal' : 'theDeal');
  const code = task === 'run' ? 'deal' : request.by === 'cdr' ? 'breakevensCdr' : 'breakevensMultiplier';
  return RUN_NAMES.say(code, { deal: dealName, pool, scenario });
}

/** "Scenario set Downturn — Deal on Tape (…) — base": what the analyst would call a set's run. */
export function scenarioSetRunName(set: ScenarioSetFile, deal: DealFile, tape: TapeRecord | null, request: BreakevenRequest): CodedMessage {
  return RUN_NAMES.say('scenarioSet', { set: set.name, run: dealRunName('run', deal, tape, request) });
}

/** "Grid cdr × recoveryRate — Deal on Tape (…) — base". */
export function gridRunName(request: GridRequest, deal: DealFile, tape: TapeRecord | null): CodedMessage {
  return RUN_NAMES.say('grid', { rows: axisName(request.rows.parameter), columns: axisName(request.columns.parameter), run: dealRunName('run', deal, tape, request) });
}

/** "Monte Carlo 2000 paths, lognormal:cv=0.5, seed 7 — Deal on its own pool — deal’s scenario". */
export function monteCarloRunName(request: MonteCarloRequest, deal: DealFile, tape: TapeRecord | null): CodedMessage {
  const d = request.distribution;
  const distribution = d.kind === 'vasicek' ? `vasicek:pd=${d.pd},rho=${d.rho}` : `lognormal:${d.mean !== undefined ? `mean=${d.mean},` : ''}cv=${d.cv}`;
  return RUN_NAMES.say('monteCarlo', { paths: String(request.paths), distribution, seed: String(request.seed), run: dealRunName('run', deal, tape, request) });
}

export function projectionName(request: ProjectionRequest, tape: TapeRecord | null): CodedMessage {
  const { source } = request;
  const run =
    source.kind === 'lines'
      ? RUN_NAMES.say('projectionLines', { pool: source.pool.name ?? RUN_NAMES.say('aPoolFile') })
      : RUN_NAMES.say(request.mode === 'repline' ? 'projectionRepline' : 'projectionLoanLevel', { tape: tape?.name ?? RUN_NAMES.say('aTape') });
  return request.scenarioName !== undefined ? RUN_NAMES.say('withScenario', { run, scenario: request.scenarioName }) : run;
}
