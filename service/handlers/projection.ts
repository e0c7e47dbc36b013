import EXAMPLE from '../../docs/examples/assumptions-consumer-base.json' with { type: 'json' };
import { deleteAssumptionSet, listAssumptionSets, saveAssumptionSet } from '../../data/assumptions/store.ts';
import { getTape } from '../../data/tape/store.ts';
import { checkAssumptions } from '../assumptions.ts';
import type { AssumptionCheck, AssumptionSetRecord, JobInfo, ProjectionRequest } from '../contract.ts';
import { readPoolFile } from '../pool-file.ts';
import { runProjectionInWorker } from '../project-job.ts';
import { projectInput } from '../projection.ts';
import type { Service } from '../service.ts';


/**
 * Starts a projection job. The assumption file's shape, notation and matrices are checked
 * before the job starts (so a typo answers at once, with its JSON path); the segments and
 * products it names are checked against the pool inside the job. Loan level on a tape runs on
 * its own thread; representative lines of a tape on the query thread (grouping cached per
 * tape); a pool file's lines here (they are few).
 */
export function poolProject(params: ProjectionRequest, service: Service): JobInfo {
  checkAssumptions(params.assumptions);
  const { source } = params;
  if (source.kind === 'lines') {
    const input = readPoolFile(source.pool);
    return service.jobs.start('pool.project', `Project ${input.sourceName} (${input.lines.length.toLocaleString('en-US')} lines)`, () =>
      Promise.resolve({ kind: 'pool.project', projection: projectInput(input, params.assumptions) }),
    );
  }
  const tape = getTape(service.requireWorkspace().db, source.tapeId);
  if (params.mode === 'repline') {
    return service.jobs.start('pool.project', `Project ${tape.name} (representative lines)`, async () => ({
      kind: 'pool.project',
      projection: await service.queries().projectLines(tape.id, params.assumptions),
    }));
  }
  return service.jobs.start('pool.project', `Project ${tape.name} (loan level)`, async (ctx) => ({
    kind: 'pool.project',
    projection: await runProjectionInWorker(service, tape.id, params.assumptions, ctx),
  }));
}

export async function assumptionsCheck(params: { assumptions: unknown; tapeId?: number }, service: Service): Promise<AssumptionCheck> {
  const names = params.tapeId === undefined ? undefined : await service.queries().poolNames(params.tapeId);
  return checkAssumptions(params.assumptions, names);
}

/** A fresh copy of the shipped example (bundled into the app: the packaged app has no docs/ folder). */
export function assumptionsExample(): unknown {
  return structuredClone(EXAMPLE);
}

export function assumptionsList(_params: unknown, service: Service): readonly AssumptionSetRecord[] {
  return listAssumptionSets(service.requireWorkspace().db);
}

export function assumptionsSave(params: { name: string; assumptions: unknown }, service: Service): AssumptionSetRecord {
  checkAssumptions(params.assumptions);
  const saved = saveAssumptionSet(service.requireWorkspace().db, params.name, params.assumptions);
  service.emit({ type: 'assumptions.changed' });
  return saved;
}

export function assumptionsDelete(params: { name: string }, service: Service): { deleted: string } {
  deleteAssumptionSet(service.requireWorkspace().db, params.name);
  service.emit({ type: 'assumptions.changed' });
  return { deleted: params.name };
}
