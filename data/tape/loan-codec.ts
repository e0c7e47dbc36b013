import { LOAN_COLUMNS } from './loan-columns.ts';

/**
 * Valid loans on their way from the reader to the SQLite writer, packed into the buffers of a
 * batch instead of an array of values per row. A batch is handed to the writer thread by
 * transferring its buffers (no copy, no structured clone), and the reader keeps nothing of a row
 * once it is packed: before, each batch held ≈ 22,000 values for 1,024 rows across several
 * young-generation collections, so every value was promoted and the reader's old generation
 * swung by tens of MB on a million-loan tape.
 *
 * A batch is columnar in three buffers: a tag byte per value (LOAN_COLUMNS order without
 * tape_id, loan after loan), the numbers as float64 (every JS number exactly, -0 included), and
 * the text: for a tag
 *   NULL, NUMBER: nothing (a NUMBER takes the next float64);
 *   LATIN1: a varint length and a byte per character (every character ≤ U+00FF);
 *   UTF16: a varint length and two bytes per code unit, low byte first (any string exactly,
 *     lone surrogates included);
 *   SAME: nothing: the string is the column's string in the loan before (codes, segments,
 *     products, regions, dates repeat from one loan to the next: the writer then reuses one
 *     string instead of building it again). Only an equality test against the previous value —
 *     a dictionary lookup per value cost the reader, the slower of the two threads, more than
 *     the writer saved.
 * SAME spans batches, so an encoder and its decoder must see the same batches in the same order
 * (one of each per import).
 */

const NULL = 0;
const NUMBER = 1;
const LATIN1 = 2;
const UTF16 = 3;
const SAME = 4;

/** Values per loan: LOAN_COLUMNS without tape_id. */
export const LOAN_VALUES_PER_ROW = LOAN_COLUMNS.length - 1;

/** Per position among a row's values: whether the column's strings often repeat the loan before. */
const REPEATING: readonly boolean[] = LOAN_COLUMNS.slice(1).map((c) =>
  (['origination_date', 'maturity_date', 'payment_frequency', 'amortization', 'segment', 'product', 'region'] as readonly string[]).includes(c),
);
/** Loans a batch's first buffers are sized for (they grow when a batch holds more). */
const INITIAL_ROWS = 1024;
/** Text bytes per loan the first text buffer allows (the sample tape needs ≈ 50). */
const INITIAL_TEXT_BYTES_PER_ROW = 64;

/**
 * Loans packed for the writer: `rows` loans in three buffers, each the whole of its own
 * ArrayBuffer from offset 0 (transferable to another thread): see the module's comment.
 */
export interface EncodedLoans {
  readonly rows: number;
  readonly tags: Uint8Array<ArrayBuffer>;
  readonly numbers: Float64Array<ArrayBuffer>;
  readonly text: Uint8Array<ArrayBuffer>;
}

/** The buffers of a batch, to hand to postMessage's transfer list. */
export function transferablesOf(batch: EncodedLoans): ArrayBuffer[] {
  return [batch.tags.buffer, batch.numbers.buffer, batch.text.buffer];
}

export type LoanValue = string | number | null;

/** Packs loans, one batch after another (the reader side). */
export class LoanEncoder {
  #tags = new Uint8Array(INITIAL_ROWS * LOAN_VALUES_PER_ROW);
  #tagCount = 0;
  #numbers = new Float64Array(INITIAL_ROWS * LOAN_VALUES_PER_ROW);
  #numberCount = 0;
  #text = new Uint8Array(INITIAL_ROWS * INITIAL_TEXT_BYTES_PER_ROW);
  #textBytes = 0;
  #rows = 0;
  /** Per repeating column, its string in the last loan packed (undefined: not repeating, or none yet). */
  readonly #previous: Array<string | undefined> = Array.from({ length: LOAN_VALUES_PER_ROW }, () => undefined);

  /** Loans packed since the last take(). */
  get rows(): number {
    return this.#rows;
  }

