/**
 * What the desktop shell (electron/main.ts) says itself, in English: the application menu, the
 * native dialogs main opens, and the error boxes shown before or without a page. The screens'
 * words are renderer/i18n; the menu's New / Open commands run in the renderer (electron/menu.ts),
 * which titles their dialogs in its own catalogue. Every key here is in shell-zh-CN.ts too (the
 * type makes a missing or extra key a typecheck error). `{app}` is the product's name.
 */
export const shellEn = {
  'shell.appName': 'ABS Workbench',
  // File
  'shell.menu.file': 'File',
  'shell.menu.newWorkspace': 'New Workspace…',
  'shell.menu.openWorkspace': 'Open Workspace…',
  'shell.menu.closeWindow': 'Close Window',
  'shell.menu.quit': 'Quit',
  'shell.menu.exit': 'Exit',
  // Edit
  'shell.menu.edit': 'Edit',
  'shell.menu.undo': 'Undo',
  'shell.menu.redo': 'Redo',
  'shell.menu.cut': 'Cut',
  'shell.menu.copy': 'Copy',
  'shell.menu.paste': 'Paste',
  'shell.menu.pasteAndMatchStyle': 'Paste and Match Style',
  'shell.menu.delete': 'Delete',
  'shell.menu.selectAll': 'Select All',
  'shell.menu.speech': 'Speech',
  'shell.menu.startSpeaking': 'Start Speaking',
  'shell.menu.stopSpeaking': 'Stop Speaking',
  // View
  'shell.menu.view': 'View',
  'shell.menu.reload': 'Reload',
  'shell.menu.toggleDevTools': 'Toggle Developer Tools',
  'shell.menu.resetZoom': 'Actual Size',
  'shell.menu.zoomIn': 'Zoom In',
  'shell.menu.zoomOut': 'Zoom Out',
  'shell.menu.togglefullscreen': 'Toggle Full Screen',
  // Window
  'shell.menu.window': 'Window',
  'shell.menu.minimize': 'Minimize',
  'shell.menu.zoom': 'Zoom',
  'shell.menu.front': 'Bring All to Front',
  // Help, and the macOS application menu
  'shell.menu.help': 'Help',
  'shell.menu.about': 'About {app}',
  'shell.menu.services': 'Services',
  'shell.menu.hide': 'Hide {app}',
  'shell.menu.hideOthers': 'Hide Others',
  'shell.menu.unhide': 'Show All',
  'shell.menu.quitApp': 'Quit {app}',
  // native dialogs and error boxes of main
  'shell.dialog.savePackPdf': 'Save the investor pack as PDF',
  'shell.dialog.pdfFilter': 'PDF document',
  'shell.dialog.leave.title': 'Unsaved edits',
  'shell.dialog.leave.message': 'Leave this page? Edits not saved will be lost.',
  'shell.dialog.leave.detail': 'An assumption set, a scenario set or the deal structure has edits that are not saved.',
  'shell.dialog.leave.leave': 'Leave',
  'shell.dialog.leave.stay': 'Stay',
  'shell.error.defaultWorkspace': 'Cannot open the default workspace',
  'shell.error.cannotStart': '{app} could not start',
} as const;

export type ShellMessageKey = keyof typeof shellEn;
