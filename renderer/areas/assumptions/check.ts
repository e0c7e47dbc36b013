import type { AssumptionCheck } from '../../../service/api/contract.ts';
import { useApp } from '../../app/context.tsx';
import { CHECKING, fileCheck, type FileCheckState, type FileIssue } from '../../app/issues.ts';
import { useQuery } from '../../app/query.ts';
import { sayCoded } from '../../app/coded.ts';
import { translate } from '../../app/i18n.tsx';

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

/** The value at a JSON path the check names (`$.pool.rollRates.cure.dpd1_30`, `$.events[0].month`); undefined where a key holds a dot or a bracket. */
function valueAt(file: unknown, path: string): unknown {
  let at = file;
  for (const [, key, index] of path.slice(1).matchAll(/\.([^.[\]]+)|\[(\d+)\]/g)) {
    if (typeof at !== 'object' || at === null) return undefined;
    at = (at as Record<string, unknown>)[key ?? index ?? ''];
  }
  return at;
}

/**
 * A problem in the chosen language. A number field holding the text an analyst typed (fields.tsx
 * NumberInput writes "1,2" as typed) comes back in zod's English ("expected number, received
 * string"); it is said as the field says it: “1,2” is not a number.
 */
export function sayIssue(issue: FileIssue, file: unknown): string {
  const typed = /expected number, received string/.test(issue.message) ? valueAt(file, issue.path) : undefined;
  return typeof typed === 'string' ? translate('assumptions.notANumber', { text: typed }) : sayCoded(issue);
}

/** Issues by path, for the fields to find theirs. */
export function issuesByPath(state: CheckState, file: unknown): ReadonlyMap<string, string> {
  const map = new Map<string, string>();
  if (state.status === 'invalid') for (const issue of state.issues) if (!map.has(issue.path)) map.set(issue.path, sayIssue(issue, file));
  return map;
}

/** The implied long-run 1+ DPD share by the JSON path of its set (`$.pool`, `$.segments.gig`), from a valid check. */
export function impliedByPath(state: CheckState): ReadonlyMap<string, number> {
  return new Map(state.status === 'valid' ? state.check.impliedDelinquency.map((row) => [row.path, row.delinquentShare] as const) : []);
}
