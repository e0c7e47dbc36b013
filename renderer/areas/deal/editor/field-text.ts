import { useState } from 'react';

/**
 * The text a field shows for a value of the draft: what the analyst typed, until the value changes
 * from elsewhere (undo, redo, a size typed as % of the pool); then the value's own text. Adjusted
 * while rendering (React's "storing information from previous renders"), not in an effect.
 */
export function useFieldText<V>(value: V, textOf: (value: V) => string, readsAs: (text: string) => boolean): [string, (text: string) => void] {
  const [text, setText] = useState(() => textOf(value));
  const [seen, setSeen] = useState(value);
  if (!Object.is(seen, value)) {
    setSeen(value);
    if (!readsAs(text)) setText(textOf(value));
  }
  return [text, setText];
}
