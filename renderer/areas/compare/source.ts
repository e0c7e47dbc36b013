import type { ScenarioSetCheck, ScenarioSetRecord, ScenarioSetTemplate } from '../../../service/api/contract.ts';
import { reportError, useApp } from '../../app/context.tsx';
import { CHECKING, fileCheck, type FileCheckState } from '../../app/issues.ts';
import { useQuery } from '../../app/query.ts';
import { useT } from '../../app/i18n.tsx';

/** The shipped sets never change while the app runs: loaded once. */
let templatesCache: readonly ScenarioSetTemplate[] | null = null;

function remember(templates: readonly ScenarioSetTemplate[]): readonly ScenarioSetTemplate[] {
  templatesCache = templates;
  return templates;
}

export function useScenarioTemplates(): readonly ScenarioSetTemplate[] | null {
  const t = useT();
  const { api } = useApp();
  const templates = useQuery(templatesCache ? null : () => api.call('scenarios.templates', {}).then(remember), [api], {
    onError: (error) => reportError(t('compare.cannotLoadTheShipped'), error),
  });
  return templatesCache ?? templates.data;
}

const NO_SETS: readonly ScenarioSetRecord[] = [];

/** The workspace's saved scenario sets by name, reloaded on `scenarios.changed`; none without a workspace or when they cannot be listed. */
export function useSavedScenarioSets(): readonly ScenarioSetRecord[] | null {
  const t = useT();
  const { api, workspace, scenariosVersion } = useApp();
  const sets = useQuery(workspace ? () => api.call('scenarios.list', {}).then((list) => [...list].sort((a, b) => a.name.localeCompare(b.name))) : null, [api, workspace, scenariosVersion], {
    onError: (error) => reportError(t('compare.cannotListTheSaved'), error),
  });
  return sets.error === null ? sets.latest : NO_SETS;
}

export type ScenarioCheckState = FileCheckState<ScenarioSetCheck>;

const CHECK_DELAY_MS = 250;

/**
 * scenarios.check of the set in the editor as the analyst types (a quarter second after the last
 * keystroke; a late answer to older text is dropped), against the tape's segments when the run
 * uses a tape. The latest answer stays while a newer check runs, so messages do not flicker.
 */
export function useScenarioCheck(set: unknown, tapeId: number | null): { state: ScenarioCheckState; pending: boolean } {
  const { api } = useApp();
  const check = useQuery(set === null ? null : () => fileCheck(api.call('scenarios.check', { scenarios: set, ...(tapeId !== null ? { tapeId } : {}) })), [api, set, tapeId], {
    delayMs: CHECK_DELAY_MS,
  });
  return { state: check.latest ?? CHECKING, pending: check.data === null };
}
