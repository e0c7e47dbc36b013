import { basename, extname } from 'node:path';
import { UserError } from '../errors.ts';
import { readCsvFile } from '../tape/csv.ts';
import type { TapeEncoding } from '../tape/encoding.ts';
import { readXlsxFile } from '../tape/xlsx.ts';
import type { ScheduleUnit } from './columns.ts';
import { parseScheduleTable, type ParsedSchedule, type SourceRecord } from './parse.ts';

export interface ScheduleReadOptions {
  readonly unit?: ScheduleUnit;
  /** XLSX: the sheet; default the first. */
  readonly sheet?: string;
  /** CSV: overrides detection (UTF-8, GB18030/GBK, UTF-16). */
  readonly encoding?: TapeEncoding;
  /** The file's name as the analyst knows it (an upload is read from a temporary path); default the path's. */
  readonly fileName?: string;
}

export interface ScheduleFileRead extends ParsedSchedule {
  readonly file: string;
  readonly format: 'csv' | 'xlsx';
  readonly sha256: string;
  readonly bytes: number;
  readonly sheet: string | null;
}

/** A schedule is a table of a few hundred rows at most: more is not a schedule. */
const MAX_ROWS = 1200;

/**
 * Reads a collection schedule from CSV (encoding and delimiter detected as for tapes) or XLSX (the
 * tape reader's cell text), then parses it (parse.ts). Nothing is written: importing it is store.ts's.
 */
export async function readScheduleFile(path: string, options: ScheduleReadOptions = {}): Promise<ScheduleFileRead> {
  const file = options.fileName ?? basename(path);
  const extension = extname(file).toLowerCase();
  let header: string[] | null = null;
  const records: SourceRecord[] = [];
  const take = (fields: string[], rowNo: number): false | undefined => {
    if (records.length >= MAX_ROWS) throw new UserError('BAD_FILE', `${file}: more than ${MAX_ROWS} rows — a collection schedule has one row per collection period`, { file });
    records.push({ fields: fields.map((f) => f.trim()), rowNo });
    return undefined;
  };
  if (extension === '.xlsx') {
    const read = await readXlsxFile(path, { ...(options.sheet ? { sheet: options.sheet } : {}), onHeader: (fields) => void (header = fields.map((f) => f.trim())), onRow: take });
    return { file, format: 'xlsx', sha256: read.sha256, bytes: read.bytes, sheet: read.sheet, ...parseScheduleTable(file, header ?? [], records, options.unit) };
  }
  if (extension !== '.csv' && extension !== '.txt') throw new UserError('BAD_FILE', `${file}: a schedule is read from .csv or .xlsx`, { file });
  const read = await readCsvFile(path, {
    ...(options.encoding ? { encoding: options.encoding } : {}),
    onHeader: (fields) => void (header = fields.map((f) => f.trim())),
    onRow: (fields, recordNo) => take(fields, recordNo),
  });
  return { file, format: 'csv', sha256: read.sha256, bytes: read.bytes, sheet: null, ...parseScheduleTable(file, header ?? [], records, options.unit) };
}
