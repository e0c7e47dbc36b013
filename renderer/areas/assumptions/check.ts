import { useEffect, useState } from 'react';
import type { AssumptionCheck } from '../../../service/contract.ts';
import { ApiCallError } from '../../api/client.ts';
import { useApp } from '../../app/context.tsx';
import { fileIssues, type FileIssue } from '../../app/issues.ts';

/** One problem the service found, at the JSON path it names ("$.pool.prepayment"). */
export type FieldIssue = FileIssue;

export type CheckState =
  | { readonly status: 'checking' }
  | { readonly status: 'valid'; readonly check: AssumptionCheck }
  | { readonly status: 'invalid'; readonly issues: readonly FieldIssue[] }
  /** The check itself could not run (no workspace, service down): say so, judge nothing. */
  | { readonly status: 'unavailable'; readonly message: string };

const CHECK_DELAY_MS = 250;

export interface LiveCheck {
  /** The latest answer (kept while a newer check runs, so messages do not flicker). */
  readonly state: CheckState;
  /** A check of newer text is on its way. */
  readonly pending: boolean;
}

/**
 * Validates the draft through the service as the analyst types (one call a quarter second after
 * the last keystroke; a late answer to older text is dropped), against the tape's segments when
 * a tape is chosen. `null` (nothing open) is not checked.
 */
export function useAssumptionCheck(file: unknown, tapeId: number | null): LiveCheck {
  const { api } = useApp();
  const [answer, setAnswer] = useState<{ file: unknown; tapeId: number | null; state: CheckState } | null>(null);
  useEffect(() => {
    if (file === null) return undefined;
    let live = true;
    const timer = setTimeout(() => {
      api.call('assumptions.check', { assumptions: file, ...(tapeId !== null ? { tapeId } : {}) }).then(
        (check) => {
          if (live) setAnswer({ file, tapeId, state: { status: 'valid', check } });
        },
        (error: unknown) => {
          if (!live) return;
          const state: CheckState =
            error instanceof ApiCallError && error.error.code === 'BAD_REQUEST'
              ? { status: 'invalid', issues: fileIssues(error) }
              : { status: 'unavailable', message: error instanceof Error ? error.message : String(error) };
          setAnswer({ file, tapeId, state });
        },
      );
    }, CHECK_DELAY_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [api, file, tapeId]);
  return {
    state: answer?.state ?? { status: 'checking' },
    pending: answer === null || answer.file !== file || answer.tapeId !== tapeId,
  };
}

/** Issues by path, for the fields to find theirs. */
export function issuesByPath(state: CheckState): ReadonlyMap<string, string> {
  const map = new Map<string, string>();
  if (state.status === 'invalid') for (const issue of state.issues) if (!map.has(issue.path)) map.set(issue.path, issue.message);
  return map;
}
