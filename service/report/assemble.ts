import { availableParallelism } from 'node:os';
import { UserError } from '../../data/errors.ts';
import { defaultStrats } from '../../data/pool/default-strats.ts';
import type { StratTable } from '../../data/pool/strats.ts';
import { getTape } from '../../data/tape/store.ts';
import type { DealFile, DealRunInputs, ReportExcelRequest, StoredRun, TapeIdentity } from '../api/contract.ts';
import type { ServiceContext } from '../api/context.ts';
import { dealRun } from '../api/handlers/deal.ts';
import { runsGet } from '../api/handlers/runs.ts';
import { baseAssumptions } from '../api/handlers/scenarios.ts';
import { readScenarioSet } from '../files/scenario-file.ts';
import { canonicalJson } from '../run-store/canonical-json.ts';
import { engineIdentity } from '../run-store/engine-identity.ts';
import { runInputHash } from '../run-store/stored-job.ts';
import { dealInputs } from '../run-store/inputs.ts';
import { scenarioOverridesOf } from '../runs/scenario.ts';
import type { ReportGrid, ReportModel, ReportMonteCarlo, ReportScenario, StoredReportRuns } from './model.ts';
import type { ReportLanguage } from './labels.ts';

const sameJson = (a: unknown, b: unknown): boolean => canonicalJson(a) === canonicalJson(b);

/** A deal run's inputs without its kind, to pair breakevens with the run of the same deal, pool and scenario. */
function dealPart(inputs: DealRunInputs): DealRunInputs {
  return { deal: inputs.deal, tape: inputs.tape, mode: inputs.mode, assumptions: inputs.assumptions, scenarioOverrides: inputs.scenarioOverrides };
}

/**
 * Stored runs (in the order given): deal runs as scenarios, breakevens joined to the deal run of the
 * same inputs, sensitivity grids and Monte Carlo runs as their own sheets. Projections and stored
 * scenario-set runs are refused (a set is reported by giving the set itself).
 */
export function scenariosFromRuns(runIds: readonly number[], service: ServiceContext): StoredReportRuns {
  const stored: StoredRun[] = runIds.map((id) => runsGet({ id }, service));
  const scenarios: ReportScenario[] = [];
  const grids: ReportGrid[] = [];
  const monteCarlo: ReportMonteCarlo[] = [];
  for (const { record, inputs, result } of stored) {
    if (inputs.kind === 'projection' || result.kind === 'pool.project') {
      throw new UserError('BAD_REQUEST', `Run #${record.id} is a projection: a tranche report takes deal runs (and their breakevens)`, { runId: record.id });
    }
    if (inputs.kind === 'scenarios' || result.kind === 'deal.runScenarios') {
      throw new UserError('BAD_REQUEST', `Run #${record.id} is a scenario-set run: report the set itself (its file or saved set), whose scenarios run as stored deal runs`, { runId: record.id });
    }
    const named = record.nameCoded ? { nameCoded: record.nameCoded } : {};
    const sweep = { name: record.name, ...named, shortName: `#${record.id}`, runId: record.id, inputHash: record.inputHash, inputs: dealPart(inputs) };
    if (result.kind === 'deal.grid') grids.push({ ...sweep, result: result.grid });
    if (result.kind === 'deal.monteCarlo') monteCarlo.push({ ...sweep, result: result.monteCarlo });
    if (inputs.kind === 'deal' && result.kind === 'deal.run') {
      scenarios.push({
        name: record.name,
        ...named,
        shortName: `#${record.id}`,
        runId: record.id,
        inputHash: record.inputHash,
        engine: record.engine,
        inputs: dealPart(inputs),
        run: result.run,
        breakevens: null,
      });
    }
  }
  for (const { record, inputs, result } of stored) {
    if (inputs.kind !== 'breakeven' || result.kind !== 'deal.breakeven') continue;
    const k = scenarios.findIndex((s) => sameJson(s.inputs, dealPart(inputs)));
    const target = scenarios[k];
    if (target === undefined) {
      throw new UserError('BAD_REQUEST', `Breakeven run #${record.id} has no deal run of the same deal, pool and scenario among the runs given: add that deal run’s id`, { runId: record.id });
    }
    scenarios[k] = { ...target, breakevens: result.breakeven };
  }
  if (scenarios.length === 0) throw new UserError('BAD_REQUEST', 'A tranche report needs at least one deal run among the runs given');
  return { scenarios, grids, monteCarlo };
}

