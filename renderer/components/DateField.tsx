import { useId, useState } from 'react';
import { isIsoDate } from '../app/axis-format.ts';
import { useT, type Translate } from '../app/i18n.tsx';

/**
 * What is wrong with a typed date, in words, or null when it is a date in the app's one form
 * (YYYY-MM-DD, on the calendar) or empty. Half-typed text is judged only once the field is left.
 */
export function dateProblem(text: string, left: boolean, t: Translate): string | null {
  if (text === '' || isIsoDate(text)) return null;
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return t('dateField.notOnCalendar', { date: text });
  return left || text.length >= 10 ? t('dateField.shape', { typed: text }) : null;
}

/**
 * A date typed as YYYY-MM-DD — the app's one date form — instead of the browser's date picker,
 * which shows the browser's locale (01/20/2027 in an en-US Chromium). A date off the calendar
 * (2027-02-30) or in another form is refused at the field, in words; `onChange` gets the text as
 * typed (trimmed) with whether it is a date.
 */
export function DateField(props: {
  label: string;
  /** The input's own name when the visible label is shorter ('Settlement' → 'Settlement date'). */
  ariaLabel?: string;
  value: string;
  onChange: (text: string, isDate: boolean) => void;
  /** More words under the field (what an empty field means); shown as an error when `invalid`. */
  help?: string;
  invalid?: boolean;
  required?: boolean;
  testId?: string;
}) {
  const t = useT();
  const id = useId();
  const [left, setLeft] = useState(false);
  const problem = dateProblem(props.value, left, t);
  const helpId = `${id}-help`;
  const problemId = `${id}-problem`;
  const describedBy = [props.help ? helpId : '', problem ? problemId : ''].filter(Boolean).join(' ') || undefined;
  return (
    <label className="date-field">
      {props.label}
      <input
        className="mono"
        aria-label={props.ariaLabel}
        inputMode="numeric"
        placeholder={t('deal.editor.yyyyMmDd')}
        size={11}
        maxLength={10}
        value={props.value}
        aria-invalid={problem !== null || props.invalid === true}
        aria-describedby={describedBy}
        required={props.required}
        data-testid={props.testId}
        onChange={(e) => {
          const text = e.target.value.trim();
          props.onChange(text, isIsoDate(text));
        }}
        onBlur={() => setLeft(true)}
        onFocus={() => setLeft(false)}
      />
      {problem ? (
        <small id={problemId} className="field-error" role="alert">
          {problem}
        </small>
      ) : null}
      {props.help ? (
        <small id={helpId} className={props.invalid ? 'field-error' : 'muted'} data-testid={props.testId ? `${props.testId}-help` : undefined}>
          {props.help}
        </small>
      ) : null}
    </label>
  );
}
