import { useId, type ReactNode } from 'react';
import { useEditor } from './context.tsx';
import { getAt, jsonPath, type FieldPath, type Json } from './draft.ts';
import { useFieldText } from './field-text.ts';
import { partBeyond, partsText, placeOf, placeOfKeys, saidAt } from './field-labels.ts';
import { plainMessage, type FieldKind } from './messages.ts';
import { textOfValue, valueOfText, type NumberKind } from './numbers.ts';
import { isMessageKey, useT } from '../../../app/i18n.tsx';

/**
 * The check's problems at a path (and, with `below`, under it: an id list's items, a period of a
 * schedule), in plain words, the JSON path in small type for who edits the file itself. A problem of
 * a part of the field (`within`: the field the lines are shown at) names that part first: "Band 2,
 * To period: …", "Period 4: …".
 */
export function FieldIssues({ path, kind, below = false, id, within = path }: { path: FieldPath; kind: FieldKind; below?: boolean; id?: string; within?: FieldPath }) {
  const t = useT();
  const { issues, draft } = useEditor();
  const at = jsonPath(path);
  const found = [...issues.entries()].filter(([p]) => p === at || (below && (p.startsWith(`${at}[`) || p.startsWith(`${at}.`))));
  if (found.length === 0) return null;
  const shownAt = placeOfKeys(within, draft, t).field;
  return (
    <span className="field-error" role="alert" id={id}>
      {found.flatMap(([p, atPath]) =>
        atPath.map((issue) => {
          const part = partBeyond(shownAt, placeOf(p, draft, t).field);
          const message = plainMessage(issue, kind);
          return (
            <span key={`${p} ${issue.message}`} className="field-error-line">
              {part.length === 0 ? message : saidAt(partsText(part, t), message, t)}
              <span className="issue-path" title={t('deal.issue.pathTitle')}>
                {p}
              </span>
            </span>
          );
        }),
      )}
    </span>
  );
}

/** True when the check has a problem at the path. */
function useInvalid(path: FieldPath): boolean {
  return useEditor().issues.has(jsonPath(path));
}

