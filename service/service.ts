import { EventEmitter } from 'node:events';
import { UserError } from '../data/errors.ts';
import { openWorkspace, type Workspace } from '../data/workspace.ts';
import type { ApiError, ApiResult, AppEvent, Method, RequestOf, ResponseOf, Transport } from './contract.ts';
import { HANDLERS } from './handlers/index.ts';
import { isMethod, REQUEST_SCHEMAS } from './schemas.ts';

export interface ServiceOptions {
  readonly transport: Transport;
  /** Electron's version when running inside Electron. */
  readonly electronVersion?: string | null;
}

/**
 * The application behind every transport: holds the open workspace, validates each request
 * at the boundary, runs its handler and turns any failure into data.
 */
export class Service {
  readonly transport: Transport;
  readonly electronVersion: string | null;
  readonly events = new EventEmitter<{ event: [AppEvent] }>();
  #workspace: Workspace | null = null;

  constructor(options: ServiceOptions) {
    this.transport = options.transport;
    this.electronVersion = options.electronVersion ?? null;
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
    this.#workspace = next;
    return next;
  }

  emit(event: AppEvent): void {
    this.events.emit('event', event);
  }

  close(): void {
    this.#workspace?.close();
    this.#workspace = null;
  }

  /** Typed call for in-process callers (CLI, tests). */
  async call<M extends Method>(method: M, params: RequestOf<M>): Promise<ApiResult<ResponseOf<M>>> {
    return (await this.dispatch(method, params)) as ApiResult<ResponseOf<M>>;
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
      return { ok: true, value: await handler(parsed.data, this) };
    } catch (error) {
      return failure(toApiError(error));
    }
  }
}

function failure(error: ApiError): ApiResult<never> {
  return { ok: false, error };
}

export function toApiError(error: unknown): ApiError {
  if (error instanceof UserError) return { code: error.code, message: error.message, details: { ...error.details } };
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'INTERNAL', message: `Internal error: ${message}` };
}
