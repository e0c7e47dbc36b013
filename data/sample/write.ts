/**
 * Writes the synthetic consumer-loan tape (generate.ts) as an originator would hand it over:
 * CSV (UTF-8 with a byte-order mark, or GBK) or XLSX, with Chinese or English headers.
 *
 * Both writers stream: a row is formatted, written and forgotten, so memory stays flat for a
 * million loans. The file appears under its name only when complete (written beside it under
 * a temporary name, then renamed), so a failed or interrupted run never leaves half a tape.
 */
import { csvField } from '../csv-out.ts';
import type ExcelJS from 'exceljs';
import type { WriteStream } from 'node:fs';
import { open, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import type { AmortizationType, CanonicalField, Segment } from '../tape/fields.ts';
import { generateSampleLoans, SAMPLE_PARAMETERS, type SampleLoan, type SampleProduct } from './generate.ts';

export type SampleFormat = 'csv' | 'xlsx';
export type SampleHeaders = 'zh' | 'en';
export type SampleEncoding = 'utf-8' | 'gbk';

export interface WriteSampleOptions {
  readonly loans: number;
  readonly seed: number;
  /** Path of the file to write; replaced if it exists. */
  readonly out: string;
  readonly format: SampleFormat;
  /** Header row and categorical values in Chinese (default) or English. */
  readonly headers?: SampleHeaders;
  /** CSV only: UTF-8 with BOM (default) or GBK (no BOM). XLSX is always Unicode. */
  readonly encoding?: SampleEncoding;
  /** ISO YYYY-MM-DD; default 2026-09-30. */
  readonly cutoffDate?: string;
  /** Called every 1% or so of the rows, and once at the end. */
  readonly onProgress?: (done: number, total: number) => void;
}

export interface WriteSampleResult {
  readonly rows: number;
  readonly bytes: number;
  /** Absolute path of the written file. */
  readonly path: string;
}

type ColumnKind = 'text' | 'date' | 'money' | 'rate' | 'integer';

/** Language-dependent labels of the categorical values. */
export interface SampleValueLabels {
  readonly product: Readonly<Record<SampleProduct, string>>;
  readonly amortization: Readonly<Record<AmortizationType, string>>;
  readonly segment: Readonly<Record<Segment, string>>;
  /** Province code → label. */
  readonly province: ReadonlyMap<string, string>;
  readonly yes: string;
  readonly no: string;
}

export interface SampleColumn {
  /** The canonical tape field the column imports as (data/tape/fields.ts). */
  readonly field: CanonicalField;
  readonly zh: string;
  readonly en: string;
  /** Unit / type: text, ISO date, yuan with 2 decimals, rate as a decimal with 4, whole number. */
  readonly kind: ColumnKind;
  /** XLSX column width, in characters. */
  readonly width: number;
  readonly value: (loan: SampleLoan, labels: SampleValueLabels) => string | number;
}

/** The tape's columns, in file order. Every header is a synonym the importer maps. */
export const SAMPLE_COLUMNS: readonly SampleColumn[] = [
  { field: 'loanId', zh: '借据号', en: 'loan_id', kind: 'text', width: 16, value: (l) => l.loanId },
  { field: 'borrowerId', zh: '客户号', en: 'borrower_id', kind: 'text', width: 14, value: (l) => l.borrowerId },
  { field: 'product', zh: '产品类型', en: 'product', kind: 'text', width: 12, value: (l, t) => t.product[l.product] },
  { field: 'originationDate', zh: '放款日期', en: 'origination_date', kind: 'date', width: 12, value: (l) => l.originationDate },
  { field: 'maturityDate', zh: '到期日期', en: 'maturity_date', kind: 'date', width: 12, value: (l) => l.maturityDate },
  { field: 'originalPrincipal', zh: '合同金额', en: 'original_principal', kind: 'money', width: 14, value: (l) => l.originalPrincipal },
  { field: 'currentPrincipal', zh: '剩余本金', en: 'current_principal', kind: 'money', width: 14, value: (l) => l.currentPrincipal },
  { field: 'rateAnnual', zh: '年化利率', en: 'annual_rate', kind: 'rate', width: 10, value: (l) => l.rateAnnual },
  { field: 'originalTerm', zh: '总期数', en: 'original_term', kind: 'integer', width: 8, value: (l) => l.originalTerm },
  { field: 'remainingTerm', zh: '剩余期数', en: 'remaining_term', kind: 'integer', width: 8, value: (l) => l.remainingTerm },
  { field: 'amortization', zh: '还款方式', en: 'amortization', kind: 'text', width: 14, value: (l, t) => t.amortization[l.amortization] },
  { field: 'daysPastDue', zh: '逾期天数', en: 'days_past_due', kind: 'integer', width: 8, value: (l) => l.daysPastDue },
  { field: 'overduePrincipal', zh: '逾期本金', en: 'overdue_principal', kind: 'money', width: 12, value: (l) => l.overduePrincipal },
  { field: 'overdueInterest', zh: '逾期利息', en: 'overdue_interest', kind: 'money', width: 12, value: (l) => l.overdueInterest },
  { field: 'segment', zh: '职业类型', en: 'segment', kind: 'text', width: 12, value: (l, t) => t.segment[l.segment] },
  { field: 'region', zh: '省份', en: 'province', kind: 'text', width: 12, value: (l, t) => t.province.get(l.province) ?? l.province },
  { field: 'creditScore', zh: '信用评分', en: 'credit_score', kind: 'integer', width: 8, value: (l) => l.creditScore },
  { field: 'restructured', zh: '是否重组', en: 'restructured', kind: 'text', width: 8, value: (l, t) => (l.restructured ? t.yes : t.no) },
  { field: 'asOfDate', zh: '数据日期', en: 'as_of_date', kind: 'date', width: 12, value: (l) => l.asOfDate },
];

export const SAMPLE_VALUE_LABELS: Readonly<Record<SampleHeaders, SampleValueLabels>> = {
  zh: {
    product: { cash_loan: '现金贷', installment: '分期' },
    amortization: { level_payment: '等额本息', equal_principal: '等额本金', interest_only: '先息后本', flat_fee: '等本等息' },
    segment: { salaried: '工薪', self_employed: '自雇', gig: '灵活就业' },
    province: new Map(SAMPLE_PARAMETERS.provinces.map((p) => [p.code, p.zh])),
    yes: '是',
    no: '否',
  },
  en: {
    product: { cash_loan: 'cash_loan', installment: 'installment' },
    amortization: { level_payment: 'level_payment', equal_principal: 'equal_principal', interest_only: 'interest_only', flat_fee: 'flat_fee' },
    segment: { salaried: 'salaried', self_employed: 'self_employed', gig: 'gig' },
    province: new Map(SAMPLE_PARAMETERS.provinces.map((p) => [p.code, p.code])),
    yes: 'Y',
    no: 'N',
  },
};

/** The header row in the language. */
export function sampleHeaderRow(headers: SampleHeaders): string[] {
  return SAMPLE_COLUMNS.map((column) => column[headers]);
}

/** Data rows an XLSX sheet holds below its header row (Excel's limit: 1,048,576 rows). */
export const XLSX_MAX_LOANS = 1_048_575;

/** Writes the tape; resolves when the file is complete under its name. */
export async function writeSampleTape(options: WriteSampleOptions): Promise<WriteSampleResult> {
  if (options.format === 'xlsx' && options.loans > XLSX_MAX_LOANS) {
    throw new RangeError(`an xlsx sheet holds at most ${XLSX_MAX_LOANS} loans (Excel's row limit), asked for ${options.loans}`);
  }
  const path = resolve(options.out);
  const partial = join(dirname(path), `.${basename(path)}.partial-${process.pid}`);
  try {
    const rows = options.format === 'xlsx' ? await writeXlsx(partial, options) : await writeCsv(partial, options);
    await rename(partial, path);
    const { size } = await stat(path);
    return { rows, bytes: size, path };
  } catch (error) {
    await rm(partial, { force: true }).catch(() => undefined);
    throw error;
  }
}

/** Calls onProgress about every 1% of the rows (at least every 1,000), and at the end. */
function progressReporter(total: number, onProgress: WriteSampleOptions['onProgress']): (done: number) => void {
  if (!onProgress) return () => undefined;
  const every = Math.max(1_000, Math.ceil(total / 100));
  return (done) => {
    if (done % every === 0 || done === total) onProgress(done, total);
  };
}

// ---------------------------------------------------------------------------------------------
// CSV

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);
/** Bytes per buffer handed to the file stream. */
const CSV_CHUNK_BYTES = 1 << 20;
/** Room kept free in a chunk for one more record: a record is ~150 characters, ≤ 3 bytes each. */
const CSV_RECORD_ROOM = 4 * 1024;

