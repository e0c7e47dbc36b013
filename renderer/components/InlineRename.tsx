import { useState, type FormEvent, type KeyboardEvent } from 'react';
import { sayError } from '../app/context.tsx';
import { useT } from '../app/i18n.tsx';

/**
 * A name edited in place — the Rename of a table row — instead of window.prompt(), which Electron
 * does not implement. Enter (or Save) saves, Escape (or Cancel) leaves; an empty name is refused at
 * the field and an unchanged one just closes the form; a failed `onSave` keeps the form open with
 * the service's words under the field. Leaving (Save, Cancel, Enter, Escape) gives the focus back
 * to the control that opened the form — the row's Rename button — so a keyboard user goes on from
 * the row rather than from the top of the page (WAI-ARIA APG, "Dialog": focus returns to the
 * invoking element).
 */
export function InlineRename(props: {
  name: string;
  /** The input's accessible name ('New name for this tape'). */
  label: string;
  /** The heading of a failure ('Cannot rename the tape'), before the service's words. */
  failure: string;
  /** Saves the trimmed new name; throws what the service said. */
  onSave: (name: string) => Promise<void>;
  onClose: () => void;
}) {
  const t = useT();
  const [text, setText] = useState(props.name);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  // Read in the first render, before the field's autoFocus takes the focus from the Rename button.
  const [opener] = useState(() => (document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : null));
  const name = text.trim();
  const problem = name === '' ? t('common.rename.empty') : error;

  /** Closes the form; the opener stays in the row while the form goes, so it can take the focus first. */
  function close(): void {
    if (opener?.isConnected) opener.focus();
    props.onClose();
  }

  async function save(event: FormEvent): Promise<void> {
    event.preventDefault();
    if (name === '' || saving) return;
    if (name === props.name) {
      close();
      return;
    }
    setSaving(true);
    try {
      await props.onSave(name);
      close();
    } catch (thrown) {
      setError(t('common.rename.failed', { failure: props.failure, reason: sayError(thrown) }));
      setSaving(false);
    }
  }

  function onKeyDown(event: KeyboardEvent): void {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    close();
  }

  return (
    <form className="inline-rename" onSubmit={(e) => void save(e)} onKeyDown={onKeyDown}>
      <input
        value={text}
        aria-label={props.label}
        aria-invalid={problem !== null}
        // The analyst asked to rename this row: typing goes to its name.
        autoFocus
        onFocus={(e) => e.target.select()}
        onChange={(e) => {
          setText(e.target.value);
          setError(null);
        }}
      />
      <button type="submit" disabled={name === '' || name === props.name || saving}>
        {t('common.rename.save')}
      </button>
      <button type="button" className="secondary" onClick={close}>
        {t('common.rename.cancel')}
      </button>
      {problem ? (
        <small className="field-error" role="alert">
          {problem}
        </small>
      ) : null}
    </form>
  );
}
