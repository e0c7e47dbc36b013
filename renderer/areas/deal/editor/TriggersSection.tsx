import { BandsField } from './BandsField.tsx';
import { useEditor } from './context.tsx';
import { fieldsOf, jsonPath, labelOf, type FieldPath } from './draft.ts';
import { CheckField, FieldIssues, IdsField, ItemButtons, NumberField, SelectField, TextField } from './fields.tsx';
import { idsOf, insertItem, listOf, moveItem, newTrigger, removeItem } from './lists.ts';
import { COMPARATOR_OPTIONS, EFFECT_OPTIONS, METRIC_OPTIONS, MONEY_METRICS, NOTE_METRICS } from './options.ts';
import { ItemList, Section } from './Section.tsx';
import { useT } from '../../../app/i18n.tsx';

/** One trigger: what it measures, when it is breached (a threshold, by period if need be), and what a breach does. */
function TriggerFields({ at, metric }: { at: FieldPath; metric: string }) {
  const t = useT();
  const { draft } = useEditor();
  const notes = idsOf(listOf(draft, 'notes')).map((n) => [n, n] as const);
  const kind = MONEY_METRICS.includes(metric) ? 'money' : 'percent';
  return (
    <>
      <div className="editor-fields">
        <TextField label={t('deal.editor.id')} path={[...at, 'id']} kind="id" />
        <TextField label={t('deal.editor.name')} path={[...at, 'name']} optional wide />
        <SelectField label={t('deal.editor.measures')} path={[...at, 'metric']} options={METRIC_OPTIONS} />
        <SelectField label={t('deal.editor.breachedWhenTheValue')} path={[...at, 'breachedWhen']} options={COMPARATOR_OPTIONS} />
        {NOTE_METRICS.includes(metric) ? <IdsField label={t('deal.editor.ofTheNotes')} path={[...at, 'notes']} options={notes} /> : null}
        <NumberField label={t('deal.editor.averageOverPeriods')} path={[...at, 'averageOver']} kind="whole" placeholder="1" />
        <NumberField label={t('deal.editor.consecutivePeriodsToBreach')} path={[...at, 'consecutivePeriods']} kind="whole" placeholder="1" />
        <CheckField label={t('deal.editor.curableReTestedEach')} path={[...at, 'curable']} byDefault={false} />
      </div>
      <div className="editor-fields">
        <BandsField label={t('deal.editor.threshold')} path={[...at, 'threshold']} bandKey="threshold" kind={kind} />
        <BandsField label={t('deal.editor.warningLevel')} path={[...at, 'warning']} bandKey="threshold" kind={kind} optional />
        <IdsField label={t('deal.editor.aBreach')} path={[...at, 'effects']} options={EFFECT_OPTIONS} hint={t('deal.editor.noneTickedOnlyMonitored')} />
      </div>
    </>
  );
}

/** The triggers, in the order the deal lists them. */
export function TriggersSection() {
  const t = useT();
  const { draft, set } = useEditor();
  const triggers = listOf(draft, 'triggers');
  const setTriggers = (next: readonly (typeof triggers)[number][]): void => set(['triggers'], next.length === 0 ? undefined : next);
  return (
    <Section
      title={t('deal.editor.triggers')}
      testId="editor-triggers"
      actions={
        <button type="button" className="secondary small-button" onClick={() => set(['triggers'], insertItem(triggers, triggers.length, newTrigger(draft)))}>
          {t('deal.editor.addTrigger')}
        </button>
      }
    >
      <ItemList empty={t('deal.editor.noTriggers')} count={triggers.length}>
        {triggers.map((trigger, k) => {
          const { id, metric } = fieldsOf(trigger);
          const label = t('deal.editor.itemTrigger', { id: labelOf(id, String(k + 1)) });
          return (
            <li key={k} className="editor-item" data-testid={`trigger-${k}`} data-item-path={jsonPath(['triggers', k])}>
              <div className="editor-item-head">
                <strong>{label}</strong>
                <ItemButtons what={label} index={k} count={triggers.length} onMove={(by) => setTriggers(moveItem(triggers, k, by))} onRemove={() => setTriggers(removeItem(triggers, k))} />
              </div>
              <FieldIssues path={['triggers', k]} kind="text" />
              <TriggerFields at={['triggers', k]} metric={typeof metric === 'string' ? metric : ''} />
            </li>
          );
        })}
      </ItemList>
    </Section>
  );
}
