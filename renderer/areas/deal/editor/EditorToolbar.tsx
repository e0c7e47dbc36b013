import { useId, useState } from 'react';
import { downloadText } from '../../../app/format.ts';
import { notify } from '../../../app/notifications.ts';
import { fileTextOf } from './draft.ts';
import { canRedo, canUndo } from './history.ts';
import { dealEditor, redoDeal, revertDeal, savedDeal, undoDeal, useDealEditor } from './state.ts';

/** A file name that ends in .json and carries no path or characters a file system refuses. */
export function dealFileName(typed: string): string {
  const printable = Array.from(typed.trim(), (c) => (c.charCodeAt(0) < 32 ? '-' : c)).join('');
  const base = printable.replace(/[\\/:*?"<>|]+/g, '-').replace(/\.json$/i, '');
  return `${base || 'deal'}.json`;
}

/**
 * Saves the deal in the editor as a deal file: through the browser's download (the desktop shell
 * asks where, with its native save dialog); `abs run` and the Open button read it back.
 */
function saveAs(fileName: string, problems: number): void {
  const { history } = dealEditor.get();
  downloadText(fileName, fileTextOf(history.present), 'application/json');
  savedDeal(fileName);
  notify(problems === 0 ? 'success' : 'info', `Saved ${fileName}`, problems === 0 ? 'The deal file is valid.' : `It still has ${problems} problem(s): fix them before running it.`);
}

/** Save, Save as, Undo and Redo of the structure editor (Ctrl+Z / Ctrl+Shift+Z do the same). */
export function EditorToolbar({ problems }: { problems: number }) {
  const editor = useDealEditor();
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState(editor.fileName);
  const id = useId();
  return (
    <div className="button-row editor-toolbar" role="toolbar" aria-label="Deal editor">
      <button type="button" onClick={() => saveAs(editor.fileName, problems)}>
        Save
      </button>
      <button
        type="button"
        className="secondary"
        aria-expanded={naming}
        onClick={() => {
          setName(editor.fileName);
          setNaming(!naming);
        }}
      >
        Save as…
      </button>
      {naming ? (
        <form
          className="save-as"
          onSubmit={(e) => {
            e.preventDefault();
            saveAs(dealFileName(name), problems);
            setNaming(false);
          }}
        >
          <label htmlFor={id}>File name</label>
          <input id={id} value={name} onChange={(e) => setName(e.target.value)} autoFocus />
          <button type="submit">Save file</button>
        </form>
      ) : null}
      <button type="button" className="secondary" onClick={undoDeal} disabled={!canUndo(editor.history)} title="Ctrl+Z">
        Undo
      </button>
      <button type="button" className="secondary" onClick={redoDeal} disabled={!canRedo(editor.history)} title="Ctrl+Shift+Z">
        Redo
      </button>
      <button type="button" className="secondary" onClick={revertDeal} disabled={!editor.dirty} title="Drop the edits: back to the deal as opened">
        Revert
      </button>
      <span className="muted small">
        {editor.fileName}
        {editor.dirty ? ' · edited, not saved' : ''}
      </span>
    </div>
  );
}
