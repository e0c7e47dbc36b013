import type { ImportChoices } from './model.ts';
import { DateField } from '../../../components/DateField.tsx';
import { useT } from '../../../app/i18n.tsx';

/**
 * Step 4: the tape's name, its cutoff date and what an invalid row does; then Import (when
 * `canImport`) or back to choosing a file.
 */
export function ImportOptions(props: {
  choices: ImportChoices;
  /** The name shown: the one typed, else the file's. */
  name: string;
  onChoices: (patch: Partial<ImportChoices>) => void;
  canImport: boolean;
  /** No data-date column and no date typed: the cutoff must be entered before Import. */
  needsCutoff: boolean;
  /** A column maps to the data date (数据日期). */
  hasDataDate: boolean;
  onImport: () => void;
  onChooseAnother: () => void;
}) {
  const t = useT();
  const { choices, onChoices } = props;
  return (
    <>
      <h2>{t('tapes.import.import')}</h2>
      <div className="option-grid">
        <label>
          {t('tapes.import.tapeName')}
          <input value={props.name} onChange={(e) => onChoices({ name: e.target.value })} />
        </label>
        <DateField
          label={t('tapes.import.cutoffDate')}
          value={choices.cutoff}
          onChange={(cutoff) => onChoices({ cutoff })}
          help={props.hasDataDate ? t('tapes.import.emptyTheTapeS') : t('tapes.import.requiredTheTapeHas')}
          invalid={props.needsCutoff}
          required={!props.hasDataDate}
          testId="cutoff"
        />
        <fieldset>
          <legend>{t('tapes.import.whenARowIs')}</legend>
          <label>
            <input type="radio" name="mode" checked={choices.mode === 'reject'} onChange={() => onChoices({ mode: 'reject' })} /> {t('tapes.import.rejectTheWholeFile')}
          </label>
          <label>
            <input type="radio" name="mode" checked={choices.mode === 'keepValid'} onChange={() => onChoices({ mode: 'keepValid' })} /> {t('tapes.import.importTheValidRows')}
          </label>
        </fieldset>
      </div>
      <div className="button-row">
        <button type="button" onClick={props.onImport} disabled={!props.canImport}>
          {t('tapes.import.import')}
        </button>
        <button type="button" className="secondary" onClick={props.onChooseAnother}>
          {t('tapes.import.chooseAnotherFile')}
        </button>
      </div>
    </>
  );
}
