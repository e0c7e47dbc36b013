import EXAMPLE from '../../../templates/assumptions/consumer-base.json' with { type: 'json' };
import { deleteAssumptionSet, listAssumptionSets, saveAssumptionSet } from '../../../data/assumptions/store.ts';
import { checkAssumptions } from '../../files/assumption-file.ts';
import type { AssumptionCheck, AssumptionSetRecord } from '../contract.ts';
import type { ServiceContext } from '../context.ts';

export async function assumptionsCheck(params: { assumptions: unknown; tapeId?: number }, service: ServiceContext): Promise<AssumptionCheck> {
  const names = params.tapeId === undefined ? undefined : await service.queries().poolNames(params.tapeId);
  return checkAssumptions(params.assumptions, names);
}

/** A fresh copy of the shipped example (bundled into the app: the packaged app has no docs/ folder). */
export function assumptionsExample(): unknown {
  return structuredClone(EXAMPLE);
}

export function assumptionsList(_params: unknown, service: ServiceContext): readonly AssumptionSetRecord[] {
  return listAssumptionSets(service.requireWorkspace().db);
}

export function assumptionsSave(params: { name: string; assumptions: unknown }, service: ServiceContext): AssumptionSetRecord {
  checkAssumptions(params.assumptions);
  const saved = saveAssumptionSet(service.requireWorkspace().db, params.name, params.assumptions);
  service.emit({ type: 'assumptions.changed' });
  return saved;
}

export function assumptionsDelete(params: { name: string }, service: ServiceContext): { deleted: string } {
  deleteAssumptionSet(service.requireWorkspace().db, params.name);
  service.emit({ type: 'assumptions.changed' });
  return { deleted: params.name };
}