function Labelled({ label, hint, children, wide, id }: { label: string; hint?: string; children: ReactNode; wide?: boolean; id: string }) {
  return (
    <div className={`field${wide ? ' wide' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children}
      {hint ? <span className="field-hint">{hint}</span> : null}
    </div>
  );
}

const UNITS: Readonly<Record<NumberKind, string>> = { percent: '%', money: '', whole: '', plain: '' };

/**
 * A number of the deal: shown as the analyst reads it (a rate as a percentage), written to the
 * draft at each keystroke (text that is not a number is kept as typed, and the check names it).
 */
export function NumberField({ label, path, kind, hint, placeholder }: { label: string; path: FieldPath; kind: NumberKind; hint?: string; placeholder?: string }) {
  const { draft, set } = useEditor();
  const value = getAt(draft, path);
  const [text, setText] = useFieldText(
    value,
    (v) => textOfValue(v, kind),
    (shown) => valueOfText(shown, kind) === value,
  );
  const id = useId();
  const invalid = useInvalid(path);
  return (
    <Labelled label={UNITS[kind] ? `${label} (${UNITS[kind]})` : label} hint={hint} id={id}>
      <input
        id={id}
        inputMode="decimal"
        data-path={jsonPath(path)}
        value={text}
        placeholder={placeholder}
        aria-invalid={invalid}
        aria-describedby={invalid ? `${id}-issue` : undefined}
        onChange={(e) => {
          setText(e.target.value);
          set(path, valueOfText(e.target.value, kind), true);
        }}
      />
      <FieldIssues path={path} kind={kind} id={`${id}-issue`} />
    </Labelled>
  );
}

/** A text of the deal (an id, a name, a date YYYY-MM-DD); blank removes an optional one. */
export function TextField({
  label,
  path,
  kind = 'text',
  hint,
  optional = false,
  wide = false,
}: {
  label: string;
  path: FieldPath;
  kind?: 'text' | 'id' | 'date';
  hint?: string;
  optional?: boolean;
  /** Two columns wide: a name or description. */
  wide?: boolean;
}) {
  const t = useT();
  const { draft, set } = useEditor();
  const value = getAt(draft, path);
  const id = useId();
  const invalid = useInvalid(path);
  return (
    <Labelled label={label} hint={hint} id={id} wide={wide}>
      <input
        id={id}
        data-path={jsonPath(path)}
        value={typeof value === 'string' ? value : ''}
        placeholder={kind === 'date' ? t('deal.editor.yyyyMmDd') : undefined}
        aria-invalid={invalid}
        onChange={(e) => set(path, optional && e.target.value === '' ? undefined : e.target.value, true)}
      />
      <FieldIssues path={path} kind={kind} />
    </Labelled>
  );
}

/** One of a list of values; an optional field offers its default ("default: ACT/365"), which leaves the field out of the file. */
export function SelectField({ label, path, options, byDefault }: { label: string; path: FieldPath; options: readonly (readonly [string, string])[]; byDefault?: string }) {
  const t = useT();
  const { draft, set } = useEditor();
  const value = getAt(draft, path);
  const id = useId();
  return (
    <Labelled label={label} id={id}>
      <select id={id} data-path={jsonPath(path)} value={typeof value === 'string' ? value : ''} onChange={(e) => set(path, e.target.value === '' ? undefined : e.target.value)}>
        {byDefault !== undefined || typeof value !== 'string' ? <option value="">{byDefault ?? '—'}</option> : null}
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {isMessageKey(text) ? t(text) : text}
          </option>
        ))}
      </select>
      <FieldIssues path={path} kind="choice" />
    </Labelled>
  );
}

/** A yes/no of the deal; `byDefault` is what the engine assumes when the file leaves it out. */
export function CheckField({ label, path, byDefault, hint }: { label: string; path: FieldPath; byDefault: boolean; hint?: string }) {
  const { draft, set } = useEditor();
  const value = getAt(draft, path);
  const checked = typeof value === 'boolean' ? value : byDefault;
  return (
    <div className="field check-field">
      <label>
        <input type="checkbox" data-path={jsonPath(path)} checked={checked} onChange={(e) => set(path, e.target.checked)} /> {label}
      </label>
      {hint ? <span className="field-hint">{hint}</span> : null}
    </div>
  );
}

/** Ids the deal names (notes, fees, triggers, effects): one box each, in the list's order; none ticked leaves an optional list out. */
export function IdsField({ label, path, options, hint, optional = false }: { label: string; path: FieldPath; options: readonly (readonly [string, string])[]; hint?: string; optional?: boolean }) {
  const t = useT();
  const { draft, set } = useEditor();
  const value = getAt(draft, path);
  const chosen: readonly Json[] = Array.isArray(value) ? value : [];
  const toggle = (id: string, on: boolean): void => {
    const next = options.map(([v]) => v).filter((v) => (v === id ? on : chosen.includes(v)));
    // Ids the deal no longer has stay, so the check can name them.
    const unknown = chosen.filter((v): v is string => typeof v === 'string' && !options.some(([o]) => o === v));
    const all = [...next, ...unknown];
    set(path, all.length === 0 && optional ? undefined : all);
  };
  return (
    <fieldset className="field ids-field" data-path={jsonPath(path)}>
      <legend>{label}</legend>
      <div className="ids-options">
        {options.map(([v, text]) => (
          <label key={v}>
            <input type="checkbox" checked={chosen.includes(v)} onChange={(e) => toggle(v, e.target.checked)} /> {isMessageKey(text) ? t(text) : text}
          </label>
        ))}
      </div>
      {hint ? <span className="field-hint">{hint}</span> : null}
      <FieldIssues path={path} kind="list" below />
    </fieldset>
  );
}

/** Buttons that move or remove an item of a list, reachable and labelled for the keyboard. */
export function ItemButtons({ what, index, count, onMove, onRemove }: { what: string; index: number; count: number; onMove?: (by: number) => void; onRemove: () => void }) {
  const t = useT();
  return (
    <span className="item-buttons">
      {onMove ? (
        <>
          <button type="button" className="secondary small-button" aria-label={t('deal.editor.moveUp', { what })} disabled={index === 0} onClick={() => onMove(-1)}>
            ↑
          </button>
          <button type="button" className="secondary small-button" aria-label={t('deal.editor.moveDown', { what })} disabled={index === count - 1} onClick={() => onMove(1)}>
            ↓
          </button>
        </>
      ) : null}
      <button type="button" className="secondary small-button" aria-label={t('deal.editor.remove2', { what })} onClick={onRemove}>
        {t('deal.editor.remove')}
      </button>
    </span>
  );
}