// RFC 4180 (data/csv-out.ts): comma-separated fields, CRLF line ends, a field quoted when it
// holds a comma, a double quote, CR or LF, with inner quotes doubled.

/** A column's value as CSV text: yuan with 2 decimals, rates with 4, dates ISO. */
export function csvValue(column: SampleColumn, loan: SampleLoan, labels: SampleValueLabels): string {
  const value = column.value(loan, labels);
  switch (column.kind) {
    case 'money':
      return (value as number).toFixed(2);
    case 'rate':
      return (value as number).toFixed(4);
    case 'integer':
      return String(value);
    default: // text and ISO dates
      return csvField(String(value));
  }
}

function quoteAll<K extends string>(record: Readonly<Record<K, string>>): Record<K, string> {
  return Object.fromEntries(Object.entries<string>(record).map(([key, text]) => [key, csvField(text)])) as Record<K, string>;
}

/** Labels run through csvField once, so the hot loop can paste them as they are. */
function csvLabels(labels: SampleValueLabels): SampleValueLabels {
  return {
    product: quoteAll(labels.product),
    amortization: quoteAll(labels.amortization),
    segment: quoteAll(labels.segment),
    province: new Map([...labels.province].map(([code, text]) => [code, csvField(text)])),
    yes: csvField(labels.yes),
    no: csvField(labels.no),
  };
}

