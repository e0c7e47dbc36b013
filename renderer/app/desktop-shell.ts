/**
 * The page's side of the desktop shell's menu (electron/menu.ts): it carries out File ▸ New
 * Workspace… and Open Workspace… as the Workspace screen would (app/workspace-open.ts: ask about
 * unsaved edits, then the dialog, in the chosen language), and tells the shell the language the
 * analyst chose, now and at each change, so the menu speaks it. Nothing in the browser, which has
 * no such menu.
 */
import type { ApiClient } from '../api/client.ts';
import { chosenLanguage } from './language.ts';
import { chooseWorkspace } from './workspace-open.ts';

/** Connects the page to the shell; returns the disconnect. */
export function connectDesktopShell(api: ApiClient): () => void {
  const desktop = api.transport.desktop;
  if (!desktop) return () => undefined;
  const tellLanguage = (): void => desktop.setLanguage(chosenLanguage.get());
  tellLanguage();
  const stopLanguage = chosenLanguage.subscribe(tellLanguage);
  const stopCommands = desktop.onMenuCommand((command) => {
    // A command this page does not know (a newer shell) is ignored.
    if (command === 'workspace.new' || command === 'workspace.open') void chooseWorkspace(api, desktop, command === 'workspace.new');
  });
  return () => {
    stopLanguage();
    stopCommands();
  };
}
