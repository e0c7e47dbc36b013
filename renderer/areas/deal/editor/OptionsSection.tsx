import { useEditor } from './context.tsx';
import { NumberField, SelectField, TextField } from './fields.tsx';
import { DENOMINATOR_OPTIONS, LOSS_ALLOCATION_OPTIONS, WAL_BASIS_OPTIONS } from './options.ts';
import { Section } from './Section.tsx';
import { useT } from '../../../app/i18n.tsx';

/** Loss allocation, the clean-up call, the cumulative ratios' denominator and the WAL convention. */
export function OptionsSection() {
  const t = useT();
  const { draft, set } = useEditor();
  const hasCall = draft['cleanUpCall'] !== undefined;
  return (
    <Section title={t('deal.editor.lossesCleanUpCall')} testId="editor-options">
      <div className="editor-fields">
        <SelectField label={t('deal.editor.lossAllocation')} path={['lossAllocation']} options={LOSS_ALLOCATION_OPTIONS} byDefault={t('deal.editor.defaultWriteDown')} />
        <SelectField label={t('deal.editor.cumulativeDefaultLossRate')} path={['cumulativeRatioDenominator']} options={DENOMINATOR_OPTIONS} byDefault={t('deal.editor.defaultDenominator')} />
        <div className="field">
          <label>
            <input type="checkbox" checked={hasCall} onChange={(e) => set(['cleanUpCall'], e.target.checked ? { poolFactor: 0.1 } : undefined)} /> {t('deal.editor.cleanUpCall')}
          </label>
        </div>
        {hasCall ? <NumberField label={t('deal.editor.callableAtPoolFactor')} path={['cleanUpCall', 'poolFactor']} kind="percent" /> : null}
        <div className="field">
          <label>
            <input type="checkbox" checked={draft['payoutRounding'] !== undefined} onChange={(e) => set(['payoutRounding'], e.target.checked ? { faceUnit: 100 } : undefined)} />{' '}
            {t('deal.editor.payoutRounding')}
          </label>
          <span className="field-hint">{t('deal.editor.payoutRoundingHint')}</span>
        </div>
        {draft['payoutRounding'] !== undefined ? <NumberField label={t('deal.editor.faceUnit')} path={['payoutRounding', 'faceUnit']} kind="money" /> : null}
        <SelectField label={t('deal.editor.walYearBasis')} path={['analytics', 'walBasis']} options={WAL_BASIS_OPTIONS} byDefault={t('deal.editor.defaultAct365')} />
        <TextField label={t('deal.editor.walFromSettlementDate')} path={['analytics', 'settlementDate']} kind="date" optional hint={t('deal.editor.blankFromClosing')} />
      </div>
    </Section>
  );
}
