import { deleteMapping, listMappings, saveMapping } from '../../../data/tape/store.ts';
import type { HeaderMapping, PlausibilityLimits, SavedMapping } from '../../../data/tape/types.ts';
import type { ServiceContext } from '../context.ts';

export function mappingList(_params: unknown, service: ServiceContext): readonly SavedMapping[] {
  return listMappings(service.requireWorkspace().db);
}

export function mappingSave(params: { name: string; mapping: HeaderMapping; limits?: PlausibilityLimits }, service: ServiceContext): Promise<SavedMapping> {
  return service.writes.run(() => saveMapping(service.requireWorkspace().db, params.name, params.mapping, new Date(), params.limits));
}

export async function mappingDelete(params: { name: string }, service: ServiceContext): Promise<{ deleted: string }> {
  await service.writes.run(() => deleteMapping(service.requireWorkspace().db, params.name));
  return { deleted: params.name };
}
