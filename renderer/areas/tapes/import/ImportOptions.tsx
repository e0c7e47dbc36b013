import type { ImportChoices } from './model.ts';

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
  const { choices, onChoices } = props;
  return (
    <>
      <h2>Import</h2>
      <div className="option-grid">
        <label>
          Tape name
          <input value={props.name} onChange={(e) => onChoices({ name: e.target.value })} />
        </label>
        <label>
          Cutoff date
          <input
            type="date"
            value={choices.cutoff}
            onChange={(e) => onChoices({ cutoff: e.target.value })}
            aria-describedby="cutoff-help"
            aria-invalid={props.needsCutoff}
            required={!props.hasDataDate}
          />
          <small id="cutoff-help" className={props.needsCutoff ? 'field-error' : 'muted'} data-testid="cutoff-help">
            {props.hasDataDate
              ? 'Empty: the tape’s data date (数据日期) on its first row.'
              : 'Required: the tape has no data-date (数据日期) column, and the import does not guess one — enter the date its balances and days past due are as of.'}
          </small>
        </label>
        <fieldset>
          <legend>When a row is invalid</legend>
          <label>
            <input type="radio" name="mode" checked={choices.mode === 'reject'} onChange={() => onChoices({ mode: 'reject' })} /> Reject the whole file
          </label>
          <label>
            <input type="radio" name="mode" checked={choices.mode === 'keepValid'} onChange={() => onChoices({ mode: 'keepValid' })} /> Import the valid rows; keep the rejected ones for review
          </label>
        </fieldset>
      </div>
      <div className="button-row">
        <button type="button" onClick={props.onImport} disabled={!props.canImport}>
          Import
        </button>
        <button type="button" className="secondary" onClick={props.onChooseAnother}>
          Choose another file
        </button>
      </div>
    </>
  );
}
