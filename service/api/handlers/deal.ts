import { getTape } from '../../../data/tape/store.ts';
import CN_CONSUMER from '../../../templates/deals/cn-consumer-revolving.json' with { type: 'json' };
import CN_CARD_INSTALLMENT from '../../../templates/deals/cn-credit-card-installment.json' with { type: 'json' };
import PASS_THROUGH from '../../../templates/deals/pass-through.json' with { type: 'json' };
import US_AUTO from '../../../templates/deals/us-auto-oc-turbo.json' with { type: 'json' };
import US_CMO from '../../../templates/deals/us-cmo-sequential.json' with { type: 'json' };
import { checkRatingTable, EngineError, messageTable, notePriceYield, roundCentsOfDouble } from '../../../engine/index.ts';
import { codedError, UserError } from '../../../data/errors.ts';
import { runMonteCarloJob } from '../../jobs/monte-carlo-job.ts';
import type {
  BreakevenRequest,
  DealCheck,
  DealRunRequest,
  DealSizeRequest,
  DealTemplate,
  FileDraft,
  GridRequest,
  JobInfo,
  MonteCarloRequest,
  PriceYieldRequest,
  PriceYieldResult,
  RunInputs,
  ScenarioSetRunRequest,
} from '../contract.ts';
import type { CodedMessage } from '../../../engine/index.ts';
import { readDealFile } from '../../files/deal-file.ts';
import { readScenarioSet } from '../../files/scenario-file.ts';
import { readPoolFile } from '../../files/pool-file.ts';
import { baseAssumptions } from './scenarios.ts';
import { runDealInWorker, type DealJobResult } from '../../jobs/deal-job.ts';
import type { JobContext } from '../../jobs/job-manager.ts';
import { dealInputs, dealRunName, gridInputs, gridRunName, monteCarloInputs, monteCarloRunName, scenarioSetInputs, scenarioSetRunName } from '../../run-store/inputs.ts';
import { runGridJob, runScenarioSetJob, type SweepSource } from '../../jobs/sweep-job.ts';
import { checkAxis } from '../../runs/grid-parameters.ts';
import type { TapeRecord } from '../../../data/tape/types.ts';
import { runThroughStore, type RunPlan } from '../../run-store/stored-job.ts';
import { statedPoolBalance } from '../../runs/size-deal.ts';
import type { ServiceContext } from '../context.ts';
import { dealPiece, JOB_TITLES, onTapeTitle } from '../../jobs/job-titles.ts';
import { axisName } from '../../run-store/run-names.ts';

// Bundled into the app (the packaged app ships no docs/ folder).
const TEMPLATES: readonly (readonly [string, { name: string; description: string }])[] = [
  ['cn-consumer-revolving', CN_CONSUMER],
  ['us-auto-oc-turbo', US_AUTO],
  ['pass-through', PASS_THROUGH],
  ['us-cmo-sequential', US_CMO],
  ['cn-credit-card-installment', CN_CARD_INSTALLMENT],
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
    hasPool: file.pool !== undefined || file.schedulePool !== undefined,
    // A schedule pool is stressed by its own schedulePool.stress, never by an assumption set.
    hasAssumptions: file.assumptions !== undefined || file.schedulePool !== undefined,
    statedPoolBalance: statedPoolBalance(file),
    deal: file,
  };
}

const JOB_KINDS = { run: 'deal.run', breakeven: 'deal.breakeven', size: 'deal.size' } as const;

/** Checks the deal file before the job starts (a typo answers at once, with its JSON path). */
function startDealJob(
  task: 'run' | 'breakeven' | 'size',
  params: BreakevenRequest & { sizing?: Pick<DealSizeRequest, 'method' | 'target' | 'floor' | 'interest'>; poolFile?: unknown },
  service: ServiceContext,
): JobInfo {
  const file = readDealFile(params.deal);
  const { tape, source } = poolSource(params, service);
  const id = ({ run: 'dealRun', breakeven: 'dealBreakevens', size: 'dealSizing' } as const)[task];
  const title = onTapeTitle(JOB_TITLES.say(id, { deal: dealPiece(file.name) }), tape);
  const work = (ctx: JobContext): Promise<DealJobResult> =>
    runDealInWorker(
      service,
      {
        task,
        ...source,
        mode: params.mode ?? 'repline',
        deal: params.deal,
        assumptions: params.assumptions,
        scenarioOverrides: params.scenarioOverrides ?? {},
        by: params.by ?? 'multiplier',
        interest: params.interest,
        sizeToPool: params.sizeToPool === true,
        ...(params.sizing ? { sizing: params.sizing } : {}),
        ...(params.poolFile !== undefined ? { poolFile: params.poolFile } : {}),
        poolName: tape ? tape.name : 'the deal’s own pool',
      },
      ctx,
    );
  // A sizing returns a deal file, not a run: it is not stored.
  if (task === 'size') return service.jobs.start(JOB_KINDS[task], title, work);
  const plan = storePlan(service, params, tape, () => ({ inputs: dealInputs(task, params, tape), name: dealRunName(task, file, tape, params) }));
  return service.jobs.start(JOB_KINDS[task], title, (ctx) =>
    runThroughStore(
      plan,
      async () => {
        const result = await work(ctx);
        if (result.kind === 'deal.size') throw new Error(`a ${task} job answered with a sizing`);
        return result;
      },
      () => service.emit({ type: 'runs.changed' }),
    ),
  );
}

