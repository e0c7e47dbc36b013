/**
 * Streaming CSV reading for loan tapes (RFC 4180, leniently): a push parser that keeps the
 * state of a record split across chunks, and a file reader that detects the encoding and the
 * delimiter, decodes incrementally and hashes the raw bytes in the same single pass.
 *
 * Speed matters (1,000,000 rows × ~19 columns must parse in about a second), so the parser
 * scans code units in a typed array and cuts fields with slice, never char by char into strings:
 * a complete line whose quoted fields (if any) are simple takes a fast path; anything else —
 * `""` escapes, line breaks in quotes, a record cut by the end of a chunk — goes through a
 * resumable state machine that keeps the partial record for the next chunk.
 */
import { createHash } from 'node:crypto';
import { open, type FileHandle } from 'node:fs/promises';
import { endianness } from 'node:os';
import { basename } from 'node:path';
import { codedError, UserError } from '../errors.ts';
import type { CodedMessage } from '../../engine/messages.ts';
import { TAPE_MESSAGES } from './messages.ts';
import { createDecoder, detectEncoding, ENCODING_REASONS, ENCODING_SAMPLE_BYTES, firstInvalidUtf8, type TapeEncoding } from './encoding.ts';

export type CsvDelimiter = ',' | '\t' | ';' | '|';

/** Candidates for detectDelimiter, in order of preference on a tie. */
const CSV_DELIMITERS: readonly CsvDelimiter[] = [',', '\t', ';', '|'];

/** Called with each record's fields; return false to stop the parse. */
export type CsvRowHandler = (fields: string[], recordNo: number, lineNo: number) => void | false;

/**
 * A tape that cannot be read as CSV (an unterminated quote, an empty file, …): a UserError
 * (code BAD_FILE, so it reaches the user as data, with lineNo and recordNo in `details` too).
 * `lineNo` is the physical line (from 1) the problem is on; `recordNo` the record (header = 1).
 */
export class CsvFormatError extends UserError {
  readonly lineNo: number;
  readonly recordNo: number;

  constructor(message: string, lineNo: number, recordNo: number, details: Record<string, unknown> = {}) {
    super('BAD_FILE', message, { ...details, lineNo, recordNo });
    this.name = 'CsvFormatError';
    this.lineNo = lineNo;
    this.recordNo = recordNo;
  }
}

export interface CsvParserOptions {
  /** One character, not a quote or a line break. */
  readonly delimiter: string;
  /**
   * Receives every record (blank lines are not records). `fields` is a fresh array each call,
   * yours to keep; fields are not trimmed. `recordNo` counts from 1 (the header is record 1);
   * `lineNo` is the physical line the record starts on.
   *
   * Memory: a field of 13+ characters is a V8 "sliced string" that points into the whole
   * decoded chunk (up to 64 KiB of the file read as text, see readCsvFile). Keeping a few is
   * harmless; keeping one per row in an array or object (not as a Map/Set key: those are
   * copied) keeps the whole file in memory.
   * To hold many, copy them: `(' ' + field).slice(1)`.
   */
  readonly onRow: CsvRowHandler;
  /**
   * A field that grows past this many characters while the parser waits for its end (across
   * chunks) throws CsvFormatError instead of being buffered without end — in practice a quote
   * that is never closed, which would otherwise swallow the rest of the file into one field.
   * Default 1,048,576 characters (Excel's own cell limit is 32,767).
   */
  readonly maxFieldChars?: number;
}

const LF = 10;
const CR = 13;
const QUOTE = 34;

// States of the record state machine (the slow path).
const FIELD_START = 0;
const UNQUOTED = 1;
const QUOTED = 2;
const QUOTE_SEEN = 3; // a quote inside a quoted field: the closing one, or the first of `""`

const DEFAULT_MAX_FIELD_CHARS = 1 << 20;

/** Uint16Array reads code units in the platform's byte order; 'utf16le' writes little-endian. */
const BIG_ENDIAN = endianness() === 'BE';

/**
 * Push parser: feed decoded text in chunks of any size with push(), then call end().
 *
 * - Quoted fields may hold delimiters, quotes (`""`) and line breaks; CRLF, LF and lone CR
 *   all end a line; the last line needs no line break; blank lines are skipped.
 * - Lenient like Excel: a quote inside an unquoted field is an ordinary character
 *   (`ab"c` → `ab"c`), and text after a closing quote is kept (`"ab"c` → `abc`).
 * - end() throws CsvFormatError when a quoted field is still open, naming the line where
 *   the quote opened.
 */
