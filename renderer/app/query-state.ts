/**
 * One query — a request/response fetch named by a key — as pure transitions, so the rules every
 * screen relies on are tested without a DOM (the shape of Actual Budget's shared query helper
 * under its per-entity hooks):
 * - only the request asked last may answer: a late answer to an older key, or to a request a
 *   reload superseded, is dropped;
 * - `data` answers the key asked now (never the previous tape's numbers under the new tape's
 *   name); `latest` is the last answer to any key, for a list to stay on screen while it reloads.
 * Keys compare element by element with Object.is, as React compares a hook's dependencies.
 */
export type QueryKey = readonly unknown[];

export type QueryOutcome<T> = { readonly ok: true; readonly data: T } | { readonly ok: false; readonly error: unknown };

export interface QueryState<T> {
  /** The key asked for last, and whether a request was made for it (a skipped query asks nothing). */
  readonly key: QueryKey | null;
  readonly enabled: boolean;
  /** The number of the request asked last; an answer to any other number is stale. */
  readonly ticket: number;
  readonly loading: boolean;
  readonly answer: { readonly key: QueryKey; readonly data: T } | null;
  /** The failure of the request asked last (cleared when another is asked). */
  readonly failure: { readonly key: QueryKey; readonly error: unknown } | null;
}

export type QueryEvent<T> =
  { readonly type: 'ask'; readonly key: QueryKey; readonly enabled: boolean } | { readonly type: 'reload' } | { readonly type: 'settle'; readonly ticket: number; readonly outcome: QueryOutcome<T> };

export interface QueryView<T> {
  /** The answer to the key asked now; null until it is in. Kept while the same key reloads. */
  readonly data: T | null;
  /** The last answer to any key: what to keep showing while a newer key's answer is on its way. */
  readonly latest: T | null;
  /** Why the request for the key asked now failed; null otherwise. */
  readonly error: unknown;
  readonly loading: boolean;
}

export const initialQueryState: QueryState<never> = { key: null, enabled: false, ticket: 0, loading: false, answer: null, failure: null };

export function sameKey(a: QueryKey | null, b: QueryKey | null): boolean {
  if (a === null || b === null) return a === b;
  return a.length === b.length && a.every((part, i) => Object.is(part, b[i]));
}

/** True when the key (or whether to ask at all) moved on from what was asked last. */
export function needsAsking<T>(state: QueryState<T>, key: QueryKey, enabled: boolean): boolean {
  return state.enabled !== enabled || !sameKey(state.key, key);
}

function asked<T>(state: QueryState<T>, key: QueryKey, enabled: boolean): QueryState<T> {
  return { ...state, key, enabled, ticket: state.ticket + 1, loading: enabled, failure: null };
}

function settled<T>(state: QueryState<T>, ticket: number, outcome: QueryOutcome<T>): QueryState<T> {
  if (ticket !== state.ticket || !state.loading || state.key === null) return state;
  return outcome.ok ? { ...state, loading: false, answer: { key: state.key, data: outcome.data } } : { ...state, loading: false, failure: { key: state.key, error: outcome.error } };
}

export function queryReducer<T>(state: QueryState<T>, event: QueryEvent<T>): QueryState<T> {
  if (event.type === 'ask') return asked(state, event.key, event.enabled);
  if (event.type === 'reload') return state.key === null || !state.enabled ? state : asked(state, state.key, true);
  return settled(state, event.ticket, event.outcome);
}

/** What a screen reads for `key`, also in the render that is about to ask for it. */
export function viewQuery<T>(state: QueryState<T>, key: QueryKey, enabled: boolean): QueryView<T> {
  const pending = needsAsking(state, key, enabled);
  return {
    data: state.answer !== null && sameKey(state.answer.key, key) ? state.answer.data : null,
    latest: state.answer?.data ?? null,
    error: !pending && state.failure !== null ? state.failure.error : null,
    loading: pending ? enabled : state.loading,
  };
}
