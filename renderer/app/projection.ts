import { useSyncExternalStore } from 'react';
import type { ProjectionMode } from '../../service/api/contract.ts';
import { Store } from './store.ts';
import { scopedToWorkspace } from './workspace-scope.ts';

/** A projection started from Results: its job (whose result holds the table) and what it ran. */
export interface ProjectionRun {
  readonly jobId: string;
  /** The workspace file it ran in: tape ids start again at 1 in another one. */
  readonly workspacePath: string;
  readonly tapeId: number;
  readonly tapeName: string;
  /** The assumption set's name, or the draft's name with "(unsaved)". */
  readonly setLabel: string;
  readonly mode: ProjectionMode;
  /** The assumption file it ran under, as JSON: an edit since then makes the shown result out of date. */
  readonly assumptionsJson: string;
}

export interface ProjectionRuns {
  /** The run started last (running, or finished in any state). */
  readonly latest: ProjectionRun | null;
  /** The last run that succeeded: what the screen shows, also while a newer one runs. */
  readonly shown: ProjectionRun | null;
}

/** Kept outside the screen so a run goes on, and its result stays, while the analyst looks elsewhere. */
export const projectionRuns = new Store<ProjectionRuns>({ latest: null, shown: null });

// A projection ran on a tape of the workspace it ran in.
scopedToWorkspace({ forget: () => projectionRuns.set({ latest: null, shown: null }) });

export function useProjectionRuns(): ProjectionRuns {
  return useSyncExternalStore(projectionRuns.subscribe, projectionRuns.get);
}
