import { useId } from 'react';
import { useEditor } from './context.tsx';
import { fieldsOf, getAt, jsonPath, labelOf, type FieldPath, type Json } from './draft.ts';
import { useFieldText } from './field-text.ts';
import { CheckField, FieldIssues, ItemButtons, NumberField, SelectField, TextField } from './fields.tsx';
import { insertItem, listOf, moveItem, newNote, removeItem } from './lists.ts';
import { amountOfShare, shareOfPool, textOfValue, valueOfText } from './numbers.ts';
import { COUPON_OPTIONS, DAY_COUNT_OPTIONS, RESET_OPTIONS } from './options.ts';
import { ItemList, Section } from './Section.tsx';
import { useT } from '../../../app/i18n.tsx';

/** A share of the pool is shown to 1e-6 (four decimals of a percent). */
const SHARE_DIGITS = 1e6;

/** A note's size as a percentage of the pool: typing a percentage sets the amount (at cents) to that share of the pool balance. */
function ShareOfPoolField({ path }: { path: FieldPath }) {
  const t = useT();
  const { draft, set, pool } = useEditor();
  const amount = getAt(draft, path);
  const share = typeof amount === 'number' ? shareOfPool(amount, pool.balance) : undefined;
  // Shown to four decimals of a percent (79.9245, not 79.9245283031): what a typed share gives back once the
  // amount is rounded to cents reads as the text typed, so typing is not overwritten.
  const [text, setText] = useFieldText(
    share,
    (s) => textOfValue(s === undefined ? s : Math.round(s * SHARE_DIGITS) / SHARE_DIGITS, 'percent'),
    (shown) => {
      const typed = valueOfText(shown, 'percent');
      return typed === share || (typeof typed === 'number' && share !== undefined && Math.abs(typed - share) <= 0.5 / SHARE_DIGITS);
    },
  );
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{t('deal.editor.sizeOfPool')}</label>
      <input
        id={id}
        inputMode="decimal"
        data-share-of={jsonPath(path)}
        value={text}
        disabled={pool.balance <= 0}
        onChange={(e) => {
          setText(e.target.value);
          const typed = valueOfText(e.target.value, 'percent');
          if (typeof typed === 'number') set(path, amountOfShare(typed, pool.balance), true);
        }}
      />
      <span className="field-hint">{t('deal.editor.of', { label: pool.label })}</span>
    </div>
  );
}

/** A new coupon of a type, keeping the rate of the one it replaces where it can. */
function couponOfType(type: string, previous: Json | undefined, indexName: string): Json {
  const rate = fieldsOf(previous)['rate'] ?? 0;
  if (type === 'floating') return { type, index: [0.02], margin: 0.01 };
  if (type === 'none') return { type };
  if (type === 'indexed') return { type, index: indexName, margin: 0 };
  return { type: 'fixed', rate };
}

/** "2.1, 2.3" → [0.021, 0.023]; a part that is not a number is kept as typed, for the check to name. */
function indexOfText(text: string): Json[] {
  return text.split(',').flatMap((part) => {
    const x = valueOfText(part, 'percent');
    return x === undefined ? [] : [x];
  });
}

/** [0.021, 0.023] → "2.1, 2.3". */
function indexText(value: Json | undefined): string {
  return Array.isArray(value) ? value.map((x: Json) => textOfValue(x, 'percent')).join(', ') : '';
}

/** The index fixings by period, typed as percentages separated by commas ("2.1, 2.3": 2.1 % in period 1, 2.3 % from period 2). */
function IndexField({ path }: { path: FieldPath }) {
  const t = useT();
  const { draft, set } = useEditor();
  const value = getAt(draft, path);
  const [text, setText] = useFieldText(value, indexText, (shown) => JSON.stringify(indexOfText(shown)) === JSON.stringify(value));
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{t('deal.editor.indexByPeriod')}</label>
      <input
        id={id}
        data-path={jsonPath(path)}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          set(path, indexOfText(e.target.value), true);
        }}
      />
      <span className="field-hint">{t('deal.editor.period12The')}</span>
      <FieldIssues path={path} kind="percent" below />
    </div>
  );
}

/** The coupon's type: changing it replaces the coupon with one of the new type (a fixed rate is kept). */
function CouponTypeField({ at }: { at: FieldPath }) {
  const t = useT();
  const { draft, set } = useEditor();
  const coupon = getAt(draft, [...at, 'coupon']);
  const indexName = Object.keys(fieldsOf(draft['rateIndices']))[0] ?? 'PBOC-1Y';
  const type = fieldsOf(coupon)['type'];
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{t('deal.editor.coupon')}</label>
      <select
        id={id}
        data-path={jsonPath([...at, 'coupon', 'type'])}
        value={typeof type === 'string' ? type : ''}
        onChange={(e) => set([...at, 'coupon'], couponOfType(e.target.value, coupon, indexName))}
      >
        {COUPON_OPTIONS.map(([v, text]) => (
          <option key={v} value={v}>
            {t(text)}
          </option>
        ))}
      </select>
      <FieldIssues path={[...at, 'coupon']} kind="choice" />
      <FieldIssues path={[...at, 'coupon', 'type']} kind="choice" />
    </div>
  );
}

