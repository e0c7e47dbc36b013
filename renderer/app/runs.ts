import type { RunRecord } from '../../service/api/contract.ts';
import { reportError, useApp } from './context.tsx';
import { useQuery } from './query.ts';
import { useT } from './i18n.tsx';

/** The workspace's stored runs, newest first, reloaded on `runs.changed`. `null` while loading; none when they cannot be listed. */
export function useRuns(): readonly RunRecord[] | null {
  const t = useT();
  const { api, workspace, runsVersion } = useApp();
  // runsVersion is a reload signal, bumped by events whenever runs are stored, renamed or deleted.
  const runs = useQuery(workspace ? () => api.call('runs.list', {}) : null, [api, workspace, runsVersion], {
    onError: (error) => reportError(t('app.cannotListStoredRuns'), error),
  });
  return runs.error === null ? runs.latest : NO_RUNS;
}

const NO_RUNS: readonly RunRecord[] = [];
