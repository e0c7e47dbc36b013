/**
 * Opening another workspace, one way for every door to it: the Workspace screen's buttons and form,
 * and the desktop menu's File ▸ New Workspace… / Open Workspace… (app/desktop-shell.ts). Each asks
 * first when the sets edited here would be dropped (workspace-scope.ts), in the chosen language.
 */
import type { DesktopBridge } from '../../service/api/contract.ts';
import type { ApiClient } from '../api/client.ts';
import { reportError } from './context.tsx';
import { listIn } from '../../messages/say.ts';
import { translate } from './i18n.tsx';
import { language } from './language.ts';
import { unsavedWorkOfWorkspace } from './workspace-scope.ts';

/**
 * May another workspace open? Yes at once when nothing unsaved would go; else the analyst is asked,
 * naming the sets each in quotes, listed as the language lists ("“my stress”, “base”" /
 * "“my stress”、“base”"), and `ask` answers (window.confirm on a screen).
 */
export function mayLeaveWorkspace(ask: (question: string) => boolean = (question) => window.confirm(question)): boolean {
  const unsaved = unsavedWorkOfWorkspace();
  if (unsaved.length === 0) return true;
  const names = listIn(
    language.get(),
    unsaved.map((name) => translate('workspace.confirm.quoted', { name })),
  );
  return ask(translate('workspace.confirm.dropEdits', { names }));
}

/** Opens (`create`: or creates) the workspace at `path`; a refusal is reported as a notification. True when it opened. */
export async function openWorkspaceAt(api: ApiClient, path: string, create: boolean): Promise<boolean> {
  try {
    await api.call('workspace.open', { path, create });
    return true;
  } catch (error) {
    reportError(translate('workspace.cannotOpenWorkspace'), error);
    return false;
  }
}

/** The dialogs' filter, named in the chosen language when a dialog opens. */
const workspaceFilters = (): { name: string; extensions: string[] }[] => [{ name: translate('dialog.filter.workspace'), extensions: ['sqlite', 'db'] }];

/**
 * New or Open through the native dialog: asks about unsaved edits before the dialog shows (declined:
 * nothing happens), then opens the file chosen. True when another workspace opened.
 */
export async function chooseWorkspace(api: ApiClient, desktop: DesktopBridge, create: boolean): Promise<boolean> {
  if (!mayLeaveWorkspace()) return false;
  let target: string | null;
  try {
    target = create
      ? await desktop.chooseSaveFile({ title: translate('workspace.newWorkspace'), defaultName: 'workspace.sqlite', filters: workspaceFilters() })
      : await desktop.chooseOpenFile({ title: translate('workspace.openWorkspace'), filters: workspaceFilters() });
  } catch (error) {
    reportError(translate('workspace.cannotOpenWorkspace'), error);
    return false;
  }
  return target ? openWorkspaceAt(api, target, create) : false;
}
