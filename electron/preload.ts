/**
 * The only bridge between the sandboxed renderer and the app: one typed `invoke` for the
 * API contract, an event subscription, and native file dialogs. Nothing else of Electron
 * or Node reaches the page.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { ApiResult, AppEvent, DesktopBridge, Method, RequestOf, ResponseOf } from '../service/api/contract.ts';
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
} satisfies DesktopBridge;

contextBridge.exposeInMainWorld('abs', bridge);
