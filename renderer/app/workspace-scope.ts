/**
 * What the screens keep outside themselves (the stores of app/ and of the areas) that belongs to
 * the workspace open now: a chosen tape's id (ids start again at 1 in another file), a saved
 * set's name, stored runs' ids and the results of runs stored there. Each store says here how to
 * forget its part; AppProvider calls them all on `workspace.changed`, so no screen goes on offering
 * the previous workspace's tapes, sets or runs. A store in an area not loaded yet holds nothing to
 * forget: it registers when its module loads.
 */
export interface WorkspaceScoped {
  /** Drops what belonged to the previous workspace. */
  readonly forget: () => void;
  /** The name of unsaved work `forget` would drop (to ask before opening another workspace), or null. */
  readonly unsavedWork?: () => string | null;
}

const scoped = new Set<WorkspaceScoped>();

export function scopedToWorkspace(entry: WorkspaceScoped): void {
  scoped.add(entry);
}

export function forgetPreviousWorkspace(): void {
  for (const entry of scoped) entry.forget();
}

/** The unsaved work another workspace would drop, by name ('my stress', …); empty when none. */
export function unsavedWorkOfWorkspace(): string[] {
  return [...scoped].map((entry) => entry.unsavedWork?.() ?? null).filter((name) => name !== null);
}
