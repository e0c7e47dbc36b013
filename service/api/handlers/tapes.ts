import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../../../data/errors.ts';
import { writeSampleTape } from '../../../data/sample/index.ts';
import { previewCsv } from '../../../data/tape/csv.ts';
import { BINARY_SAMPLE_BYTES, notATapeReason } from '../../../data/tape/binary.ts';
import { detectEncoding, parseEncodingName } from '../../../data/tape/encoding.ts';
import { FIELD_SPECS } from '../../../data/tape/fields.ts';
import { describeMapping, headerUnit } from '../../../data/tape/headers.ts';
import { detectFormat, resolveMapping, type ImportRequest } from '../../../data/tape/import.ts';
import { deleteTape, findTapeByHash, getMapping, getTape, listRejects, listTapes, rejectsCsv, renameTape } from '../../../data/tape/store.ts';
import { plausibilityOf } from '../../../data/tape/rows/limits.ts';
import type { HeaderMapping, PlausibilityLimits, RejectedRow, TapeRecord } from '../../../data/tape/types.ts';
import { checkTapeWidth } from '../../../data/tape/width.ts';
import { hashFile, previewXlsx } from '../../../data/tape/xlsx.ts';
import type { CsvDownload, FieldInfo, JobInfo, TapeImportRequest, TapePreview, TapeReadOptions, TapeSource } from '../contract.ts';
import { runImportInWorker } from '../../jobs/import-job.ts';
import type { ServiceContext } from '../context.ts';
import type { CodedMessage } from '../../../engine/messages.ts';
import { JOB_TITLES } from '../../jobs/job-titles.ts';
import { exportFileName } from '../../../messages/file-name.ts';
import { sampleTapeFileName, sampleTapeStoredName } from '../../../messages/sample-tape.ts';

const FIELD_INFO: readonly FieldInfo[] = FIELD_SPECS.map(({ field, label, kind, required, help }) => ({ field, label, kind, required, help }));

export function tapeFields(): readonly FieldInfo[] {
  return FIELD_INFO;
}

/** A saved mapping (if named) with the request's own choices laid over it. */
function effectiveMapping(service: ServiceContext, options: TapeReadOptions): HeaderMapping | undefined {
  const saved = options.mappingName ? getMapping(service.requireWorkspace().db, options.mappingName).mapping : undefined;
  if (!saved && !options.mapping) return undefined;
  return { ...saved, ...options.mapping };
}

/** The saved mapping's plausibility limits (if named) with the request's own laid over, key by key; checked before the job starts. */
function effectiveLimits(service: ServiceContext, params: TapeImportRequest): PlausibilityLimits | undefined {
  const saved = params.mappingName ? getMapping(service.requireWorkspace().db, params.mappingName).limits : undefined;
  if (!saved && !params.limits) return undefined;
  const limits = { ...saved, ...params.limits };
  plausibilityOf(limits);
  return limits;
}

function checkEncoding(encoding: string | undefined): void {
  if (encoding !== undefined && parseEncodingName(encoding) === null) {
    throw new UserError('BAD_REQUEST', `Unknown encoding "${encoding}" (use utf-8, utf-8-bom, gbk, gb18030 or utf-16le)`, { encoding });
  }
}

/**
 * The tape file exists, is not empty and is not a picture, PDF or archive chosen by mistake.
 * Messages name the file as the user knows it: an upload's server-side temporary path stays out.
 */
function checkTapeFile(source: TapeSource, path: string, fileName: string, encoding: string | undefined): number {
  const where = source.kind === 'path' ? { path } : { file: fileName };
  let size: number;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) throw new UserError('BAD_FILE', `${fileName} is not a file${source.kind === 'path' ? `: ${path}` : ''}`, where);
    size = stat.size;
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw new UserError('NOT_FOUND', source.kind === 'path' ? `Tape file not found: ${path}` : `The uploaded file ${fileName} is no longer available: choose it again`, where);
  }
  if (size === 0) throw new UserError('BAD_FILE', `${fileName} is empty (0 bytes): choose the file that holds the loan tape`, where);
  const head = readHead(path);
  const given = encoding !== undefined ? parseEncodingName(encoding) : null;
  const utf16 = (given ?? detectEncoding(head).encoding).startsWith('utf-16');
  const looksLike = notATapeReason(head, detectFormat(fileName), utf16);
  if (looksLike !== null) throw new UserError('BAD_FILE', `${fileName} is not a loan tape: it looks like ${looksLike}`, where);
  return size;
}

function readHead(path: string): Uint8Array {
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(BINARY_SAMPLE_BYTES);
    return head.subarray(0, readSync(fd, head, 0, head.length, 0));
  } finally {
    closeSync(fd);
  }
}

