import { INVESTOR_PACK_HASH } from '../../../../service/api/contract.ts';

/**
 * The investor pack's address: `#/reports/pack?runs=3,4,7` — the stored deal runs (and breakevens)
 * it presents, in the analyst's order. A plain address, so the browser's print view, a bookmark
 * and Electron's hidden print window all open the same page.
 */
export const PACK_SUB_ROUTE = INVESTOR_PACK_HASH.split('/').at(-1) ?? 'pack';

export function packHref(runIds: readonly number[]): string {
  return `${INVESTOR_PACK_HASH}?runs=${runIds.join(',')}`;
}

/** The run ids of a pack address; an id that is not a positive whole number makes the address unusable (null). */
export function packRunIds(hash: string): number[] | null {
  const query = hash.split('?')[1] ?? '';
  const runs = new URLSearchParams(query).get('runs');
  if (runs === null || runs.trim() === '') return null;
  const ids = runs.split(',').map((part) => part.trim());
  if (!ids.every((id) => /^[1-9]\d{0,9}$/.test(id))) return null;
  return ids.map(Number);
}
