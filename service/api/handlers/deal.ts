import { getTape } from '../../../data/tape/store.ts';
import CN_CONSUMER from '../../../templates/deals/cn-consumer-revolving.json' with { type: 'json' };
import PASS_THROUGH from '../../../templates/deals/pass-through.json' with { type: 'json' };
import US_AUTO from '../../../templates/deals/us-auto-oc-turbo.json' with { type: 'json' };
import US_CMO from '../../../templates/deals/us-cmo-sequential.json' with { type: 'json' };
import { checkRatingTable, EngineError, roundCentsOfDouble } from '../../../engine/index.ts';
import { UserError } from '../../../data/errors.ts';
import { runMonteCarloJob } from '../../jobs/monte-carlo-job.ts';
import type { BreakevenRequest, DealCheck, DealRunRequest, DealTemplate, FileDraft, JobInfo, MonteCarloRequest, ScenarioSetRunRequest } from '../contract.ts';
import { readDealFile } from '../../files/deal-file.ts';
import { readScenarioSet } from '../../files/scenario-file.ts';
import { baseAssumptions } from './scenarios.ts';
import { runDealInWorker, type DealJobResult } from '../../jobs/deal-job.ts';
import type { JobContext } from '../../jobs/job-manager.ts';
import { dealInputs, dealRunName, monteCarloInputs, monteCarloRunName } from '../../run-store/inputs.ts';
import { runThroughStore, type RunPlan } from '../../run-store/stored-job.ts';
import type { ServiceContext } from '../context.ts';

// Bundled into the app (the packaged app ships no docs/ folder).
const TEMPLATES: readonly (readonly [string, { name: string; description: string }])[] = [
  ['cn-consumer-revolving', CN_CONSUMER],
  ['us-auto-oc-turbo', US_AUTO],
  ['pass-through', PASS_THROUGH],
  ['us-cmo-sequential', US_CMO],
];

/** Each template read as any deal file is (a test keeps them valid). */
export function dealTemplates(): readonly DealTemplate[] {
  return TEMPLATES.map(([id, deal]) => ({ id, name: deal.name, description: deal.description, deal: readDealFile(deal) }));
}

export function dealValidate(params: { deal: FileDraft }): DealCheck {
  const file = readDealFile(params.deal);
  return {
    name: file.name ?? 'Deal',
    notes: file.notes.length,
    originalBalance: roundCentsOfDouble(file.notes.reduce((sum, note) => sum + note.originalBalance, 0)),
    hasPool: file.pool !== undefined,
    hasAssumptions: file.assumptions !== undefined,
    deal: file,
  };
}

const JOB_KINDS = { run: 'deal.run', breakeven: 'deal.breakeven', scenarios: 'deal.runScenarios' } as const;

/** Checks the deal file before the job starts (a typo answers at once, with its JSON path). */
function startDealJob(task: 'run' | 'breakeven' | 'scenarios', params: BreakevenRequest & { scenarios?: unknown }, service: ServiceContext): JobInfo {
  const file = readDealFile(params.deal);
  const tape = params.tapeId === undefined ? null : getTape(service.requireWorkspace().db, params.tapeId);
  const name = file.name ?? 'deal';
  const verb = { run: 'Run', breakeven: 'Breakevens of', scenarios: 'Scenarios on' }[task];
  const title = `${verb} ${name}${tape ? ` on ${tape.name}` : ''}`;
  const work = (ctx: JobContext): Promise<DealJobResult> =>
    runDealInWorker(
      service,
      {
        task,
        workspacePath: tape ? service.requireWorkspace().path : null,
        tapeId: tape ? tape.id : null,
        mode: params.mode ?? 'repline',
        deal: params.deal,
        assumptions: params.assumptions,
        scenarioOverrides: params.scenarioOverrides ?? {},
        by: params.by ?? 'multiplier',
        interest: params.interest,
        scenarioSet: params.scenarios,
      },
      ctx,
    );
  // The run store keeps deal runs and breakevens (and projections); a scenario set's runs are not stored yet.
  if (task === 'scenarios') return service.jobs.start(JOB_KINDS[task], title, work);
  const workspace = service.workspace;
  const plan: RunPlan | null =
    workspace === null || params.store === false
      ? null
      : { workspace, inputs: dealInputs(task, params, tape), name: params.runName ?? dealRunName(task, file, tape, params), tapeId: tape?.id ?? null };
  return service.jobs.start(JOB_KINDS[task], title, (ctx) =>
    runThroughStore(
      plan,
      async () => {
        const result = await work(ctx);
        if (result.kind === 'deal.runScenarios') throw new Error(`a ${task} job answered with a scenario set`);
        return result;
      },
      () => service.emit({ type: 'runs.changed' }),
    ),
  );
}

export function dealRun(params: DealRunRequest, service: ServiceContext): JobInfo {
  return startDealJob('run', params, service);
}

export function dealBreakeven(params: BreakevenRequest, service: ServiceContext): JobInfo {
  return startDealJob('breakeven', params, service);
}

/**
 * Runs every scenario of a set (a job). The base is the request's assumptions, else the set's
 * `base` — a set saved in the open workspace — else the deal file's own `assumptions`.
 */
export function dealRunScenarios(params: ScenarioSetRunRequest, service: ServiceContext): JobInfo {
  const set = readScenarioSet(params.scenarios);
  const assumptions = params.assumptions ?? baseAssumptions(set.base, service);
  return startDealJob('scenarios', { ...params, ...(assumptions !== undefined ? { assumptions } : {}) }, service);
}

/**
 * A Monte Carlo loss distribution (a job; docs/monte-carlo.md): the paths run on the chunk pool's
 * worker threads; kept in the run store as kind 'monte-carlo' (an identical rerun is served from it).
 */
export function dealMonteCarlo(params: MonteCarloRequest, service: ServiceContext): JobInfo {
  const file = readDealFile(params.deal);
  const tape = params.tapeId === undefined ? null : getTape(service.requireWorkspace().db, params.tapeId);
  if (params.ratingTable !== undefined) {
    try {
      checkRatingTable(params.ratingTable);
    } catch (error) {
      if (error instanceof EngineError)
        throw new UserError('BAD_REQUEST', 'Monte Carlo: the rating table must list ratings from best to worst with expected-loss limits rising from row to row', {
          path: '$.ratingTable',
          ...error.details,
        });
      throw error;
    }
  }
  const spec = {
    workspacePath: tape ? service.requireWorkspace().path : null,
    tapeId: tape ? tape.id : null,
    mode: params.mode ?? 'repline',
    deal: params.deal,
    assumptions: params.assumptions,
    scenarioOverrides: params.scenarioOverrides ?? {},
    distribution: params.distribution,
    seed: params.seed,
  } as const;
  const title = `Monte Carlo (${params.paths} paths) of ${file.name ?? 'deal'}${tape ? ` on ${tape.name}` : ''}`;
  const run = { spec, file, paths: params.paths, ratingTable: params.ratingTable ?? null, ...(params.jobs !== undefined ? { jobs: params.jobs } : {}) };
  const workspace = service.workspace;
  const plan: RunPlan | null =
    workspace === null || params.store === false
      ? null
      : { workspace, inputs: monteCarloInputs(params, tape), name: params.runName ?? monteCarloRunName(params, file, tape), tapeId: tape?.id ?? null };
  return service.jobs.start('deal.monteCarlo', title, (ctx) =>
    runThroughStore(
      plan,
      () => runMonteCarloJob(service.workerUrl('monte-carlo-worker'), run, ctx),
      () => service.emit({ type: 'runs.changed' }),
    ),
  );
}
