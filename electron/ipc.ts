/** IPC channel names shared by the main process and the preload. */
export const IPC = {
  invoke: 'abs:invoke',
  event: 'abs:event',
  chooseOpenFile: 'abs:choose-open-file',
  chooseSaveFile: 'abs:choose-save-file',
  savePackPdf: 'abs:save-pack-pdf',
  /** main → renderer: a menu command the page carries out (MenuCommand). */
  menuCommand: 'abs:menu-command',
  /** renderer → main: the page carries out menu commands now; those given while it loaded come to it (electron/page-commands.ts). */
  menuReady: 'abs:menu-ready',
  /** renderer → main: the language the analyst chose, for the menu and main's own dialogs. */
  setLanguage: 'abs:set-language',
} as const;

/** The renderer is served from this privileged scheme; IPC from any other origin is refused. */
export const APP_SCHEME = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://renderer`;
