import { basename, extname } from 'node:path';
import { UserError } from '../errors.ts';
import type { SqliteDb } from '../workspace.ts';
import { readCsvFile } from './csv.ts';
import { parseEncodingName } from './encoding.ts';
import { FIELD_BY_NAME, type CanonicalField } from './fields.ts';
import { describeMapping, suggestMapping } from './headers.ts';
import { createRowNormalizer, DEFAULT_ROW_DEFAULTS, LOAN_COLUMNS, type ColumnMapping, type RowNormalizer } from './rows.ts';
import type { RowProblem } from './types.ts';
import type { HeaderMapping, ImportMode, ImportProgress, ImportReport, MappedColumn } from './types.ts';
import { parseDate } from './values/index.ts';
import { DirectTapeWriter, LOAN_CHUNK_ROWS, type LoanBatch, type LoanValues, type TapeWriter } from './writer.ts';
import { readXlsxFile } from './xlsx.ts';

/**
 * Imports one loan tape into the workspace as ONE transaction: the tape, its loans and (in
 * keep-valid mode) its rejected rows land together or not at all. Streaming: memory stays flat
 * whatever the file size (only the loan ids seen so far are kept, to catch duplicates).
 */



export interface ImportRequest {
  /** File to read. */
  readonly path: string;
  /** Name the file had for the user (an uploaded file is stored under a temporary name). */
  readonly sourceName?: string;
  readonly name?: string;
  /** ISO date; else the tape's data-date column; else today. */
  readonly cutoffDate?: string;
  readonly mapping?: HeaderMapping;
  readonly sheet?: string;
  readonly encoding?: string;
  readonly delimiter?: string;
  readonly mode: ImportMode;
  /** Import even if a tape with the same file hash exists. */
  readonly allowDuplicate?: boolean;
}


export interface ImportHooks {
  readonly onProgress?: (progress: ImportProgress) => void;
  readonly shouldStop?: () => boolean;
  readonly now?: () => Date;
}



export const PROBLEM_LIMIT = 1000;
/** Position of current_principal among a row's params (LOAN_COLUMNS without tape_id). */
const CURRENT_PRINCIPAL_PARAM = LOAN_COLUMNS.indexOf('current_principal') - 1;
/** Chunks of LOAN_CHUNK_ROWS loans handed to the writer at a time (1,024 loans). */
const WRITE_BATCH_CHUNKS = 16;

function todayIso(now: Date): string {
  return now.toISOString().slice(0, 10);
}

export function detectFormat(path: string): 'csv' | 'xlsx' {
  const ext = extname(path).toLowerCase();
  if (ext === '.xlsx' || ext === '.xlsm') return 'xlsx';
  if (ext === '.xls') {
    throw new UserError('BAD_FILE', `${basename(path)} is a legacy .xls workbook: save it as .xlsx or CSV and import that`, { file: basename(path) });
  }
  return 'csv';
}

/** Applies a header mapping (saved or edited) over the automatic suggestion. */
export function resolveMapping(headers: readonly string[], given: HeaderMapping | undefined): ColumnMapping {
  const suggested = suggestMapping(headers);
  if (!given) return suggested;
  const mapping = headers.map((header, i) => (Object.hasOwn(given, header) ? (given[header] ?? null) : (suggested[i] ?? null)));
  // An explicit choice wins over a suggestion for the same field elsewhere.
  const explicit = new Set(headers.filter((h) => Object.hasOwn(given, h)).map((h) => given[h]).filter((f) => f !== null));
  return mapping.map((field, i) => {
    const header = headers[i] ?? '';
    if (field !== null && !Object.hasOwn(given, header) && explicit.has(field)) return null;
    return field;
  });
}

export function checkMapping(file: string, headers: readonly string[], mapping: ColumnMapping): void {
  const seen = new Map<CanonicalField, string>();
  mapping.forEach((field, i) => {
    if (field === null) return;
    if (!FIELD_BY_NAME.has(field)) {
      throw new UserError('BAD_MAPPING', `Unknown field "${field}" for column "${headers[i] ?? i + 1}"`, { file, column: headers[i], field });
    }
    const other = seen.get(field);
    if (other !== undefined) {
      throw new UserError('BAD_MAPPING', `Columns "${other}" and "${headers[i] ?? ''}" are both mapped to ${FIELD_BY_NAME.get(field)?.label ?? field}`, {
        file,
        field,
        columns: [other, headers[i]],
      });
    }
    seen.set(field, headers[i] ?? '');
  });
  const { missingRequired } = describeMapping(headers, mapping);
  if (missingRequired.length > 0) {
    const labels = missingRequired.map((f) => (f === 'rateAnnual' ? 'an interest rate (annual or daily)' : (FIELD_BY_NAME.get(f)?.label ?? f)));
    throw new UserError('BAD_MAPPING', `${file}: no column is mapped to ${labels.join(', ')}; map it or fix the header`, {
      file,
      missing: missingRequired,
      headers,
    });
  }
}


