import type { ApiError, AppEvent, Method, RequestOf, ResponseOf, UploadInfo } from '../../service/api/contract.ts';
import { Store } from '../app/store.ts';
import type { ApiTransport } from './transport.ts';
import { translate } from '../app/i18n.tsx';

export class ApiCallError extends Error {
  readonly error: ApiError;
  constructor(error: ApiError) {
    super(error.message);
    this.name = 'ApiCallError';
    this.error = error;
  }
}

export interface Activity {
  readonly id: number;
  /** The API call, or what else is in flight (an upload). */
  readonly label: string;
  readonly startedAt: number;
}

/** The typed client of the API contract: `call('workspace.info', {})` infers request and response. */
export class ApiClient {
  readonly transport: ApiTransport;
  /** Calls in flight, for the activity indicator. */
  readonly activity = new Store<readonly Activity[]>([]);
  #nextId = 1;

  constructor(transport: ApiTransport) {
    this.transport = transport;
  }

  async call<M extends Method>(method: M, params: RequestOf<M>): Promise<ResponseOf<M>> {
    const entry: Activity = { id: this.#nextId++, label: method, startedAt: Date.now() };
    this.activity.set([...this.activity.get(), entry]);
    try {
      const result = await this.transport.invoke(method, params);
      if (!result.ok) throw new ApiCallError(result.error);
      // The transport answers `unknown`; the service answers M's response type (its handlers' mapped type).
      return result.value as ResponseOf<M>;
    } finally {
      this.activity.set(this.activity.get().filter((a) => a.id !== entry.id));
    }
  }

  /** Browser transport: upload a chosen file (tracked as activity like any call). */
  async upload(file: File): Promise<UploadInfo> {
    const entry: Activity = { id: this.#nextId++, label: translate('api.upload', { name: file.name }), startedAt: Date.now() };
    this.activity.set([...this.activity.get(), entry]);
    try {
      const result = await this.transport.upload(file);
      if (!result.ok) throw new ApiCallError(result.error);
      return result.value;
    } finally {
      this.activity.set(this.activity.get().filter((a) => a.id !== entry.id));
    }
  }

  subscribe(listener: (event: AppEvent) => void): () => void {
    return this.transport.subscribe(listener);
  }
}
