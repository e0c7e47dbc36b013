import { FILE_NAME_HEADER, REPORT_DOWNLOAD_PATH, TOKEN_HEADER, type ApiResult, type AppEvent, type DesktopBridge, type Method, type UploadInfo } from '../../service/api/contract.ts';
import { translate } from '../app/i18n.tsx';

/** How the renderer reaches the service: Electron IPC through the preload, or local HTTP. */
export interface ApiTransport {
  readonly kind: 'electron' | 'http';
  invoke(method: Method, params: unknown): Promise<ApiResult<unknown>>;
  subscribe(listener: (event: AppEvent) => void): () => void;
  /** Native file dialogs exist only on the desktop. */
  readonly desktop: DesktopBridge | null;
  /** Browser only: sends a chosen file to the local server; tape calls then refer to its uploadId. */
  upload(file: File): Promise<ApiResult<UploadInfo>>;
  /** Browser only: fetches a file the service generated (an Excel report's downloadId). */
  download(id: string): Promise<ApiResult<Blob>>;
}

declare global {
  interface Window {
    abs?: DesktopBridge;
  }
}

const TOKEN_KEY = 'abs.apiToken';

/** The launch link carries `#token=…`; keep it for this tab and clean it off the address bar. */
function takeTokenFromLocation(): string | null {
  const match = /(?:^#|&)token=([A-Za-z0-9_-]+)/.exec(window.location.hash);
  if (match?.[1]) {
    sessionStorage.setItem(TOKEN_KEY, match[1]);
    history.replaceState(null, '', `${window.location.pathname}${window.location.search}#/`);
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

function electronTransport(bridge: DesktopBridge): ApiTransport {
  return {
    kind: 'electron',
    invoke: (method, params) => bridge.invoke(method, params as never),
    subscribe: (listener) => bridge.onEvent(listener),
    desktop: bridge,
    upload: () => Promise.resolve({ ok: false, error: { code: 'BAD_REQUEST', message: translate('api.theDesktopAppOpens') } }),
    download: () => Promise.resolve({ ok: false, error: { code: 'BAD_REQUEST', message: translate('api.theDesktopAppSaves') } }),
  };
}

function httpTransport(token: string | null): ApiTransport {
  return {
    kind: 'http',
    desktop: null,
    async invoke(method, params) {
      if (!token) {
        return { ok: false, error: { code: 'UNAUTHORIZED', message: translate('api.noAccessTokenOpen') } };
      }
      let response: Response;
      try {
        response = await fetch('./api/invoke', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', [TOKEN_HEADER]: token },
          body: JSON.stringify({ method, params }),
        });
      } catch (error) {
        return {
          ok: false,
          error: { code: 'TRANSPORT', message: translate('api.cannotReachTheAbs', { message: (error as Error).message }) },
        };
      }
      try {
        return (await response.json()) as ApiResult<unknown>;
      } catch {
        return { ok: false, error: { code: 'TRANSPORT', message: translate('api.unexpectedResponseFromThe', { status: response.status }) } };
      }
    },
    async upload(file) {
      if (!token) return { ok: false, error: { code: 'UNAUTHORIZED', message: translate('api.noAccessTokenOpen') } };
      try {
        const response = await fetch('./api/upload', {
          method: 'POST',
          headers: { [TOKEN_HEADER]: token, [FILE_NAME_HEADER]: encodeURIComponent(file.name), 'Content-Type': 'application/octet-stream' },
          body: file,
        });
        return (await response.json()) as ApiResult<UploadInfo>;
      } catch (error) {
        return { ok: false, error: { code: 'TRANSPORT', message: translate('api.uploadOfFailed', { name: file.name, value: error instanceof Error ? error.message : String(error) }) } };
      }
    },
    async download(id) {
      if (!token) return { ok: false, error: { code: 'UNAUTHORIZED', message: translate('api.noAccessTokenOpen') } };
      try {
        const response = await fetch(`.${REPORT_DOWNLOAD_PATH}?id=${encodeURIComponent(id)}`, { headers: { [TOKEN_HEADER]: token } });
        if (!response.ok) return (await response.json()) as ApiResult<Blob>;
        return { ok: true, value: await response.blob() };
      } catch (error) {
        return { ok: false, error: { code: 'TRANSPORT', message: translate('api.downloadFailed', { value: error instanceof Error ? error.message : String(error) }) } };
      }
    },
    subscribe(listener) {
      if (!token) return () => undefined;
      const source = new EventSource(`./api/events?token=${encodeURIComponent(token)}`);
      source.addEventListener('message', (message: MessageEvent<string>) => listener(JSON.parse(message.data) as AppEvent));
      return () => source.close();
    },
  };
}

export function detectTransport(): ApiTransport {
  return window.abs ? electronTransport(window.abs) : httpTransport(takeTokenFromLocation());
}