export class CsvParser {
  private readonly delim: number;
  private readonly onRow: CsvRowHandler;
  private readonly maxFieldChars: number;
  /** Records emitted so far. */
  private records = 0;
  /** Physical line of the next character to read. */
  private line = 1;
  private stopped = false;
  private ended = false;
  /** The last chunk ended with a CR that ended a line: a LF starting the next one belongs to it. */
  private skipLf = false;
  /** The last chunk's last character was a CR (for counting CRLF inside quoted fields once). */
  private prevCr = false;
  // A record begun but not finished (it ran past the end of a chunk, or has quotes).
  private inRecord = false;
  private fields: string[] = [];
  private state = FIELD_START;
  /** The current field's text so far, when it is carried across chunks or has `""` escapes. */
  private value = '';
  private recordLine = 0;
  private quoteLine = 0;
  /** Fields in the last record (the size of the next fields array). */
  private width = 0;
  /** Reused buffer for codesOf(). */
  private scratch: Buffer = Buffer.allocUnsafeSlow(0);

  constructor(options: CsvParserOptions) {
    const delimiter = normalizeDelimiter(options.delimiter);
    this.delim = delimiter.charCodeAt(0);
    this.onRow = options.onRow;
    this.maxFieldChars = options.maxFieldChars ?? DEFAULT_MAX_FIELD_CHARS;
  }

  /** Records emitted so far (the header included). */
  get recordCount(): number {
    return this.records;
  }

  /** Physical line (from 1) of the next character the parser will read. */
  get lineNo(): number {
    return this.line;
  }

  /** True once onRow has returned false: later push() and end() calls do nothing. */
  get isStopped(): boolean {
    return this.stopped;
  }

  push(chunk: string): void {
    if (this.stopped) return;
    if (this.ended) throw new Error('CsvParser.push() after end()');
    const len = chunk.length;
    if (len === 0) return;
    let pos = 0;
    if (this.skipLf) {
      this.skipLf = false;
      if (chunk.charCodeAt(0) === LF) pos = 1;
    }
    if (this.inRecord && pos < len) pos = this.slow(chunk, pos);
    if (pos >= 0 && pos < len) this.fast(chunk, pos);
    this.prevCr = chunk.charCodeAt(len - 1) === CR;
  }

  end(): void {
    if (this.stopped || this.ended) return;
    this.ended = true;
    if (!this.inRecord) return;
    if (this.state === QUOTED) {
      throw new CsvFormatError(
        `Unterminated quoted field: the quote opened on line ${this.quoteLine} is never closed (record ${this.records + 1}, starting on line ${this.recordLine}).`,
        this.quoteLine,
        this.records + 1,
      );
    }
    this.fields.push(this.value); // UNQUOTED or QUOTE_SEEN: the last field; FIELD_START: a trailing delimiter
    this.value = '';
    this.emitRecord();
  }

  /**
   * Fast path: a whole line in this chunk, split with slice at the delimiters; quoted fields
   * are taken here too when simple (no `""`, no line break inside). Anything else goes to
   * slow(). The scan reads the chunk's UTF-16 code units from a typed array (see codesOf):
   * in V8 that is about 2.5× faster than charCodeAt. `fields` starts at the previous record's
   * width, so it is rarely grown.
   */
  private fast(text: string, start: number): void {
    const len = text.length;
    const codes = this.codesOf(text);
    const delim = this.delim;
    const top = delim > QUOTE ? delim : QUOTE; // no character above this is special
    let pos = start;
    while (pos < len) {
      const first = codes[pos] as number;
      if (first === LF) {
        this.line++;
        pos++;
        continue;
      }
      if (first === CR) {
        this.line++;
        pos = this.afterCr(text, pos);
        continue;
      }
      // Sized like the previous record: measurably faster than growing an empty array.
      // oxlint-disable-next-line unicorn/no-new-array
      const fields: string[] = new Array<string>(this.width);
      let k = 0;
      let fieldStart = pos;
      let i = pos;
      let slow = false;
      for (; i < len; i++) {
        const c = codes[i] as number;
        if (c > top) continue;
        if (c === delim) {
          fields[k++] = text.slice(fieldStart, i);
          fieldStart = i + 1;
        } else if (c === LF || c === CR) {
          break;
        } else if (c === QUOTE && i === fieldStart) {
          // A simple quoted field: closed on this line, followed by a delimiter or the line's end.
          let close = i + 1;
          let q = 0;
          for (; close < len; close++) {
            q = codes[close] as number;
            if (q === QUOTE || q === LF || q === CR) break;
          }
          const after = q === QUOTE && close + 1 < len ? (codes[close + 1] as number) : -1;
          if (after !== delim && after !== LF && after !== CR) {
            slow = true;
            break;
          }
          fields[k++] = text.slice(i + 1, close);
          i = close + 1;
          if (after !== delim) {
            fieldStart = -1; // the record ends right after the closing quote
            break;
          }
          fieldStart = i + 1;
        }
      }
      if (slow || i >= len) {
        // Quotes the fast path does not take, or the chunk ends inside this line: the state
        // machine parses the record (and carries it to the next chunk if need be).
        pos = this.slow(text, pos);
        if (pos < 0) return;
        continue;
      }
      if (fieldStart >= 0) fields[k++] = text.slice(fieldStart, i);
      if (k !== this.width) {
        fields.length = k;
        this.width = k;
      }
      const recordLine = this.line++;
      pos = codes[i] === CR ? this.afterCr(text, i) : i + 1;
      if (this.onRow(fields, ++this.records, recordLine) === false) {
        this.stopped = true;
        return;
      }
    }
  }

