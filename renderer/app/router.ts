import { useSyncExternalStore } from 'react';

/** The product's areas, in the analyst's order of work (DESIGN.md, "One analyst's loop"). */
export const AREAS = [
  { id: 'tapes', label: 'Tapes', summary: 'Import loan tapes (CSV/XLSX) and review rejected rows' },
  { id: 'pool', label: 'Pool', summary: 'Pool summary and stratifications' },
  { id: 'assumptions', label: 'Assumptions', summary: 'Prepayment, default, delinquency and recovery curves by segment' },
  { id: 'deal', label: 'Deal', summary: 'Notes, fees, reserve account, triggers, revolving period and priority of payments' },
  { id: 'results', label: 'Results', summary: 'Pool and tranche cash flows, WAL, yield, loss, reserve draws, trigger breaches' },
  { id: 'runs', label: 'Runs', summary: 'Stored runs of this workspace: reopen, rename, delete' },
  { id: 'compare', label: 'Compare', summary: 'Scenarios side by side, breakevens and sensitivity grids' },
  { id: 'reports', label: 'Reports', summary: 'Formatted Excel tranche reports for investors' },
  { id: 'workspace', label: 'Workspace', summary: 'The workspace file: open, create, details' },
] as const;

export type AreaId = (typeof AREAS)[number]['id'];

const DEFAULT_AREA: AreaId = 'tapes';

function parse(hash: string): AreaId {
  const id = hash.replace(/^#\/?/, '').split(/[/?]/)[0];
  return AREAS.find((area) => area.id === id)?.id ?? DEFAULT_AREA;
}

function subscribe(listener: () => void): () => void {
  window.addEventListener('hashchange', listener);
  return () => window.removeEventListener('hashchange', listener);
}

/** Hash routing: works the same from app:// (Electron) and http:// (browser transport). */
export function useRoute(): AreaId {
  return useSyncExternalStore(subscribe, () => parse(window.location.hash));
}

export function hrefFor(area: AreaId): string {
  return `#/${area}`;
}

/** The path within an area: '#/tapes/import' → 'import', '#/tapes' → ''. */
export function subRouteOf(hash: string): string {
  return (hash.replace(/^#\/?/, '').split('?')[0] ?? '').split('/').slice(1).join('/');
}

/**
 * The area's own page in the address (an area's wizard, say), so the side bar's link to the area
 * (a plain `#/area`) leaves it like any other navigation, and Back returns to it.
 */
export function useSubRoute(): string {
  return useSyncExternalStore(subscribe, () => subRouteOf(window.location.hash));
}

/** Opens a page of an area: navigate('tapes', 'import') → '#/tapes/import'. */
export function navigate(area: AreaId, sub = ''): void {
  window.location.hash = sub === '' ? hrefFor(area) : `${hrefFor(area)}/${sub}`;
}
