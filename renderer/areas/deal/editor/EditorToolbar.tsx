import { useId, useState } from 'react';
import { downloadText } from '../../../app/format.ts';
import { typedFileName } from '../../../../messages/file-name.ts';
import { notify } from '../../../app/notifications.ts';
import { fileTextOf } from './draft.ts';
import { canRedo, canUndo } from './history.ts';
import { dealEditor, redoDeal, revertDeal, savedDeal, undoDeal, useDealEditor } from './state.ts';
import { translate, useT } from '../../../app/i18n.tsx';

/** The typed name, kept as typed (Chinese and spaces included), ending in .json and carrying no characters a file system refuses. */
export function dealFileName(typed: string): string {
  return `${typedFileName(typed.trim().replace(/\.json$/i, ''), 'deal')}.json`;
}

/**
 * Saves the deal in the editor as a deal file: through the browser's download (the desktop shell
 * asks where, with its native save dialog); `abs run` and the Open button read it back.
 */
function saveAs(fileName: string, problems: number): void {
  const { history } = dealEditor.get();
  downloadText(fileName, fileTextOf(history.present), 'application/json');
  savedDeal(fileName);
  notify(
    problems === 0 ? 'success' : 'info',
    translate('deal.editor.saved', { fileName }),
    problems === 0 ? translate('deal.editor.theDealFileIs') : translate('deal.editor.itStillHasProblem', { problems }),
  );
}

/** Save, Save as, Undo and Redo of the structure editor (Ctrl+Z / Ctrl+Shift+Z do the same). */
export function EditorToolbar({ problems }: { problems: number }) {
  const t = useT();
  const editor = useDealEditor();
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState(editor.fileName);
  const id = useId();
  return (
    <div className="button-row editor-toolbar" role="toolbar" aria-label={t('deal.editor.dealEditor')}>
      <button type="button" onClick={() => saveAs(editor.fileName, problems)}>
        {t('deal.editor.save')}
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
        {t('deal.editor.saveAs')}
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
          <label htmlFor={id}>{t('deal.editor.fileName')}</label>
          <input id={id} value={name} onChange={(e) => setName(e.target.value)} autoFocus />
          <button type="submit">{t('deal.editor.saveFile')}</button>
        </form>
      ) : null}
      <button type="button" className="secondary" onClick={undoDeal} disabled={!canUndo(editor.history)} title={t('deal.editor.ctrlZ')}>
        {t('deal.editor.undo')}
      </button>
      <button type="button" className="secondary" onClick={redoDeal} disabled={!canRedo(editor.history)} title={t('deal.editor.ctrlShiftZ')}>
        {t('deal.editor.redo')}
      </button>
      <button type="button" className="secondary" onClick={revertDeal} disabled={!editor.dirty} title={t('deal.editor.dropTheEditsBack')}>
        {t('deal.editor.revert')}
      </button>
      <span className="muted small">
        {editor.fileName}
        {editor.dirty ? t('deal.editor.editedNotSaved') : ''}
      </span>
    </div>
  );
}