  /** The UTF-16 code units of `text`, copied into a reused buffer (≈ 0.1 ms per MiB). */
  private codesOf(text: string): Uint16Array {
    const bytes = text.length * 2;
    if (this.scratch.length < bytes) this.scratch = Buffer.allocUnsafeSlow(Math.max(bytes, 4096));
    const scratch = this.scratch;
    scratch.write(text, 0, bytes, 'utf16le');
    if (BIG_ENDIAN) scratch.subarray(0, bytes).swap16();
    return new Uint16Array(scratch.buffer, scratch.byteOffset, text.length);
  }

  /** Position after a CR at `at`, with its LF if one follows (or may follow, in the next chunk). */
  private afterCr(text: string, at: number): number {
    if (at + 1 < text.length) return text.charCodeAt(at + 1) === LF ? at + 2 : at + 1;
    this.skipLf = true;
    return at + 1;
  }

  /**
   * The state machine: continues (or starts, when no record is open) the record at `start`.
   * Returns the position after the record's line break once the record is emitted, the text's
   * length when the text ran out first (the state is kept for the next chunk), or -1 when
   * onRow asked to stop.
   */
  private slow(text: string, start: number): number {
    const len = text.length;
    const delim = this.delim;
    if (!this.inRecord) {
      this.inRecord = true;
      this.fields = [];
      this.state = FIELD_START;
      this.value = '';
      this.recordLine = this.line;
    }
    const fields = this.fields;
    let state = this.state;
    let value = this.value;
    let pos = start;
    let fieldStart = start; // start of the unquoted text of the current field in this chunk
    let segStart = start; // start of the current run of quoted text in this chunk
    for (;;) {
      if (state === FIELD_START) {
        if (pos >= len) break;
        if (text.charCodeAt(pos) === QUOTE) {
          state = QUOTED;
          this.quoteLine = this.line;
          pos++;
          segStart = pos;
        } else {
          state = UNQUOTED;
          fieldStart = pos;
        }
      }
      if (state === UNQUOTED) {
        let i = pos;
        let c = 0;
        for (; i < len; i++) {
          c = text.charCodeAt(i);
          if (c === delim || c === LF || c === CR) break;
        }
        if (i >= len) {
          value += text.slice(fieldStart, len);
          pos = len;
          break;
        }
        fields.push(value + text.slice(fieldStart, i));
        value = '';
        if (c === delim) {
          state = FIELD_START;
          pos = i + 1;
          continue;
        }
        return this.endRecordAt(text, i);
      }
      if (state === QUOTED) {
        const q = text.indexOf('"', pos);
        const stop = q < 0 ? len : q;
        this.countLineBreaks(text, pos, stop);
        if (q < 0) {
          value += text.slice(segStart, len);
          pos = len;
          break;
        }
        value += text.slice(segStart, q);
        pos = q + 1;
        state = QUOTE_SEEN;
      }
      // QUOTE_SEEN
      if (pos >= len) break;
      const c = text.charCodeAt(pos);
      if (c === QUOTE) {
        value += '"';
        pos++;
        segStart = pos;
        state = QUOTED;
      } else if (c === delim) {
        fields.push(value);
        value = '';
        state = FIELD_START;
        pos++;
      } else if (c === LF || c === CR) {
        fields.push(value);
        value = '';
        return this.endRecordAt(text, pos);
      } else {
        state = UNQUOTED; // lenient: `"ab"c` → `abc`
        fieldStart = pos;
      }
    }
    // The text ran out inside the record: keep its state for the next chunk.
    this.state = state;
    this.value = value;
    if (value.length > this.maxFieldChars) {
      const quoted = state === QUOTED || state === QUOTE_SEEN;
      throw new CsvFormatError(
        quoted
          ? `The quoted field opened on line ${this.quoteLine} runs on for more than ${this.maxFieldChars} characters: probably a quote that is never closed.`
          : `A field of the record starting on line ${this.recordLine} is longer than ${this.maxFieldChars} characters.`,
        quoted ? this.quoteLine : this.recordLine,
        this.records + 1,
      );
    }
    return len;
  }

