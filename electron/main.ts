/**
 * Electron main process: one window, a menu, native dialogs, and the IPC transport of the
 * API. Kept thin: every capability lives in service/ and is tested without Electron.
 */
import { app, BrowserWindow, dialog, ipcMain, Menu, net, protocol, session, shell, type IpcMainEvent, type IpcMainInvokeEvent, type WebPreferences } from 'electron';
import { join, normalize, relative, resolve, isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import { languageOfTag, type MessageLanguage } from '../messages/say.ts';
import { shellSay, type ShellSay } from '../messages/shell.ts';
import type { AppEvent, MenuCommand } from '../service/api/contract.ts';
import { CONTENT_SECURITY_POLICY } from '../service/transport/csp.ts';
import { defaultWorkspacePath } from '../service/transport/paths.ts';
import { warmPoolWanted } from '../service/transport/warm-pool-env.ts';
import { Service } from '../service/service.ts';
import { APP_ORIGIN, APP_SCHEME, IPC } from './ipc.ts';
import { leaveDialog, leaves } from './leave-dialog.ts';
import { menuTemplate } from './menu.ts';
import { PageCommands } from './page-commands.ts';
import { devToolsAllowed, isAllowedExternalUrl, isAppPage } from './policy.ts';
import { printPackToPdf } from './print-pack.ts';

protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

// Workers are bundled beside this file (scripts/build-electron.ts): dist/electron/<name>.mjs.
const service = new Service({
  transport: 'electron',
  electronVersion: process.versions.electron ?? null,
  workerUrl: (name) => new URL(`./${name}.mjs`, import.meta.url),
  // Sweep threads warmed shortly after start and kept while the app is open (docs/sweeps.md); ABS_WARM_POOL=0 turns it off.
  warmPool: warmPoolWanted(),
});
let mainWindow: BrowserWindow | null = null;
/** The menu's commands to the main window's page, held until the page says it is ready (electron/page-commands.ts). */
let menuCommands: PageCommands<MenuCommand> | null = null;
/** The menu's and main's own dialogs' language: the system's at start (as the page's default), then the analyst's choice as the page reports it (IPC.setLanguage). */
let shellLanguage: MessageLanguage = 'en';
const say = (): ShellSay => shellSay(shellLanguage);

/** The built renderer (npm run build) sits beside this bundle: dist/electron → dist/renderer. */
const rendererDir = resolve(import.meta.dirname, '..', 'renderer');

const fileFilters = z.array(z.strictObject({ name: z.string().max(200), extensions: z.array(z.string().max(20)).max(20) })).max(20);
const openFileRequest = z.strictObject({ title: z.string().max(200), filters: fileFilters });
const saveFileRequest = z.strictObject({ title: z.string().max(200), defaultName: z.string().max(255), filters: fileFilters });
const savePackRequest = z.strictObject({ runIds: z.array(z.number().int().positive()).min(1).max(50), defaultName: z.string().max(255), language: z.enum(['en', 'zh-CN']).optional() });
const languageRequest = z.enum(['en', 'zh-CN']);

function fromOurPage(event: IpcMainInvokeEvent | IpcMainEvent): boolean {
  return isAppPage(event.senderFrame?.url ?? '');
}

/** Decided once: a packaged build shows DevTools only with the support flag (electron/policy.ts). */
const withDevTools = devToolsAllowed(app.isPackaged, process.env);

function serveRenderer(): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    const path = normalize(decodeURIComponent(url.pathname)).replace(/^([/\\])+/, '') || 'index.html';
    const file = resolve(rendererDir, path);
    const inside = relative(rendererDir, file);
    if (url.host !== 'renderer' || inside.startsWith('..') || isAbsolute(inside)) {
      return new Response('Not found', { status: 404 });
    }
    const response = await net.fetch(pathToFileURL(file).toString());
    const headers = new Headers(response.headers);
    headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    headers.set('X-Content-Type-Options', 'nosniff');
    return new Response(response.body, { status: response.status, headers });
  });
}

