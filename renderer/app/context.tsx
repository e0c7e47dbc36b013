import { createContext, useCallback, useContext, useEffect, useState, useSyncExternalStore } from 'react';
import type { ReactNode } from 'react';
import type { AppVersionInfo, WorkspaceInfo } from '../../service/contract.ts';
import { ApiCallError, type ApiClient } from '../api/client.ts';
import { assumptionDraft, selectedAssumptionSet } from './assumptions.ts';
import { upsertJob } from './jobs.ts';
import { notify } from './notifications.ts';

interface AppState {
  readonly api: ApiClient;
  readonly version: AppVersionInfo | null;
  readonly workspace: WorkspaceInfo | null;
  /** Error that keeps the workspace from loading (shown in place of the areas). */
  readonly workspaceError: string | null;
  /** Bumped whenever tapes change (import, rename, delete), so views reload. */
  readonly tapesVersion: number;
  /** Bumped whenever named assumption sets change (save, delete), so views reload. */
  readonly assumptionsVersion: number;
  refreshWorkspace(): Promise<void>;
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

/** Shows an API failure in the notification area, with its code. */
export function reportError(title: string, error: unknown): void {
  if (error instanceof ApiCallError) notify('error', title, error.error.message, error.error.code);
  else notify('error', title, error instanceof Error ? error.message : String(error));
}

export function AppProvider({ api, children }: { api: ApiClient; children: ReactNode }) {
  const [version, setVersion] = useState<AppVersionInfo | null>(null);
  const [workspace, setWorkspace] = useState<WorkspaceInfo | null>(null);
  const [workspaceError, setWorkspaceError] = useState<string | null>(null);
  const [tapesVersion, setTapesVersion] = useState(0);
  const [assumptionsVersion, setAssumptionsVersion] = useState(0);

  const refreshWorkspace = useCallback(
    () =>
      api.call('workspace.info', {}).then(
        (info) => {
          setWorkspace(info);
          setWorkspaceError(null);
        },
        (error: unknown) => {
          setWorkspace(null);
          setWorkspaceError(error instanceof Error ? error.message : String(error));
          if (!(error instanceof ApiCallError && error.error.code === 'NO_WORKSPACE')) reportError('Workspace', error);
        },
      ),
    [api],
  );

  useEffect(() => {
    api.call('app.version', {}).then(setVersion, (error: unknown) => reportError('Cannot reach the app service', error));
    void refreshWorkspace();
    return api.subscribe((event) => {
      if (event.type === 'workspace.changed') {
        setWorkspace(event.workspace);
        setWorkspaceError(null);
        setTapesVersion((v) => v + 1);
        setAssumptionsVersion((v) => v + 1);
        // The editor's set belongs to the old workspace: it carries over as a new, unsaved one.
        const draft = assumptionDraft.get();
        if (draft) assumptionDraft.set({ ...draft, savedName: null, dirty: true });
        selectedAssumptionSet.set(null);
        notify('info', 'Workspace opened', event.workspace.path);
      } else if (event.type === 'job.updated') {
        upsertJob(event.job);
      } else if (event.type === 'assumptions.changed') {
        setAssumptionsVersion((v) => v + 1);
      } else {
        setTapesVersion((v) => v + 1);
      }
    });
  }, [api, refreshWorkspace]);

  return (
    <AppContext.Provider value={{ api, version, workspace, workspaceError, tapesVersion, assumptionsVersion, refreshWorkspace }}>{children}</AppContext.Provider>
  );
}