const TWO_DIGITS: readonly string[] = Array.from({ length: 100 }, (_, i) => String(i).padStart(2, '0'));
const RATE_TEXT: string[] = [];

/** Yuan with 2 decimals; the same text as toFixed(2) for amounts ≥ 0 held to the fen (cent). */
function yuanText(amount: number): string {
  if (amount === 0) return '0.00';
  const fen = Math.round(amount * 100);
  const whole = Math.floor(fen / 100);
  return `${whole}.${TWO_DIGITS[fen - whole * 100] ?? ''}`;
}

/** A rate with 4 decimals (toFixed(4)), memoised: a tape has a few thousand distinct rates. */
function rateText(rate: number): string {
  const key = Math.round(rate * 10_000);
  return (RATE_TEXT[key] ??= rate.toFixed(4));
}

/**
 * One CSV record of a loan, CRLF included, in SAMPLE_COLUMNS order (a test checks it against
 * csvValue over SAMPLE_COLUMNS). Spelled out rather than looped over the columns: it is the
 * hot path of a million-row tape, and the generator's ids and ISO dates never need quoting.
 * `labels` must come from csvLabels.
 */
function csvRecord(l: SampleLoan, t: SampleValueLabels): string {
  return `${l.loanId},${l.borrowerId},${t.product[l.product]},${l.originationDate},${l.maturityDate},${yuanText(l.originalPrincipal)},${yuanText(l.currentPrincipal)},${rateText(l.rateAnnual)},${l.originalTerm},${l.remainingTerm},${t.amortization[l.amortization]},${l.daysPastDue},${yuanText(l.overduePrincipal)},${yuanText(l.overdueInterest)},${t.segment[l.segment]},${t.province.get(l.province) ?? l.province},${l.creditScore},${l.restructured ? t.yes : t.no},${l.asOfDate}\r\n`;
}

/** One CSV record of a loan with the labels of the language, CRLF included. */
export function sampleCsvLine(loan: SampleLoan, headers: SampleHeaders): string {
  return csvRecord(loan, csvLabelsByLanguage[headers]);
}

const csvLabelsByLanguage: Readonly<Record<SampleHeaders, SampleValueLabels>> = {
  zh: csvLabels(SAMPLE_VALUE_LABELS.zh),
  en: csvLabels(SAMPLE_VALUE_LABELS.en),
};