  /** The record ends at the line break at `at`: emit it; returns the position after the break, or -1 to stop. */
  private endRecordAt(text: string, at: number): number {
    const next = text.charCodeAt(at) === CR ? this.afterCr(text, at) : at + 1;
    this.emitRecord();
    this.line++;
    return this.stopped ? -1 : next;
  }

  private emitRecord(): void {
    const fields = this.fields;
    this.fields = [];
    this.inRecord = false;
    this.state = FIELD_START;
    if (this.onRow(fields, ++this.records, this.recordLine) === false) this.stopped = true;
  }

  /** Counts the line breaks inside a quoted field (CRLF once, even split across chunks). */
  private countLineBreaks(text: string, from: number, to: number): void {
    let breaks = 0;
    for (let i = from; i < to; i++) {
      const c = text.charCodeAt(i);
      if (c === CR) breaks++;
      else if (c === LF && !(i > 0 ? text.charCodeAt(i - 1) === CR : this.prevCr)) breaks++;
    }
    this.line += breaks;
  }
}

const DELIMITER_NAMES: Readonly<Record<string, string>> = {
  tab: '\t',
  '\\t': '\t',
  comma: ',',
  semicolon: ';',
  pipe: '|',
};

/**
 * A delimiter as given by a user: one character other than a quote or a line break, or one of
 * the names `tab` (also a typed `\t`), `comma`, `semicolon`, `pipe`. Anything else is a
 * UserError (BAD_REQUEST).
 */
export function normalizeDelimiter(delimiter: string): string {
  const named = DELIMITER_NAMES[delimiter.trim().toLowerCase()];
  if (named !== undefined) return named;
  if (delimiter.length !== 1 || delimiter === '"' || delimiter === '\n' || delimiter === '\r') {
    throw codedError('BAD_REQUEST', TAPE_MESSAGES.say('badDelimiter', { delimiter: JSON.stringify(delimiter) }), { delimiter });
  }
  return delimiter;
}

/**
 * The delimiter that splits the first records of the sample (up to 10, quote-aware) into the
 * same number (> 1) of fields most consistently; on equal consistency the one giving more
 * fields, then the first of `,` `\t` `;` `|`. `,` when none splits anything.
 */
export function detectDelimiter(sampleText: string): CsvDelimiter {
  const sample = sampleText.length > 65_536 ? sampleText.slice(0, 65_536) : sampleText;
  let best: CsvDelimiter = ',';
  let bestShare = 0;
  let bestFields = 0;
  for (const delimiter of CSV_DELIMITERS) {
    const counts = sampleFieldCounts(sample, delimiter, 10);
    if (counts.length === 0) continue;
    const frequency = new Map<number, number>();
    for (const n of counts) frequency.set(n, (frequency.get(n) ?? 0) + 1);
    let modeFields = 0;
    let modeCount = 0;
    for (const [n, count] of frequency) {
      if (count > modeCount || (count === modeCount && n > modeFields)) {
        modeFields = n;
        modeCount = count;
      }
    }
    if (modeFields < 2) continue;
    const share = modeCount / counts.length;
    if (share > bestShare || (share === bestShare && modeFields > bestFields)) {
      best = delimiter;
      bestShare = share;
      bestFields = modeFields;
    }
  }
  return best;
}

