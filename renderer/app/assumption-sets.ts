import type { AssumptionSetRecord } from '../../service/api/contract.ts';
import type { ApiClient } from '../api/client.ts';
import { openAssumptionDraft } from './assumptions.ts';
import { reportError, useApp } from './context.tsx';
import { useQuery } from './query.ts';
import { translate, useT } from './i18n.tsx';

/** The workspace's named assumption sets by name, reloaded on `assumptions.changed`. `null` while loading; none when they cannot be listed. */
export function useAssumptionSets(): readonly AssumptionSetRecord[] | null {
  const t = useT();
  const { api, workspace, assumptionsVersion } = useApp();
  // assumptionsVersion is a reload signal, bumped by events whenever sets change.
  const sets = useQuery(workspace ? () => api.call('assumptions.list', {}).then(byName) : null, [api, workspace, assumptionsVersion], {
    onError: (error) => reportError(t('app.cannotListAssumptionSets'), error),
  });
  return sets.error === null ? sets.latest : NO_SETS;
}

const NO_SETS: readonly AssumptionSetRecord[] = [];

function byName(list: readonly AssumptionSetRecord[]): readonly AssumptionSetRecord[] {
  return [...list].sort((a, b) => a.name.localeCompare(b.name));
}

/** Opens the shipped example (assumptions.example) as a new set named "base" (or "base 2", … when taken). */
export async function openExampleDraft(api: ApiClient, taken: readonly AssumptionSetRecord[] | null): Promise<boolean> {
  try {
    const example = await api.call('assumptions.example', {});
    const names = new Set((taken ?? []).map((s) => s.name));
    let name = 'base';
    for (let n = 2; names.has(name); n++) name = `base ${n}`;
    return openAssumptionDraft({ savedName: null, name, file: example, dirty: true });
  } catch (error) {
    reportError(translate('app.cannotLoadTheExample'), error);
    return false;
  }
}
