import { useEffect, useState, useSyncExternalStore } from 'react';
import type { AssumptionSetRecord } from '../../service/contract.ts';
import type { ApiClient } from '../api/client.ts';
import { reportError, useApp } from './context.tsx';
import { Store } from './store.ts';

/**
 * The assumption file open in the Assumptions editor. It lives outside the screen so that an
 * analyst can look at Results and come back to unsaved edits; Results can also run the draft.
 */
export interface AssumptionDraft {
  /** The saved set this draft was opened from (and is saved back to), or null for a new one. */
  readonly savedName: string | null;
  /** The name the set will be saved under. */
  readonly name: string;
  /** The assumption file's JSON (docs/schemas/assumptions.schema.json); any JSON while being edited. */
  readonly file: unknown;
  /** Edited since it was opened or saved. */
  readonly dirty: boolean;
}

export const assumptionDraft = new Store<AssumptionDraft | null>(null);

export function useAssumptionDraft(): AssumptionDraft | null {
  return useSyncExternalStore(assumptionDraft.subscribe, assumptionDraft.get);
}

/** Opens a file as the draft, after asking when unsaved edits would be lost. False: the analyst kept them. */
export function openAssumptionDraft(next: AssumptionDraft | null): boolean {
  const current = assumptionDraft.get();
  if (current?.dirty && !window.confirm(`Discard the unsaved changes to “${current.name || 'the new set'}”?`)) return false;
  assumptionDraft.set(next);
  if (next?.savedName) selectedAssumptionSet.set(next.savedName);
  return true;
}

/** Opens the shipped example (assumptions.example) as a new set named "base" (or "base 2", … when taken). */
export async function openExampleDraft(api: ApiClient, taken: readonly AssumptionSetRecord[] | null): Promise<boolean> {
  try {
    const example = await api.call('assumptions.example', {});
    const names = new Set((taken ?? []).map((s) => s.name));
    let name = 'base';
    for (let n = 2; names.has(name); n++) name = `base ${n}`;
    return openAssumptionDraft({ savedName: null, name, file: example, dirty: true });
  } catch (error) {
    reportError('Cannot load the example assumptions', error);
    return false;
  }
}

/** The set Results runs: a saved set's name, or DRAFT_CHOICE for the editor's unsaved draft. */
export const DRAFT_CHOICE = '\u0000draft';
export const selectedAssumptionSet = new Store<string | null>(null);

export function useSelectedAssumptionSet(): string | null {
  return useSyncExternalStore(selectedAssumptionSet.subscribe, selectedAssumptionSet.get);
}

/** The workspace's named assumption sets, reloaded on `assumptions.changed`. `null` while loading. */
export function useAssumptionSets(): readonly AssumptionSetRecord[] | null {
  const { api, workspace, assumptionsVersion } = useApp();
  const [sets, setSets] = useState<readonly AssumptionSetRecord[] | null>(null);
  useEffect(() => {
    if (!workspace) return undefined;
    let live = true;
    api.call('assumptions.list', {}).then(
      (list) => {
        if (live) setSets([...list].sort((a, b) => a.name.localeCompare(b.name)));
      },
      (error: unknown) => {
        if (!live) return;
        setSets([]);
        reportError('Cannot list assumption sets', error);
      },
    );
    return () => {
      live = false;
    };
    // assumptionsVersion is a reload signal, bumped by events whenever sets change.
    // oxlint-disable-next-line react/exhaustive-effect-dependencies
  }, [api, workspace, assumptionsVersion]);
  return sets;
}
