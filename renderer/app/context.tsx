import { createContext, useContext, useEffect, useState, useSyncExternalStore } from 'react';
import type { ReactNode } from 'react';
import type { AppVersionInfo, WorkspaceInfo } from '../../service/api/contract.ts';
import { ApiCallError, type ApiClient } from '../api/client.ts';
import { forgetPreviousWorkspace } from './workspace-scope.ts';
import { upsertJob } from './jobs.ts';
import { notify } from './notifications.ts';
import { useQuery } from './query.ts';
import { translate } from './i18n.tsx';
import { sayApiError } from './coded.ts';

interface AppState {
  readonly api: ApiClient;
  readonly version: AppVersionInfo | null;
  readonly workspace: WorkspaceInfo | null;
  /** Error that keeps the workspace from loading (shown in place of the areas). */
  readonly workspaceError: string | null;
  /** Bumped whenever another workspace opens: App draws the screen anew, so its own state (Reports' ticked runs) goes with the old one. */
  readonly workspaceOpenings: number;
  /** Bumped whenever tapes change (import, rename, delete), so views reload. */
  readonly tapesVersion: number;
  /** Bumped whenever named assumption sets change (save, delete), so views reload. */
  readonly assumptionsVersion: number;
  /** Bumped whenever stored runs change (a run stored, renamed, deleted), so views reload. */
  readonly runsVersion: number;
  /** Bumped whenever saved scenario sets change (save, delete), so views reload. */
  readonly scenariosVersion: number;
}

const AppContext = createContext<AppState | null>(null);

export function useApp(): AppState {
  const state = useContext(AppContext);
  if (!state) throw new Error('useApp outside <AppProvider>');
  return state;
}

export function useActivity(api: ApiClient) {
  return useSyncExternalStore(api.activity.subscribe, api.activity.get);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** What went wrong, in the language shown: an API failure's words, or the error's message. */
export function sayError(error: unknown): string {
  return error instanceof ApiCallError ? sayApiError(error.error) : messageOf(error);
}

/** Shows an API failure in the notification area, with its code. */
export function reportError(title: string, error: unknown): void {
  notify('error', title, sayError(error), error instanceof ApiCallError ? error.error.code : undefined);
}

/** A missing workspace is a state the Workspace area explains, not an error to announce. */
function reportWorkspaceError(error: unknown): void {
  if (!(error instanceof ApiCallError && error.error.code === 'NO_WORKSPACE')) reportError(translate('app.workspace2'), error);
}

export function AppProvider({ api, children }: { api: ApiClient; children: ReactNode }) {
  const version = useQuery(() => api.call('app.version', {}), [api], { onError: (error) => reportError(translate('app.cannotReachTheApp'), error) }).data;
  const workspaceAtStart = useQuery(() => api.call('workspace.info', {}), [api], { onError: reportWorkspaceError });
  // The workspace opened since, as its event announced it.
  const [opened, setOpened] = useState<WorkspaceInfo | null>(null);
  const [workspaceOpenings, setWorkspaceOpenings] = useState(0);
  const [tapesVersion, setTapesVersion] = useState(0);
  const [assumptionsVersion, setAssumptionsVersion] = useState(0);
  const [runsVersion, setRunsVersion] = useState(0);
  const [scenariosVersion, setScenariosVersion] = useState(0);

  useEffect(
    () =>
      api.subscribe((event) => {
        if (event.type === 'workspace.changed') {
          setOpened(event.workspace);
          setWorkspaceOpenings((v) => v + 1);
          setTapesVersion((v) => v + 1);
          setAssumptionsVersion((v) => v + 1);
          setRunsVersion((v) => v + 1);
          setScenariosVersion((v) => v + 1);
          // Every screen's kept state drops what was the old workspace's (workspace-scope.ts).
          forgetPreviousWorkspace();
          notify('info', translate('app.workspaceOpened'), event.workspace.path);
        } else if (event.type === 'job.updated') {
          upsertJob(event.job);
        } else if (event.type === 'assumptions.changed') {
          setAssumptionsVersion((v) => v + 1);
        } else if (event.type === 'runs.changed') {
          setRunsVersion((v) => v + 1);
        } else if (event.type === 'scenarios.changed') {
          setScenariosVersion((v) => v + 1);
        } else {
          setTapesVersion((v) => v + 1);
        }
      }),
    [api],
  );

  const workspace = opened ?? workspaceAtStart.data;
  const workspaceError = opened === null && workspaceAtStart.error !== null ? messageOf(workspaceAtStart.error) : null;
  return <AppContext.Provider value={{ api, version, workspace, workspaceError, workspaceOpenings, tapesVersion, assumptionsVersion, runsVersion, scenariosVersion }}>{children}</AppContext.Provider>;
}
