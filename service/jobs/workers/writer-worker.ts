/**
 * The SQLite side of a tape import: its own connection, the whole import in one transaction
 * (DirectTapeWriter), fed loan batches by the reader thread. Runs beside the reader so that
 * parsing and validation overlap with inserts.
 */
import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import { DirectTapeWriter } from '../../../data/tape/writer.ts';
import { toWireError, type WireError } from './wire-error.ts';
import type { WriterReply, WriterRequest, WriterWorkerData } from './writer-protocol.ts';

const data = workerData as WriterWorkerData;
const port = parentPort;
if (!port) throw new Error('writer-worker must run in a worker thread');

const db = new Database(data.workspacePath, { timeout: 10_000 });
db.pragma('journal_mode = WAL');
// This connection inserts the parent tape row itself, in the same transaction as its loans:
// checking every loan's foreign key against it would only cost time (~0.4 s per million).
db.pragma('foreign_keys = OFF');
db.pragma('synchronous = NORMAL');
// 8 MiB of page cache: appending in rowid order touches only the B-tree's right edge, and the
// WAL takes the pages a full cache spills; 64 MiB cost 56 MB more resident memory for no speed.
db.pragma('cache_size = -8192');
const writer = new DirectTapeWriter(db);
let failure: WireError | null = null;

function reply(message: WriterReply): void {
  port?.postMessage(message);
}

port.on('message', (message: WriterRequest) => {
  try {
    switch (message.type) {
      case 'begin':
        writer.beginSync(message.tape);
        reply({ type: 'begun' });
        return;
      case 'loans':
        if (failure === null) writer.loans(message.batch);
        return;
      case 'reject':
        if (failure === null) writer.reject(message.rowNo, message.problemsJson, message.rawJson);
        return;
      case 'commit':
        if (failure !== null) {
          writer.rollbackSync();
          reply({ type: 'error', error: failure });
          return;
        }
        reply({ type: 'committed', tapeId: writer.commitSync(message.finish) });
        return;
      case 'rollback':
        writer.rollbackSync();
        reply({ type: 'rolledBack' });
        return;
    }
  } catch (error) {
    failure ??= toWireError(error);
    Atomics.store(data.state, 1, 1);
    if (message.type === 'begin' || message.type === 'commit' || message.type === 'rollback') {
      try {
        writer.rollbackSync();
      } catch {
        // the connection is closed below anyway
      }
      reply({ type: 'error', error: failure });
    }
  } finally {
    if (message.type === 'loans') {
      Atomics.sub(data.state, 0, 1);
      Atomics.notify(data.state, 0);
    }
  }
});
