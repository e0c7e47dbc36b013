import { useEffect, useState, useSyncExternalStore } from 'react';
import type { TapeRecord } from '../../service/contract.ts';
import { reportError, useApp } from './context.tsx';
import { Store } from './store.ts';

/** The tape the Pool and later areas look at; defaults to the newest tape. */
export const selectedTapeId = new Store<number | null>(null);

export function useSelectedTapeId(): number | null {
  return useSyncExternalStore(selectedTapeId.subscribe, selectedTapeId.get);
}

/** The workspace's tapes, reloaded whenever they change. `null` while loading. */
export function useTapes(): readonly TapeRecord[] | null {
  const { api, workspace, tapesVersion } = useApp();
  const [tapes, setTapes] = useState<readonly TapeRecord[] | null>(null);
  useEffect(() => {
    if (!workspace) return undefined;
    let live = true;
    api.call('tape.list', {}).then(
      (list) => {
        if (!live) return;
        setTapes(list);
        const selected = selectedTapeId.get();
        if (selected === null || !list.some((t) => t.id === selected)) selectedTapeId.set(list[0]?.id ?? null);
      },
      (error: unknown) => reportError('Cannot list tapes', error),
    );
    return () => {
      live = false;
    };
    // tapesVersion is a reload signal, bumped by events whenever tapes change.
    // oxlint-disable-next-line react/exhaustive-effect-dependencies
  }, [api, workspace, tapesVersion]);
  return tapes;
}
