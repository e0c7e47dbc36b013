import { getTape } from '../../../data/tape/store.ts';
import CN_CONSUMER from '../../../templates/deals/cn-consumer-revolving.json' with { type: 'json' };
import PASS_THROUGH from '../../../templates/deals/pass-through.json' with { type: 'json' };
import US_AUTO from '../../../templates/deals/us-auto-oc-turbo.json' with { type: 'json' };
import US_CMO from '../../../templates/deals/us-cmo-sequential.json' with { type: 'json' };
import { roundCentsOfDouble } from '../../../engine/index.ts';
import type { BreakevenRequest, DealCheck, DealRunRequest, DealTemplate, FileDraft, JobInfo } from '../contract.ts';
import { readDealFile } from '../../files/deal-file.ts';
import { runDealInWorker } from '../../jobs/deal-job.ts';
import { dealInputs, dealRunName } from '../../run-store/inputs.ts';
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

/** Checks the deal file before the job starts (a typo answers at once, with its JSON path). */
function startDealJob(task: 'run' | 'breakeven', params: BreakevenRequest, service: ServiceContext): JobInfo {
  const file = readDealFile(params.deal);
  const tape = params.tapeId === undefined ? null : getTape(service.requireWorkspace().db, params.tapeId);
  const name = file.name ?? 'deal';
  const title = `${task === 'run' ? 'Run' : 'Breakevens of'} ${name}${tape ? ` on ${tape.name}` : ''}`;
  const workspace = service.workspace;
  const plan: RunPlan | null =
    workspace === null || params.store === false
      ? null
      : { workspace, inputs: dealInputs(task, params, tape), name: params.runName ?? dealRunName(task, file, tape, params), tapeId: tape?.id ?? null };
  return service.jobs.start(task === 'run' ? 'deal.run' : 'deal.breakeven', title, (ctx) =>
    runThroughStore(
      plan,
      () =>
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
          },
          ctx,
        ),
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
