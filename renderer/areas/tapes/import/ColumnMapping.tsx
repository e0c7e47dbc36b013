import { useState } from 'react';
import type { CanonicalField, HeaderMapping, MappedColumn, TapePreview } from '../../../../service/api/contract.ts';
import { reportError, useApp } from '../../../app/context.tsx';
import { notify } from '../../../app/notifications.ts';

/** Keeps the mapping shown under a name, to start the next tape from the same originator with. */
function SaveMapping({ mapping, onSaved }: { mapping: HeaderMapping; onSaved: () => void }) {
  const { api } = useApp();
  const [saveAs, setSaveAs] = useState('');

  async function save(): Promise<void> {
    if (!saveAs.trim()) return;
    try {
      const saved = await api.call('mapping.save', { name: saveAs.trim(), mapping });
      onSaved();
      notify('success', 'Mapping saved', `"${saved.name}" can be reused for the next tape from this originator.`);
      setSaveAs('');
    } catch (error) {
      reportError('Cannot save the mapping', error);
    }
  }

  return (
    <div className="option-row save-mapping">
      <label>
        Save this mapping as
        <input value={saveAs} onChange={(e) => setSaveAs(e.target.value)} placeholder="e.g. Originator A cash loans" />
      </label>
      <button type="button" className="secondary" onClick={() => void save()} disabled={!saveAs.trim()}>
        Save mapping
      </button>
    </div>
  );
}

/**
 * Step 3: each tape column, its first values and the field it maps to (or kept as an extra
 * attribute); what is still unmapped or mapped twice; and saving the mapping for the next tape.
 */
export function ColumnMapping(props: {
  preview: TapePreview;
  mapping: readonly MappedColumn[];
  missing: readonly string[];
  doubled: ReadonlySet<CanonicalField>;
  headerMapping: HeaderMapping;
  onField: (header: string, field: CanonicalField | null) => void;
  onSaved: () => void;
}) {
  const { preview, missing, doubled } = props;
  return (
    <>
      <h2>Column mapping</h2>
      <p className="muted">
        Each tape column maps to a canonical field or is kept as an extra attribute (never dropped). Rates may be written 0.15, 15 or 15%; daily rates are converted to annual × 365 (ACT/365).
      </p>
      <table className="data-table mapping-table" data-testid="mapping-table">
        <thead>
          <tr>
            <th>Tape column</th>
            <th>First values</th>
            <th>Field</th>
          </tr>
        </thead>
        <tbody>
          {props.mapping.map((m) => (
            <tr key={m.column} className={m.field && doubled.has(m.field) ? 'conflict' : undefined}>
              <td>{m.header || <em className="muted">(blank header)</em>}</td>
              <td className="mono muted">
                {preview.rows
                  .slice(0, 3)
                  .map((r) => r[m.column] ?? '')
                  .join(' · ')}
              </td>
              <td>
                <select aria-label={`Field for ${m.header}`} value={m.field ?? ''} onChange={(e) => props.onField(m.header, (e.target.value || null) as CanonicalField | null)}>
                  <option value="">Keep as extra attribute</option>
                  {preview.fields.map((f) => (
                    <option key={f.field} value={f.field} title={f.help}>
                      {f.label}
                      {f.required ? ' *' : ''}
                    </option>
                  ))}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {missing.length > 0 ? (
        <p className="error-text" role="status">
          Not mapped yet: {missing.join(', ')}.
        </p>
      ) : null}
      {doubled.size > 0 ? <p className="error-text">Two columns map to the same field: each field takes one column.</p> : null}
      <SaveMapping mapping={props.headerMapping} onSaved={props.onSaved} />
    </>
  );
}
