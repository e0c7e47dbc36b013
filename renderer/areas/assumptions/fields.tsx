import { useId, useState, type ReactNode } from 'react';
import { percentText, plainText, readNumber, typedValue } from './model.ts';

/**
 * A labelled field with its unit or convention, what it inherits, and the error the service
 * reported at its JSON path, shown right under the input and tied to it (aria-describedby).
 */
export function Field({
  label,
  hint,
  error,
  warning = null,
  path,
  children,
}: {
  label: string;
  hint: string;
  error: string | null;
  /** What the field's valid value will not do (a default curve a one-source set does not apply), in plain words. */
  warning?: string | null;
  /** The field's JSON path, to find its error in tests and to show on hover. */
  path: string;
  children: (ids: { inputId: string; describedBy: string; invalid: boolean }) => ReactNode;
}) {
  const base = useId();
  const inputId = `${base}-input`;
  const hintId = `${base}-hint`;
  const errorId = `${base}-error`;
  const warningId = `${base}-warning`;
  const describedBy = [error ? errorId : null, hintId, warning ? warningId : null].filter((id) => id !== null).join(' ');
  return (
    <div className={error ? 'field invalid' : 'field'} data-path={path}>
      <label htmlFor={inputId} title={path}>
        {label}
      </label>
      {children({ inputId, describedBy, invalid: error !== null })}
      <small id={hintId} className="field-hint">
        {hint}
      </small>
      {error ? (
        <small id={errorId} className="field-error" data-testid={`error ${path}`}>
          {error}
        </small>
      ) : null}
      {warning ? (
        <small id={warningId} className="field-warning" data-testid={`warning ${path}`}>
          {warning}
        </small>
      ) : null}
    </div>
  );
}

/**
 * A number typed as analysts think of it: percentages for rates (the file stores decimals, so
 * 1.5 here is 0.015 there), plain numbers otherwise. Blank removes the key (inherit or default).
 * A text that does not read as a number ("1,2") goes into the file as typed, as the deal editor
 * does (deal/editor/numbers.ts valueOfText): the check then names the field and the set is invalid
 * until it is fixed, where keeping the last number quietly saved the old value.
 * The text is kept as typed ("1." stays "1.") and follows the value when it changes elsewhere.
 */
export function NumberInput({
  id,
  value,
  percent,
  onChange,
  describedBy,
  invalid,
  placeholder,
  ariaLabel,
  disabled,
  className,
}: {
  id?: string;
  value: unknown;
  percent: boolean;
  /** A number, undefined for blank, or the typed text when it is not a number. */
  onChange: (value: number | string | undefined) => void;
  describedBy?: string;
  invalid?: boolean;
  placeholder?: string;
  ariaLabel?: string;
  disabled?: boolean;
  className?: string;
}) {
  const shown = percent ? percentText(value) : plainText(value);
  const [text, setText] = useState(shown);
  const [lastShown, setLastShown] = useState(shown);
  const [typo, setTypo] = useState<string | null>(null);
  if (shown !== lastShown) {
    // The value changed: from this input (keep the text as typed) or from elsewhere (show it).
    setLastShown(shown);
    if (typedValue(text, percent) !== value) {
      setText(shown);
      setTypo(null);
    }
  }
  return (
    <>
      <input
        id={id}
        className={className}
        inputMode="decimal"
        value={text}
        aria-label={ariaLabel}
        aria-describedby={describedBy}
        aria-invalid={invalid || typo !== null ? true : undefined}
        placeholder={placeholder}
        disabled={disabled}
        title={typo ?? undefined}
        onChange={(e) => {
          setText(e.target.value);
          const read = readNumber(e.target.value, percent);
          setTypo(typeof read === 'object' ? read.error : null);
          onChange(typedValue(e.target.value, percent));
        }}
      />
      {typo && !invalid ? <span className="input-typo">{typo}</span> : null}
    </>
  );
}
