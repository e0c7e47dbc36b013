import { codedError } from '../errors.ts';
import { TAPE_MESSAGES } from './messages.ts';
import type { SqliteDb } from '../workspace.ts';
import type { ImportProgress, ImportReport } from './types.ts';
import { missingCutoff } from './import/cutoff.ts';
import { finishImport } from './import/finish.ts';
import { readHeader } from './import/header.ts';
import { ProgressReporter } from './import/progress.ts';
import type { ImportRequest } from './import/request.ts';
import { RowStream } from './import/row-stream.ts';
import { plausibilityOf } from './rows/limits.ts';
import { openSource, readSource, type SourceHandlers } from './import/source.ts';
import { DirectTapeWriter, type TapeWriter } from './writer.ts';

/**
 * Imports one loan tape into the workspace as ONE transaction: the tape, its loans and (in
 * keep-valid mode) its rejected rows land together or not at all. Streaming: memory stays flat
 * whatever the file size (only the loan ids seen so far are kept, to catch duplicates).
 *
 * The phases are in import/: the request checked and the file opened (source.ts), the header
 * read and mapped (header.ts), the rows validated and batched for the writer (row-stream.ts),
 * the transaction committed and the report written (finish.ts).
 */

export { resolveMapping } from './import/header.ts';
export type { ImportRequest } from './import/request.ts';
export { PROBLEM_LIMIT } from './import/row-stream.ts';
export { detectFormat } from './import/source.ts';

export interface ImportHooks {
  readonly onProgress?: (progress: ImportProgress) => void;
  readonly shouldStop?: () => boolean;
  readonly now?: () => Date;
}

/** Imports into a workspace connection in this thread. */
export function importTape(db: SqliteDb, request: ImportRequest, hooks: ImportHooks = {}): Promise<ImportReport> {
  return importTapeWith(new DirectTapeWriter(db), request, hooks);
}

/**
 * Reads, maps and validates the tape here; every write goes through `writer` (this thread or
 * another). Any failure, a cancel included, rolls the transaction back: the workspace is as it was.
 */
export async function importTapeWith(writer: TapeWriter, request: ImportRequest, hooks: ImportHooks = {}): Promise<ImportReport> {
  const now = hooks.now ?? (() => new Date());
  const started = performance.now();
  const source = openSource(request);
  const rows = new RowStream(writer, request.mode, source.cutoff, source.sourceFile, plausibilityOf(request.limits));
  const progress = new ProgressReporter(hooks.onProgress, started, rows);
  const handlers: SourceHandlers = {
    onHeader: (fields) => rows.header(readHeader(source.sourceFile, fields, request.mapping)),
    onRow: (fields, rowNo) => {
      rows.add(fields, rowNo);
      if ((rows.rowsRead & 1023) === 0) progress.report(false);
    },
    onBytes: (read, total) => progress.bytes(read, total),
    shouldStop: () => hooks.shouldStop?.() ?? false,
  };

  // The tape row comes first so loans can reference it; its figures are filled in at commit.
  await writer.begin({ name: source.name, sourceFile: source.sourceFile, format: source.format, importedAt: now().toISOString() });
  try {
    const facts = await readSource(request, source, handlers);
    if (facts.stopped || hooks.shouldStop?.()) throw codedError('CANCELLED', TAPE_MESSAGES.say('cancelled', { file: source.sourceFile }), { file: source.sourceFile });
    if (rows.layout.headers.length === 0) throw codedError('BAD_FILE', TAPE_MESSAGES.say('noHeaderRow', { file: source.sourceFile }), { file: source.sourceFile });
    // A tape without rows states no cutoff either: it is asked for, not taken as the import date.
    const cutoff = rows.cutoff;
    if (cutoff === null) throw missingCutoff(source.sourceFile, 'noRowsForCutoff');
    rows.loans.flush();
    progress.finished();
    return await finishImport(writer, request, { source, facts, rows, cutoff, started });
  } catch (error) {
    await writer.rollback();
    throw error;
  }
}