/** Imports into a workspace connection in this thread. */
export function importTape(db: SqliteDb, request: ImportRequest, hooks: ImportHooks = {}): Promise<ImportReport> {
  return importTapeWith(new DirectTapeWriter(db), request, hooks);
}

/** Reads, maps and validates the tape here; every write goes through `writer` (this thread or another). */
export async function importTapeWith(writer: TapeWriter, request: ImportRequest, hooks: ImportHooks = {}): Promise<ImportReport> {
  const now = hooks.now ?? (() => new Date());
  const started = performance.now();
  const sourceFile = request.sourceName ?? basename(request.path);
  const format = detectFormat(sourceFile);
  const name = request.name?.trim() || sourceFile.replace(/\.[^.]+$/, '');
  let cutoffSource: ImportReport['cutoffSource'] = 'today';
  let cutoffDate: string | null = null;
  if (request.cutoffDate !== undefined) {
    const parsed = parseDate(request.cutoffDate);
    if (!parsed.ok || parsed.value === null) {
      throw new UserError('BAD_REQUEST', `Cutoff date "${request.cutoffDate}": ${parsed.ok ? 'missing' : parsed.reason}`, { cutoffDate: request.cutoffDate });
    }
    cutoffDate = parsed.value;
    cutoffSource = 'given';
  }
  const encoding = request.encoding ? parseEncodingName(request.encoding) : undefined;
  if (request.encoding && !encoding) {
    throw new UserError('BAD_REQUEST', `Unknown encoding "${request.encoding}" (use utf-8, utf-8-bom, gbk, gb18030 or utf-16le)`, { encoding: request.encoding });
  }

  let headers: string[] = [];
  let mapping: ColumnMapping = [];
  let normalizer: RowNormalizer | null = null;
  let rowsRead = 0;
  let rowsImported = 0;
  let rowsRejected = 0;
  let problemCount = 0;
  const problems: RowProblem[] = [];
  let chunks: LoanBatch = [];
  let chunk: LoanValues = [];
  let chunkRows = 0;
  let fraction: number | null = null;
  let lastProgress = 0;
  // Σ current principal with Neumaier's compensation, as SQLite's total() sums.
  let balance = 0;
  let balanceCompensation = 0;

  const flush = (): void => {
    if (chunkRows > 0) chunks.push(chunk);
    if (chunks.length > 0) writer.loans(chunks);
    chunks = [];
    chunk = [];
    chunkRows = 0;
  };

  const reportProgress = (force: boolean): void => {
    if (!hooks.onProgress) return;
    const t = performance.now();
    if (!force && t - lastProgress < 200) return;
    lastProgress = t;
    const elapsed = (t - started) / 1000;
    hooks.onProgress({ rowsRead, rowsRejected, fraction, rowsPerSecond: elapsed > 0 ? rowsRead / elapsed : 0, elapsedSeconds: elapsed });
  };

  const onHeader = (fields: string[]): void => {
    headers = fields.map((h) => h.trim());
    mapping = resolveMapping(headers, request.mapping);
    checkMapping(sourceFile, headers, mapping);
  };

  const rawRow = (fields: readonly string[]): string => {
    const raw: Record<string, string> = {};
    headers.forEach((h, i) => {
      raw[h || `column ${i + 1}`] = fields[i] ?? '';
    });
    for (let i = headers.length; i < fields.length; i++) raw[`column ${i + 1}`] = fields[i] ?? '';
    return JSON.stringify(raw);
  };

  const onRow = (fields: string[], rowNo: number): void => {
    rowsRead++;
    if (normalizer === null) {
      if (cutoffDate === null) {
        const asOfIndex = mapping.indexOf('asOfDate');
        const parsed = asOfIndex >= 0 ? parseDate(fields[asOfIndex] ?? '') : null;
        if (parsed?.ok && parsed.value) {
          cutoffDate = parsed.value;
          cutoffSource = 'tape';
        } else {
          cutoffDate = todayIso(now());
          cutoffSource = 'today';
        }
      }
      normalizer = createRowNormalizer({ headers, mapping, cutoffDate });
    }
    const start = chunk.length;
    const problemsOfRow = normalizer.normalize(fields, rowNo, chunk);
    if (problemsOfRow === null && request.mode === 'reject' && rowsRejected > 0) {
      chunk.length = start; // the file is rejected anyway: only validate
    } else if (problemsOfRow === null) {
      const current = chunk[start + CURRENT_PRINCIPAL_PARAM] as number;
      const t = balance + current;
      balanceCompensation += Math.abs(balance) >= Math.abs(current) ? balance - t + current : current - t + balance;
      balance = t;
      rowsImported++;
      if (++chunkRows === LOAN_CHUNK_ROWS) {
        chunks.push(chunk);
        chunk = [];
        chunkRows = 0;
        if (chunks.length === WRITE_BATCH_CHUNKS) {
          writer.loans(chunks);
          chunks = [];
        }
      }
    } else {
      rowsRejected++;
      problemCount += problemsOfRow.length;
      for (const p of problemsOfRow) if (problems.length < PROBLEM_LIMIT) problems.push(p);
      if (request.mode === 'keepValid') writer.reject(rowNo, JSON.stringify(problemsOfRow), rawRow(fields));
    }
    if ((rowsRead & 1023) === 0) reportProgress(false);
  };

  // The tape row comes first so loans can reference it; its figures are filled in at commit.
  await writer.begin({ name, sourceFile, format, importedAt: now().toISOString() });
  try {
    let sha256: string;
    let bytes: number;
    let fileEncoding: string | null = null;
    let encodingReason: string | null = null;
    let delimiter: string | null = null;
    let sheet: string | null = null;
    let stopped: boolean;
    if (format === 'csv') {
      const result = await readCsvFile(request.path, {
        ...(encoding ? { encoding } : {}),
        ...(request.delimiter ? { delimiter: request.delimiter } : {}),
        onHeader,
        onRow: (fields, _recordNo, lineNo) => onRow(fields, lineNo),
        onProgress: (read, total) => {
          fraction = total > 0 ? read / total : null;
          reportProgress(false);
        },
        shouldStop: () => hooks.shouldStop?.() ?? false,
      });
      ({ sha256, bytes, stopped } = result);
      fileEncoding = result.encoding;
      encodingReason = result.encodingReason;
      delimiter = result.delimiter;
    } else {
      const result = await readXlsxFile(request.path, {
        ...(request.sheet ? { sheet: request.sheet } : {}),
        onHeader,
        onRow,
        shouldStop: () => hooks.shouldStop?.() ?? false,
      });
      ({ sha256, bytes, stopped } = result);
      sheet = result.sheet;
    }
    if (stopped || hooks.shouldStop?.()) throw new UserError('CANCELLED', `Import of ${sourceFile} cancelled; the workspace is unchanged`, { file: sourceFile });
    if (headers.length === 0) throw new UserError('BAD_FILE', `${sourceFile} has no header row`, { file: sourceFile });
    flush();
    fraction = 1;
    reportProgress(true);

    const finalCutoff = cutoffDate ?? todayIso(now());
    const mapped: MappedColumn[] = headers.map((header, column) => ({ column, header, field: mapping[column] ?? null }));
    const extraColumns = mapped.filter((m) => m.field === null && m.header !== '').map((m) => m.header);
    const notes: string[] = [];
    if (!mapping.includes('amortization')) notes.push(`No amortization column: every loan is taken as ${DEFAULT_ROW_DEFAULTS.amortization.replace('_', ' ')} (等额本息).`);
    if (!mapping.includes('paymentFrequency')) notes.push('No payment-frequency column: every loan is taken as paying monthly.');
    if (!mapping.includes('remainingTerm')) notes.push('No remaining-term column: remaining term = original term − months since origination.');
    if (!mapping.includes('daysPastDue')) notes.push('No days-past-due column: every loan is taken as current.');
    if (cutoffSource === 'today') notes.push(`No cutoff date given and none in the tape: the import date ${finalCutoff} is used.`);
    const status: ImportReport['status'] = request.mode === 'reject' && rowsRejected > 0 ? 'rejected' : 'imported';

    let tapeId: number | null = null;
    if (status === 'rejected') {
      await writer.rollback();
    } else {
      try {
        tapeId = await writer.commit({
          sha256,
          bytes,
          encoding: fileEncoding,
          delimiter,
          sheet,
          cutoffDate: finalCutoff,
          rowsRead,
          rowsImported,
          rowsRejected,
          mappingJson: JSON.stringify({ columns: mapped, notes, cutoffSource, encodingReason }),
          extraColumnsJson: JSON.stringify(extraColumns),
          allowDuplicate: request.allowDuplicate ?? false,
          currentBalance: balance + balanceCompensation,
        });
      } catch (error) {
        if (error instanceof UserError && error.code === 'DUPLICATE_TAPE') {
          throw new UserError('DUPLICATE_TAPE', `${sourceFile}: ${error.message.charAt(0).toLowerCase()}${error.message.slice(1)}`, { ...error.details, file: sourceFile });
        }
        throw error;
      }
    }
    const seconds = (performance.now() - started) / 1000;
    return {
      status,
      tapeId,
      name,
      sourceFile,
      sha256,
      bytes,
      format,
      encoding: fileEncoding,
      encodingReason,
      delimiter,
      sheet,
      cutoffDate: finalCutoff,
      cutoffSource,
      rowsRead,
      rowsImported: status === 'imported' ? rowsImported : 0,
      rowsRejected,
      problems,
      problemCount,
      mapping: mapped,
      extraColumns,
      notes,
      seconds,
      rowsPerSecond: seconds > 0 ? rowsRead / seconds : 0,
    };
  } catch (error) {
    await writer.rollback();
    throw error;
  }
}