async function writeCsv(file: string, options: WriteSampleOptions): Promise<number> {
  const headers = options.headers ?? 'zh';
  const encoding = options.encoding ?? 'utf-8';
  const labels = csvLabelsByLanguage[headers];
  const writeText = encoding === 'gbk' ? encodeGbkInto : (text: string, into: Buffer, offset: number): number => into.write(text, offset, 'utf8');
  const report = progressReporter(options.loans, options.onProgress);

  const handle = await open(file, 'w'); // fails here, catchably, on a missing folder or no permission
  const stream = handle.createWriteStream({ highWaterMark: CSV_CHUNK_BYTES });
  const done = finished(stream);
  done.catch(() => undefined); // awaited below; a write error also surfaces there
  const flush = async (chunk: Buffer): Promise<void> => {
    if (!stream.write(chunk)) await Promise.race([once(stream, 'drain'), done]);
  };

  let rows = 0;
  try {
    let chunk = Buffer.allocUnsafe(CSV_CHUNK_BYTES);
    let used = encoding === 'utf-8' ? UTF8_BOM.copy(chunk, 0) : 0;
    used += writeText(`${sampleHeaderRow(headers).map(csvField).join(',')}\r\n`, chunk, used);
    for (const loan of generateSampleLoans(options)) {
      used += writeText(csvRecord(loan, labels), chunk, used);
      rows++;
      report(rows);
      if (used > CSV_CHUNK_BYTES - CSV_RECORD_ROOM) {
        await flush(chunk.subarray(0, used));
        chunk = Buffer.allocUnsafe(CSV_CHUNK_BYTES);
        used = 0;
      }
    }
    if (used > 0) await flush(chunk.subarray(0, used));
    stream.end();
    await done;
    return rows;
  } catch (error) {
    stream.destroy();
    await done.catch(() => undefined);
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------
// GBK

let gbkTable: Uint16Array | null = null;

/**
 * Unicode (BMP) → GBK double-byte code, built once by decoding every double-byte GBK code
 * (lead 0x81–0xFE, trail 0x40–0x7E, 0x80–0xFE) with the WHATWG GBK decoder; 0 = no mapping.
 * Where two codes decode to the same character the lower code wins, as the WHATWG encoder does.
 */
function gbkEncodeTable(): Uint16Array {
  if (gbkTable) return gbkTable;
  const table = new Uint16Array(0x10000);
  const decoder = new TextDecoder('gbk');
  const pair = new Uint8Array(2);
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    pair[0] = lead;
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      pair[1] = trail;
      const text = decoder.decode(pair);
      if (text.length !== 1) continue;
      const code = text.charCodeAt(0);
      if (code < 0x80 || code === 0xfffd || table[code] !== 0) continue;
      table[code] = (lead << 8) | trail;
    }
  }
  gbkTable = table;
  return table;
}

/** Encodes text as GBK (CP936): ASCII as one byte, the rest as two. Throws on a character GBK lacks. */
export function encodeGbk(text: string): Buffer {
  const bytes = Buffer.allocUnsafe(text.length * 2);
  return bytes.subarray(0, encodeGbkInto(text, bytes, 0));
}

/** Writes text as GBK into `into` at `offset` (room for 2 bytes a character); returns the bytes written. */
function encodeGbkInto(text: string, into: Buffer, offset: number): number {
  const table = gbkEncodeTable();
  let n = offset;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) {
      into[n++] = code;
      continue;
    }
    const gbk = table[code] ?? 0;
    if (gbk === 0) {
      throw new RangeError(`GBK cannot encode U+${code.toString(16).toUpperCase().padStart(4, '0')} ('${text[i] ?? ''}')`);
    }
    into[n++] = gbk >> 8;
    into[n++] = gbk & 0xff;
  }
  return n - offset;
}

// ---------------------------------------------------------------------------------------------
// XLSX

const XLSX_NUMBER_FORMATS: Readonly<Record<ColumnKind, string | undefined>> = {
  text: undefined,
  integer: undefined,
  date: 'yyyy-mm-dd',
  money: '#,##0.00',
  rate: '0.00%',
};

/** Rows written between checks that the zip stream keeps up. */
const XLSX_ROWS_PER_CHECK = 500;
/** Uncompressed sheet XML allowed to wait for the deflater before we pause. */
const XLSX_MAX_PENDING_BYTES = 4 << 20;

/**
 * Bytes of sheet XML written but not yet taken by the deflater, or null if unknown.
 *
 * exceljs's streaming writer ignores backpressure: a committed row's XML goes to the worksheet's
 * StreamBuf, which archiver pipes into a PassThrough that feeds zlib. zlib compresses one chunk
 * per event-loop turn, so a loop that only yields now and then queues the whole sheet in memory
 * (≈ 750 bytes a row). We read that PassThrough's queue (exceljs 4.4 / archiver 5 internals,
 * checked at run time) and wait for it; if the shape ever changes we fall back to yielding only.
 */
function pendingSheetBytes(sheet: unknown): number | null {
  const stream = field(sheet, 'stream');
  const pipes = field(stream, 'pipes');
  if (!Array.isArray(pipes)) return null;
  let pending = 0;
  for (const pipe of pipes as unknown[]) {
    const length = field(field(pipe, '_writableState'), 'length');
    if (typeof length !== 'number') return null;
    pending += length;
  }
  return pending;
}

function field(value: unknown, name: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[name] : undefined;
}

