import type { AssumptionCheck } from '../../../service/api/contract.ts';
import { useApp } from '../../app/context.tsx';
import { CHECKING, fileCheck, type FileCheckState } from '../../app/issues.ts';
import { useQuery } from '../../app/query.ts';
import { sayCoded } from '../../app/coded.ts';

export type CheckState = FileCheckState<AssumptionCheck>;

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
  const check = useQuery(file === null ? null : () => fileCheck(api.call('assumptions.check', { assumptions: file, ...(tapeId !== null ? { tapeId } : {}) })), [api, file, tapeId], {
    delayMs: CHECK_DELAY_MS,
  });
  return { state: check.latest ?? CHECKING, pending: check.data === null };
}

/** Issues by path, for the fields to find theirs. */
export function issuesByPath(state: CheckState): ReadonlyMap<string, string> {
  const map = new Map<string, string>();
  if (state.status === 'invalid') for (const issue of state.issues) if (!map.has(issue.path)) map.set(issue.path, sayCoded(issue));
  return map;
}

/** The implied long-run 1+ DPD share by the JSON path of its set (`$.pool`, `$.segments.gig`), from a valid check. */
export function impliedByPath(state: CheckState): ReadonlyMap<string, number> {
  return new Map(state.status === 'valid' ? state.check.impliedDelinquency.map((row) => [row.path, row.delinquentShare] as const) : []);
}
