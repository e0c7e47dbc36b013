import { useEditor } from './context.tsx';
import { fieldsOf, getAt, jsonPath, type FieldPath, type Json } from './draft.ts';
import { FieldIssues, ItemButtons, NumberField, SelectField, TextField } from './fields.tsx';
import { insertItem, removeItem } from './lists.ts';
import { AMORTIZATION_OPTIONS, LINE_STATE_OPTIONS } from './options.ts';
import { ItemList, Section } from './Section.tsx';
import { useT } from '../../../app/i18n.tsx';

/** A line as added: a 36-month level-payment loan, current, with its balance to be entered. */
const NEW_LINE: Json = { amortization: 'level_payment', balance: 0, rate: 0.1, originalTerm: 36, remainingTerm: 36 };

/** One representative line: what it is, its balance and rate, its terms and age, its state at cutoff. */
function LineFields({ at }: { at: FieldPath }) {
  const t = useT();
  const { draft } = useEditor();
  const flatFee = fieldsOf(getAt(draft, at))['amortization'] === 'flat_fee';
  return (
    <div className="editor-fields">
      <TextField label={t('deal.editor.id')} path={[...at, 'id']} optional />
      <TextField label={t('deal.editor.segment')} path={[...at, 'segment']} optional />
      <TextField label={t('deal.editor.product')} path={[...at, 'product']} optional />
      <SelectField label={t('deal.editor.amortisation')} path={[...at, 'amortization']} options={AMORTIZATION_OPTIONS} />
      <NumberField label={t('deal.editor.lineBalance')} path={[...at, 'balance']} kind="money" hint={t('deal.editor.lineBalanceHint')} />
      <NumberField label={t('deal.editor.lineOriginalBalance')} path={[...at, 'originalBalance']} kind="money" placeholder={t('deal.editor.asTheBalance')} />
      <NumberField label={t('deal.editor.rateApr')} path={[...at, 'rate']} kind="percent" />
      {flatFee ? <NumberField label={t('deal.editor.feeRateMonthly')} path={[...at, 'feeRateMonthly']} kind="percent" placeholder={t('deal.editor.none2')} /> : null}
      {flatFee ? <NumberField label={t('deal.editor.feeRateAnnual')} path={[...at, 'feeRateAnnual']} kind="percent" placeholder={t('deal.editor.none2')} /> : null}
      <NumberField label={t('deal.editor.originalTermMonths')} path={[...at, 'originalTerm']} kind="whole" />
      <NumberField label={t('deal.editor.remainingTermMonths')} path={[...at, 'remainingTerm']} kind="whole" />
      <NumberField label={t('deal.editor.ageMonths')} path={[...at, 'ageMonths']} kind="whole" placeholder={t('deal.editor.originalLessRemaining')} />
      <NumberField label={t('deal.editor.startMonth')} path={[...at, 'startMonth']} kind="whole" placeholder="1" hint={t('deal.editor.startMonthHint')} />
      <NumberField label={t('deal.editor.loans')} path={[...at, 'loans']} kind="whole" placeholder="1" />
      <SelectField label={t('deal.editor.lineState')} path={[...at, 'state']} options={LINE_STATE_OPTIONS} byDefault={t('deal.editor.defaultCurrent')} />
      <NumberField label={t('deal.editor.overduePrincipal')} path={[...at, 'overduePrincipal']} kind="money" placeholder="0" />
      <NumberField label={t('deal.editor.overdueInterest')} path={[...at, 'overdueInterest']} kind="money" placeholder="0" />
      <NumberField label={t('deal.editor.restructuredShare')} path={[...at, 'restructuredShare']} kind="percent" placeholder="0" />
    </div>
  );
}

/**
 * The deal's own pool as representative lines (a deal file's `pool`, docs/pools.md), when it has one:
 * a tape chosen on the Deal screen replaces it for the run. Folded at first: a prospectus pool has
 * dozens of lines.
 */
export function PoolLinesSection() {
  const t = useT();
  const { draft, set } = useEditor();
  if (draft['pool'] === undefined) return null;
  const value = getAt(draft, ['pool', 'lines']);
  const lines: readonly Json[] = Array.isArray(value) ? value : [];
  return (
    <Section
      title={t('deal.editor.poolLines', { count: lines.length })}
      testId="editor-pool"
      closed
      actions={
        <button type="button" className="secondary small-button" onClick={() => set(['pool', 'lines'], insertItem(lines, lines.length, NEW_LINE))}>
          {t('deal.editor.addLine')}
        </button>
      }
    >
      <div className="editor-fields">
        <TextField label={t('deal.editor.poolName')} path={['pool', 'name']} optional wide />
        <TextField label={t('deal.editor.poolCutoffDate')} path={['pool', 'cutoffDate']} kind="date" optional hint={t('deal.editor.poolCutoffDateHint')} />
      </div>
      <FieldIssues path={['pool', 'lines']} kind="list" />
      <ItemList empty={t('deal.editor.noPoolLines')} count={lines.length}>
        {lines.map((line, k) => {
          const what = t('deal.editor.poolLine', { n: k + 1 });
          return (
            <li key={k} className="editor-item compact" data-testid={`pool-line-${k}`} data-item-path={jsonPath(['pool', 'lines', k])}>
              <div className="editor-item-head">
                <strong>{what}</strong>
                <ItemButtons what={what} index={k} count={lines.length} onRemove={() => set(['pool', 'lines'], removeItem(lines, k))} />
              </div>
              <LineFields at={['pool', 'lines', k]} />
            </li>
          );
        })}
      </ItemList>
    </Section>
  );
}