/** What a job stores in the open workspace's run store, or null (no workspace, or `store: false`). */
function storePlan(service: ServiceContext, params: DealRunRequest, tape: TapeRecord | null, what: () => { inputs: RunInputs; name: CodedMessage }): RunPlan | null {
  const workspace = service.workspace;
  if (workspace === null || params.store === false) return null;
  const { inputs, name } = what();
  const named = params.runName !== undefined ? { name: params.runName, nameCoded: null } : { name: name.message, nameCoded: name };
  return { workspace, inputs, ...named, tapeId: tape?.id ?? null, writes: service.writes };
}

/** The tape a run or sweep runs on (checked before the job starts) and where its worker threads read it. */
function poolSource(params: DealRunRequest, service: ServiceContext): { tape: TapeRecord | null; source: SweepSource } {
  const tape = params.tapeId === undefined ? null : getTape(service.requireWorkspace().db, params.tapeId);
  return { tape, source: { workspacePath: tape ? service.requireWorkspace().path : null, tapeId: tape ? tape.id : null } };
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
  const file = readDealFile(params.deal);
  const set = readScenarioSet(params.scenarios);
  const assumptions = params.assumptions ?? baseAssumptions(set.base, service);
  const request: ScenarioSetRunRequest = { ...params, ...(assumptions !== undefined ? { assumptions } : {}) };
  const { tape, source } = poolSource(request, service);
  const plan = storePlan(service, request, tape, () => ({ inputs: scenarioSetInputs(request, set, tape), name: scenarioSetRunName(set, file, tape, request) }));
  const title = onTapeTitle(JOB_TITLES.say('dealScenarios', { deal: dealPiece(file.name) }), tape);
  return service.jobs.start('deal.runScenarios', title, (ctx) =>
    runThroughStore(
      plan,
      () => runScenarioSetJob(service, request, set, source, ctx),
      () => service.emit({ type: 'runs.changed' }),
    ),
  );
}

/**
 * A sensitivity grid (a job): every cell the deal run with the run's overrides and the cell's two
 * parameters on top, on the worker pool; then each note's frontier (docs/sweeps.md).
 */
export function dealGrid(params: GridRequest, service: ServiceContext): JobInfo {
  const file = readDealFile(params.deal);
  checkAxis(params.rows, 'rows');
  checkAxis(params.columns, 'columns');
  if (params.rows.parameter === params.columns.parameter) {
    throw new UserError('BAD_REQUEST', `the grid's rows and columns both vary ${params.rows.parameter}: choose two parameters`, { path: '$.columns.parameter' });
  }
  const outageAxis = [params.rows.parameter, params.columns.parameter].some((p) => p === 'outageShare' || p === 'outageMonth');
  if (params.outage !== undefined && !outageAxis) throw new UserError('BAD_REQUEST', 'the outage applies to a grid with an outageShare or outageMonth axis', { path: '$.outage' });
  const { tape, source } = poolSource(params, service);
  const plan = storePlan(service, params, tape, () => ({ inputs: gridInputs(params, tape), name: gridRunName(params, file, tape) }));
  const title = onTapeTitle(JOB_TITLES.say('dealGrid', { rows: axisName(params.rows.parameter), columns: axisName(params.columns.parameter), deal: dealPiece(file.name) }), tape);
  return service.jobs.start('deal.grid', title, (ctx) =>
    runThroughStore(
      plan,
      () => runGridJob(service, params, source, ctx),
      () => service.emit({ type: 'runs.changed' }),
    ),
  );
}

