import { useSyncExternalStore } from 'react';
import { Store } from '../../app/store.ts';
import { editorWithSaveButton } from '../../app/unsaved-edits.ts';
import { scopedToWorkspace } from '../../app/workspace-scope.ts';
import type { DealCurrency } from '../deal/model.ts';
import type { ScenarioSetForm } from './form.ts';

/** Where the set in the editor came from: a shipped set (a copy), a set saved in the workspace, or neither (typed). */
export type SetSource = { readonly kind: 'shipped'; readonly id: string } | { readonly kind: 'saved'; readonly name: string };

/** What a scenario-set job ran: enough to caption its result and tell when the choices moved on. */
export interface CompareJobRun {
  readonly jobId: string;
  readonly workspacePath: string | null;
  readonly dealLabel: string;
  readonly poolLabel: string;
  readonly baseLabel: string;
  /** The request's deal, pool, base and set as JSON: a different one makes the shown result out of date. */
  readonly inputsKey: string;
  /** The currency the deal file states its amounts in (undefined: none stated). */
  readonly currency: DealCurrency;
}

export interface CompareScreenState {
  readonly source: SetSource | null;
  readonly form: ScenarioSetForm | null;
  /** The name the set is saved under in the workspace (null: not saved yet), and edits since. */
  readonly savedName: string | null;
  readonly dirty: boolean;
  readonly latestRun: CompareJobRun | null;
  readonly shownRun: CompareJobRun | null;
  /** Stored runs picked to compare, in the order picked (the first is the base column). */
  readonly storedRunIds: readonly number[];
}

/**
 * Kept outside the screen, so a run goes on, and the set being edited stays, while the analyst
 * looks elsewhere. The deal, pool and base are the Deal screen's choices (app/deal.ts): one deal
 * under study, run once or under every scenario of a set.
 */
export const compareScreen = new Store<CompareScreenState>({ source: null, form: null, savedName: null, dirty: false, latestRun: null, shownRun: null, storedRunIds: [] });

/**
 * Another workspace: the picked stored runs and the runs of sets were that workspace's; so is a
 * set saved there (it reopens there), as the assumption draft (app/assumptions.ts). A shipped
 * set's copy or a set typed and not saved is the analyst's own and stays.
 */
scopedToWorkspace({
  forget: () => {
    const { savedName, source } = compareScreen.get();
    const saved = savedName !== null || source?.kind === 'saved';
    updateCompareScreen({ latestRun: null, shownRun: null, storedRunIds: [], ...(saved ? { source: null, form: null, savedName: null, dirty: false } : {}) });
  },
  unsavedWork: () => {
    const { savedName, dirty } = compareScreen.get();
    return savedName !== null && dirty ? savedName : null;
  },
});

/** A reload drops the set being edited, saved or not: the page asks first (app/unsaved-edits.ts). */
editorWithSaveButton(() => {
  const { dirty, form, savedName } = compareScreen.get();
  return dirty && form ? form.name || savedName || '' : null;
});

export function updateCompareScreen(patch: Partial<CompareScreenState>): void {
  compareScreen.set({ ...compareScreen.get(), ...patch });
}

export function useCompareScreen(): CompareScreenState {
  return useSyncExternalStore(compareScreen.subscribe, compareScreen.get);
}
