import { statSync } from 'node:fs';
import { dirname, extname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { isValidDate } from '../../engine/dates.ts';
import { MAX_SAMPLE_LOANS, SAMPLE_PARAMETERS, writeSampleTape, XLSX_MAX_LOANS, type SampleEncoding, type SampleFormat, type SampleHeaders, type WriteSampleResult } from '../../data/sample/index.ts';
import type { Service } from '../../service/service.ts';
import { formatBytes, UsageError } from '../output.ts';
import type { CommandIO } from '../run.ts';

const SAMPLE_HELP = `Usage: abs sample --out FILE [options]

Writes a synthetic Chinese consumer-loan tape (cash loans and installment loans at a cutoff
date), deterministic for a seed. Columns and parameters: docs/sample-tapes.md.

Options:
  --out FILE             the file to write (replaced if it exists)
  --loans N              number of loans, 1 to ${MAX_SAMPLE_LOANS.toLocaleString('en-US')} (default 10,000;
                         at most ${XLSX_MAX_LOANS.toLocaleString('en-US')} for xlsx, Excel's row limit)
  --seed S               random seed, 0 to 4294967295 (default 2026): same seed, same tape
  --format csv|xlsx      default: xlsx when FILE ends in .xlsx, else csv
  --headers zh|en        header row and values in Chinese (default) or English
  --encoding utf-8|gbk   CSV text encoding (default utf-8, with a byte-order mark for Excel)
  --cutoff YYYY-MM-DD    the tape's cutoff (data) date (default ${SAMPLE_PARAMETERS.defaultCutoffDate})
  --json                 print the result as JSON`;

const DEFAULT_LOANS = 10_000;
const DEFAULT_SEED = 2026;
const MAX_SEED = 0xffff_ffff;

interface SampleRequest {
  readonly out: string;
  readonly loans: number;
  readonly seed: number;
  readonly format: SampleFormat;
  readonly headers: SampleHeaders;
  readonly encoding: SampleEncoding;
  readonly cutoffDate: string;
}

export async function sampleCommand(args: readonly string[], _service: Service, io: CommandIO): Promise<void> {
  const values = parseSampleArgs(args);
  if (values.help) {
    io.out(SAMPLE_HELP);
    return;
  }
  const request = sampleRequest(values);
  const result = await writeTape(request);
  const encoding = request.format === 'csv' ? request.encoding : null;
  if (values.json) {
    io.out(
      JSON.stringify(
        {
          path: result.path,
          rows: result.rows,
          bytes: result.bytes,
          format: request.format,
          encoding,
          headers: request.headers,
          seed: request.seed,
          cutoffDate: request.cutoffDate,
        },
        null,
        2,
      ),
    );
    return;
  }
  const facts = [request.format, ...(encoding ? [encoding === 'gbk' ? 'GBK' : 'UTF-8'] : []), formatBytes(result.bytes), `seed ${request.seed}`];
  io.out(`Wrote ${result.rows.toLocaleString('en-US')} loans to ${result.path} (${facts.join(', ')})`);
}

/** Writes the tape, with a progress line on a terminal; file-system failures become usage errors. */
async function writeTape(request: SampleRequest): Promise<WriteSampleResult> {
  const progress = process.stderr.isTTY ? ttyProgress(process.stderr) : null;
  try {
    return await writeSampleTape({
      loans: request.loans,
      seed: request.seed,
      out: request.out,
      format: request.format,
      headers: request.headers,
      encoding: request.encoding,
      cutoffDate: request.cutoffDate,
      ...(progress ? { onProgress: progress.update } : {}),
    });
  } catch (error) {
    throw writeFailure(error, request.out);
  } finally {
    progress?.clear();
  }
}

/** parseArgs, with its (sometimes multi-line) complaints folded into one line. */
function parseSampleArgs(args: readonly string[]): SampleArgs & { readonly json?: boolean | undefined; readonly help?: boolean | undefined } {
  try {
    return parseArgs({
      args: [...args],
      options: {
        out: { type: 'string' },
        loans: { type: 'string' },
        seed: { type: 'string' },
        format: { type: 'string' },
        headers: { type: 'string' },
        encoding: { type: 'string' },
        cutoff: { type: 'string' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')) {
      throw new UsageError((error as Error).message.split('\n').join(' '));
    }
    throw error;
  }
}

interface SampleArgs {
  readonly out?: string | undefined;
  readonly loans?: string | undefined;
  readonly seed?: string | undefined;
  readonly format?: string | undefined;
  readonly headers?: string | undefined;
  readonly encoding?: string | undefined;
  readonly cutoff?: string | undefined;
}

/** Validates every option; each mistake is one precise UsageError. */
function sampleRequest(values: SampleArgs): SampleRequest {
  if (values.out === undefined || values.out === '') throw new UsageError('sample needs --out FILE (e.g. --out loans.csv)');
  const out = resolve(values.out);
  const format = formatOption(values.format, out);
  const loans = wholeNumber('--loans', values.loans, DEFAULT_LOANS, 1, MAX_SAMPLE_LOANS);
  if (format === 'xlsx' && loans > XLSX_MAX_LOANS) {
    throw new UsageError(`--loans can be at most ${XLSX_MAX_LOANS.toLocaleString('en-US')} for xlsx (Excel's row limit), got ${loans.toLocaleString('en-US')}; use csv for more`);
  }
  const seed = wholeNumber('--seed', values.seed, DEFAULT_SEED, 0, MAX_SEED);
  const headers = headersOption(values.headers);
  const encoding = encodingOption(values.encoding);
  if (format === 'xlsx' && encoding === 'gbk') throw new UsageError('--encoding gbk applies to csv only (an xlsx file is always Unicode)');
  const cutoffDate = cutoffOption(values.cutoff);
  checkOutputFolder(out);
  return { out, loans, seed, format, headers, encoding, cutoffDate };
}

/** A whole number in [min, max]; thousands separators (1,000,000 or 1_000_000) are accepted. */
function wholeNumber(option: string, text: string | undefined, fallback: number, min: number, max: number): number {
  if (text === undefined) return fallback;
  const range = `from ${min.toLocaleString('en-US')} to ${max.toLocaleString('en-US')}`;
  const digits = /^\d{1,3}(?:([,_])\d{3}(?:\1\d{3})*)?$|^\d+$/.test(text) ? text.replace(/[,_]/g, '') : null;
  const value = digits === null ? Number.NaN : Number(digits);
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new UsageError(`${option} must be a whole number ${range}, got '${text}'`);
  }
  return value;
}

function formatOption(text: string | undefined, out: string): SampleFormat {
  if (text === undefined) return extname(out).toLowerCase() === '.xlsx' ? 'xlsx' : 'csv';
  const format = text.toLowerCase();
  if (format === 'csv' || format === 'xlsx') return format;
  throw new UsageError(`--format must be csv or xlsx, got '${text}'`);
}

function headersOption(text: string | undefined): SampleHeaders {
  if (text === undefined) return 'zh';
  const headers = text.toLowerCase();
  if (headers === 'zh' || headers === 'en') return headers;
  throw new UsageError(`--headers must be zh or en, got '${text}'`);
}

function encodingOption(text: string | undefined): SampleEncoding {
  if (text === undefined) return 'utf-8';
  const encoding = text.toLowerCase();
  if (encoding === 'utf-8' || encoding === 'utf8') return 'utf-8';
  if (encoding === 'gbk') return 'gbk';
  throw new UsageError(`--encoding must be utf-8 or gbk, got '${text}'`);
}

function cutoffOption(text: string | undefined): string {
  if (text === undefined) return SAMPLE_PARAMETERS.defaultCutoffDate;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const date = match ? { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) } : null;
  if (!date || !isValidDate(date) || date.year < 1900 || date.year > 2999) {
    throw new UsageError(`--cutoff must be a calendar date as YYYY-MM-DD, got '${text}'`);
  }
  return text;
}

/** Refuses, before generating anything, an output whose folder is missing or that is a folder. */
function checkOutputFolder(out: string): void {
  const folder = dirname(out);
  const folderStat = statSync(folder, { throwIfNoEntry: false });
  if (!folderStat?.isDirectory()) throw new UsageError(`cannot write ${out}: folder ${folder} does not exist`);
  if (statSync(out, { throwIfNoEntry: false })?.isDirectory()) throw new UsageError(`cannot write ${out}: it is a folder`);
}

const WRITE_FAILURES: Readonly<Record<string, string>> = {
  ENOENT: 'the folder does not exist',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'it is a folder',
  ENOTDIR: 'a part of the path is not a folder',
  EROFS: 'the file system is read-only',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is exceeded',
};

/** File-system failures the user can fix become one-line usage errors; anything else stays internal. */
function writeFailure(error: unknown, out: string): unknown {
  const code = (error as { code?: unknown } | null)?.code;
  const reason = typeof code === 'string' ? WRITE_FAILURES[code] : undefined;
  return reason ? new UsageError(`cannot write ${out}: ${reason}`) : error;
}

/** A percentage redrawn in place on a terminal, throttled to whole-percent changes. */
function ttyProgress(stream: NodeJS.WriteStream): { update: (done: number, total: number) => void; clear: () => void } {
  let shown = -1;
  return {
    update: (done, total) => {
      const percent = Math.floor((done / total) * 100);
      if (percent === shown) return;
      shown = percent;
      stream.write(`\rabs sample: ${percent}% (${done.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} loans)`);
    },
    clear: () => {
      if (shown >= 0) stream.write('\r\x1b[K');
    },
  };
}
