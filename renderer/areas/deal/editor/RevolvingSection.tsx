import { useId } from 'react';
import { BandsField } from './BandsField.tsx';
import { useEditor } from './context.tsx';
import { fieldsOf, getAt, jsonPath, type Json } from './draft.ts';
import { FieldIssues, ItemButtons, NumberField, SelectField, TextField } from './fields.tsx';
import { insertItem, NEW_PURCHASE_LINE, removeItem } from './lists.ts';
import { AMORTIZATION_OPTIONS } from './options.ts';
import { ItemList, Section } from './Section.tsx';
import { useT } from '../../../app/i18n.tsx';

/** A revolving period as added: 12 periods buying one purchase line at par. */
const NEW_REVOLVING = { periods: 12, price: 1, profile: [NEW_PURCHASE_LINE] };

/** The purchase profile: the loans each purchase buys, as representative lines with a share each. */
function ProfileLines() {
  const t = useT();
  const { draft, set } = useEditor();
  const value = getAt(draft, ['revolving', 'profile']);
  const lines: readonly Json[] = Array.isArray(value) ? value : [];
  return (
    <div className="profile-lines">
      <h4>
        {t('deal.editor.purchaseProfile')}{' '}
        <button type="button" className="secondary small-button" onClick={() => set(['revolving', 'profile'], insertItem(lines, lines.length, NEW_PURCHASE_LINE))}>
          {t('deal.editor.addLine')}
        </button>
      </h4>
      <FieldIssues path={['revolving', 'profile']} kind="list" />
      <ItemList empty={t('deal.editor.noPurchaseLinesA')} count={lines.length}>
        {lines.map((_, k) => {
          const at = ['revolving', 'profile', k] as const;
          return (
            <li key={k} className="editor-item compact" data-item-path={jsonPath(at)}>
              <div className="editor-fields">
                <TextField label={t('deal.editor.segment')} path={[...at, 'segment']} optional />
                <TextField label={t('deal.editor.product')} path={[...at, 'product']} optional />
                <SelectField label={t('deal.editor.amortisation')} path={[...at, 'amortization']} options={AMORTIZATION_OPTIONS} />
                <NumberField label={t('deal.editor.rateApr')} path={[...at, 'rate']} kind="percent" />
                <NumberField label={t('deal.editor.originalTermMonths')} path={[...at, 'originalTerm']} kind="whole" />
                <NumberField label={t('deal.editor.remainingTermMonths')} path={[...at, 'remainingTerm']} kind="whole" placeholder={t('deal.editor.original')} />
                <NumberField label={t('deal.editor.share')} path={[...at, 'share']} kind="plain" hint={t('deal.editor.sharesAreScaledTo')} />
                <ItemButtons what={t('deal.editor.itemPurchaseLine', { line: k + 1 })} index={k} count={lines.length} onRemove={() => set(['revolving', 'profile'], removeItem(lines, k))} />
              </div>
            </li>
          );
        })}
      </ItemList>
    </div>
  );
}

/** The eligibility criteria's maximum share of the pool per segment: a segment name and a percentage per row. */
function SegmentShares() {
  const t = useT();
  const { draft, set } = useEditor();
  const path = ['revolving', 'eligibility', 'maxSegmentShare'];
  const shares = Object.entries(fieldsOf(getAt(draft, path)));
  const id = useId();
  const rename = (from: string, to: string): void => set(path, Object.fromEntries(shares.map(([s, x]) => [s === from ? to : s, x])), true);
  const remove = (segment: string): void => {
    const rest = shares.filter(([s]) => s !== segment);
    set(path, rest.length === 0 ? undefined : Object.fromEntries(rest));
  };
  const add = (): void => {
    let name = 'segment';
    for (let k = 2; shares.some(([s]) => s === name); k += 1) name = `segment${k}`;
    set(path, Object.fromEntries([...shares, [name, 0.5]]));
  };
  return (
    <div className="field wide">
      <span className="field-label" id={id}>
        {t('deal.editor.maximumShareOfThe')}
      </span>
      {shares.map(([segment], k) => (
        <div key={k} className="segment-share" role="group" aria-labelledby={id}>
          <input aria-label={t('deal.editor.segment2', { value: k + 1 })} value={segment} onChange={(e) => rename(segment, e.target.value)} />
          <NumberField label={t('deal.editor.mostOfThePool', { segment })} path={[...path, segment]} kind="percent" />
          <button type="button" className="secondary small-button" aria-label={t('deal.editor.removeTheLimitOf', { segment })} onClick={() => remove(segment)}>
            {t('deal.editor.remove')}
          </button>
        </div>
      ))}
      <button type="button" className="secondary small-button" onClick={add}>
        {t('deal.editor.addSegmentLimit')}
      </button>
    </div>
  );
}

/** The revolving period: how long, at what price, up to what cap, under which eligibility criteria, buying what. */
export function RevolvingSection() {
  const t = useT();
  const { draft, set } = useEditor();
  const has = draft['revolving'] !== undefined;
  return (
    <Section
      title={t('deal.editor.revolvingPeriod')}
      testId="editor-revolving"
      actions={
        <button type="button" className="secondary small-button" onClick={() => set(['revolving'], has ? undefined : NEW_REVOLVING)}>
          {has ? t('deal.editor.removeRevolvingPeriod') : t('deal.editor.addRevolvingPeriod')}
        </button>
      }
    >
      {has ? (
        <>
          <div className="editor-fields">
            <NumberField label={t('deal.editor.revolvingPeriods')} path={['revolving', 'periods']} kind="whole" hint={t('deal.editor.paymentPeriods1N')} />
            <NumberField label={t('deal.editor.price')} path={['revolving', 'price']} kind="plain" placeholder="1" hint={t('deal.editor.cashPerYuanOf')} />
            <NumberField label={t('deal.editor.excessSpreadAlsoBuying')} path={['revolving', 'excessSpreadShare']} kind="percent" placeholder="0" />
            <NumberField label={t('deal.editor.eligibleLongestRemainingTerm')} path={['revolving', 'eligibility', 'maxRemainingTerm']} kind="whole" placeholder={t('deal.editor.none2')} />
            <NumberField label={t('deal.editor.eligibleLowestRate')} path={['revolving', 'eligibility', 'minRate']} kind="percent" placeholder={t('deal.editor.none2')} />
            <SegmentShares />
            <BandsField label={t('deal.editor.purchaseCapPrincipalPer')} path={['revolving', 'purchaseCap']} bandKey="amount" kind="money" optional />
          </div>
          <ProfileLines />
        </>
      ) : (
        <p className="muted small">{t('deal.editor.theDealDoesNot')}</p>
      )}
    </Section>
  );
}
