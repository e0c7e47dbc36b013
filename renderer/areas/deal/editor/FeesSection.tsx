import { useId } from 'react';
import { useEditor } from './context.tsx';
import { fieldsOf, getAt, jsonPath, labelOf, type FieldPath, type Json } from './draft.ts';
import { CheckField, FieldIssues, IdsField, ItemButtons, NumberField, SelectField, TextField } from './fields.tsx';
import { idsOf, insertItem, listOf, moveItem, newFee, removeItem } from './lists.ts';
import { ACCRUE_OVER_OPTIONS, COLLECTION_OPTIONS, DAY_COUNT_OPTIONS, FEE_BASIS_OPTIONS } from './options.ts';
import { ItemList, Section } from './Section.tsx';
import { useT } from '../../../app/i18n.tsx';

/** A fee basis of a type, with what it needs filled in (rates at 0, to be entered). */
function basisOfType(type: string): Json {
  switch (type) {
    case 'poolBalance':
    case 'noteBalance':
      return { type, rateAnnual: 0 };
    case 'collections':
      return { type, rate: 0 };
    case 'oneOff':
      return { type, amount: 0, period: 1 };
    default:
      return { type: 'fixed', amount: 0 };
  }
}

function BasisTypeField({ at }: { at: FieldPath }) {
  const t = useT();
  const { draft, set } = useEditor();
  const type = fieldsOf(getAt(draft, [...at, 'basis']))['type'];
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{t('deal.editor.feeBasis')}</label>
      <select id={id} data-path={jsonPath([...at, 'basis', 'type'])} value={typeof type === 'string' ? type : ''} onChange={(e) => set([...at, 'basis'], basisOfType(e.target.value))}>
        {FEE_BASIS_OPTIONS.map(([v, text]) => (
          <option key={v} value={v}>
            {t(text)}
          </option>
        ))}
      </select>
      <FieldIssues path={[...at, 'basis']} kind="choice" />
    </div>
  );
}

/** A pool-balance fee's year fraction: the accrual period's day count, or 1/12 per collection month (with a first period in days/360). */
function PoolBalanceAccrual({ basis }: { basis: FieldPath }) {
  const t = useT();
  const { draft } = useEditor();
  const byMonths = fieldsOf(getAt(draft, basis))['accrueOver'] === 'collectionMonths';
  return (
    <>
      <SelectField label={t('deal.editor.accrueOver')} path={[...basis, 'accrueOver']} options={ACCRUE_OVER_OPTIONS} byDefault={t('deal.editor.defaultInterestPeriod')} />
      {byMonths ? (
        <NumberField
          label={t('deal.editor.firstPeriodDays')}
          path={[...basis, 'firstPeriodDays']}
          kind="whole"
          placeholder={t('deal.editor.asItsMonths')}
          hint={t('deal.editor.firstPeriodDaysHint')}
        />
      ) : null}
    </>
  );
}

/** The fields of the fee's basis (engine/deal/schema.ts `feeBasis`): each basis the schema allows. */
function BasisFields({ at }: { at: FieldPath }) {
  const t = useT();
  const { draft } = useEditor();
  const basis = [...at, 'basis'];
  const type = fieldsOf(getAt(draft, basis))['type'];
  const notes = idsOf(listOf(draft, 'notes')).map((n) => [n, n] as const);
  switch (type) {
    case 'poolBalance':
    case 'noteBalance':
      return (
        <>
          <NumberField label={t('deal.editor.rate')} path={[...basis, 'rateAnnual']} kind="percent" hint={t('deal.editor.perAnnumAccruedOn')} />
          <SelectField label={t('deal.editor.dayCount')} path={[...basis, 'dayCount']} options={DAY_COUNT_OPTIONS} byDefault={t('deal.editor.defaultAct365')} />
          {type === 'poolBalance' ? <PoolBalanceAccrual basis={basis} /> : null}
          {type === 'noteBalance' ? <IdsField label={t('deal.editor.ofTheBalanceOf')} path={[...basis, 'notes']} options={notes} optional hint={t('deal.editor.noneTickedAllNotes')} /> : null}
        </>
      );
    case 'collections':
      return (
        <>
          <NumberField label={t('deal.editor.shareOfCollections')} path={[...basis, 'rate']} kind="percent" />
          <IdsField label={t('deal.editor.ofTheCollections')} path={[...basis, 'of']} options={COLLECTION_OPTIONS} optional hint={t('deal.editor.noneTickedInterestPenalty')} />
        </>
      );
    case 'oneOff':
      return (
        <>
          <NumberField label={t('deal.editor.amount')} path={[...basis, 'amount']} kind="money" />
          <NumberField label={t('deal.editor.paidInPeriod')} path={[...basis, 'period']} kind="whole" placeholder="1" />
        </>
      );
    default:
      return (
        <>
          <NumberField label={t('deal.editor.amountEachPeriod')} path={[...basis, 'amount']} kind="money" />
          <NumberField label={t('deal.editor.everyPeriods')} path={[...basis, 'everyPeriods']} kind="whole" placeholder="1" hint={t('deal.editor.everyPeriodsHint')} />
        </>
      );
  }
}

/** The fees: what each accrues on, and whether it is senior (its place in the waterfall is its step's). */
export function FeesSection() {
  const t = useT();
  const { draft, set } = useEditor();
  const fees = listOf(draft, 'fees');
  const setFees = (next: readonly Json[]): void => set(['fees'], next.length === 0 ? undefined : next);
  return (
    <Section
      title={t('deal.editor.fees')}
      testId="editor-fees"
      actions={
        <button type="button" className="secondary small-button" onClick={() => set(['fees'], insertItem(fees, fees.length, newFee(draft)))}>
          {t('deal.editor.addFee')}
        </button>
      }
    >
      <ItemList empty={t('deal.editor.noFees')} count={fees.length}>
        {fees.map((fee, k) => {
          const at: FieldPath = ['fees', k];
          const label = t('deal.editor.itemFee', { id: labelOf(fieldsOf(fee)['id'], String(k + 1)) });
          return (
            <li key={k} className="editor-item" data-testid={`fee-${k}`} data-item-path={jsonPath(at)}>
              <div className="editor-item-head">
                <strong>{label}</strong>
                <ItemButtons what={label} index={k} count={fees.length} onMove={(by) => setFees(moveItem(fees, k, by))} onRemove={() => setFees(removeItem(fees, k))} />
              </div>
              <FieldIssues path={at} kind="text" />
              <div className="editor-fields">
                <TextField label={t('deal.editor.id')} path={[...at, 'id']} kind="id" />
                <TextField label={t('deal.editor.name')} path={[...at, 'name']} optional wide />
                <BasisTypeField at={at} />
                <BasisFields at={at} />
                <NumberField
                  label={t('deal.editor.capPerPaymentDate')}
                  path={[...at, 'capPerPaymentDate']}
                  kind="money"
                  placeholder={t('deal.editor.none2')}
                  hint={t('deal.editor.capPerPaymentDateHint')}
                />
                <CheckField label={t('deal.editor.seniorFee')} path={[...at, 'senior']} byDefault />
              </div>
            </li>
          );
        })}
      </ItemList>
    </Section>
  );
}
