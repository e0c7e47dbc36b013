import { useId, useState } from 'react';
import { useT } from '../../app/i18n.tsx';

function pretty(file: unknown): string {
  return `${JSON.stringify(file, null, 2)}\n`;
}

/**
 * The assumption file as text, for pasting a colleague's file or editing what the form does not
 * show. Text that parses replaces the draft at once (and is checked like the form); text that
 * does not parse stays here, with the parser's message, and changes nothing.
 */
export function JsonEditor({ file, onChange }: { file: unknown; onChange: (file: unknown) => void }) {
  const t = useT();
  const hintId = useId();
  const [text, setText] = useState(() => pretty(file));
  const [lastFile, setLastFile] = useState(file);
  const [emitted, setEmitted] = useState<unknown>(undefined);
  const [syntax, setSyntax] = useState<string | null>(null);
  if (file !== lastFile) {
    // Changed elsewhere (opened another set, imported a file): show it; changed here: keep the text as typed.
    setLastFile(file);
    if (file !== emitted) {
      setText(pretty(file));
      setSyntax(null);
    }
  }
  return (
    <div className="json-editor">
      <label htmlFor={`${hintId}-text`} className="sr-label">
        {t('assumptions.assumptionFileJson')}
      </label>
      <textarea
        id={`${hintId}-text`}
        className="mono"
        value={text}
        spellCheck={false}
        aria-describedby={hintId}
        aria-invalid={syntax !== null || undefined}
        rows={Math.min(40, Math.max(16, text.split('\n').length + 1))}
        onChange={(e) => {
          setText(e.target.value);
          try {
            const parsed: unknown = JSON.parse(e.target.value);
            setSyntax(null);
            setEmitted(parsed);
            onChange(parsed);
          } catch (error) {
            setSyntax(error instanceof Error ? error.message : String(error));
          }
        }}
      />
      <small id={hintId} className={syntax ? 'field-error' : 'field-hint'}>
        {syntax ? t('assumptions.notValidJsonYet', { syntax }) : t('assumptions.schemaDocsSchemasAssumptions')}
      </small>
    </div>
  );
}
