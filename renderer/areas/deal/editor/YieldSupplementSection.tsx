import type { ReactNode } from 'react';
import { useEditor } from './context.tsx';
import type { Json } from './draft.ts';
import { IdsField, NumberField } from './fields.tsx';
import { notesBySeniority } from './lists.ts';
import { NumberListField } from './NumberListField.tsx';
import { Section } from './Section.tsx';
import { useT, type MessageKey } from '../../../app/i18n.tsx';

/** One optional part of the deal with an add / remove button and its fields when present. */
function Part({ field, title, added, children }: { field: string; title: MessageKey; added: Json; children: ReactNode }) {
  const t = useT();
  const { draft, set } = useEditor();
  const has = draft[field] !== undefined;
  return (
    <div className="editor-part" data-testid={`editor-${field}`}>
      <h4>
        {t(title)}{' '}
        <button type="button" className="secondary small-button" onClick={() => set([field], has ? undefined : added)}>
          {has ? t('deal.editor.removePart', { part: t(title) }) : t('deal.editor.addPart', { part: t(title) })}
        </button>
      </h4>
      {has ? <div className="editor-fields">{children}</div> : null}
    </div>
  );
}

/**
 * Yield supplement (US auto ABS): overcollateralization held back for low-APR receivables, as a printed
 * schedule or computed from the pool at a required rate, and the cash yield supplement account.
 */
export function YieldSupplementSection() {
  const t = useT();
  const { draft } = useEditor();
  const notes = notesBySeniority(draft).map((n) => [n, n] as const);
  const schedule = ['yieldSupplementOC'];
  const fromPool = ['yieldSupplementOCFromPool'];
  return (
    <Section title={t('deal.editor.yieldSupplement')} testId="editor-yield-supplement">
      <Part field="yieldSupplementOC" title="deal.editor.ysocSchedule" added={{ atCutoff: 0, byPeriod: [0] }}>
        <NumberField label={t('deal.editor.ysocAtCutoff')} path={[...schedule, 'atCutoff']} kind="money" />
        <NumberField label={t('deal.editor.requiredRate')} path={[...schedule, 'requiredRate']} kind="percent" placeholder={t('deal.editor.none2')} hint={t('deal.editor.requiredRateRecorded')} />
        <NumberListField label={t('deal.editor.ysocByPeriod')} path={[...schedule, 'byPeriod']} kind="money" hint={t('deal.editor.byPeriodMoneyHint')} />
        <IdsField label={t('deal.editor.afterNotesPaid')} path={[...schedule, 'afterNotesPaid', 'notes']} options={notes} optional hint={t('deal.editor.afterNotesPaidHint')} />
        <NumberListField label={t('deal.editor.ysocByPeriodAfter')} path={[...schedule, 'afterNotesPaid', 'byPeriod']} kind="money" optional hint={t('deal.editor.byPeriodMoneyHint')} />
        <NumberField label={t('deal.editor.requiredRateAfter')} path={[...schedule, 'afterNotesPaid', 'requiredRate']} kind="percent" placeholder={t('deal.editor.none2')} />
      </Part>
      <Part field="yieldSupplementOCFromPool" title="deal.editor.ysocFromPool" added={{ requiredRate: 0.05 }}>
        <NumberField label={t('deal.editor.requiredRate')} path={[...fromPool, 'requiredRate']} kind="percent" hint={t('deal.editor.requiredRateHint')} />
        <IdsField label={t('deal.editor.afterNotesPaid')} path={[...fromPool, 'afterNotesPaid', 'notes']} options={notes} optional hint={t('deal.editor.afterNotesPaidHint')} />
        <NumberField label={t('deal.editor.requiredRateAfter')} path={[...fromPool, 'afterNotesPaid', 'requiredRate']} kind="percent" placeholder={t('deal.editor.none2')} />
      </Part>
      <Part field="yieldSupplementAccount" title="deal.editor.ysAccount" added={{ initialDeposit: 0, byPeriod: [0] }}>
        <NumberField label={t('deal.editor.initialDeposit')} path={['yieldSupplementAccount', 'initialDeposit']} kind="money" hint={t('deal.editor.fundedAtClosing')} />
        <NumberListField label={t('deal.editor.ysAccountByPeriod')} path={['yieldSupplementAccount', 'byPeriod']} kind="money" hint={t('deal.editor.byPeriodMoneyHint')} />
      </Part>
    </Section>
  );
}
