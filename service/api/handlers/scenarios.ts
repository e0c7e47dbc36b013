import { UserError } from '../../../data/errors.ts';
import { listAssumptionSets } from '../../../data/assumptions/store.ts';
import { readScenarioSet } from '../../files/scenario-file.ts';
import type { AssumptionFile, FileDraft, ScenarioSetCheck } from '../contract.ts';
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
