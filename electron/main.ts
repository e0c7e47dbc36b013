/**
 * Electron main process: one window, a menu, native dialogs, and the IPC transport of the
 * API. Kept thin: every capability lives in service/ and is tested without Electron.
 */
import { app, BrowserWindow, dialog, ipcMain, Menu, net, protocol, session, shell, type IpcMainInvokeEvent, type MenuItemConstructorOptions, type WebPreferences } from 'electron';
import { join, normalize, relative, resolve, isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import type { AppEvent } from '../service/api/contract.ts';
import { CONTENT_SECURITY_POLICY } from '../service/transport/csp.ts';
import { defaultWorkspacePath } from '../service/transport/paths.ts';
import { warmPoolWanted } from '../service/transport/warm-pool-env.ts';
import { Service } from '../service/service.ts';
import { APP_ORIGIN, APP_SCHEME, IPC } from './ipc.ts';
import { devToolsAllowed, isAllowedExternalUrl, isAppPage, viewMenuItems } from './policy.ts';
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

/** The built renderer (npm run build) sits beside this bundle: dist/electron → dist/renderer. */
const rendererDir = resolve(import.meta.dirname, '..', 'renderer');

const fileFilters = z.array(z.strictObject({ name: z.string().max(200), extensions: z.array(z.string().max(20)).max(20) })).max(20);
const openFileRequest = z.strictObject({ title: z.string().max(200), filters: fileFilters });
const saveFileRequest = z.strictObject({ title: z.string().max(200), defaultName: z.string().max(255), filters: fileFilters });
const savePackRequest = z.strictObject({ runIds: z.array(z.number().int().positive()).min(1).max(50), defaultName: z.string().max(255), language: z.enum(['en', 'zh-CN']).optional() });

function fromOurPage(event: IpcMainInvokeEvent): boolean {
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
      title: 'Save the investor pack as PDF',
      defaultPath: parsed.data.defaultName,
      filters: [{ name: 'PDF document', extensions: ['pdf'] }],
    });
    if (chosen.canceled || !chosen.filePath) return null;
    await printPackToPdf(APP_ORIGIN, appWebPreferences(), parsed.data.runIds, chosen.filePath, parsed.data.language);
    return chosen.filePath;
  });
  service.events.on('event', (event: AppEvent) => mainWindow?.webContents.send(IPC.event, event));
}

async function openWorkspaceFromDialog(create: boolean): Promise<void> {
  if (!mainWindow) return;
  const filters = [{ name: 'ABS workspace', extensions: ['sqlite', 'db'] }];
  const chosen = create
    ? await dialog.showSaveDialog(mainWindow, { title: 'New workspace', defaultPath: 'workspace.sqlite', filters })
    : await dialog.showOpenDialog(mainWindow, { title: 'Open workspace', filters, properties: ['openFile'] });
  const path = 'filePaths' in chosen ? chosen.filePaths[0] : chosen.filePath;
  if (chosen.canceled || !path) return;
  const result = await service.call('workspace.open', { path, create });
  if (!result.ok) dialog.showErrorBox('Cannot open workspace', result.error.message);
}

function buildMenu(): Menu {
  const isMac = process.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [
        { label: 'New Workspace…', accelerator: 'CmdOrCtrl+N', click: () => void openWorkspaceFromDialog(true) },
        { label: 'Open Workspace…', accelerator: 'CmdOrCtrl+O', click: () => void openWorkspaceFromDialog(false) },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: viewMenuItems(withDevTools).map((item): MenuItemConstructorOptions => (item === 'separator' ? { type: 'separator' } : { role: item })),
    },
    { role: 'windowMenu' },
    {
      role: 'help',
      submenu: [
        {
          label: `About ${app.getName()}`,
          click: () =>
            void dialog.showMessageBox({
              type: 'info',
              title: app.getName(),
              message: `${app.getName()} ${app.getVersion()}`,
              detail: `Electron ${process.versions.electron ?? ''} · Node ${process.versions.node}`,
            }),
        },
      ],
    },
  ];
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
  mainWindow = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 1024,
    minHeight: 640,
    title: app.getName(),
    show: false,
    webPreferences: appWebPreferences(),
  });
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
  void mainWindow.loadURL(`${APP_ORIGIN}/index.html`);
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
    serveRenderer();
    registerIpc();
    const workspacePath = defaultWorkspacePath(app.getPath('userData'));
    try {
      service.openWorkspace(workspacePath);
    } catch (error) {
      // Still open the window: the analyst can pick another workspace from File ▸ Open.
      dialog.showErrorBox('Cannot open the default workspace', error instanceof Error ? error.message : String(error));
    }
    Menu.setApplicationMenu(buildMenu());
    createWindow();
  })
  .catch((error: unknown) => {
    dialog.showErrorBox('ABS Workbench could not start', error instanceof Error ? error.message : String(error));
    app.quit();
  });
