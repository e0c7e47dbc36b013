import EXAMPLE from '../../../templates/assumptions/consumer-base.json' with { type: 'json' };
import { UserError } from '../../../data/errors.ts';
import { deleteAssumptionSet, listAssumptionSets, saveAssumptionSet } from '../../../data/assumptions/store.ts';
import { checkAssumptions } from '../../files/assumption-file.ts';
import type { AssumptionCheck, AssumptionFile, AssumptionSetRecord, FileDraft } from '../contract.ts';
import type { ServiceContext } from '../context.ts';

export async function assumptionsCheck(params: { assumptions: FileDraft; tapeId?: number }, service: ServiceContext): Promise<AssumptionCheck> {
  const names = params.tapeId === undefined ? undefined : await service.queries().poolNames(params.tapeId);
  return checkAssumptions(params.assumptions, names);
}

/** The shipped example as read (bundled into the app: the packaged app has no docs/ folder; a test keeps it valid). */
export function assumptionsExample(): AssumptionFile {
  return checkAssumptions(EXAMPLE).assumptions;
}

/**
 * Each saved set read again, as any assumption file is: a set saved by an older version that no
 * longer reads fails the list, naming the set and the problem's JSON path (details keep the path
 * and every issue), rather than reaching a screen as a file nobody checked.
 */
export function assumptionsList(_params: unknown, service: ServiceContext): readonly AssumptionSetRecord[] {
  return listAssumptionSets(service.requireWorkspace().db).map((row) => {
    try {
      return { ...row, assumptions: checkAssumptions(row.assumptions).assumptions };
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      throw new UserError(error.code, `Assumption set "${row.name}" no longer reads: ${error.message}`, { ...error.details, name: row.name });
    }
  });
}

/** Saves the set as read (a set that does not read is not saved), in the workspace's next write turn. */
export async function assumptionsSave(params: { name: string; assumptions: FileDraft }, service: ServiceContext): Promise<AssumptionSetRecord> {
  const { assumptions } = checkAssumptions(params.assumptions);
  const saved = await service.writes.run(() => saveAssumptionSet(service.requireWorkspace().db, params.name, assumptions));
  service.emit({ type: 'assumptions.changed' });
  return { ...saved, assumptions };
}

export async function assumptionsDelete(params: { name: string }, service: ServiceContext): Promise<{ deleted: string }> {
  await service.writes.run(() => deleteAssumptionSet(service.requireWorkspace().db, params.name));
  service.emit({ type: 'assumptions.changed' });
  return { deleted: params.name };
}