  /** Packs one loan's values (LOAN_COLUMNS order without tape_id). */
  add(values: readonly LoanValue[]): void {
    if (values.length !== LOAN_VALUES_PER_ROW) throw new Error(`a loan has ${LOAN_VALUES_PER_ROW} values, not ${values.length}`);
    if (this.#tagCount + LOAN_VALUES_PER_ROW > this.#tags.length) {
      this.#tags = grown(this.#tags, this.#tagCount, LOAN_VALUES_PER_ROW);
      this.#numbers = grown(this.#numbers, this.#numberCount, LOAN_VALUES_PER_ROW);
    }
    const tags = this.#tags;
    const numbers = this.#numbers;
    let tag = this.#tagCount;
    for (let i = 0; i < LOAN_VALUES_PER_ROW; i++) {
      const value = values[i] ?? null;
      if (typeof value === 'number') {
        tags[tag++] = NUMBER;
        numbers[this.#numberCount++] = value;
      } else if (value === null) {
        tags[tag++] = NULL;
      } else {
        tags[tag++] = this.#string(i, value);
      }
    }
    this.#tagCount = tag;
    this.#rows++;
  }

  /** The loans packed so far, handed over: the encoder starts new buffers (SAME still refers to the loan before). */
  take(): EncodedLoans {
    const batch: EncodedLoans = {
      rows: this.#rows,
      tags: this.#tags.slice(0, this.#tagCount),
      numbers: this.#numbers.slice(0, this.#numberCount),
      text: this.#text.slice(0, this.#textBytes),
    };
    this.#tagCount = 0;
    this.#numberCount = 0;
    this.#textBytes = 0;
    this.#rows = 0;
    return batch;
  }

  /** Writes a string's text; returns its tag. */
  #string(column: number, text: string): number {
    if (REPEATING[column] === true) {
      if (text === this.#previous[column]) return SAME;
      this.#previous[column] = text;
    }
    return this.#chars(text) ? LATIN1 : UTF16;
  }

  /** Writes the length and characters: a byte each while all are ≤ U+00FF (true), else two (false). */
  #chars(text: string): boolean {
    const length = text.length;
    this.#room(5 + 2 * length);
    const out = this.#text;
    const body = writeVarint(out, this.#textBytes, length);
    for (let i = 0; i < length; i++) {
      const unit = text.charCodeAt(i);
      if (unit > 0xff) {
        for (let k = 0; k < length; k++) {
          const wide = text.charCodeAt(k);
          out[body + 2 * k] = wide & 0xff;
          out[body + 2 * k + 1] = wide >>> 8;
        }
        this.#textBytes = body + 2 * length;
        return false;
      }
      out[body + i] = unit;
    }
    this.#textBytes = body + length;
    return true;
  }

  #room(bytes: number): void {
    if (this.#textBytes + bytes > this.#text.length) this.#text = grown(this.#text, this.#textBytes, bytes);
  }
}

/** A copy of `array`'s first `used` elements in a larger array with room for `more`. */
function grown<T extends Uint8Array<ArrayBuffer> | Float64Array<ArrayBuffer>>(array: T, used: number, more: number): T {
  const larger = new (array.constructor as new (length: number) => T)(Math.max(2 * array.length, used + more));
  larger.set(array.subarray(0, used));
  return larger;
}

function writeVarint(out: Uint8Array, at: number, value: number): number {
  let rest = value;
  let next = at;
  while (rest >= 0x80) {
    out[next++] = (rest & 0x7f) | 0x80;
    rest = Math.floor(rest / 0x80);
  }
  out[next++] = rest;
  return next;
}

/**
 * Buffer's own decoders, which toString(encoding, start, end) calls after checking its arguments
 * (those checks took as long as the decoding for an id of 13 characters). Every Node release has
 * them, undocumented; toString is the fallback.
 */
interface SliceDecoders {
  latin1Slice?: (start: number, end: number) => string;
  ucs2Slice?: (start: number, end: number) => string;
}
const latin1Slice = (buf: Buffer, start: number, end: number): string => (buf as SliceDecoders).latin1Slice?.(start, end) ?? buf.toString('latin1', start, end);
const ucs2Slice = (buf: Buffer, start: number, end: number): string => (buf as SliceDecoders).ucs2Slice?.(start, end) ?? buf.toString('utf16le', start, end);

/** Unpacks the batches of one LoanEncoder, in the order it packed them (the writer side). */
export class LoanDecoder {
  /** Per column, its last string decoded. */
  readonly #previous: Array<string | undefined> = Array.from({ length: LOAN_VALUES_PER_ROW }, () => undefined);
  /** Reused between chunks: the values of up to `chunkRows` loans. */
  readonly #values: LoanValue[] = [];
  #text: Buffer = Buffer.alloc(0);
  #at = 0;

  /**
   * Calls `onChunk` with the values of `chunkRows` loans at a time (the last chunk may hold
   * fewer; `rows` says how many). The array is reused: bind it before returning.
   */
  decode(batch: EncodedLoans, chunkRows: number, onChunk: (values: LoanValue[], rows: number) => void): void {
    const { tags, numbers } = batch;
    if (tags.length !== batch.rows * LOAN_VALUES_PER_ROW) throw new Error(`loan batch: ${tags.length} values for ${batch.rows} loans`);
    this.#text = Buffer.from(batch.text.buffer, batch.text.byteOffset, batch.text.byteLength);
    this.#at = 0;
    const values = this.#values;
    values.length = chunkRows * LOAN_VALUES_PER_ROW;
    let number = 0;
    let value = 0;
    let tag = 0;
    let inChunk = 0;
    for (let row = 0; row < batch.rows; row++) {
      for (let i = 0; i < LOAN_VALUES_PER_ROW; i++) {
        const kind = tags[tag++];
        values[value++] = kind === NUMBER ? (numbers[number++] ?? Number.NaN) : kind === NULL ? null : this.#string(i, kind ?? -1);
      }
      if (++inChunk === chunkRows) {
        onChunk(values, chunkRows);
        inChunk = 0;
        value = 0;
      }
    }
    if (number !== numbers.length || this.#at !== this.#text.length) throw new Error(`loan batch: data left after ${batch.rows} loans`);
    if (inChunk > 0) {
      values.length = inChunk * LOAN_VALUES_PER_ROW;
      onChunk(values, inChunk);
    }
  }

  #string(column: number, kind: number): string {
    if (kind === SAME) {
      const text = this.#previous[column];
      if (text === undefined) throw new Error(`loan batch: no earlier ${LOAN_COLUMNS[column + 1] ?? column} to repeat`);
      return text;
    }
    const wide = kind === UTF16;
    if (!wide && kind !== LATIN1) throw new Error(`loan batch: unknown value tag ${kind}`);
    const length = this.#varint();
    const start = this.#at;
    this.#at = start + (wide ? 2 * length : length);
    const text = wide ? ucs2Slice(this.#text, start, this.#at) : latin1Slice(this.#text, start, this.#at);
    this.#previous[column] = text;
    return text;
  }

  #varint(): number {
    const text = this.#text;
    let value = 0;
    let scale = 1;
    for (;;) {
      const byte = text[this.#at++] ?? 0;
      value += (byte & 0x7f) * scale;
      if (byte < 0x80) return value;
      scale *= 0x80;
    }
  }
}
