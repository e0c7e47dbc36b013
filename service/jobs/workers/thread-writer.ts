import { Worker } from 'node:worker_threads';
import { transferablesOf, type EncodedLoans } from '../../../data/tape/loan-codec.ts';
import type { TapeBegin, TapeFinish, TapeWriter } from '../../../data/tape/writer.ts';
import { fromWireError } from './wire-error.ts';
import { IMPORT_THREAD_YOUNG_GENERATION_MB, MAX_BATCHES_IN_FLIGHT, type WriterReply, type WriterRequest, type WriterWorkerData } from './writer-protocol.ts';

/**
 * A TapeWriter whose SQLite work happens in a writer thread. Loan batches are posted without
 * waiting, their buffers transferred; when MAX_BATCHES_IN_FLIGHT are queued the reader blocks (Atomics.wait) until the
 * writer catches up, so memory stays flat whichever side is slower.
 */
export class ThreadTapeWriter implements TapeWriter {
  readonly #worker: Worker;
  readonly #state = new Int32Array(new SharedArrayBuffer(8));
  #waiting: { resolve: (reply: WriterReply) => void; reject: (error: Error) => void } | null = null;
  #exited = false;

  constructor(workerUrl: URL, workspacePath: string) {
    const workerData: WriterWorkerData = { workspacePath, state: this.#state };
    this.#worker = new Worker(workerUrl, { workerData, resourceLimits: { maxYoungGenerationSizeMb: IMPORT_THREAD_YOUNG_GENERATION_MB } });
    this.#worker.on('message', (reply: WriterReply) => {
      const waiting = this.#waiting;
      this.#waiting = null;
      waiting?.resolve(reply);
    });
    this.#worker.on('error', (error: unknown) => this.#fail(error instanceof Error ? error : new Error(String(error))));
    this.#worker.on('exit', (code) => {
      this.#exited = true;
      this.#fail(new Error(`tape writer thread stopped (exit code ${code})`));
    });
  }

  #fail(error: Error): void {
    const waiting = this.#waiting;
    this.#waiting = null;
    waiting?.reject(error);
  }

  #request(message: WriterRequest): Promise<WriterReply> {
    if (this.#exited) return Promise.reject(new Error('tape writer thread is gone'));
    return new Promise((resolve, reject) => {
      this.#waiting = { resolve, reject };
      this.#worker.postMessage(message);
    });
  }

  async begin(tape: TapeBegin): Promise<void> {
    const reply = await this.#request({ type: 'begin', tape });
    if (reply.type === 'error') throw fromWireError(reply.error);
  }

  loans(batch: EncodedLoans): void {
    if (Atomics.load(this.#state, 1) === 1) return; // the writer failed; commit will say why
    while (Atomics.load(this.#state, 0) >= MAX_BATCHES_IN_FLIGHT) {
      Atomics.wait(this.#state, 0, Atomics.load(this.#state, 0), 100);
      if (this.#exited || Atomics.load(this.#state, 1) === 1) return;
    }
    Atomics.add(this.#state, 0, 1);
    // The batch's buffer moves to the writer thread (transferred, not copied).
    this.#worker.postMessage({ type: 'loans', batch } satisfies WriterRequest, transferablesOf(batch));
  }

  reject(rowNo: number, problemsJson: string, rawJson: string): void {
    this.#worker.postMessage({ type: 'reject', rowNo, problemsJson, rawJson } satisfies WriterRequest);
  }

  async commit(finish: TapeFinish): Promise<number> {
    try {
      const reply = await this.#request({ type: 'commit', finish });
      if (reply.type === 'error') throw fromWireError(reply.error);
      if (reply.type !== 'committed') throw new Error(`unexpected writer reply ${reply.type}`);
      return reply.tapeId;
    } finally {
      await this.close();
    }
  }

  async rollback(): Promise<void> {
    if (this.#exited) return;
    try {
      await this.#request({ type: 'rollback' });
    } finally {
      await this.close();
    }
  }

  async close(): Promise<void> {
    if (this.#exited) return;
    this.#exited = true;
    await this.#worker.terminate();
  }
}
