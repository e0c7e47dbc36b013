import { getTape } from '../../data/tape/store.ts';
import type { BreakevenRequest, DealCheck, DealRunRequest, JobInfo } from '../contract.ts';
import { readDealFile } from '../deal-file.ts';
import { runDealInWorker } from '../deal-job.ts';
import type { Service } from '../service.ts';

export function dealValidate(params: { deal: unknown }): DealCheck {
  const file = readDealFile(params.deal);
  return {
    name: file.name ?? 'Deal',
    notes: file.notes.length,
    originalBalance: Math.round(file.notes.reduce((sum, note) => sum + note.originalBalance, 0) * 100) / 100,
    hasPool: file.pool !== undefined,
    hasAssumptions: file.assumptions !== undefined,
  };
}

/** Checks the deal file before the job starts (a typo answers at once, with its JSON path). */
function startDealJob(task: 'run' | 'breakeven', params: BreakevenRequest, service: Service): JobInfo {
  const file = readDealFile(params.deal);
  const tape = params.tapeId === undefined ? null : getTape(service.requireWorkspace().db, params.tapeId);
  const name = file.name ?? 'deal';
  const title = `${task === 'run' ? 'Run' : 'Breakevens of'} ${name}${tape ? ` on ${tape.name}` : ''}`;
  return service.jobs.start(task === 'run' ? 'deal.run' : 'deal.breakeven', title, (ctx) =>
    runDealInWorker(
      service,
      {
        task,
        workspacePath: tape ? service.requireWorkspace().path : null,
        tapeId: tape ? tape.id : null,
        mode: params.mode ?? 'repline',
        deal: params.deal,
        assumptions: params.assumptions,
        by: params.by ?? 'multiplier',
      },
      ctx,
    ),
  );
}

export function dealRun(params: DealRunRequest, service: Service): JobInfo {
  return startDealJob('run', params, service);
}

export function dealBreakeven(params: BreakevenRequest, service: Service): JobInfo {
  return startDealJob('breakeven', params, service);
}
