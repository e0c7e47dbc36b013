import type { LoanBatch, TapeBegin, TapeFinish } from '../../../data/tape/writer.ts';

/** Messages between an import's reader thread and its SQLite writer thread. */
export type WriterRequest =
  | { readonly type: 'begin'; readonly tape: TapeBegin }
  | { readonly type: 'loans'; readonly chunks: LoanBatch }
  | { readonly type: 'reject'; readonly rowNo: number; readonly problemsJson: string; readonly rawJson: string }
  | { readonly type: 'commit'; readonly finish: TapeFinish }
  | { readonly type: 'rollback' };

export type { WireError } from './wire-error.ts';
import type { WireError } from './wire-error.ts';

export type WriterReply =
  { readonly type: 'begun' } | { readonly type: 'committed'; readonly tapeId: number } | { readonly type: 'rolledBack' } | { readonly type: 'error'; readonly error: WireError };

export interface WriterWorkerData {
  readonly workspacePath: string;
  /** [0]: loan batches posted and not yet written; [1]: 1 once the writer has failed. */
  readonly state: Int32Array;
}

/** Batches allowed in flight before the reader waits: bounds memory when SQLite is the slower side. */
export const MAX_BATCHES_IN_FLIGHT = 8;
