import type { TapeRecord } from '../../../service/api/contract.ts';
import { sayCoded } from '../../app/coded.ts';
import { useT } from '../../app/i18n.tsx';
import { tapeName } from '../../app/shipped-names.ts';

/**
 * A saved tape's import notes (what the import assumed for missing columns, loans matured or past
 * their term), in the chosen language from their codes; a tape imported before its notes were
 * stored by code shows them in English, as stored.
 */
export function TapeNotes({ tape, onClose }: { tape: TapeRecord; onClose: () => void }) {
  const t = useT();
  const notes = tape.codedNotes?.map(sayCoded) ?? tape.notes;
  return (
    <section className="panel tape-notes" data-testid="tape-notes" aria-label={t('tapes.notesOf', { name: tapeName(tape) })}>
      <header className="area-header-row">
        <h2>{t('tapes.notesOf', { name: tapeName(tape) })}</h2>
        <button type="button" className="secondary" onClick={onClose}>
          {t('tapes.close')}
        </button>
      </header>
      <ul>
        {notes.map((note, i) => (
          <li key={i}>{note}</li>
        ))}
      </ul>
    </section>
  );
}