export async function tapePreview(params: TapeReadOptions, service: ServiceContext): Promise<TapePreview> {
  const db = service.requireWorkspace().db;
  const { path, fileName } = service.resolveSource(params.source);
  checkEncoding(params.encoding);
  const bytes = checkTapeFile(params.source, path, fileName, params.encoding);
  const format = detectFormat(fileName);
  const sha256 = await hashFile(path);
  let header: string[];
  let rows: string[][];
  let encoding: string | null = null;
  let encodingReason: string | null = null;
  let encodingReasonCoded: CodedMessage | null = null;
  let delimiter: string | null = null;
  let sheet: string | null = null;
  let sheets: readonly string[] = [];
  if (format === 'csv') {
    const encodingName = params.encoding ? parseEncodingName(params.encoding) : null;
    const preview = await previewCsv(path, {
      ...(encodingName ? { encoding: encodingName } : {}),
      ...(params.delimiter ? { delimiter: params.delimiter } : {}),
      maxRows: 20,
    });
    ({ header, rows, encoding, encodingReason, encodingReasonCoded, delimiter } = preview);
  } else {
    const preview = await previewXlsx(path, { ...(params.sheet ? { sheet: params.sheet } : {}), maxRows: 20 });
    ({ header, rows, sheet, sheets } = preview);
  }
  checkTapeWidth(fileName, header.length);
  header = header.map((h) => h.trim());
  const mapping = resolveMapping(header, effectiveMapping(service, params));
  return {
    sourceFile: fileName,
    format,
    bytes,
    sha256,
    encoding,
    encodingReason,
    encodingReasonCoded,
    delimiter,
    sheet,
    sheets,
    header,
    rows,
    mapping: header.map((h, column) => ({ column, header: h, field: mapping[column] ?? null })),
    units: header.map(headerUnit),
    missingRequired: describeMapping(header, mapping).missingRequired,
    duplicateOf: findTapeByHash(db, sha256),
    fields: FIELD_INFO,
  };
}

function startImport(service: ServiceContext, request: ImportRequest, title: CodedMessage): JobInfo {
  const workspacePath = service.requireWorkspace().path;
  return service.jobs.start('tape.import', title, async (ctx) => {
    // The import's transaction is one write turn: a save asked for meanwhile waits for its commit.
    if (service.writes.busy) ctx.progress({ fraction: null, done: 0, unit: 'rows', rate: null, message: 'Waiting for the workspace’s current write to finish' });
    const report = await service.writes.run(() => runImportInWorker(service, workspacePath, request, ctx), {
      signal: ctx.signal,
      cancelled: `Import of ${request.sourceName} cancelled before it started; the workspace is unchanged`,
    });
    if (report.status === 'imported') service.emit({ type: 'tapes.changed' });
    return { kind: 'tape.import', report };
  });
}

export function tapeImport(params: TapeImportRequest, service: ServiceContext): JobInfo {
  service.requireWorkspace();
  const { path, fileName } = service.resolveSource(params.source);
  checkEncoding(params.encoding);
  checkTapeFile(params.source, path, fileName, params.encoding);
  detectFormat(fileName);
  const mapping = effectiveMapping(service, params);
  const limits = effectiveLimits(service, params);
  const request: ImportRequest = {
    path,
    sourceName: fileName,
    mode: params.mode,
    ...(params.name !== undefined ? { name: params.name } : {}),
    ...(params.cutoffDate !== undefined ? { cutoffDate: params.cutoffDate } : {}),
    ...(mapping ? { mapping } : {}),
    ...(limits ? { limits } : {}),
    ...(params.sheet !== undefined ? { sheet: params.sheet } : {}),
    ...(params.encoding !== undefined ? { encoding: params.encoding } : {}),
    ...(params.delimiter !== undefined ? { delimiter: params.delimiter } : {}),
    ...(params.allowDuplicate !== undefined ? { allowDuplicate: params.allowDuplicate } : {}),
  };
  return startImport(service, request, JOB_TITLES.say('importTape', { file: fileName }));
}

const SAMPLE_DEFAULT_LOANS = 10_000;
const SAMPLE_DEFAULT_SEED = 2026;

/** Writes the synthetic sample tape (deterministic for a seed) and imports it. */
export async function tapeImportSample(params: { loans?: number; seed?: number }, service: ServiceContext): Promise<JobInfo> {
  service.requireWorkspace();
  const loans = params.loans ?? SAMPLE_DEFAULT_LOANS;
  const seed = params.seed ?? SAMPLE_DEFAULT_SEED;
  const fileName = sampleTapeFileName(loans, seed);
  const out = join(service.scratchDir(), fileName);
  await writeSampleTape({ loans, seed, out, format: 'csv' });
  return startImport(service, { path: out, sourceName: fileName, name: sampleTapeStoredName(loans, seed), mode: 'reject' }, JOB_TITLES.say('importSample', { loans }));
}

export function tapeList(_params: unknown, service: ServiceContext): readonly TapeRecord[] {
  return listTapes(service.requireWorkspace().db);
}

export function tapeGet(params: { id: number }, service: ServiceContext): TapeRecord {
  return getTape(service.requireWorkspace().db, params.id);
}

export async function tapeRename(params: { id: number; name: string }, service: ServiceContext): Promise<TapeRecord> {
  const tape = await service.writes.run(() => renameTape(service.requireWorkspace().db, params.id, params.name));
  service.emit({ type: 'tapes.changed' });
  return tape;
}

export async function tapeDelete(params: { id: number }, service: ServiceContext): Promise<{ deleted: number }> {
  await service.writes.run(() => deleteTape(service.requireWorkspace().db, params.id));
  service.emit({ type: 'tapes.changed' });
  return { deleted: params.id };
}

export function tapeRejects(params: { id: number; offset?: number; limit?: number }, service: ServiceContext): { total: number; rows: readonly RejectedRow[] } {
  return listRejects(service.requireWorkspace().db, params.id, params.offset ?? 0, params.limit ?? 100);
}

export function tapeRejectsCsv(params: { id: number }, service: ServiceContext): CsvDownload {
  const db = service.requireWorkspace().db;
  const tape = getTape(db, params.id);
  return { fileName: exportFileName([tape.name, 'rejected-rows'], 'csv', 'tape'), csv: rejectsCsv(db, params.id) };
}
