import { useCallback, useEffect, useEffectEvent, useReducer } from 'react';
import { initialQueryState, needsAsking, queryReducer, viewQuery, type QueryEvent, type QueryKey, type QueryState, type QueryView } from './query-state.ts';

export interface QueryOptions {
  /** Ask only once the key has kept still this long (an editor's check waits for a pause in typing). */
  readonly delayMs?: number;
  /** Told why the request asked last failed (a superseded request's failure is dropped with it). */
  readonly onError?: (error: unknown) => void;
}

export interface Query<T> extends QueryView<T> {
  /** Asks again for the same key (after a change the key does not show, such as a save). */
  readonly reload: () => void;
}

/**
 * The one way the UI fetches: `request` is asked again whenever `key` changes (or on `reload`);
 * `null` asks nothing (no workspace, no tape chosen). The rules — which answer counts, what is
 * shown meanwhile — are the pure transitions of query-state.ts. An answer arriving after the
 * screen has gone changes nothing: React drops a dispatch to an unmounted component, and the
 * ticket drops an answer to a request the screen no longer wants.
 */
export function useQuery<T>(request: (() => Promise<T>) | null, key: QueryKey | string, options: QueryOptions = {}): Query<T> {
  const keyParts = typeof key === 'string' ? [key] : key;
  const enabled = request !== null;
  const [state, dispatch] = useReducer<QueryState<T>, [QueryEvent<T>]>(queryReducer, initialQueryState);
  // A new key is asked for in the render that sees it (React's "adjust state while rendering"),
  // so no render ever pairs the new key with the old key's answer.
  if (needsAsking(state, keyParts, enabled)) dispatch({ type: 'ask', key: keyParts, enabled });

  const send = useEffectEvent((ticket: number) => {
    request?.().then(
      (data) => dispatch({ type: 'settle', ticket, outcome: { ok: true, data } }),
      (error: unknown) => dispatch({ type: 'settle', ticket, outcome: { ok: false, error } }),
    );
  });
  const { ticket, loading, failure } = state;
  const { delayMs } = options;
  useEffect(() => {
    if (!loading) return undefined;
    if (delayMs === undefined) {
      send(ticket);
      return undefined;
    }
    const timer = setTimeout(() => send(ticket), delayMs);
    return () => clearTimeout(timer);
  }, [ticket, loading, delayMs]);

  const tell = useEffectEvent((error: unknown) => options.onError?.(error));
  useEffect(() => {
    if (failure) tell(failure.error);
  }, [failure]);

  const reload = useCallback(() => dispatch({ type: 'reload' }), []);
  return { ...viewQuery(state, keyParts, enabled), reload };
}