function sampleFieldCounts(sample: string, delimiter: string, maxRecords: number): number[] {
  const counts: number[] = [];
  const parser = new CsvParser({
    delimiter,
    maxFieldChars: Number.MAX_SAFE_INTEGER,
    onRow: (fields) => {
      counts.push(fields.length);
      return counts.length < maxRecords ? undefined : false;
    },
  });
  parser.push(sample);
  // The last line counts only when the sample gave too few complete ones (it may be cut short).
  if (counts.length < 2) {
    try {
      parser.end();
    } catch {
      // an open quote at the end of a cut sample: ignore that record
    }
  }
  return counts;
}

export interface ReadCsvOptions {
  /** Overrides detection (from the first 64 KiB). */
  readonly encoding?: TapeEncoding;
  /** Overrides detection (from the first decoded text); see normalizeDelimiter. */
  readonly delimiter?: string;
  /** Record 1. Return false to stop. */
  readonly onHeader: (fields: string[]) => void | false;
  /** Records 2, 3, …; a fresh `fields` array each call. Return false to stop. */
  readonly onRow: CsvRowHandler;
  /** Called after each ~1 MiB read, and once at the end. */
  readonly onProgress?: (bytesRead: number, totalBytes: number) => void;
  /** Checked before each chunk; true stops the read (the result says stopped: true). */
  readonly shouldStop?: () => boolean;
  /** Read size; default 1 MiB. */
  readonly chunkBytes?: number;
}

export interface ReadCsvResult {
  readonly encoding: TapeEncoding;
  readonly encodingReason: string;
  readonly delimiter: string;
  /** SHA-256 (hex) of the bytes read: the whole file unless stopped. */
  readonly sha256: string;
  /** Bytes read: the file's size unless stopped. */
  readonly bytes: number;
  /** Records delivered, the header included. */
  readonly records: number;
  readonly stopped: boolean;
}

const DEFAULT_CHUNK_BYTES = 1 << 20;
/**
 * A read is decoded and parsed this many bytes at a time. The text of a whole 1 MiB read is one
 * 1–2 MB string, which V8 allocates in its large-object space, outside the young generation:
 * the reader thread's heap then swelled by some 30 MB between full collections on a million-loan
 * tape. The text of 64 KiB (at most 128 KB as UTF-16) is an ordinary young object that dies in
 * the next scavenge.
 */
const DECODE_SLICE_BYTES = 64 * 1024;
const DELIMITER_SAMPLE_CHARS = 64 * 1024;
const PROGRESS_EVERY_BYTES = 1 << 20;

/**
 * Reads a CSV tape in one streaming pass: detects the encoding (unless given) from the first
 * 64 KiB, decodes incrementally, detects the delimiter (unless given), hashes the raw bytes,
 * and calls onHeader with record 1 and onRow with every later record.
 *
 * An auto-detected UTF-8 file is decoded strictly: an invalid byte further on (a GBK file whose
 * first 64 KiB happen to be ASCII) throws CsvFormatError rather than importing garbled text.
 * A user-chosen encoding decodes leniently (bad bytes become U+FFFD).
 */
