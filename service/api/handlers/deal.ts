import { getTape } from '../../../data/tape/store.ts';
import CN_CONSUMER from '../../../templates/deals/cn-consumer-revolving.json' with { type: 'json' };
import PASS_THROUGH from '../../../templates/deals/pass-through.json' with { type: 'json' };
import US_AUTO from '../../../templates/deals/us-auto-oc-turbo.json' with { type: 'json' };
import US_CMO from '../../../templates/deals/us-cmo-sequential.json' with { type: 'json' };
import { notePriceYield, roundCentsOfDouble } from '../../../engine/index.ts';
import type { BreakevenRequest, DealCheck, DealRunRequest, DealSizeRequest, DealTemplate, FileDraft, JobInfo, PriceYieldRequest, PriceYieldResult, ScenarioSetRunRequest } from '../contract.ts';
import { readDealFile } from '../../files/deal-file.ts';
import { readScenarioSet } from '../../files/scenario-file.ts';
import { readPoolFile } from '../../files/pool-file.ts';
import { baseAssumptions } from './scenarios.ts';
import { runDealInWorker, type DealJobResult } from '../../jobs/deal-job.ts';
import type { JobContext } from '../../jobs/job-manager.ts';
import { dealInputs, dealRunName } from '../../run-store/inputs.ts';
import { runThroughStore, type RunPlan } from '../../run-store/stored-job.ts';
import { statedPoolBalance } from '../../runs/size-deal.ts';
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
    statedPoolBalance: statedPoolBalance(file),
    deal: file,
  };
}

const JOB_KINDS = { run: 'deal.run', breakeven: 'deal.breakeven', scenarios: 'deal.runScenarios', size: 'deal.size' } as const;

/** Checks the deal file before the job starts (a typo answers at once, with its JSON path). */
function startDealJob(
  task: 'run' | 'breakeven' | 'scenarios' | 'size',
  params: BreakevenRequest & { scenarios?: unknown; sizing?: Pick<DealSizeRequest, 'method' | 'target' | 'floor' | 'interest'>; poolFile?: unknown },
  service: ServiceContext,
): JobInfo {
  const file = readDealFile(params.deal);
  const tape = params.tapeId === undefined ? null : getTape(service.requireWorkspace().db, params.tapeId);
  const name = file.name ?? 'deal';
  const verb = { run: 'Run', breakeven: 'Breakevens of', scenarios: 'Scenarios on', size: 'Sizing' }[task];
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
        sizeToPool: params.sizeToPool === true,
        ...(params.sizing ? { sizing: params.sizing } : {}),
        ...(params.poolFile !== undefined ? { poolFile: params.poolFile } : {}),
        poolName: tape ? tape.name : 'the deal’s own pool',
      },
      ctx,
    );
  // The run store keeps deal runs and breakevens (and projections); a scenario set's runs and a
  // sizing (which returns a deal file, not a run) are not stored.
  if (task === 'scenarios' || task === 'size') return service.jobs.start(JOB_KINDS[task], title, work);
  const workspace = service.workspace;
  const plan: RunPlan | null =
    workspace === null || params.store === false
      ? null
      : { workspace, inputs: dealInputs(task, params, tape), name: params.runName ?? dealRunName(task, file, tape, params), tapeId: tape?.id ?? null, writes: service.writes };
  return service.jobs.start(JOB_KINDS[task], title, (ctx) =>
    runThroughStore(
      plan,
      async () => {
        const result = await work(ctx);
        if (result.kind === 'deal.runScenarios' || result.kind === 'deal.size') throw new Error(`a ${task} job answered with ${result.kind}`);
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

/** Sizes the deal's notes to the pool it runs on (a job: a breakeven target re-runs the deal); the sized file comes back, nothing is saved. */
export function dealSize(params: DealSizeRequest, service: ServiceContext): JobInfo {
  const { method, target, floor, interest, pool, ...run } = params;
  if (pool !== undefined) readPoolFile(pool); // a bad pool file answers at once, at its JSON path
  const sizing = { method, ...(target !== undefined ? { target } : {}), ...(floor !== undefined ? { floor } : {}), ...(interest !== undefined ? { interest } : {}) };
  return startDealJob('size', { ...run, sizing, ...(pool !== undefined ? { poolFile: pool } : {}) }, service);
}

/** A note's yield at a clean price or price at a yield on a settlement date (engine/analytics price-yield.ts). */
export function dealPriceYield(params: PriceYieldRequest): PriceYieldResult {
  const given = params.cleanPrice !== undefined ? { cleanPrice: params.cleanPrice } : { yield: params.yield ?? 0 };
  const py = notePriceYield(params.note, params.settlementDate, params.convention, given);
  return { convention: py.convention, yield: py.yield, cleanPrice: py.cleanPrice, dirtyPrice: py.dirtyPrice, ...py.settlement, dayCount: params.note.dayCount, yields: py.yields };
}
