import { Worker } from 'node:worker_threads';
import { fromWireError } from './workers/wire-error.ts';
import type { PoolSummary, StratTable } from '../../data/pool/index.ts';
import type { StratDimensionId } from '../../data/pool/strats.ts';
import type { PoolNames } from '../files/assumption-file.ts';
import type { ProjectionResult } from '../api/contract.ts';
import type { Timed } from './timed.ts';
import { isThreadReady, terminateWhenStarted, watchStart, type ThreadReady } from './thread-start.ts';
import type { QueryReply, QueryRequest, QueryWorkerData } from './workers/query-protocol.ts';

type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void };
type Request = QueryRequest extends infer R ? (R extends QueryRequest ? Omit<R, 'id'> : never) : never;

/** One query thread: requests in, answers out, in order of arrival. */
class QueryThread {
  readonly #worker: Worker;
  readonly #pending = new Map<number, Pending>();
  #nextId = 1;
  #closed = false;

  constructor(workerUrl: URL, workspacePath: string) {
    const workerData: QueryWorkerData = { workspacePath };
    this.#worker = new Worker(workerUrl, { workerData });
    // Unref'd before any 'message' listener is added: adding the first refs the thread's port again, which is
    // what keeps the process up while a query waits for its answer (the CLI exited mid-query the other way round).
    this.#worker.unref();
    // Its ready message comes once SQLite's native module is loaded and the workspace open (thread-start.ts).
    watchStart(this.#worker);
    this.#worker.on('message', (reply: QueryReply | ThreadReady) => {
      if (isThreadReady(reply)) return;
      const pending = this.#pending.get(reply.id);
      if (!pending) return;
      this.#pending.delete(reply.id);
      if (reply.ok) pending.resolve(reply.value);
      else {
        pending.reject(fromWireError(reply.error));
      }
    });
    this.#worker.on('error', (error: unknown) => this.#failAll(error instanceof Error ? error : new Error(String(error))));
    this.#worker.on('exit', () => this.#failAll(new Error('the query thread stopped')));
  }

  #failAll(error: Error): void {
    this.#closed = true;
    for (const pending of this.#pending.values()) pending.reject(error);
    this.#pending.clear();
  }

  ask(request: Request): Promise<unknown> {
    if (this.#closed) return Promise.reject(new Error('the query thread is closed'));
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      this.#worker.postMessage({ ...request, id });
    });
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    // Never while it loads SQLite's native module: that aborts the process (thread-start.ts).
    await terminateWhenStarted(this.#worker);
  }
}

/**
 * The query threads of one open workspace. Stratifications have a thread of their own, started on
 * first use: the Pool screen asks for the summary and a stratification at once, and on a
 * million-loan tape each is a scan of about a second, so on two cores they run side by side
 * rather than one after the other.
 */
export class QueryClient {
  readonly #workerUrl: URL;
  readonly #workspacePath: string;
  readonly #main: QueryThread;
  #strats: QueryThread | null = null;
  #closed = false;

  constructor(workerUrl: URL, workspacePath: string) {
    this.#workerUrl = workerUrl;
    this.#workspacePath = workspacePath;
    this.#main = new QueryThread(workerUrl, workspacePath);
  }

  #ask(request: Request): Promise<unknown> {
    if (this.#closed) return Promise.reject(new Error('the query thread is closed'));
    if (request.kind !== 'strat' && request.kind !== 'stratCsv') return this.#main.ask(request);
    this.#strats ??= new QueryThread(this.#workerUrl, this.#workspacePath);
    return this.#strats.ask(request);
  }

  summary(tapeId: number): Promise<PoolSummary> {
    return this.#ask({ kind: 'summary', tapeId }) as Promise<PoolSummary>;
  }

  strat(tapeId: number, by: StratDimensionId, edges?: readonly number[]): Promise<StratTable> {
    return this.#ask({ kind: 'strat', tapeId, by, ...(edges ? { edges } : {}) }) as Promise<StratTable>;
  }

  stratCsv(tapeId: number, by: StratDimensionId, edges?: readonly number[]): Promise<string> {
    return this.#ask({ kind: 'stratCsv', tapeId, by, ...(edges ? { edges } : {}) }) as Promise<string>;
  }

  /** A tape projected in representative lines (the grouping is cached per tape on the query thread), with the projection's time there. */
  projectLines(tapeId: number, assumptions: unknown): Promise<Timed<ProjectionResult>> {
    return this.#ask({ kind: 'projectLines', tapeId, assumptions }) as Promise<Timed<ProjectionResult>>;
  }

  /** A tape's segment and product values (what an assumption file's `segments` keys and override matches may name). */
  poolNames(tapeId: number): Promise<PoolNames> {
    return this.#ask({ kind: 'names', tapeId }) as Promise<PoolNames>;
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await Promise.all([this.#main.close(), this.#strats?.close()]);
  }
}