/** Lets zlib catch up: polls with 1 ms timers, during which the loop runs zlib's completions. */
async function drainSheet(sheet: unknown): Promise<void> {
  let pending = pendingSheetBytes(sheet);
  if (pending === null || pending <= XLSX_MAX_PENDING_BYTES) {
    await new Promise<void>((resolveTick) => setImmediate(resolveTick));
    return;
  }
  while (pending !== null && pending > XLSX_MAX_PENDING_BYTES / 4) {
    await new Promise<void>((resolveTick) => setTimeout(resolveTick, 1));
    pending = pendingSheetBytes(sheet);
  }
}

/** An ISO date as the Date exceljs writes as that calendar day (UTC midnight → whole serial). */
function excelDate(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}

/** excelDate, memoised per tape (a few thousand distinct dates; exceljs only reads them). */
function excelDateCache(): (iso: string) => Date {
  const dates = new Map<string, Date>();
  return (iso) => {
    let date = dates.get(iso);
    if (date === undefined) {
      date = excelDate(iso);
      dates.set(iso, date);
    }
    return date;
  };
}

async function writeXlsx(file: string, options: WriteSampleOptions): Promise<number> {
  const headers = options.headers ?? 'zh';
  const labels = SAMPLE_VALUE_LABELS[headers];
  const report = progressReporter(options.loans, options.onProgress);
  const handle = await open(file, 'w'); // fails here, catchably, on a missing folder or no permission
  const stream: WriteStream = handle.createWriteStream({ highWaterMark: 1 << 20 });
  let streamError: Error | null = null;
  const streamFailed = new Promise<never>((_, reject) => {
    stream.once('error', (error) => {
      streamError = error;
      reject(error);
    });
  });
  streamFailed.catch(() => undefined); // observed through streamError and the race below

  try {
    // Fixed document dates: the same seed gives the same cells and properties.
    const documentDate = excelDate(options.cutoffDate ?? SAMPLE_PARAMETERS.defaultCutoffDate);
    // Loaded on demand: exceljs takes a tenth of a second to load, which a CSV run need not pay.
    const { default: excel } = await import('../excel.ts');
    const workbook = new excel.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
    workbook.creator = 'ABS Workbench';
    workbook.lastModifiedBy = 'ABS Workbench';
    workbook.created = documentDate;
    workbook.modified = documentDate;
    const sheet = workbook.addWorksheet('loans', { views: [{ state: 'frozen', ySplit: 1 }] });
    // Column formats also apply to cells a user adds later in Excel.
    sheet.columns = SAMPLE_COLUMNS.map((column) => {
      const numFmt = XLSX_NUMBER_FORMATS[column.kind];
      return { key: column.field, width: column.width, ...(numFmt ? { style: { numFmt } } : {}) };
    });
    const headerRow = sheet.addRow(sampleHeaderRow(headers));
    headerRow.eachCell((cell) => {
      cell.style = { font: { bold: true } };
    });
    headerRow.commit();

    const rows = await writeXlsxRows(sheet, options, labels, report, () => streamError);
    await Promise.race([workbook.commit(), streamFailed]);
    return rows;
  } catch (error) {
    if (!stream.destroyed) {
      const closed = new Promise<void>((resolveClose) => stream.once('close', () => resolveClose()));
      stream.destroy();
      await closed;
    }
    throw error;
  }
}

async function writeXlsxRows(sheet: ExcelJS.Worksheet, options: WriteSampleOptions, labels: SampleValueLabels, report: (done: number) => void, streamError: () => Error | null): Promise<number> {
  // One style object per column, shared by every cell of it: exceljs caches a style's id by
  // object identity, so cells never re-render their style (the default per-cell copies do).
  const styles: ReadonlyArray<Partial<ExcelJS.Style>> = SAMPLE_COLUMNS.map((column) => {
    const numFmt = XLSX_NUMBER_FORMATS[column.kind];
    return numFmt ? { numFmt } : {};
  });
  const dateOf = excelDateCache();
  let rows = 0;
  for (const loan of generateSampleLoans(options)) {
    const row = sheet.addRow(
      SAMPLE_COLUMNS.map((column) => {
        const value = column.value(loan, labels);
        return column.kind === 'date' ? dateOf(value as string) : value;
      }),
    );
    for (let i = 0; i < styles.length; i++) row.getCell(i + 1).style = styles[i] as Partial<ExcelJS.Style>;
    row.commit();
    rows++;
    report(rows);
    if (rows % XLSX_ROWS_PER_CHECK === 0) {
      await drainSheet(sheet);
      const error = streamError();
      if (error) throw error;
    }
  }
  sheet.commit();
  return rows;
}
