/**
 * The page's side of the desktop shell's menu (electron/menu.ts): it carries out File ▸ New
 * Workspace… and Open Workspace… as the Workspace screen would (app/workspace-open.ts: ask about
 * unsaved edits, then the dialog, in the chosen language), and tells the shell the language the
 * analyst chose, now and at each change, so the menu speaks it. The shell holds the commands given
 * while the page loads until the page says it is ready for them (electron/page-commands.ts): once
 * it listens and its language has loaded, so the dialog of a command given at start speaks it.
 * Nothing in the browser, which has no such menu.
 */
import type { ApiClient } from '../api/client.ts';
import { chosenLanguage } from './language.ts';
import { chooseWorkspace } from './workspace-open.ts';

/**
 * Connects the page to the shell; returns the disconnect. `started` settles when the page has
 * loaded its language (loaded or not: it then speaks English) and rendered: the shell hears then
 * that the page is ready for the menu's commands.
 */
export function connectDesktopShell(api: ApiClient, started: Promise<unknown>): () => void {
  const desktop = api.transport.desktop;
  if (!desktop) return () => undefined;
  let connected = true;
  const tellLanguage = (): void => desktop.setLanguage(chosenLanguage.get());
  tellLanguage();
  const stopLanguage = chosenLanguage.subscribe(tellLanguage);
  const stopCommands = desktop.onMenuCommand((command) => {
    // A command this page does not know (a newer shell) is ignored.
    if (command === 'workspace.new' || command === 'workspace.open') void chooseWorkspace(api, desktop, command === 'workspace.new');
  });
  const ready = (): void => {
    if (connected) desktop.menuReady();
  };
  void started.then(ready, ready);
  return () => {
    connected = false;
    stopLanguage();
    stopCommands();
  };
}
