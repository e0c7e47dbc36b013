import { useEditor } from './context.tsx';
import { NumberField, SelectField, TextField } from './fields.tsx';
import { DENOMINATOR_OPTIONS, LOSS_ALLOCATION_OPTIONS, WAL_BASIS_OPTIONS } from './options.ts';
import { Section } from './Section.tsx';

/** Loss allocation, the clean-up call, the cumulative ratios' denominator and the WAL convention. */
export function OptionsSection() {
  const { draft, set } = useEditor();
  const hasCall = draft['cleanUpCall'] !== undefined;
  return (
    <Section title="Losses, clean-up call and conventions" testId="editor-options">
      <div className="editor-fields">
        <SelectField label="Loss allocation" path={['lossAllocation']} options={LOSS_ALLOCATION_OPTIONS} byDefault="default (write-down)" />
        <SelectField label="Cumulative default / loss rate of" path={['cumulativeRatioDenominator']} options={DENOMINATOR_OPTIONS} byDefault="default (cutoff pool, then end of revolving)" />
        <div className="field">
          <label>
            <input type="checkbox" checked={hasCall} onChange={(e) => set(['cleanUpCall'], e.target.checked ? { poolFactor: 0.1 } : undefined)} /> Clean-up call
          </label>
        </div>
        {hasCall ? <NumberField label="Callable at pool factor at or below" path={['cleanUpCall', 'poolFactor']} kind="percent" /> : null}
        <SelectField label="WAL year basis" path={['analytics', 'walBasis']} options={WAL_BASIS_OPTIONS} byDefault="default (ACT/365)" />
        <TextField label="WAL from (settlement date)" path={['analytics', 'settlementDate']} kind="date" optional hint="Blank: from closing" />
      </div>
    </Section>
  );
}
