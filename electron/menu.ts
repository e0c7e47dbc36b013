/**
 * The application menu as data (Electron's MenuItemConstructorOptions), in the language the analyst
 * chose, so test/ checks it without Electron (only types come from 'electron' here). main.ts builds
 * it at start in the system's language and again whenever the page says the analyst chose another
 * (IPC.setLanguage). Every item is labelled from the shell's catalogue (messages/shell-en.ts), the
 * standard ones (Undo, Zoom In…) too: Electron's own role labels are English whatever the language.
 * The structure follows Electron's default menus for each role (appMenu, editMenu, windowMenu).
 *
 * File ▸ New Workspace… and Open Workspace… are not carried out here: they hand a MenuCommand to
 * the page, which asks about unsaved edits another workspace would drop before it shows the native
 * dialog, titles the dialog in its language and reports a refused file (renderer/app/workspace-open.ts),
 * exactly as its Workspace screen does.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { ShellMessageKey, ShellSay } from '../messages/shell.ts';
import type { MenuCommand } from '../service/api/contract.ts';
import { viewMenuItems } from './policy.ts';

/** Each standard item's words; the item keeps its role (what it does, its default shortcut). */
const ROLE_LABELS = {
  undo: 'shell.menu.undo',
  redo: 'shell.menu.redo',
  cut: 'shell.menu.cut',
  copy: 'shell.menu.copy',
  paste: 'shell.menu.paste',
  pasteAndMatchStyle: 'shell.menu.pasteAndMatchStyle',
  delete: 'shell.menu.delete',
  selectAll: 'shell.menu.selectAll',
  startSpeaking: 'shell.menu.startSpeaking',
  stopSpeaking: 'shell.menu.stopSpeaking',
  reload: 'shell.menu.reload',
  toggleDevTools: 'shell.menu.toggleDevTools',
  resetZoom: 'shell.menu.resetZoom',
  zoomIn: 'shell.menu.zoomIn',
  zoomOut: 'shell.menu.zoomOut',
  togglefullscreen: 'shell.menu.togglefullscreen',
  minimize: 'shell.menu.minimize',
  zoom: 'shell.menu.zoom',
  front: 'shell.menu.front',
  close: 'shell.menu.closeWindow',
  about: 'shell.menu.about',
  services: 'shell.menu.services',
  hide: 'shell.menu.hide',
  hideOthers: 'shell.menu.hideOthers',
  unhide: 'shell.menu.unhide',
} as const satisfies Partial<Record<NonNullable<MenuItemConstructorOptions['role']>, ShellMessageKey>>;

export type LabelledRole = keyof typeof ROLE_LABELS;

export interface MenuChoices {
  /** process.platform: macOS has the application menu and closes the window from File; Windows says Exit, Linux Quit. */
  readonly platform: string;
  /** Whether the View menu offers the DevTools (electron/policy.ts devToolsAllowed). */
  readonly withDevTools: boolean;
  /** The shell's words in the chosen language (messages/shell.ts). */
  readonly say: ShellSay;
  /** Hands a command to the page (main: held until the page is ready, then sent on IPC.menuCommand; electron/page-commands.ts). */
  readonly command: (command: MenuCommand) => void;
  /** Shows the About box. */
  readonly about: () => void;
}

const SEPARATOR: MenuItemConstructorOptions = { type: 'separator' };

export function menuTemplate(choices: MenuChoices): MenuItemConstructorOptions[] {
  const { say } = choices;
  const isMac = choices.platform === 'darwin';
  const item = (role: LabelledRole): MenuItemConstructorOptions => ({ role, label: say(ROLE_LABELS[role]) });
  const quit: MenuItemConstructorOptions = { role: 'quit', label: say(isMac ? 'shell.menu.quitApp' : choices.platform === 'win32' ? 'shell.menu.exit' : 'shell.menu.quit') };
  const appMenu: MenuItemConstructorOptions = {
    role: 'appMenu',
    label: say('shell.appName'),
    submenu: [item('about'), SEPARATOR, item('services'), SEPARATOR, item('hide'), item('hideOthers'), item('unhide'), SEPARATOR, quit],
  };
  const speech: MenuItemConstructorOptions = { label: say('shell.menu.speech'), submenu: [item('startSpeaking'), item('stopSpeaking')] };
  return [
    ...(isMac ? [appMenu] : []),
    {
      label: say('shell.menu.file'),
      submenu: [
        { label: say('shell.menu.newWorkspace'), accelerator: 'CmdOrCtrl+N', click: () => choices.command('workspace.new') },
        { label: say('shell.menu.openWorkspace'), accelerator: 'CmdOrCtrl+O', click: () => choices.command('workspace.open') },
        SEPARATOR,
        isMac ? item('close') : quit,
      ],
    },
    {
      label: say('shell.menu.edit'),
      submenu: [
        item('undo'),
        item('redo'),
        SEPARATOR,
        item('cut'),
        item('copy'),
        item('paste'),
        ...(isMac ? [item('pasteAndMatchStyle'), item('delete'), item('selectAll'), SEPARATOR, speech] : [item('delete'), SEPARATOR, item('selectAll')]),
      ],
    },
    { label: say('shell.menu.view'), submenu: viewMenuItems(choices.withDevTools).map((role) => (role === 'separator' ? SEPARATOR : item(role))) },
    { role: 'window', label: say('shell.menu.window'), submenu: [item('minimize'), item('zoom'), ...(isMac ? [SEPARATOR, item('front')] : [item('close')])] },
    { role: 'help', label: say('shell.menu.help'), submenu: [{ label: say('shell.menu.about'), click: choices.about }] },
  ];
}