export async function readCsvFile(path: string, options: ReadCsvOptions): Promise<ReadCsvResult> {
  const { onHeader, onRow, onProgress, shouldStop } = options;
  const chunkBytes = Math.max(1, Math.floor(options.chunkBytes ?? DEFAULT_CHUNK_BYTES));
  const fh = await openTape(path);
  let pendingRead: Promise<unknown> | null = null;
  try {
    const totalBytes = await tapeSize(fh, path);
    const { encoding, encodingReason } = await chooseEncoding(fh, options.encoding);
    const strictUtf8 = options.encoding === undefined && encoding === 'utf-8';
    const decoder = createDecoder(encoding, { fatal: strictUtf8 });
    const hash = createHash('sha256');

    let records = 0;
    let stopped = false;
    let delimiter = options.delimiter === undefined ? null : normalizeDelimiter(options.delimiter);
    let parser: CsvParser | null = null;
    let pendingText = '';
    let firstText = true;
    const makeParser = (d: string): CsvParser =>
      new CsvParser({
        delimiter: d,
        onRow: (fields, recordNo, lineNo) => {
          records = recordNo;
          return recordNo === 1 ? onHeader(fields) : onRow(fields, recordNo, lineNo);
        },
      });
    if (delimiter !== null) parser = makeParser(delimiter);
    const lineBeforeChunk = (): number => parser?.lineNo ?? 1 + countLineBreaks(pendingText);
    const feed = (text: string, final: boolean): void => {
      if (firstText && text.length > 0) {
        firstText = false;
        if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      }
      if (parser === null) {
        pendingText += text;
        if (!final && pendingText.length < DELIMITER_SAMPLE_CHARS) return;
        delimiter = detectDelimiter(pendingText);
        parser = makeParser(delimiter);
        text = pendingText;
        pendingText = '';
      }
      try {
        parser.push(text);
        if (final) parser.end();
      } catch (error) {
        throw inFile(error, path);
      }
    };

    // Two buffers take turns: the next read runs in the thread pool while this chunk is
    // decoded, hashed and parsed. (Hashing on a worker thread instead was measured: no faster.)
    const buffers = [Buffer.allocUnsafeSlow(chunkBytes), Buffer.allocUnsafeSlow(chunkBytes)] as const;
    let buffer = buffers[0];
    let offset = 0;
    let reported = 0;
    let next: Promise<{ bytesRead: number }> = fh.read(buffer, 0, chunkBytes, 0);
    pendingRead = next;
    for (;;) {
      const { bytesRead } = await next;
      pendingRead = null;
      if (bytesRead === 0) break;
      if (shouldStop?.()) {
        stopped = true;
        break;
      }
      const chunk = buffer.subarray(0, bytesRead);
      const chunkStart = offset;
      offset += bytesRead;
      buffer = buffer === buffers[0] ? buffers[1] : buffers[0];
      next = fh.read(buffer, 0, chunkBytes, offset);
      pendingRead = next;
      hash.update(chunk);
      for (let at = 0; at < bytesRead && !stopped; at += DECODE_SLICE_BYTES) {
        const slice = chunk.subarray(at, at + DECODE_SLICE_BYTES);
        let text: string;
        try {
          text = decoder.decode(slice, { stream: true });
        } catch (error) {
          throw invalidUtf8Error(path, slice, chunkStart + at, lineBeforeChunk(), records + 1, error);
        }
        feed(text, false);
        stopped = parser?.isStopped ?? false;
      }
      if (stopped) break;
      if (onProgress && offset - reported >= PROGRESS_EVERY_BYTES) {
        reported = offset;
        onProgress(offset, totalBytes);
      }
    }
    if (!stopped) {
      let rest: string;
      try {
        rest = decoder.decode();
      } catch (error) {
        throw invalidUtf8Error(path, new Uint8Array(0), offset, lineBeforeChunk(), records + 1, error);
      }
      feed(rest, true);
      if (parser?.isStopped) stopped = true;
      if (records === 0 && !stopped) {
        throw new CsvFormatError(`${basename(path)} has no header row: it holds only blank lines (${path})`, 1, 1, {
          file: basename(path),
        });
      }
    }
    if (onProgress && reported !== offset) onProgress(offset, totalBytes);
    return {
      encoding,
      encodingReason,
      delimiter: delimiter ?? ',',
      sha256: hash.digest('hex'),
      bytes: offset,
      records,
      stopped,
    };
  } finally {
    if (pendingRead) await pendingRead.catch(() => undefined);
    await fh.close();
  }
}

export interface CsvPreview {
  readonly encoding: TapeEncoding;
  readonly encodingReason: string;
  /** The reason by code, for a screen to say in its language. */
  readonly encodingReasonCoded: CodedMessage;
  readonly delimiter: string;
  readonly header: string[];
  readonly rows: string[][];
  /** More records follow those in `rows`, or the file goes on past what was read. */
  readonly truncated: boolean;
}

const PREVIEW_BYTES = 1 << 20;

