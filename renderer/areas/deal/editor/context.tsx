import { createContext, useContext } from 'react';
import type { FileIssue } from '../../../app/issues.ts';
import type { DealDraft, FieldPath, Json } from './draft.ts';

/** What every section of the structure editor reads: the draft, the check's issues by JSON path, and how to edit. */
export interface EditorContextValue {
  readonly draft: DealDraft;
  readonly issues: ReadonlyMap<string, readonly FileIssue[]>;
  /** Sets the value at a path (undefined removes an optional field); `coalesce` makes the keystrokes of one field one undo step. */
  readonly set: (path: FieldPath, value: Json | undefined, coalesce?: boolean) => void;
  /** The pool balance the notes are sized against (the tape run on, else the deal's own lines, else Σ notes), and what it is. */
  readonly pool: { readonly balance: number; readonly label: string };
}

export const EditorContext = createContext<EditorContextValue | null>(null);

export function useEditor(): EditorContextValue {
  const value = useContext(EditorContext);
  if (!value) throw new Error('useEditor outside the deal editor');
  return value;
}