/** Sizes the deal's notes to the pool it runs on (a job: a breakeven target re-runs the deal); the sized file comes back, nothing is saved. */
export function dealSize(params: DealSizeRequest, service: ServiceContext): JobInfo {
  const { method, target, floor, interest, pool, ...run } = params;
  if (pool !== undefined) readPoolFile(pool); // a bad pool file answers at once, at its JSON path
  const sizing = { method, ...(target !== undefined ? { target } : {}), ...(floor !== undefined ? { floor } : {}), ...(interest !== undefined ? { interest } : {}) };
  return startDealJob('size', { ...run, sizing, ...(pool !== undefined ? { poolFile: pool } : {}) }, service);
}

/** A note's yield at a clean price or price at a yield on a settlement date (engine/analytics price-yield.ts). */
/** A settlement date a note cannot be priced on, said with the dates that bound it (the price/yield panel, deal.priceYield). */
export const PRICE_YIELD_RULES = messageTable('priceYield', {
  settlementBeforeClosing: (p: { settlement: string; closing: string }) => `Settlement ${p.settlement} is before closing (${p.closing}): a note is priced from its closing date on.`,
  settlementAfterLastPayment: (p: { settlement: string; lastPayment: string }) =>
    `Settlement ${p.settlement} is on or after the note’s last payment with cash (${p.lastPayment}): nothing is left to price; choose a date before it.`,
});

export function dealPriceYield(params: PriceYieldRequest): PriceYieldResult {
  const given = params.cleanPrice !== undefined ? { cleanPrice: params.cleanPrice } : { yield: params.yield ?? 0 };
  const py = priceYieldOrRefusal(params, given);
  return { convention: py.convention, yield: py.yield, cleanPrice: py.cleanPrice, dirtyPrice: py.dirtyPrice, ...py.settlement, dayCount: params.note.dayCount, yields: py.yields };
}

/** notePriceYield, a settlement date outside the note's life refused as the analyst's input, naming the dates. */
function priceYieldOrRefusal(params: PriceYieldRequest, given: { readonly cleanPrice: number } | { readonly yield: number }): ReturnType<typeof notePriceYield> {
  try {
    return notePriceYield(params.note, params.settlementDate, params.convention, given);
  } catch (error) {
    if (!(error instanceof EngineError) || error.code !== 'SETTLEMENT_DATE') throw error;
    const settlement = params.settlementDate;
    const closing = params.note.closingDate;
    const coded =
      settlement < closing
        ? PRICE_YIELD_RULES.say('settlementBeforeClosing', { settlement, closing })
        : PRICE_YIELD_RULES.say('settlementAfterLastPayment', { settlement, lastPayment: lastCashDate(params.note) });
    throw codedError('BAD_REQUEST', coded, { path: '$.settlementDate' });
  }
}

/** The note's last payment date with principal or interest (its paymentDates' last when none has cash). */
function lastCashDate(note: PriceYieldRequest['note']): string {
  for (let k = note.paymentDates.length - 1; k >= 0; k--) if ((note.principal[k] ?? 0) + (note.interest[k] ?? 0) > 0) return note.paymentDates[k] ?? '';
  return note.paymentDates.at(-1) ?? note.closingDate;
}

/**
 * A Monte Carlo loss distribution (a job; docs/monte-carlo.md): the paths run on the worker pool's
 * threads; kept in the run store as kind 'monte-carlo' (an identical rerun is served from it).
 */
export function dealMonteCarlo(params: MonteCarloRequest, service: ServiceContext): JobInfo {
  const file = readDealFile(params.deal);
  const { tape, source } = poolSource(params, service);
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
    ...source,
    mode: params.mode ?? 'repline',
    deal: params.deal,
    assumptions: params.assumptions,
    scenarioOverrides: params.scenarioOverrides ?? {},
    distribution: params.distribution,
    seed: params.seed,
  } as const;
  const title = onTapeTitle(JOB_TITLES.say('dealMonteCarlo', { paths: String(params.paths), deal: dealPiece(file.name) }), tape);
  const run = { spec, file, paths: params.paths, ratingTable: params.ratingTable ?? null, ...(params.jobs !== undefined ? { jobs: params.jobs } : {}) };
  const plan = storePlan(service, params, tape, () => ({ inputs: monteCarloInputs(params, tape), name: monteCarloRunName(params, file, tape) }));
  return service.jobs.start('deal.monteCarlo', title, (ctx) =>
    runThroughStore(
      plan,
      () => runMonteCarloJob(service.workerUrl('pool-worker'), run, ctx),
      () => service.emit({ type: 'runs.changed' }),
    ),
  );
}
