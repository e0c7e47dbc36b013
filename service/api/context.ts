import type { Workspace } from '../../data/workspace.ts';
import type { JobManager } from '../jobs/job-manager.ts';
import type { QueryClient } from '../jobs/query-client.ts';
import type { WriteTurns } from '../jobs/write-turns.ts';
import type { AppEvent, TapeSource, Transport, UploadInfo } from './contract.ts';

export type WorkerName = 'import-worker' | 'writer-worker' | 'query-worker' | 'project-worker' | 'deal-worker' | 'pool-worker';

/**
 * What a handler or a job may use of the running service (service.ts implements it): the open
 * workspace, its query thread, jobs, events, worker entry points, uploads and scratch space.
 * Handlers depend on this interface, not on the Service class, so the service can import its
 * handlers without an import cycle.
 */
export interface ServiceContext {
  readonly transport: Transport;
  readonly electronVersion: string | null;
  readonly jobs: JobManager;
  /** The app's writes to the workspace take turns (an import for its whole transaction): see write-turns.ts. */
  readonly writes: WriteTurns;
  readonly workspace: Workspace | null;
  /** Where a worker's entry file is; bundled builds (Electron) point at their own output. */
  workerUrl(name: WorkerName): URL;
  /** Run a small job (a deal file's one run) on the calling thread rather than a worker: the CLI, which has no window to keep responsive. */
  readonly smallJobsInline?: boolean;
  requireWorkspace(): Workspace;
  openWorkspace(path: string, create?: boolean): Workspace;
  /** The file a `workspace.open` request may open: as given, or confined to the workspace folder over HTTP. */
  workspacePathFor(requested: string): string;
  /** The folder `workspacePathFor` confines workspaces to over HTTP; null elsewhere. */
  readonly workspaceFolder: string | null;
  queries(): QueryClient;
  emit(event: AppEvent): void;
  scratchDir(): string;
  registerUpload(fileName: string, path: string, bytes: number): UploadInfo;
  /** A generated file kept in the scratch folder for the browser to fetch (REPORT_DOWNLOAD_PATH); answers its id. */
  registerDownload(fileName: string, path: string): string;
  /** The file of a download id, or null. */
  download(id: string): { readonly path: string; readonly fileName: string } | null;
  resolveSource(source: TapeSource): { path: string; fileName: string };
}
