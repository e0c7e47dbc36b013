import type { WireError } from '../workers/wire-error.ts';

/** What every pool thread gets as its workerData: the mark that it is a pool thread. */
export interface PoolThreadData {
  readonly absPoolThread: true;
}

/**
 * The pool to a thread: a call's shared data (the deal, the pool's source, the base assumptions…),
 * sent once when the thread joins the call, then its tasks one at a time, by index in the call's list;
 * 'release' when the thread leaves the call, parked warm: it lets go of the call's data.
 */
export type PoolMessage = { readonly kind: 'shared'; readonly shared: unknown } | { readonly kind: 'task'; readonly index: number; readonly task: unknown } | { readonly kind: 'release' };

/** A thread to the pool: one task's result, or its error as it crossed the thread boundary. */
export type PoolReply = { readonly index: number; readonly ok: true; readonly result: unknown } | { readonly index: number; readonly ok: false; readonly error: WireError };

export function isPoolThreadData(data: unknown): data is PoolThreadData {
  return typeof data === 'object' && data !== null && (data as { absPoolThread?: unknown }).absPoolThread === true;
}
