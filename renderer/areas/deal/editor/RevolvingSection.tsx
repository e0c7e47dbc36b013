import { useId } from 'react';
import { BandsField } from './BandsField.tsx';
import { useEditor } from './context.tsx';
import { fieldsOf, getAt, type Json } from './draft.ts';
import { FieldIssues, ItemButtons, NumberField, SelectField, TextField } from './fields.tsx';
import { insertItem, NEW_PURCHASE_LINE, removeItem } from './lists.ts';
import { AMORTIZATION_OPTIONS } from './options.ts';
import { ItemList, Section } from './Section.tsx';

/** A revolving period as added: 12 periods buying one purchase line at par. */
const NEW_REVOLVING = { periods: 12, price: 1, profile: [NEW_PURCHASE_LINE] };

/** The purchase profile: the loans each purchase buys, as representative lines with a share each. */
function ProfileLines() {
  const { draft, set } = useEditor();
  const value = getAt(draft, ['revolving', 'profile']);
  const lines: readonly Json[] = Array.isArray(value) ? value : [];
  return (
    <div className="profile-lines">
      <h4>
        Purchase profile{' '}
        <button type="button" className="secondary small-button" onClick={() => set(['revolving', 'profile'], insertItem(lines, lines.length, NEW_PURCHASE_LINE))}>
          Add line
        </button>
      </h4>
      <FieldIssues path={['revolving', 'profile']} kind="list" />
      <ItemList empty="No purchase lines: a revolving deal needs at least one." count={lines.length}>
        {lines.map((_, k) => {
          const at = ['revolving', 'profile', k] as const;
          return (
            <li key={k} className="editor-item compact">
              <div className="editor-fields">
                <TextField label="Segment" path={[...at, 'segment']} optional />
                <TextField label="Product" path={[...at, 'product']} optional />
                <SelectField label="Amortisation" path={[...at, 'amortization']} options={AMORTIZATION_OPTIONS} />
                <NumberField label="Rate (APR)" path={[...at, 'rate']} kind="percent" />
                <NumberField label="Original term (months)" path={[...at, 'originalTerm']} kind="whole" />
                <NumberField label="Remaining term (months)" path={[...at, 'remainingTerm']} kind="whole" placeholder="= original" />
                <NumberField label="Share" path={[...at, 'share']} kind="plain" hint="Shares are scaled to sum to 1" />
                <ItemButtons what={`purchase line ${k + 1}`} index={k} count={lines.length} onRemove={() => set(['revolving', 'profile'], removeItem(lines, k))} />
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
        Maximum share of the pool by segment
      </span>
      {shares.map(([segment], k) => (
        <div key={k} className="segment-share" role="group" aria-labelledby={id}>
          <input aria-label={`Segment ${k + 1}`} value={segment} onChange={(e) => rename(segment, e.target.value)} />
          <NumberField label={`Most of the pool (${segment})`} path={[...path, segment]} kind="percent" />
          <button type="button" className="secondary small-button" aria-label={`Remove the limit of ${segment}`} onClick={() => remove(segment)}>
            Remove
          </button>
        </div>
      ))}
      <button type="button" className="secondary small-button" onClick={add}>
        Add segment limit
      </button>
    </div>
  );
}

/** The revolving period: how long, at what price, up to what cap, under which eligibility criteria, buying what. */
export function RevolvingSection() {
  const { draft, set } = useEditor();
  const has = draft['revolving'] !== undefined;
  return (
    <Section
      title="Revolving period"
      testId="editor-revolving"
      actions={
        <button type="button" className="secondary small-button" onClick={() => set(['revolving'], has ? undefined : NEW_REVOLVING)}>
          {has ? 'Remove revolving period' : 'Add revolving period'}
        </button>
      }
    >
      {has ? (
        <>
          <div className="editor-fields">
            <NumberField label="Revolving periods" path={['revolving', 'periods']} kind="whole" hint="Payment periods 1 … N buy new loans" />
            <NumberField label="Price" path={['revolving', 'price']} kind="plain" placeholder="1" hint="Cash per yuan of principal: 0.98 = 2% discount" />
            <NumberField label="Excess spread also buying" path={['revolving', 'excessSpreadShare']} kind="percent" placeholder="0" />
            <NumberField label="Eligible: longest remaining term (months)" path={['revolving', 'eligibility', 'maxRemainingTerm']} kind="whole" placeholder="none" />
            <NumberField label="Eligible: lowest rate" path={['revolving', 'eligibility', 'minRate']} kind="percent" placeholder="none" />
            <SegmentShares />
            <BandsField label="Purchase cap (principal per date)" path={['revolving', 'purchaseCap']} bandKey="amount" kind="money" optional />
          </div>
          <ProfileLines />
        </>
      ) : (
        <p className="muted small">The deal does not revolve: principal collections pay the notes from period 1.</p>
      )}
    </Section>
  );
}
