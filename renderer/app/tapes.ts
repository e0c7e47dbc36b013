import { useEffect, useSyncExternalStore } from 'react';
import type { TapeRecord } from '../../service/api/contract.ts';
import { reportError, useApp } from './context.tsx';
import { useQuery } from './query.ts';
import { Store } from './store.ts';
import { useT } from './i18n.tsx';
import { scopedToWorkspace } from './workspace-scope.ts';

/** The tape the Pool and later areas look at; defaults to the newest tape. */
export const selectedTapeId = new Store<number | null>(null);

// Tape ids start again at 1 in another workspace: tape 1 there is another tape. Its list picks the newest anew.
scopedToWorkspace({ forget: () => selectedTapeId.set(null) });

export function useSelectedTapeId(): number | null {
  return useSyncExternalStore(selectedTapeId.subscribe, selectedTapeId.get);
}

/** The workspace's tapes, reloaded whenever they change (kept on screen meanwhile). `null` while loading. */
export function useTapes(): readonly TapeRecord[] | null {
  const t = useT();
  const { api, workspace, tapesVersion } = useApp();
  // tapesVersion is a reload signal, bumped by events whenever tapes change.
  const tapes = useQuery(workspace ? () => api.call('tape.list', {}) : null, [api, workspace, tapesVersion], {
    onError: (error) => reportError(t('app.cannotListTapes'), error),
  }).latest;
  useEffect(() => {
    if (!tapes) return;
    const selected = selectedTapeId.get();
    if (selected === null || !tapes.some((tape) => tape.id === selected)) selectedTapeId.set(tapes[0]?.id ?? null);
  }, [tapes]);
  return tapes;
}