/** The header and first rows of a tape, from its first 1 MiB only (for the mapping screen). */
export async function previewCsv(path: string, options: { encoding?: TapeEncoding; delimiter?: string; maxRows?: number } = {}): Promise<CsvPreview> {
  const maxRows = options.maxRows ?? 20;
  const fh = await openTape(path);
  try {
    const totalBytes = await tapeSize(fh, path);
    const { encoding, encodingReason, encodingReasonCoded } = await chooseEncoding(fh, options.encoding);
    const buffer = Buffer.allocUnsafe(Math.min(totalBytes, PREVIEW_BYTES));
    const { bytesRead } = await fh.read(buffer, 0, buffer.length, 0);
    const complete = bytesRead >= totalBytes;
    let text = createDecoder(encoding).decode(buffer.subarray(0, bytesRead), { stream: !complete });
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    const delimiter = options.delimiter === undefined ? detectDelimiter(text) : normalizeDelimiter(options.delimiter);

    let header: string[] | null = null;
    const rows: string[][] = [];
    let truncated = false;
    const parser = new CsvParser({
      delimiter,
      onRow: (fields) => {
        if (header === null) {
          header = fields;
        } else if (rows.length < maxRows) {
          rows.push(fields);
        } else {
          truncated = true;
          return false;
        }
        return undefined;
      },
    });
    try {
      parser.push(text);
      if (complete) parser.end();
    } catch (error) {
      throw inFile(error, path);
    }
    if (!complete && !parser.isStopped) truncated = true;
    if (header === null) {
      throw new CsvFormatError(
        complete ? `${basename(path)} has no header row: it holds only blank lines (${path})` : `${basename(path)}: no complete header row in its first ${PREVIEW_BYTES} bytes (${path})`,
        1,
        1,
        { file: basename(path) },
      );
    }
    return { encoding, encodingReason, encodingReasonCoded, delimiter, header, rows, truncated };
  } finally {
    await fh.close();
  }
}

/** A parser's CsvFormatError, its message prefixed with the file's name. */
function inFile(error: unknown, path: string): unknown {
  if (!(error instanceof CsvFormatError)) return error;
  const wrapped = new CsvFormatError(`${basename(path)}: ${error.message}`, error.lineNo, error.recordNo, { file: basename(path) });
  wrapped.cause = error;
  return wrapped;
}

async function openTape(path: string): Promise<FileHandle> {
  try {
    return await open(path, 'r');
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ENOENT') {
      throw codedError('NOT_FOUND', TAPE_MESSAGES.say('fileNotFound', { path }), { path });
    }
    throw error;
  }
}

async function tapeSize(fh: FileHandle, path: string): Promise<number> {
  const stat = await fh.stat();
  if (!stat.isFile()) {
    throw codedError('BAD_FILE', TAPE_MESSAGES.say('notATapeFile', { path }), { file: basename(path), path });
  }
  if (stat.size === 0) throw new CsvFormatError(`${basename(path)} is empty (0 bytes): ${path}`, 1, 1, { file: basename(path) });
  return stat.size;
}

async function chooseEncoding(fh: FileHandle, given: TapeEncoding | undefined): Promise<{ encoding: TapeEncoding; encodingReason: string; encodingReasonCoded: CodedMessage }> {
  if (given !== undefined) {
    const chosen = ENCODING_REASONS.say('chosenByUser');
    return { encoding: given, encodingReason: chosen.message, encodingReasonCoded: chosen };
  }
  const head = Buffer.allocUnsafe(ENCODING_SAMPLE_BYTES);
  const { bytesRead } = await fh.read(head, 0, head.length, 0);
  const { encoding, reason, reasonCoded } = detectEncoding(head.subarray(0, bytesRead));
  return { encoding, encodingReason: reason, encodingReasonCoded: reasonCoded };
}

/** A strict UTF-8 decode failed in `chunk` (starting at byte `chunkStart`): say where, and what to do. */
function invalidUtf8Error(path: string, chunk: Uint8Array, chunkStart: number, lineAtChunkStart: number, recordNo: number, cause: unknown): CsvFormatError {
  // Up to 3 continuation bytes at the chunk's start complete a character of the previous chunk.
  let skip = 0;
  while (skip < 3 && skip < chunk.length && ((chunk[skip] as number) & 0xc0) === 0x80) skip++;
  const at = skip + firstInvalidUtf8(chunk.subarray(skip));
  let line = lineAtChunkStart;
  for (let i = 0; i < at && i < chunk.length; i++) {
    const b = chunk[i];
    if (b === LF || (b === CR && chunk[i + 1] !== LF)) line++;
  }
  const error = new CsvFormatError(
    `${basename(path)} is not valid UTF-8 at byte ${chunkStart + at} (line ${line}), although its first ` +
      `${ENCODING_SAMPLE_BYTES / 1024} KiB are: it is probably GBK. Import it again with the encoding set to GB18030 (GBK).`,
    line,
    recordNo,
    { file: basename(path), byteOffset: chunkStart + at },
  );
  error.cause = cause;
  return error;
}

function countLineBreaks(text: string): number {
  let breaks = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === LF || (c === CR && text.charCodeAt(i + 1) !== LF)) breaks++;
  }
  return breaks;
}
