/**
 * The editors with a Save button whose edits live only in this page (the assumption set, the
 * scenario set, the deal's structure): each says here whether it holds edits not saved, and a
 * reload or a closed window asks first (the browser's own confirmation; in the desktop app main
 * answers `will-prevent-unload` with a dialog in the chosen language, electron/leave-dialog.ts).
 * Unlike opening another workspace (workspace-scope.ts), a reload drops every draft, a set never
 * saved too. An editor in an area not loaded yet holds no edits: it registers when its module loads.
 */
const editors = new Set<() => string | null>();

/** `unsaved` names the editor's edits not saved ('my stress', 'deal.json'), or null when it has none. */
export function editorWithSaveButton(unsaved: () => string | null): void {
  editors.add(unsaved);
}

/** What a reload would drop, by name; empty when nothing. */
export function unsavedEdits(): string[] {
  return [...editors].map((unsaved) => unsaved()).filter((name) => name !== null);
}

/**
 * Asks before the page unloads while `unsaved` names anything: `preventDefault` (and the legacy
 * `returnValue`) make the browser, or Electron's main process, confirm. Returns the undo.
 */
export function guardUnload(target: Pick<Window, 'addEventListener' | 'removeEventListener'>, unsaved: () => readonly string[] = unsavedEdits): () => void {
  const listener = (event: BeforeUnloadEvent): void => {
    if (unsaved().length === 0) return;
    event.preventDefault();
    event.returnValue = true;
  };
  target.addEventListener('beforeunload', listener);
  return () => target.removeEventListener('beforeunload', listener);
}
