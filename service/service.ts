import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { lstatSync, mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { UserError } from '../data/errors.ts';
import { isSqliteBusy, openWorkspace, workspaceBusyError, type Workspace } from '../data/workspace.ts';
import type { ApiError, ApiResult, AppEvent, Method, RequestOf, ResponseOf, TapeSource, Transport, UploadInfo } from './api/contract.ts';
import type { ServiceContext, WorkerName } from './api/context.ts';
import { HANDLERS } from './api/handlers/index.ts';
import { JobManager } from './jobs/job-manager.ts';
import { keepIdleThreads, stopIdleThreads } from './jobs/pool/pool-idle.ts';
import { setPoolSize } from './jobs/pool/pool-size.ts';
import { QueryClient } from './jobs/query-client.ts';
import { warmSweepThreads, type WarmUpEnd } from './jobs/sweep-warm-up.ts';
import { WriteTurns } from './jobs/write-turns.ts';
import { isMethod, REQUEST_SCHEMAS } from './api/schemas.ts';
import { withStoredSchedule } from './runs/stored-schedule.ts';
import { defaultWorkspacePath } from './transport/paths.ts';

export type { WorkerName } from './api/context.ts';

export interface ServiceOptions {
  readonly transport: Transport;
  /** Electron's version when running inside Electron. */
  readonly electronVersion?: string | null;
  /** Where a worker's entry file is; bundled builds (Electron) point at their own output. */
  readonly workerUrl?: (name: WorkerName) => URL;
  /** Over HTTP: the only folder `workspace.open` may open or create files in (default: the app's workspaces folder). */
  readonly workspaceFolder?: string;
  /** The worker pool's size for every sweep of this process (docs/sweeps.md); default the machine's cores. */
  readonly jobs?: number;
  /** Run small jobs on the calling thread (ServiceContext.smallJobsInline); default false. */
  readonly smallJobsInline?: boolean;
  /**
   * The app's transports (web-main.ts, electron/main.ts): warm the sweep threads in the background
   * shortly after start and keep idle pool threads for the service's life (docs/sweeps.md, "Warm
   * threads in the app"); default false (the CLI, tests). An object sets the delay before it starts
   * (default WARM_UP_DELAY_MS) and its rounds (sweep-warm-up.ts WARM_UP_ROUNDS).
   */
  readonly warmPool?: boolean | { readonly delayMs?: number; readonly rounds?: number };
}

/** How long after start the warm-up waits: the first screen's requests and the workspace's opening go first. */
export const WARM_UP_DELAY_MS = 1_000;

interface Upload extends UploadInfo {
  readonly path: string;
}

/**
 * The application behind every transport: holds the open workspace, validates each request
 * at the boundary, runs its handler and turns any failure into data.
 */
export class Service implements ServiceContext {
  readonly transport: Transport;
  readonly electronVersion: string | null;
  readonly events = new EventEmitter<{ event: [AppEvent] }>();
  readonly jobs: JobManager;
  readonly writes = new WriteTurns();
  readonly workerUrl: (name: WorkerName) => URL;
  readonly smallJobsInline: boolean;
  /**
   * Settles when the sweep threads' warm-up ends, with how it ended ('off' without warmPool); it
   * never rejects: a failed warm-up is logged once to stderr, not the user's error.
   */
  readonly poolWarm: Promise<WarmUpEnd | 'off'>;
  readonly #warmUp = new AbortController();
  /** Where `workspace.open` may reach: null (anywhere) for the desktop and the CLI; one folder over HTTP. */
  readonly workspaceFolder: string | null;
  #workspace: Workspace | null = null;
  #queries: QueryClient | null = null;
  #scratchDir: string | null = null;
  readonly #uploads = new Map<string, Upload>();
  readonly #downloads = new Map<string, { readonly path: string; readonly fileName: string }>();

  constructor(options: ServiceOptions) {
    this.transport = options.transport;
    this.electronVersion = options.electronVersion ?? null;
    // A browser tab is a weaker client than the desktop's native dialogs: over HTTP the API names
    // files only inside one folder chosen at launch, so a page cannot create or read files anywhere.
    this.workspaceFolder = options.transport === 'http' ? resolve(options.workspaceFolder ?? dirname(defaultWorkspacePath())) : null;
    this.workerUrl = options.workerUrl ?? ((name) => new URL(`./jobs/workers/${name}.ts`, import.meta.url));
    this.smallJobsInline = options.smallJobsInline ?? false;
    // One pool per process: the size is process-wide, as the pool's thread count is.
    if (options.jobs !== undefined) setPoolSize(options.jobs);
    this.jobs = new JobManager(
      (job) => this.emit({ type: 'job.updated', job }),
      (error) => this.#toApiError(error),
    );
    const warm = options.warmPool ?? false;
    // The pool's threads (warmed below; every kind of pool work runs on them) and the deal thread stay for the app's life.
    if (warm !== false) keepIdleThreads(this, [this.workerUrl('pool-worker'), this.workerUrl('deal-worker')]);
    this.poolWarm = warm === false ? Promise.resolve('off') : this.#warmPool(warm === true ? {} : warm);
  }

  /** The sweep threads' warm-up, after a delay (an unref'd timer: it never keeps the process up), in the background. */
  async #warmPool(options: { readonly delayMs?: number; readonly rounds?: number }): Promise<WarmUpEnd> {
    const signal = this.#warmUp.signal;
    if (!(await afterDelay(options.delayMs ?? WARM_UP_DELAY_MS, signal))) return 'cancelled';
    try {
      return await warmSweepThreads({
        worker: this.workerUrl('pool-worker'),
        signal,
        busy: () => this.jobs.list().some((job) => job.state === 'running'),
        ...(options.rounds !== undefined ? { rounds: options.rounds } : {}),
      });
    } catch (error) {
      if (signal.aborted) return 'cancelled';
      process.stderr.write(`abs: warming the sweep threads failed, sweeps start on cold threads: ${error instanceof Error ? error.message : String(error)}\n`);
      return 'failed';
    }
  }

  get workspace(): Workspace | null {
    return this.#workspace;
  }

  requireWorkspace(): Workspace {
    if (!this.#workspace) throw new UserError('NO_WORKSPACE', 'No workspace is open: open or create one first');
    return this.#workspace;
  }

  /** Opens a workspace, closing the previous one only once the new one opened cleanly. */
  openWorkspace(path: string, create = true): Workspace {
    const next = openWorkspace(path, { create });
    this.#workspace?.close();
    void this.#queries?.close();
    this.#queries = null;
    this.#workspace = next;
    return next;
  }

  /**
   * The file a `workspace.open` request names. Desktop and CLI: as given. Over HTTP: taken inside
   * the workspace folder (a bare name is a file in it) and refused when it leads outside — by
   * `..`, an absolute path or a symbolic link.
   */
  workspacePathFor(requested: string): string {
    const folder = this.workspaceFolder;
    if (folder === null) return requested;
    const target = resolve(folder, requested);
    const realFolder = realPathOfNearest(folder);
    const realTarget = realPathOfNearest(target);
    if (!isInside(folder, target) || realFolder === null || realTarget === null || !isInside(realFolder, realTarget)) {
      throw new UserError('PATH_NOT_ALLOWED', `In the browser, workspaces open and are created only inside ${folder}: ${requested} is outside it`, {
        path: requested,
        folder,
      });
    }
    return target;
  }

  /** The open workspace's query thread (pool summary and strats), started on first use. */
  queries(): QueryClient {
    const workspace = this.requireWorkspace();
    this.#queries ??= new QueryClient(this.workerUrl('query-worker'), workspace.path);
    return this.#queries;
  }

  emit(event: AppEvent): void {
    this.events.emit('event', event);
  }

  /** A private temporary folder for uploads and generated files, removed on close. */
  scratchDir(): string {
    this.#scratchDir ??= mkdtempSync(join(tmpdir(), 'abs-workbench-'));
    return this.#scratchDir;
  }

  /** Registers a file received by the HTTP transport; `tape.*` calls refer to it by id. */
  registerDownload(fileName: string, path: string): string {
    const id = randomUUID();
    this.#downloads.set(id, { path, fileName: basename(fileName) });
    return id;
  }

  download(id: string): { readonly path: string; readonly fileName: string } | null {
    return this.#downloads.get(id) ?? null;
  }

  registerUpload(fileName: string, path: string, bytes: number): UploadInfo {
    const info: Upload = { uploadId: randomUUID(), fileName: basename(fileName), bytes, path };
    this.#uploads.set(info.uploadId, info);
    return { uploadId: info.uploadId, fileName: info.fileName, bytes: info.bytes };
  }

  /** The file behind a tape source, and the name the user knows it by. */
  resolveSource(source: TapeSource): { path: string; fileName: string } {
    if (source.kind === 'path') {
      if (this.transport === 'http') {
        throw new UserError('PATH_NOT_ALLOWED', 'In the browser, a tape arrives as an upload: choose the file again (a path on this computer is not read)', { path: source.path });
      }
      return { path: source.path, fileName: basename(source.path) };
    }
    const upload = this.#uploads.get(source.uploadId);
    if (!upload) throw new UserError('NOT_FOUND', 'The uploaded file is no longer available: choose the file again', { uploadId: source.uploadId });
    return { path: upload.path, fileName: upload.fileName };
  }

  async close(): Promise<void> {
    this.#warmUp.abort();
    this.jobs.cancelAll();
    await this.jobs.drain();
    await this.poolWarm;
    keepIdleThreads(this, null);
    await stopIdleThreads();
    await this.#queries?.close();
    this.#queries = null;
    this.#workspace?.close();
    this.#workspace = null;
    if (this.#scratchDir) rmSync(this.#scratchDir, { recursive: true, force: true });
    this.#scratchDir = null;
  }

  /** Typed call for in-process callers (CLI, tests). */
  call<M extends Method>(method: M, params: RequestOf<M>): Promise<ApiResult<ResponseOf<M>>> {
    // M's handler answers ResponseOf<M> (HANDLERS' mapped type); dispatch only forgets which M it was.
    return this.dispatch(method, params) as Promise<ApiResult<ResponseOf<M>>>;
  }

  /** Untyped entry for transports: validates method and payload, never throws. */
  async dispatch(method: unknown, params: unknown): Promise<ApiResult<unknown>> {
    if (!isMethod(method)) {
      return failure({ code: 'UNKNOWN_METHOD', message: `Unknown API call: ${String(method)}`, details: { method } });
    }
    const parsed = REQUEST_SCHEMAS[method].safeParse(params ?? {});
    if (!parsed.success) {
      const issues = parsed.error.issues.map((issue) => ({ path: issue.path.join('.') || '(request)', message: issue.message }));
      const first = issues[0];
      return failure({
        code: 'BAD_REQUEST',
        message: `Invalid request for ${method}: ${first ? `${first.path}: ${first.message}` : 'malformed'}`,
        details: { method, issues },
      });
    }
    try {
      const handler = HANDLERS[method] as (params: unknown, service: Service) => unknown;
      // A deal file that names a stored schedule runs on the schedule's rows (service/runs/stored-schedule.ts).
      return { ok: true, value: await handler(withStoredSchedule(parsed.data, this), this) };
    } catch (error) {
      return failure(this.#toApiError(error));
    }
  }

  /** A busy workspace (another program holds its write lock) is the user's to resolve, named by its file. */
  #toApiError(error: unknown): ApiError {
    const workspace = this.#workspace;
    return toApiError(workspace !== null && isSqliteBusy(error) ? workspaceBusyError(workspace.path) : error);
  }
}

function isInside(folder: string, target: string): boolean {
  const path = relative(folder, target);
  return path !== '' && path !== '..' && !path.startsWith(`..${sep}`) && !isAbsolute(path);
}

/** `path` with its nearest existing ancestor's links resolved (the missing rest appended); null for a dangling link. */
function realPathOfNearest(path: string): string | null {
  const missing: string[] = [];
  let current = path;
  while (lstatSync(current, { throwIfNoEntry: false }) === undefined && dirname(current) !== current) {
    missing.unshift(basename(current));
    current = dirname(current);
  }
  try {
    return join(realpathSync(current), ...missing);
  } catch {
    return null;
  }
}

/** Resolves true after `ms` (an unref'd timer: it never keeps the process up), or false as soon as the signal aborts. */
function afterDelay(ms: number, signal: AbortSignal): Promise<boolean> {
  return new Promise<boolean>((settle) => {
    const timer = setTimeout(() => settle(!signal.aborted), ms);
    timer.unref();
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        settle(false);
      },
      { once: true },
    );
  });
}

function failure(error: ApiError): ApiResult<never> {
  return { ok: false, error };
}

export function toApiError(error: unknown): ApiError {
  if (error instanceof UserError) return { code: error.code, message: error.message, details: { ...error.details } };
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'INTERNAL', message: `Internal error: ${message}` };
}
