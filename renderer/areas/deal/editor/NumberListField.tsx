import { useId } from 'react';
import { useEditor } from './context.tsx';
import { getAt, jsonPath, type FieldPath, type Json } from './draft.ts';
import { useFieldText } from './field-text.ts';
import { FieldIssues } from './fields.tsx';
import { textOfValue, valueOfText, type NumberKind } from './numbers.ts';

/** "2.1, 2.3" (percent) or "1,200; 900" (money) → the numbers; a part that is not a number is kept as typed, for the check to name. */
export function listOfText(text: string, kind: NumberKind): Json[] {
  // Money is written with thousands separators, so its parts are separated by ";" (or a line break); a rate's by ",".
  const parts = kind === 'money' ? text.split(/[;\n]/) : text.split(/[,;\n]/);
  return parts.flatMap((part) => {
    const x = valueOfText(part.trim(), kind);
    return x === undefined ? [] : [x];
  });
}

export function textOfList(value: Json | undefined, kind: NumberKind): string {
  return Array.isArray(value) ? value.map((x: Json) => textOfValue(x, kind)).join(kind === 'money' ? '; ' : ', ') : '';
}

/**
 * A number by payment period (a schedule printed in a prospectus: YSOC amounts, yield supplement
 * withdrawals, index fixings), typed in one box in period order; blank removes an optional one.
 */
export function NumberListField({ label, path, kind, hint, optional = false }: { label: string; path: FieldPath; kind: NumberKind; hint?: string; optional?: boolean }) {
  const { draft, set } = useEditor();
  const value = getAt(draft, path);
  const [text, setText] = useFieldText(
    value,
    (v) => textOfList(v, kind),
    (shown) => JSON.stringify(listOfText(shown, kind)) === JSON.stringify(value),
  );
  const id = useId();
  return (
    <div className="field wide">
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        rows={2}
        data-path={jsonPath(path)}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          const list = listOfText(e.target.value, kind);
          set(path, list.length === 0 && optional ? undefined : list, true);
        }}
      />
      {hint ? <span className="field-hint">{hint}</span> : null}
      <FieldIssues path={path} kind={kind} below />
    </div>
  );
}