/** 基准利率 + 基本利差: which policy-rate table, the margin, floor and cap, and which fixing a period takes. */
function IndexedCouponFields({ at }: { at: FieldPath }) {
  const t = useT();
  const { draft } = useEditor();
  const indices = Object.keys(fieldsOf(draft['rateIndices'])).map((name) => [name, name] as const);
  return (
    <>
      <SelectField label={t('deal.editor.policyRate')} path={[...at, 'index']} options={indices} />
      <NumberField label={t('deal.editor.margin')} path={[...at, 'margin']} kind="percent" hint={t('deal.editor.perAnnum')} />
      <NumberField label={t('deal.editor.floor')} path={[...at, 'floor']} kind="percent" placeholder={t('deal.editor.none2')} />
      <NumberField label={t('deal.editor.cap')} path={[...at, 'cap']} kind="percent" placeholder={t('deal.editor.none2')} />
      <SelectField label={t('deal.editor.rateReset')} path={[...at, 'reset']} options={RESET_OPTIONS} byDefault={t('deal.editor.defaultAfterChange')} />
    </>
  );
}

function CouponFields({ at }: { at: FieldPath }) {
  const t = useT();
  const { draft } = useEditor();
  const type = fieldsOf(getAt(draft, [...at, 'coupon']))['type'];
  return (
    <>
      <CouponTypeField at={at} />
      {type === 'fixed' ? <NumberField label={t('deal.editor.couponRate')} path={[...at, 'coupon', 'rate']} kind="percent" hint={t('deal.editor.perAnnum')} /> : null}
      {type === 'floating' ? (
        <>
          <IndexField path={[...at, 'coupon', 'index']} />
          <NumberField label={t('deal.editor.margin')} path={[...at, 'coupon', 'margin']} kind="percent" />
          <NumberField label={t('deal.editor.floor')} path={[...at, 'coupon', 'floor']} kind="percent" placeholder={t('deal.editor.none2')} />
          <NumberField label={t('deal.editor.cap')} path={[...at, 'coupon', 'cap']} kind="percent" placeholder={t('deal.editor.none2')} />
        </>
      ) : null}
      {type === 'indexed' ? <IndexedCouponFields at={[...at, 'coupon']} /> : null}
      {type !== 'none' ? <SelectField label={t('deal.editor.dayCount')} path={[...at, 'dayCount']} options={DAY_COUNT_OPTIONS} byDefault={t('deal.editor.defaultAct365')} /> : null}
      {type !== 'none' ? <CheckField label={t('deal.editor.interestOnUnpaidInterest')} path={[...at, 'interestOnShortfall']} byDefault={false} /> : null}
    </>
  );
}

/** The notes: id, name, seniority, size (amount or % of the pool), coupon and day count. */
export function NotesSection() {
  const t = useT();
  const { draft, set } = useEditor();
  const notes = listOf(draft, 'notes');
  return (
    <Section
      title={t('deal.editor.notes')}
      testId="editor-notes"
      actions={
        <button type="button" className="secondary small-button" onClick={() => set(['notes'], insertItem(notes, notes.length, newNote(draft)))}>
          {t('deal.editor.addNote')}
        </button>
      }
    >
      <ItemList empty={t('deal.editor.noNotesAddOne')} count={notes.length}>
        {notes.map((note, k) => {
          const at: FieldPath = ['notes', k];
          const label = t('deal.editor.itemNote', { id: labelOf(fieldsOf(note)['id'], String(k + 1)) });
          return (
            <li key={k} className="editor-item" data-testid={`note-${k}`} data-item-path={jsonPath(at)}>
              <div className="editor-item-head">
                <strong>{label}</strong>
                <ItemButtons what={label} index={k} count={notes.length} onMove={(by) => set(['notes'], moveItem(notes, k, by))} onRemove={() => set(['notes'], removeItem(notes, k))} />
              </div>
              <FieldIssues path={at} kind="text" />
              <div className="editor-fields">
                <TextField label={t('deal.editor.id')} path={[...at, 'id']} kind="id" />
                <TextField label={t('deal.editor.name')} path={[...at, 'name']} optional wide />
                <NumberField label={t('deal.editor.seniority')} path={[...at, 'seniority']} kind="whole" hint={t('deal.editor.n1MostSeniorEqual')} />
                <NumberField label={t('deal.editor.size')} path={[...at, 'originalBalance']} kind="money" />
                <ShareOfPoolField path={[...at, 'originalBalance']} />
                <TextField label={t('deal.editor.expectedMaturity')} path={[...at, 'expectedMaturity']} kind="date" optional hint={t('deal.editor.expectedMaturityHint')} />
                <CouponFields at={at} />
              </div>
            </li>
          );
        })}
      </ItemList>
      <p className="field-hint">
        {t('deal.editor.notes')} {t('deal.editor.listOrderDoesNot')}
      </p>
    </Section>
  );
}
