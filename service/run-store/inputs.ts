import type { TapeRecord } from '../../data/tape/types.ts';
import type { BreakevenRequest, DealFile, MonteCarloRequest, ProjectionRequest, RunInputs, ScenarioOverrides, TapeIdentity } from '../api/contract.ts';

/**
 * A run's inputs as the store keeps and hashes them: everything its result depends on besides the
 * engine, written the same way whatever the request left to its defaults (docs/run-store.md).
 */

export function tapeIdentity(tape: TapeRecord): TapeIdentity {
  return { id: tape.id, sha256: tape.sha256, rowsImported: tape.rowsImported, importedAt: tape.importedAt, cutoffDate: tape.cutoffDate };
}

/** A deal run's or breakeven's inputs; the worker runs a deal's own lines as representative lines, whatever `mode` says. */
export function dealInputs(task: 'run' | 'breakeven', request: BreakevenRequest, tape: TapeRecord | null): RunInputs {
  const common = {
    deal: request.deal,
    tape: tape ? tapeIdentity(tape) : null,
    mode: tape ? (request.mode ?? 'repline') : 'repline',
    assumptions: request.assumptions ?? null,
    scenarioOverrides: request.scenarioOverrides ?? {},
  } as const;
  if (task === 'run') return { kind: 'deal', ...common };
  return { kind: 'breakeven', ...common, by: request.by ?? 'multiplier', interest: request.interest ?? null };
}

/** A Monte Carlo's inputs: the deal run's, the draws and the rating table (not the number of worker threads, which changes nothing). */
export function monteCarloInputs(request: MonteCarloRequest, tape: TapeRecord | null): RunInputs {
  const common = {
    deal: request.deal,
    tape: tape ? tapeIdentity(tape) : null,
    mode: tape ? (request.mode ?? 'repline') : 'repline',
    assumptions: request.assumptions ?? null,
    scenarioOverrides: request.scenarioOverrides ?? {},
  } as const;
  return { kind: 'monte-carlo', ...common, distribution: request.distribution, paths: request.paths, seed: request.seed, ratingTable: request.ratingTable ?? null };
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
  const scenario = request.assumptions === undefined ? 'deal’s scenario' : (request.scenarioName ?? 'scenario given');
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
