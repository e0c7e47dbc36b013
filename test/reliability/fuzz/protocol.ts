/** What the fuzz runner and its child (child.ts) say to each other over IPC. */
export type CaseRequest =
  | { readonly id: number; readonly target: 'tape'; readonly path: string; readonly mode: 'reject' | 'keepValid'; readonly encoding?: string }
  | { readonly id: number; readonly target: 'deal' | 'assumptions' | 'pool'; readonly path: string };

/**
 * How a case ended: an API error (its code and message), a tape imported or rejected (the first
 * problem's message), a file checked and run, or `threw` — an exception escaped the service, which
 * must never happen.
 */
export type CaseResult =
  | { readonly kind: 'error'; readonly code: string; readonly message: string }
  | { readonly kind: 'imported' | 'rejected'; readonly message: string; readonly rows: number }
  | { readonly kind: 'ran'; readonly message: string }
  | { readonly kind: 'threw'; readonly message: string };

export interface CaseReply {
  readonly id: number;
  readonly result: CaseResult;
  /** Properties the case added to Object.prototype, Array.prototype, Function.prototype or String.prototype. */
  readonly polluted: readonly string[];
}
