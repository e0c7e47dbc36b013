import { useId } from 'react';
import { useEditor } from './context.tsx';
import { fieldsOf } from './draft.ts';
import { renameRateIndex } from './rate-indices.ts';
import { RowsField } from './RowsField.tsx';
import { Section } from './Section.tsx';
import { useT } from '../../../app/i18n.tsx';

/** A new table's name: PBOC-1Y, else PBOC-1Y-2, … (names are the record's keys, so unique). */
function freshName(taken: readonly string[]): string {
  let name = 'PBOC-1Y';
  for (let k = 2; taken.includes(name); k += 1) name = `PBOC-1Y-${k}`;
  return name;
}

/**
 * The dated policy-rate tables (基准利率: the PBOC's ≤ 1-year lending rate, the LPR) the indexed coupons
 * read: each a name and fixings in effective-date order. Renaming a table renames it in every coupon
 * that reads it (rate-indices.ts), so the deal stays whole.
 */
export function RateIndicesSection() {
  const t = useT();
  const { draft, set } = useEditor();
  const tables = Object.entries(fieldsOf(draft['rateIndices']));
  const id = useId();
  // One edit of the draft: the table and its coupons, so one Undo takes both back.
  const renamed = (from: string, to: string): void => set([], renameRateIndex(draft, from, to), true);
  const remove = (name: string): void => {
    const rest = tables.filter(([n]) => n !== name);
    set(['rateIndices'], rest.length === 0 ? undefined : Object.fromEntries(rest));
  };
  const add = (): void => set(['rateIndices'], Object.fromEntries([...tables, [freshName(tables.map(([n]) => n)), [{ effective: '2015-10-24', rate: 0.0435 }]]]));
  return (
    <Section
      title={t('deal.editor.rateIndices')}
      testId="editor-rate-indices"
      actions={
        <button type="button" className="secondary small-button" onClick={add}>
          {t('deal.editor.addRateIndex')}
        </button>
      }
    >
      {tables.length === 0 ? <p className="muted small">{t('deal.editor.noRateIndices')}</p> : null}
      {tables.map(([name], k) => (
        <div key={k} className="editor-item">
          <div className="editor-item-head">
            <label htmlFor={`${id}-${k}`}>{t('deal.editor.rateIndexName')}</label>
            <input id={`${id}-${k}`} value={name} onChange={(e) => renamed(name, e.target.value)} />
            <button type="button" className="secondary small-button" aria-label={t('deal.editor.removeRateIndex', { name })} onClick={() => remove(name)}>
              {t('deal.editor.remove')}
            </button>
          </div>
          <RowsField
            label={t('deal.editor.fixings', { name })}
            path={['rateIndices', name]}
            columns={[
              { key: 'effective', label: t('deal.editor.effectiveFrom'), kind: 'date' },
              { key: 'rate', label: t('deal.editor.indexRate'), kind: 'percent' },
            ]}
            newRow={(rows) => ({ ...fieldsOf(rows.at(-1) ?? { effective: '', rate: 0 }) })}
          />
        </div>
      ))}
    </Section>
  );
}
