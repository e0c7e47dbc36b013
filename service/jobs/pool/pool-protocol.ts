import type { WireError } from '../workers/wire-error.ts';

/** What every pool thread gets as its workerData: the mark that it is a pool thread, and the call's shared data. */
export interface PoolThreadData {
  readonly absPoolThread: true;
  /** Sent once per thread (not with every task): the deal, the pool's source, the base assumptions… */
  readonly shared: unknown;
}

/** The pool to a thread: one task, by its index in the call's list. */
export interface PoolTaskMessage {
  readonly index: number;
  readonly task: unknown;
}

/** A thread to the pool: one task's result, or its error as it crossed the thread boundary. */
export type PoolReply = { readonly index: number; readonly ok: true; readonly result: unknown } | { readonly index: number; readonly ok: false; readonly error: WireError };

export function isPoolThreadData(data: unknown): data is PoolThreadData {
  return typeof data === 'object' && data !== null && (data as { absPoolThread?: unknown }).absPoolThread === true;
}
