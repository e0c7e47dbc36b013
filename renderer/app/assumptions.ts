import { useSyncExternalStore } from 'react';
import { Store } from './store.ts';
import { translate } from './i18n.tsx';
import { editorWithSaveButton } from './unsaved-edits.ts';
import { scopedToWorkspace } from './workspace-scope.ts';

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
  if (current?.dirty && !window.confirm(translate('app.confirm.discardSet', { name: current.name || translate('app.confirm.theNewSet') }))) return false;
  assumptionDraft.set(next);
  if (next?.savedName) selectedAssumptionSet.set(next.savedName);
  return true;
}

/** The set Results runs: a saved set's name, or DRAFT_CHOICE for the editor's unsaved draft. */
export const DRAFT_CHOICE = '\u0000draft';
export const selectedAssumptionSet = new Store<string | null>(null);

export function useSelectedAssumptionSet(): string | null {
  return useSyncExternalStore(selectedAssumptionSet.subscribe, selectedAssumptionSet.get);
}

/**
 * Another workspace: a draft opened from one of this workspace's saved sets is that set (its name
 * names a set there, and it reopens there), so it goes, with the choice of set Results runs. A
 * draft never saved — the example, an imported file, a set typed from scratch — is the analyst's
 * own work and exists nowhere else: it stays, still unsaved, to be saved in the new workspace. It
 * holds no tape id (only curves and segment names), and its check runs again on the new
 * workspace's tape. Unsaved edits of a saved set would go with it: the Workspace screen asks first.
 */
scopedToWorkspace({
  forget: () => {
    const draft = assumptionDraft.get();
    if (draft && draft.savedName !== null) assumptionDraft.set(null);
    selectedAssumptionSet.set(null);
  },
  unsavedWork: () => {
    const draft = assumptionDraft.get();
    return draft && draft.savedName !== null && draft.dirty ? draft.name || draft.savedName : null;
  },
});

/** A reload drops the draft, a set never saved too: the page asks first (unsaved-edits.ts). */
editorWithSaveButton(() => {
  const draft = assumptionDraft.get();
  return draft?.dirty ? draft.name || draft.savedName || translate('app.confirm.theNewSet') : null;
});
