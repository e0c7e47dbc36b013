import { useSyncExternalStore } from 'react';
import { Store } from '../../../app/store.ts';
import { editorWithSaveButton } from '../../../app/unsaved-edits.ts';
import { draftOfFile, type DealDraft } from './draft.ts';
import { canRedo, canUndo, historyOf, record, redo, undo, type History } from './history.ts';

/** The deal in the structure editor: its edits (with undo), what it was opened from, and the file name it saves as. */
export interface DealEditorState {
  readonly history: History<DealDraft>;
  /** The deal (a template's or an opened file's JSON) the draft was loaded from: the Deal screen loads a newly chosen one once. */
  readonly origin: unknown;
  readonly fileName: string;
  /** Edited since it was opened or last saved. */
  readonly dirty: boolean;
}

/** Kept outside the screen, so the edits survive a visit to another screen. */
export const dealEditor = new Store<DealEditorState>({ history: historyOf<DealDraft>({}), origin: null, fileName: 'deal.json', dirty: false });

/** A reload drops the structure's edits: the page asks first (app/unsaved-edits.ts). */
editorWithSaveButton(() => {
  const { dirty, fileName } = dealEditor.get();
  return dirty ? fileName : null;
});

export function useDealEditor(): DealEditorState {
  return useSyncExternalStore(dealEditor.subscribe, dealEditor.get, dealEditor.get);
}

/** Opens a deal (a template's or a file's JSON) in the editor: a fresh history. */
export function loadDeal(file: unknown, fileName: string): void {
  dealEditor.set({ history: historyOf(draftOfFile(file)), origin: file, fileName, dirty: false });
}

/** An edit of the draft; `key` (the field's path) coalesces the keystrokes of one field into one undo step. */
export function editDeal(next: DealDraft, key: string | null = null): void {
  const state = dealEditor.get();
  const history = record(state.history, next, key);
  if (history !== state.history) dealEditor.set({ ...state, history, dirty: true });
}

export function undoDeal(): void {
  const state = dealEditor.get();
  if (canUndo(state.history)) dealEditor.set({ ...state, history: undo(state.history), dirty: true });
}

export function redoDeal(): void {
  const state = dealEditor.get();
  if (canRedo(state.history)) dealEditor.set({ ...state, history: redo(state.history), dirty: true });
}

export function savedDeal(fileName: string): void {
  dealEditor.set({ ...dealEditor.get(), fileName, dirty: false });
}

/** Back to the deal as it was opened (a template, a file): the edits are dropped, as one step Undo can take back. */
export function revertDeal(): void {
  const state = dealEditor.get();
  const opened = draftOfFile(state.origin);
  dealEditor.set({ ...state, history: record(state.history, opened), dirty: false });
}
