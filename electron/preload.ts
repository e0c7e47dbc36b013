/**
 * The only bridge between the sandboxed renderer and the app: one typed `invoke` for the
 * API contract, an event subscription, native file dialogs, and the menu's two-way line (its
 * commands in; the page's readiness for them and the chosen language out). Nothing else of Electron or Node reaches the page.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { ApiResult, AppEvent, DesktopBridge, MenuCommand, Method, RequestOf, ResponseOf } from '../service/api/contract.ts';
import { IPC } from './ipc.ts';

const bridge = {
  invoke: <M extends Method>(method: M, params: RequestOf<M>) => ipcRenderer.invoke(IPC.invoke, method, params) as Promise<ApiResult<ResponseOf<M>>>,
  onEvent: (listener: (event: AppEvent) => void) => {
    const handler = (_event: IpcRendererEvent, payload: AppEvent): void => listener(payload);
    ipcRenderer.on(IPC.event, handler);
    return () => {
      ipcRenderer.off(IPC.event, handler);
    };
  },
  chooseOpenFile: (options) => ipcRenderer.invoke(IPC.chooseOpenFile, options) as Promise<string | null>,
  chooseSaveFile: (options) => ipcRenderer.invoke(IPC.chooseSaveFile, options) as Promise<string | null>,
  savePackPdf: (options) => ipcRenderer.invoke(IPC.savePackPdf, options) as Promise<string | null>,
  onMenuCommand: (listener: (command: MenuCommand) => void) => {
    // Only main sends on this channel (electron/main.ts menuCommand); the page ignores a command it does not know.
    const handler = (_event: IpcRendererEvent, command: MenuCommand): void => listener(command);
    ipcRenderer.on(IPC.menuCommand, handler);
    return () => {
      ipcRenderer.off(IPC.menuCommand, handler);
    };
  },
  menuReady: () => ipcRenderer.send(IPC.menuReady),
  setLanguage: (language) => ipcRenderer.send(IPC.setLanguage, language),
} satisfies DesktopBridge;

contextBridge.exposeInMainWorld('abs', bridge);
