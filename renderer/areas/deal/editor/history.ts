/**
 * Undo and redo over whole values (the deal draft): each edit records the value it replaced. Edits
 * to the same field one after another (the keystrokes of one number) coalesce into one step, so
 * Undo takes back the number, not its last digit.
 */
export interface History<T> {
  readonly past: readonly T[];
  readonly present: T;
  readonly future: readonly T[];
  /** The field of the last edit: another edit of it replaces the present instead of adding a step. */
  readonly lastKey: string | null;
}

/** How many steps back Undo reaches: enough for a session of edits, bounded so a long one does not grow without end. */
export const HISTORY_LIMIT = 200;

export function historyOf<T>(present: T): History<T> {
  return { past: [], present, future: [], lastKey: null };
}

/** An edit: `key` names the field (null: never coalesced, e.g. adding or moving a step). Clears the redo list. */
export function record<T>(history: History<T>, next: T, key: string | null = null): History<T> {
  if (next === history.present) return history;
  if (key !== null && key === history.lastKey && history.past.length > 0) return { ...history, present: next, future: [] };
  return { past: [...history.past, history.present].slice(-HISTORY_LIMIT), present: next, future: [], lastKey: key };
}

export const canUndo = <T>(history: History<T>): boolean => history.past.length > 0;
export const canRedo = <T>(history: History<T>): boolean => history.future.length > 0;

export function undo<T>(history: History<T>): History<T> {
  const previous = history.past.at(-1);
  if (previous === undefined) return history;
  return { past: history.past.slice(0, -1), present: previous, future: [history.present, ...history.future], lastKey: null };
}

export function redo<T>(history: History<T>): History<T> {
  const [next, ...rest] = history.future;
  if (next === undefined) return history;
  return { past: [...history.past, history.present], present: next, future: rest, lastKey: null };
}
