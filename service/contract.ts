/**
 * THE API contract: every call the UI, the CLI and tests can make, with its request and
 * response types. The renderer imports this file (types only) and nothing else from the
 * service; Electron IPC and the local HTTP transport carry exactly these calls.
 *
 * Adding a call = a line in `Api`, a request schema in `schemas.ts`, a handler in `handlers/`.
 */

export type Transport = 'electron' | 'http' | 'cli' | 'test';

export interface AppVersionInfo {
  readonly name: string;
  readonly productName: string;
  readonly version: string;
  readonly transport: Transport;
  readonly node: string;
  readonly electron: string | null;
  readonly sqlite: string;
  readonly platform: string;
}

export interface WorkspaceInfo {
  /** Absolute path of the workspace file. */
  readonly path: string;
  readonly fileName: string;
  readonly schemaVersion: number;
  readonly latestSchemaVersion: number;
  /** ISO 8601 timestamp of creation (UTC). */
  readonly createdAt: string | null;
  readonly sizeBytes: number;
  readonly journalMode: string;
  /** Backup written before this open migrated an older schema; null when none was needed. */
  readonly backupPath: string | null;
}

export interface WorkspaceOpenRequest {
  readonly path: string;
  /** Create the file when missing (default true). */
  readonly create?: boolean;
}

type NoParams = Record<string, never>;

export interface Api {
  'app.version': { request: NoParams; response: AppVersionInfo };
  'workspace.open': { request: WorkspaceOpenRequest; response: WorkspaceInfo };
  'workspace.info': { request: NoParams; response: WorkspaceInfo };
}

export type Method = keyof Api;
export type RequestOf<M extends Method> = Api[M]['request'];
export type ResponseOf<M extends Method> = Api[M]['response'];

/**
 * Errors cross every transport as data. `code` is stable (BAD_REQUEST, NOT_FOUND,
 * WORKSPACE_TOO_NEW, …, INTERNAL); `message` is one line for a person; `details` says
 * where (file, row, column, JSON path) and why.
 */
export interface ApiError {
  readonly code: string;
  readonly message: string;
  readonly details?: Readonly<Record<string, unknown>>;
}

export type ApiResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ApiError };

/** Events pushed from the service to every open window (IPC event or HTTP server-sent event). */
export type AppEvent = { readonly type: 'workspace.changed'; readonly workspace: WorkspaceInfo };

/** What the Electron preload exposes on `window.abs` (the HTTP transport has no native dialogs). */
export interface FileFilter {
  readonly name: string;
  readonly extensions: readonly string[];
}

export interface DesktopBridge {
  invoke<M extends Method>(method: M, params: RequestOf<M>): Promise<ApiResult<ResponseOf<M>>>;
  onEvent(listener: (event: AppEvent) => void): () => void;
  chooseOpenFile(options: { title: string; filters: readonly FileFilter[] }): Promise<string | null>;
  chooseSaveFile(options: { title: string; defaultName: string; filters: readonly FileFilter[] }): Promise<string | null>;
}

/** HTTP transport: the header that carries the per-launch token. */
export const TOKEN_HEADER = 'x-abs-token';
