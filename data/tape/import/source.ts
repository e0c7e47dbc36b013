import { basename, extname } from 'node:path';
import { codedError } from '../../errors.ts';
import { TAPE_MESSAGES } from '../messages.ts';
import { readCsvFile } from '../csv.ts';
import { parseEncodingName, type TapeEncoding } from '../encoding.ts';
import { readXlsxFile } from '../xlsx.ts';
import { isBlank } from '../xlsx-common.ts';
import { givenCutoff, type Cutoff } from './cutoff.ts';
import type { ImportRequest } from './request.ts';

/** The file to import as the request describes it, checked before anything is read or written. */
export interface TapeSource {
  /** The file's name as the user knows it. */
  readonly sourceFile: string;
  readonly format: 'csv' | 'xlsx';
  /** The tape's name in the workspace: as given, else the file's name without its extension. */
  readonly name: string;
  /** A chosen encoding; else the reader detects it. */
  readonly encoding: TapeEncoding | undefined;
  /** A given cutoff; else it is read from the tape's data date (never the import date). */
  readonly cutoff: Cutoff | null;
}

/** What reading the file found: its hash and size, and how it was read. */
export interface SourceFacts {
  readonly sha256: string;
  readonly bytes: number;
  readonly encoding: string | null;
  readonly encodingReason: string | null;
  readonly delimiter: string | null;
  readonly sheet: string | null;
  /** The import was asked to stop before the end of the file. */
  readonly stopped: boolean;
}

/** Where the reader hands what it reads: the header once, then every row with the row number the analyst sees. */
export interface SourceHandlers {
  readonly onHeader: (fields: string[]) => void;
  readonly onRow: (fields: string[], rowNo: number) => void;
  /** CSV only: bytes read of the file's total. */
  readonly onBytes: (read: number, total: number) => void;
  readonly shouldStop: () => boolean;
}

export function detectFormat(path: string): 'csv' | 'xlsx' {
  const ext = extname(path).toLowerCase();
  if (ext === '.xlsx' || ext === '.xlsm') return 'xlsx';
  if (ext === '.xls') {
    throw codedError('BAD_FILE', TAPE_MESSAGES.say('legacyXls', { file: basename(path) }), { file: basename(path) });
  }
  return 'csv';
}

function chosenEncoding(name: string | undefined): TapeEncoding | undefined {
  if (!name) return undefined;
  const encoding = parseEncodingName(name);
  if (!encoding) throw codedError('BAD_REQUEST', TAPE_MESSAGES.say('unknownEncoding', { encoding: name }), { encoding: name });
  return encoding;
}

/** Checks the request's file name, cutoff and encoding (a UserError for each that is wrong). */
export function openSource(request: ImportRequest): TapeSource {
  const sourceFile = request.sourceName ?? basename(request.path);
  const format = detectFormat(sourceFile);
  const name = request.name?.trim() || sourceFile.replace(/\.[^.]+$/, '');
  const cutoff = givenCutoff(request.cutoffDate);
  return { sourceFile, format, name, encoding: chosenEncoding(request.encoding), cutoff };
}

/** Streams the file through `handlers`: a CSV (encoding and delimiter as chosen, else detected) or a workbook's sheet. */
export async function readSource(request: ImportRequest, source: TapeSource, handlers: SourceHandlers): Promise<SourceFacts> {
  if (source.format === 'csv') {
    const csv = await readCsvFile(request.path, {
      ...(source.encoding ? { encoding: source.encoding } : {}),
      ...(request.delimiter ? { delimiter: request.delimiter } : {}),
      onHeader: handlers.onHeader,
      // A row of empty cells (`,,,,` — a spreadsheet's blank line saved as CSV) is no loan: skipped, as a sheet's blank row is (xlsx-common.ts isBlank).
      onRow: (fields, _recordNo, lineNo) => {
        if (!isBlank(fields)) handlers.onRow(fields, lineNo);
      },
      onProgress: handlers.onBytes,
      shouldStop: handlers.shouldStop,
    });
    const { sha256, bytes, encoding, encodingReason, delimiter, stopped } = csv;
    return { sha256, bytes, encoding, encodingReason, delimiter, sheet: null, stopped };
  }
  const xlsx = await readXlsxFile(request.path, {
    ...(request.sheet ? { sheet: request.sheet } : {}),
    onHeader: handlers.onHeader,
    onRow: handlers.onRow,
    shouldStop: handlers.shouldStop,
  });
  const { sha256, bytes, sheet, stopped } = xlsx;
  return { sha256, bytes, encoding: null, encodingReason: null, delimiter: null, sheet, stopped };
}
