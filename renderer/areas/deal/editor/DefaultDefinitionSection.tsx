import { useId } from 'react';
import { useEditor } from './context.tsx';
import { fieldsOf, getAt, jsonPath } from './draft.ts';
import { CheckField, FieldIssues } from './fields.tsx';
import { DEFINITION_DAYS } from './options.ts';
import { Section } from './Section.tsx';
import { useT } from '../../../app/i18n.tsx';

/** A definition as added: 和享2017-5's (more than 90 days past due, written off or restructured; counted once). */
const NEW_DEFINITION = { daysPastDue: 90, restructured: true, curable: false };

/** Days past due: one of the roll-rate buckets' boundaries (the projection knows no finer). */
function DaysPastDueField() {
  const t = useT();
  const { draft, set } = useEditor();
  const path = ['defaultDefinition', 'daysPastDue'];
  const value = getAt(draft, path);
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{t('deal.editor.defaultDaysPastDue')}</label>
      <select id={id} data-path={jsonPath(path)} value={typeof value === 'number' ? String(value) : ''} onChange={(e) => set(path, Number(e.target.value))}>
        {typeof value === 'number' && DEFINITION_DAYS.some((d) => d === value) ? null : <option value="">—</option>}
        {DEFINITION_DAYS.map((days) => (
          <option key={days} value={days}>
            {t('deal.editor.moreThanDays', { days })}
          </option>
        ))}
      </select>
      <span className="field-hint">{t('deal.editor.defaultDaysPastDueHint')}</span>
      <FieldIssues path={path} kind="choice" />
    </div>
  );
}

/**
 * The deal's own default definition (违约分期债权): with it the cumulative default rate counts each
 * loan's balance when it first meets the definition, not the gross charge-offs (docs/deals.md).
 */
export function DefaultDefinitionSection() {
  const t = useT();
  const { draft, set } = useEditor();
  const has = draft['defaultDefinition'] !== undefined;
  const writeOff = fieldsOf(draft['defaultDefinition'])['writeOff'];
  return (
    <Section
      title={t('deal.editor.defaultDefinition')}
      testId="editor-default-definition"
      actions={
        <button type="button" className="secondary small-button" onClick={() => set(['defaultDefinition'], has ? undefined : NEW_DEFINITION)}>
          {has ? t('deal.editor.removeDefaultDefinition') : t('deal.editor.addDefaultDefinition')}
        </button>
      }
    >
      {has && draft['schedulePool'] !== undefined ? (
        // poolFlows (service/runs/prepare-deal.ts): a schedule's defaults are the ones the schedule was drawn on.
        <p className="field-hint" data-testid="definition-on-schedule">
          {t('deal.editor.definitionOnSchedule')}
        </p>
      ) : null}
      {has ? (
        <div className="editor-fields">
          <DaysPastDueField />
          <div className="field check-field">
            {/* Always true: the projection writes a loan off only as a default, which every definition counts. */}
            <label>
              <input type="checkbox" data-path={jsonPath(['defaultDefinition', 'writeOff'])} checked={writeOff !== false} disabled /> {t('deal.editor.writtenOffCounts')}
            </label>
            <FieldIssues path={['defaultDefinition', 'writeOff']} kind="choice" />
          </div>
          <CheckField label={t('deal.editor.restructuredCounts')} path={['defaultDefinition', 'restructured']} byDefault={false} />
          <CheckField label={t('deal.editor.defaultCurable')} path={['defaultDefinition', 'curable']} byDefault={false} />
        </div>
      ) : (
        <p className="muted small">{t('deal.editor.noDefaultDefinition')}</p>
      )}
    </Section>
  );
}
