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

/** "Scenario set Downturn on Deal on Tape (…) — base": what the analyst would call a sweep. */
export function sweepName(head: string, deal: DealFile, tape: TapeRecord | null, request: BreakevenRequest): string {
  return `${head} — ${dealRunName('run', deal, tape, request)}`;
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

function overridesName(overrides: ScenarioOverrides): string {
  const parts = [
    ...(overrides.prepayment !== undefined ? [`prepay ${overrides.prepayment}`] : []),
    ...(overrides.default !== undefined ? [`default ${overrides.default}`] : []),
    ...(overrides.defaultMultiplier !== undefined ? [`defaults × ${overrides.defaultMultiplier}`] : []),
  ];
  return parts.length > 0 ? `, ${parts.join(', ')}` : '';
}

/** "Deal on Tape (scenario given, prepay 150 PSA)": what the analyst would call the run. */
export function dealRunName(task: 'run' | 'breakeven', deal: DealFile, tape: TapeRecord | null, request: BreakevenRequest): string {
  const pool = tape ? `${tape.name} (${request.mode === 'loan' ? 'loan level' : 'representative lines'})` : 'its own pool';
  // A named scenario (a set's "Set · Stress 2x", a saved set) is named even on the deal file's own assumptions.
  const scenario = request.scenarioName ?? (request.assumptions === undefined ? 'deal’s scenario' : 'scenario given');
  const head = task === 'run' ? (deal.name ?? 'Deal') : `Breakevens (${request.by === 'cdr' ? 'CDR' : 'default multiplier'}) of ${deal.name ?? 'deal'}`;
  return `${head} on ${pool} — ${scenario}${overridesName(request.scenarioOverrides ?? {})}`;
}

/** "Monte Carlo 2000 paths, lognormal:cv=0.5, seed 7 — Deal on its own pool — deal’s scenario". */
export function monteCarloRunName(request: MonteCarloRequest, deal: DealFile, tape: TapeRecord | null): string {
  const d = request.distribution;
  const dist = d.kind === 'vasicek' ? `vasicek:pd=${d.pd},rho=${d.rho}` : `lognormal:${d.mean !== undefined ? `mean=${d.mean},` : ''}cv=${d.cv}`;
  return `Monte Carlo ${request.paths} paths, ${dist}, seed ${request.seed} — ${dealRunName('run', deal, tape, request)}`;
}

export function projectionName(request: ProjectionRequest, tape: TapeRecord | null): string {
  const scenario = request.scenarioName !== undefined ? ` — ${request.scenarioName}` : '';
  if (request.source.kind === 'lines') return `Projection of ${request.source.pool.name ?? 'pool file'} (lines)${scenario}`;
  return `Projection of ${tape?.name ?? 'tape'} (${request.mode === 'repline' ? 'representative lines' : 'loan level'})${scenario}`;
}