/** Runs `task` over `items` with at most `width` at a time, keeping the items' order in the answer. */
async function inOrder<T, R>(items: readonly T[], width: number, task: (item: T, k: number) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < items.length) {
      const k = next;
      next += 1;
      results[k] = await task(items[k] as T, k);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(width, items.length)) }, lane));
  return results;
}

/**
 * Every scenario of a set run as a deal run (deal.run: its worker, and the run store — stored when
 * a workspace is open, served from it when run before), as many at once as the machine has cores;
 * the scenarios stay in file order.
 */
export async function scenariosFromSet(
  request: ReportExcelRequest,
  deal: DealFile,
  service: ServiceContext,
  onScenario: (done: number, total: number) => void,
): Promise<{ setName: string; scenarios: ReportScenario[] }> {
  const set = readScenarioSet(request.scenarios);
  const assumptions = request.assumptions ?? baseAssumptions(set.base, service);
  const tape = request.tapeId === undefined ? null : getTape(service.requireWorkspace().db, request.tapeId);
  const engine = engineIdentity();
  let done = 0;
  const scenarios = await inOrder(set.scenarios, availableParallelism(), async (spec, k): Promise<ReportScenario> => {
    const scenarioOverrides = { ...request.scenarioOverrides, ...scenarioOverridesOf(spec, `$.scenarios[${k}]`) };
    const runRequest = {
      deal,
      ...(request.tapeId !== undefined ? { tapeId: request.tapeId } : {}),
      ...(request.mode !== undefined ? { mode: request.mode } : {}),
      ...(assumptions !== undefined ? { assumptions } : {}),
      scenarioOverrides,
      scenarioName: `${set.name} · ${spec.name}`,
    };
    const job = await service.jobs.wait(dealRun(runRequest, service).id);
    if (job.state !== 'succeeded' || job.result?.kind !== 'deal.run') {
      const why = job.error?.message ?? job.state;
      throw new UserError('BAD_REQUEST', `Scenario "${spec.name}" ($.scenarios[${k}]) did not run: ${why}`, { path: `$.scenarios[${k}]`, ...job.error?.details });
    }
    const inputs = dealInputs('run', runRequest, tape);
    if (inputs.kind !== 'deal') throw new Error('a deal run has deal inputs');
    done += 1;
    onScenario(done, set.scenarios.length);
    return {
      name: spec.name,
      shortName: spec.name,
      runId: job.result.stored?.runId ?? null,
      inputHash: runInputHash(inputs, engine),
      engine: { version: engine.version, sourcesSha256: engine.sourcesSha256 },
      inputs: dealPart(inputs),
      run: job.result.run,
      breakevens: null,
    };
  });
  return { setName: set.name, scenarios };
}

/** The tape's strats (every dimension with its default buckets) when the tape the runs used is the workspace's tape of that id. */
function stratsOf(tape: TapeIdentity | null, service: ServiceContext): StratTable[] | null {
  const workspace = service.workspace;
  if (tape === null || workspace === null) return null;
  try {
    if (getTape(workspace.db, tape.id).sha256 !== tape.sha256) return null;
  } catch {
    return null;
  }
  return defaultStrats(workspace.db, tape.id);
}

/** The report's model: one deal and one pool across every scenario and sweep (else a clear error naming the run). */
export function reportModel(runs: StoredReportRuns, setName: string | null, language: ReportLanguage, service: ServiceContext, deal?: DealFile): ReportModel {
  const { scenarios, grids, monteCarlo } = runs;
  const first = scenarios[0];
  if (first === undefined) throw new UserError('BAD_REQUEST', 'A tranche report needs at least one scenario');
  const theDeal = deal ?? first.inputs.deal;
  for (const s of [...scenarios, ...grids, ...monteCarlo]) {
    const name = s.runId === null ? `scenario "${s.name}"` : `run #${s.runId}`;
    if (!sameJson(s.inputs.deal, theDeal))
      throw new UserError('BAD_REQUEST', `The runs are of different deals: ${name} ran another deal file than ${deal ? 'the deal given' : `run #${first.runId ?? ''}`}; a report is of one deal`, {
        runId: s.runId,
      });
    if (!sameJson(s.inputs.tape, first.inputs.tape))
      throw new UserError('BAD_REQUEST', `The runs are on different pools: ${name} ran on another tape than the first run; a report is of one pool`, { runId: s.runId });
  }
  const engine = engineIdentity();
  return {
    deal: theDeal,
    tape: first.inputs.tape,
    setName,
    engine: { version: engine.version, sourcesSha256: engine.sourcesSha256 },
    generatedAt: new Date().toISOString(),
    language,
    scenarios,
    strats: stratsOf(first.inputs.tape, service),
    grids,
    monteCarlo,
  };
}