function registerIpc(): void {
  ipcMain.handle(IPC.invoke, async (event, method: unknown, params: unknown) => {
    if (!fromOurPage(event)) return { ok: false, error: { code: 'FORBIDDEN_ORIGIN', message: 'IPC from a foreign page' } };
    return service.dispatch(method, params);
  });
  ipcMain.handle(IPC.chooseOpenFile, async (event, options: unknown) => {
    const parsed = openFileRequest.safeParse(options);
    if (!fromOurPage(event) || !parsed.success || !mainWindow) return null;
    const result = await dialog.showOpenDialog(mainWindow, {
      title: parsed.data.title,
      filters: parsed.data.filters,
      properties: ['openFile'],
    });
    return result.canceled ? null : (result.filePaths[0] ?? null);
  });
  ipcMain.handle(IPC.chooseSaveFile, async (event, options: unknown) => {
    const parsed = saveFileRequest.safeParse(options);
    if (!fromOurPage(event) || !parsed.success || !mainWindow) return null;
    const result = await dialog.showSaveDialog(mainWindow, {
      title: parsed.data.title,
      defaultPath: parsed.data.defaultName,
      filters: parsed.data.filters,
    });
    return result.canceled ? null : (result.filePath ?? null);
  });
  ipcMain.handle(IPC.savePackPdf, async (event, options: unknown) => {
    const parsed = savePackRequest.safeParse(options);
    if (!fromOurPage(event) || !parsed.success || !mainWindow) return null;
    const chosen = await dialog.showSaveDialog(mainWindow, {
      title: say()('shell.dialog.savePackPdf'),
      defaultPath: parsed.data.defaultName,
      filters: [{ name: say()('shell.dialog.pdfFilter'), extensions: ['pdf'] }],
    });
    if (chosen.canceled || !chosen.filePath) return null;
    await printPackToPdf(APP_ORIGIN, appWebPreferences(), parsed.data.runIds, chosen.filePath, parsed.data.language);
    return chosen.filePath;
  });
  service.events.on('event', (event: AppEvent) => mainWindow?.webContents.send(IPC.event, event));
  // Only the main window speaks for the analyst (the investor pack's print window shows a language of its own).
  ipcMain.on(IPC.setLanguage, (event, language: unknown) => {
    const parsed = languageRequest.safeParse(language);
    if (!fromOurPage(event) || event.sender !== mainWindow?.webContents || !parsed.success || parsed.data === shellLanguage) return;
    shellLanguage = parsed.data;
    Menu.setApplicationMenu(buildMenu());
  });
  ipcMain.on(IPC.menuReady, (event) => {
    if (fromOurPage(event) && event.sender === mainWindow?.webContents) menuCommands?.pageReady();
  });
}

/** The menu in the shell's language; File ▸ New / Open go to the page (electron/menu.ts says why). */
function buildMenu(): Menu {
  const words = say();
  const template = menuTemplate({
    platform: process.platform,
    withDevTools,
    say: words,
    command: (command) => menuCommands?.send(command),
    about: () =>
      void dialog.showMessageBox({
        type: 'info',
        title: words('shell.appName'),
        message: `${words('shell.appName')} ${app.getVersion()}`,
        detail: `Electron ${process.versions.electron ?? ''} · Node ${process.versions.node}`,
      }),
  });
  return Menu.buildFromTemplate(template);
}

/** Every app window's preferences (the main window, the investor pack's hidden print window): isolated, sandboxed, no Node. */
function appWebPreferences(): WebPreferences {
  return {
    preload: join(import.meta.dirname, 'preload.cjs'),
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    spellcheck: false,
    devTools: withDevTools,
  };
}

function createWindow(): void {
  const window = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 1024,
    minHeight: 640,
    title: app.getName(),
    show: false,
    webPreferences: appWebPreferences(),
  });
  const commands = new PageCommands<MenuCommand>((command) => window.webContents.send(IPC.menuCommand, command));
  mainWindow = window;
  menuCommands = commands;
  // A new document (the first load, View ▸ Reload) or a new renderer has no listener until it says menuReady.
  window.webContents.on('did-navigate', () => commands.pageLoading());
  window.webContents.on('render-process-gone', () => commands.pageLoading());
  // The page's beforeunload guard holds unsaved edits: ask in the shell's language; Leave lets it unload.
  window.webContents.on('will-prevent-unload', (event) => {
    if (leaves(dialog.showMessageBoxSync(window, leaveDialog(say())))) event.preventDefault();
  });
  window.once('ready-to-show', () => window.show());
  window.on('closed', () => {
    mainWindow = null;
    menuCommands = null;
  });
  void window.loadURL(`${APP_ORIGIN}/index.html`);
}

/**
 * No navigation away from the app and no new windows, ever; a link on the allow-list
 * (electron/policy.ts, empty today) opens in the system browser instead.
 */
app.on('web-contents-created', (_event, contents) => {
  contents.on('will-navigate', (event, url) => {
    if (!isAppPage(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppPage(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalUrl(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
});

app.on('window-all-closed', () => {
  void service.close().finally(() => app.quit());
});

app
  .whenReady()
  .then(() => {
    // The app needs no web permission: requests (prompts) and checks (queries such as
    // navigator.permissions or clipboard reads) are both refused.
    session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
    session.defaultSession.setPermissionCheckHandler(() => false);
    shellLanguage = languageOfTag(app.getLocale());
    serveRenderer();
    registerIpc();
    const workspacePath = defaultWorkspacePath(app.getPath('userData'));
    try {
      service.openWorkspace(workspacePath);
    } catch (error) {
      // Still open the window: the analyst can pick another workspace from File ▸ Open.
      dialog.showErrorBox(say()('shell.error.defaultWorkspace'), error instanceof Error ? error.message : String(error));
    }
    Menu.setApplicationMenu(buildMenu());
    createWindow();
  })
  .catch((error: unknown) => {
    dialog.showErrorBox(say()('shell.error.cannotStart'), error instanceof Error ? error.message : String(error));
    app.quit();
  });
