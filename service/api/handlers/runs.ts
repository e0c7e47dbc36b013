import { deleteRun, getRun, listRuns, renameRun } from '../../../data/runs/store.ts';
import { isRunKind, toRunRecord, toStoredRun } from '../../run-store/stored-job.ts';
import type { RunRecord, StoredRun } from '../contract.ts';
import type { ServiceContext } from '../context.ts';

/** The workspace's stored runs, newest first (runs of a kind this version does not know are left out). */
export function runsList(_params: Record<string, never>, service: ServiceContext): readonly RunRecord[] {
  return listRuns(service.requireWorkspace().db)
    .filter((row) => isRunKind(row.kind))
    .map(toRunRecord);
}

export function runsGet(params: { id: number }, service: ServiceContext): StoredRun {
  return toStoredRun(getRun(service.requireWorkspace().db, params.id));
}

export async function runsRename(params: { id: number; name: string }, service: ServiceContext): Promise<RunRecord> {
  const record = toRunRecord(await service.writes.run(() => renameRun(service.requireWorkspace().db, params.id, params.name)));
  service.emit({ type: 'runs.changed' });
  return record;
}

export async function runsDelete(params: { id: number }, service: ServiceContext): Promise<{ deleted: number }> {
  await service.writes.run(() => deleteRun(service.requireWorkspace().db, params.id));
  service.emit({ type: 'runs.changed' });
  return { deleted: params.id };
}
