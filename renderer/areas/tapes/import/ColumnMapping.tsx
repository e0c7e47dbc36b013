import { useState } from 'react';
import type { CanonicalField, HeaderMapping, MappedColumn, TapeHeaderUnit, TapePreview } from '../../../../service/api/contract.ts';
import { reportError, useApp } from '../../../app/context.tsx';
import { notify } from '../../../app/notifications.ts';
import { useT } from '../../../app/i18n.tsx';
import { tapeFieldHelp, tapeFieldLabel } from '../../../app/coded.ts';

/** Keeps the mapping shown under a name, to start the next tape from the same originator with. */
function SaveMapping({ mapping, onSaved }: { mapping: HeaderMapping; onSaved: () => void }) {
  const t = useT();
  const { api } = useApp();
  const [saveAs, setSaveAs] = useState('');

  async function save(): Promise<void> {
    if (!saveAs.trim()) return;
    try {
      const saved = await api.call('mapping.save', { name: saveAs.trim(), mapping });
      onSaved();
      notify('success', t('tapes.import.mappingSaved'), t('tapes.import.canBeReusedFor', { name: saved.name }));
      setSaveAs('');
    } catch (error) {
      reportError(t('tapes.import.cannotSaveTheMapping'), error);
    }
  }

  return (
    <div className="option-row save-mapping">
      <label>
        {t('tapes.import.saveThisMappingAs')}
        <input value={saveAs} onChange={(e) => setSaveAs(e.target.value)} placeholder={t('tapes.import.eGOriginatorA')} />
      </label>
      <button type="button" className="secondary" onClick={() => void save()} disabled={!saveAs.trim()}>
        {t('tapes.import.saveMapping')}
      </button>
    </div>
  );
}

/** What the unit a header states does to the column's values, in the chosen language; nothing when it states none. */
function UnitOf({ unit }: { unit: TapeHeaderUnit | null }) {
  const t = useT();
  if (unit === null) return null;
  const text =
    unit.kind === 'unknown'
      ? t('tapes.import.unitUnknown', { unit: unit.written })
      : unit.kind === 'rate'
        ? t('tapes.import.unitRate', { unit: unit.written })
        : unit.power === 0
          ? t('tapes.import.unitMoney', { unit: unit.written })
          : t('tapes.import.unitScaled', { unit: unit.written, factor: (10 ** unit.power).toLocaleString('en-US') });
  return (
    <div className={unit.kind === 'unknown' ? 'unit-note error-text' : 'unit-note muted'} data-testid="header-unit">
      {text}
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
  const t = useT();
  const { preview, missing, doubled } = props;
  return (
    <>
      <h2>{t('tapes.import.columnMapping')}</h2>
      <p className="muted">{t('tapes.import.eachTapeColumnMaps')}</p>
      <table className="data-table mapping-table" data-testid="mapping-table">
        <thead>
          <tr>
            <th>{t('tapes.import.tapeColumn')}</th>
            <th>{t('tapes.import.firstValues')}</th>
            <th>{t('tapes.import.field')}</th>
          </tr>
        </thead>
        <tbody>
          {props.mapping.map((m) => (
            <tr key={m.column} className={m.field && doubled.has(m.field) ? 'conflict' : undefined}>
              <td>
                {m.header || <em className="muted">{t('tapes.import.blankHeader')}</em>}
                <UnitOf unit={preview.units[m.column] ?? null} />
              </td>
              <td className="mono muted">
                {preview.rows
                  .slice(0, 3)
                  .map((r) => r[m.column] ?? '')
                  .join(' · ')}
              </td>
              <td>
                <select
                  aria-label={t('tapes.import.fieldFor', { header: m.header })}
                  value={m.field ?? ''}
                  onChange={(e) => props.onField(m.header, (e.target.value || null) as CanonicalField | null)}
                >
                  <option value="">{t('tapes.import.keepAsExtraAttribute')}</option>
                  {preview.fields.map((f) => (
                    <option key={f.field} value={f.field} title={tapeFieldHelp(f.field, f.help)}>
                      {tapeFieldLabel(f.field)}
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
          {t('tapes.import.notMappedYet', { join: missing.join(', ') })}
        </p>
      ) : null}
      {doubled.size > 0 ? <p className="error-text">{t('tapes.import.twoColumnsMapTo')}</p> : null}
      <SaveMapping mapping={props.headerMapping} onSaved={props.onSaved} />
    </>
  );
}
