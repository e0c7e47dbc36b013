import { useSyncExternalStore } from 'react';

/**
 * The product's areas, in the analyst's order of work (DESIGN.md, "One analyst's loop"). Each one's
 * name and summary are the catalogue's `nav.<id>` and `nav.<id>.summary`.
 */
export const AREAS = [{ id: 'tapes' }, { id: 'pool' }, { id: 'assumptions' }, { id: 'deal' }, { id: 'results' }, { id: 'runs' }, { id: 'compare' }, { id: 'reports' }, { id: 'workspace' }] as const;

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

/** The screen a hash shows: its area and the area's page, not the page's query ('#/deal?run=3' is '#/deal'). */
function screenOf(hash: string): string {
  return `${parse(hash)}/${subRouteOf(hash)}`;
}

/** Calls `listener` each time the analyst moves to another screen; a change of the screen's query is not one. */
export function onScreenLeft(listener: () => void): () => void {
  let screen = screenOf(window.location.hash);
  return subscribe(() => {
    const next = screenOf(window.location.hash);
    if (next === screen) return;
    screen = next;
    listener();
  });
}
