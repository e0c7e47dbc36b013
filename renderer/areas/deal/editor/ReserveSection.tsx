import { useEditor } from './context.tsx';
import { CheckField, IdsField, NumberField, SelectField } from './fields.tsx';
import { idsOf, listOf } from './lists.ts';
import { RESERVE_BASIS_OPTIONS } from './options.ts';
import { Section } from './Section.tsx';
import { useT } from '../../../app/i18n.tsx';

/** A reserve as added: no deposit, a target of 1 % of the current note balance. */
const NEW_RESERVE = { initialDeposit: 0, target: { basis: 'currentNoteBalance', percent: 0.01 } };

/** The reserve (liquidity) account: deposit, target, and what it may pay. */
export function ReserveSection() {
  const t = useT();
  const { draft, set } = useEditor();
  const has = draft['reserve'] !== undefined;
  const notes = idsOf(listOf(draft, 'notes')).map((n) => [n, n] as const);
  const fees = idsOf(listOf(draft, 'fees')).map((f) => [f, f] as const);
  return (
    <Section
      title={t('deal.editor.reserveAccount')}
      testId="editor-reserve"
      actions={
        <button type="button" className="secondary small-button" onClick={() => set(['reserve'], has ? undefined : NEW_RESERVE)}>
          {has ? t('deal.editor.removeReserve') : t('deal.editor.addReserve')}
        </button>
      }
    >
      {has ? (
        <div className="editor-fields">
          <NumberField label={t('deal.editor.initialDeposit')} path={['reserve', 'initialDeposit']} kind="money" hint={t('deal.editor.fundedAtClosing')} />
          <SelectField label={t('deal.editor.targetBasis')} path={['reserve', 'target', 'basis']} options={RESERVE_BASIS_OPTIONS} />
          <NumberField label={t('deal.editor.target')} path={['reserve', 'target', 'percent']} kind="percent" hint={t('deal.editor.ofTheBasisAt')} />
          <NumberField label={t('deal.editor.targetFloor')} path={['reserve', 'target', 'floor']} kind="money" placeholder={t('deal.editor.none2')} />
          <NumberField label={t('deal.editor.targetCap')} path={['reserve', 'target', 'cap']} kind="money" placeholder={t('deal.editor.none2')} />
          <IdsField label={t('deal.editor.targetOnTheBalance')} path={['reserve', 'target', 'notes']} options={notes} optional hint={t('deal.editor.noneTickedAllNotes')} />
          <IdsField label={t('deal.editor.coversFees')} path={['reserve', 'covers', 'fees']} options={fees} optional hint={t('deal.editor.noneTickedEverySenior')} />
          <IdsField label={t('deal.editor.coversInterestOf')} path={['reserve', 'covers', 'notes']} options={notes} optional hint={t('deal.editor.noneTickedTheMost')} />
          <CheckField label={t('deal.editor.redeemWhenCovered')} path={['reserve', 'redeemWhenCovered']} byDefault={false} />
        </div>
      ) : (
        <p className="muted small">{t('deal.editor.noReserveAccount')}</p>
      )}
    </Section>
  );
}
