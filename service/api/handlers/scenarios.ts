import { UserError } from '../../../data/errors.ts';
import { listAssumptionSets } from '../../../data/assumptions/store.ts';
import { deleteScenarioSet, getScenarioSet, listScenarioSets, saveScenarioSet, type ScenarioSetRow } from '../../../data/scenarios/store.ts';
import { readScenarioSet } from '../../files/scenario-file.ts';
import type { AssumptionFile, FileDraft, ScenarioSetCheck, ScenarioSetRecord } from '../contract.ts';
import type { ServiceContext } from '../context.ts';
import { checkAssumptions } from '../../files/assumption-file.ts';

/** Checks a scenario-set file: its shape, names, curves and index paths, and the segments it names against a tape's when given. */
export async function scenariosCheck(params: { scenarios: FileDraft; tapeId?: number }, service: ServiceContext): Promise<ScenarioSetCheck> {
  const names = params.tapeId === undefined ? undefined : await service.queries().poolNames(params.tapeId);
  const set = readScenarioSet(params.scenarios, names);
  return { name: set.name, base: set.base ?? null, scenarios: set.scenarios.map((s) => s.name), set };
}

/**
 * A set's `base` as an assumption file: the set of that name saved in the open workspace (read
 * again in full). Undefined when the set names no base (the deal file's own assumptions apply).
 * A file path is the command line's to read (abs run resolves it beside the set file).
 */
export function baseAssumptions(base: string | undefined, service: ServiceContext): AssumptionFile | undefined {
  if (base === undefined) return undefined;
  const { workspace } = service;
  const saved = workspace === null ? [] : listAssumptionSets(workspace.db);
  const row = saved.find((set) => set.name === base);
  if (row === undefined) {
    const where = workspace === null ? 'no workspace is open' : `saved sets: ${saved.map((set) => `"${set.name}"`).join(', ') || 'none'}`;
    throw new UserError('NOT_FOUND', `Scenario set $.base: no saved assumption set named "${base}" (${where}); save it, or give the base assumptions with the run`, { path: '$.base', base });
  }
  return checkAssumptions(row.assumptions).assumptions;
}

/** A saved set read again, as any scenario-set file is: one that no longer reads names the set and the problem's JSON path. */
function readSaved(row: ScenarioSetRow): ScenarioSetRecord {
  try {
    return { name: row.name, set: readScenarioSet(row.set), updatedAt: row.updatedAt };
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    throw new UserError(error.code, `Scenario set "${row.name}" no longer reads: ${error.message}`, { ...error.details, name: row.name });
  }
}

export function scenariosList(_params: unknown, service: ServiceContext): readonly ScenarioSetRecord[] {
  return listScenarioSets(service.requireWorkspace().db).map(readSaved);
}

export function scenariosGet(params: { name: string }, service: ServiceContext): ScenarioSetRecord {
  return readSaved(getScenarioSet(service.requireWorkspace().db, params.name));
}

/** Saves the set as read under `name`, else its own name (a set that does not read is not saved: the workspace is unchanged). */
export async function scenariosSave(params: { name?: string; scenarios: FileDraft }, service: ServiceContext): Promise<ScenarioSetRecord> {
  const set = readScenarioSet(params.scenarios);
  const saved = await service.writes.run(() => saveScenarioSet(service.requireWorkspace().db, params.name ?? set.name, set));
  service.emit({ type: 'scenarios.changed' });
  return { name: saved.name, set, updatedAt: saved.updatedAt };
}

export async function scenariosDelete(params: { name: string }, service: ServiceContext): Promise<{ deleted: string }> {
  await service.writes.run(() => deleteScenarioSet(service.requireWorkspace().db, params.name));
  service.emit({ type: 'scenarios.changed' });
  return { deleted: params.name };
}
