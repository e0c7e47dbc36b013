/**
 * Text encodings of loan tapes. Chinese originator systems export GBK (GB2312, GB18030) as
 * often as UTF-8, Excel writes UTF-8 with a BOM ("CSV UTF-8") or UTF-16LE with a BOM
 * ("Unicode text", tab-delimited). GB18030 is a superset of GBK and GB2312, so one decoder
 * reads all three.
 */

import { messageTable, type CodedMessage } from '../../engine/messages.ts';

export type TapeEncoding = 'utf-8' | 'utf-8-bom' | 'gb18030' | 'utf-16le' | 'utf-16be';

/** How many bytes from the start of a file `detectEncoding` is meant to look at. */
export const ENCODING_SAMPLE_BYTES = 64 * 1024;

const ENCODING_NAMES: Readonly<Record<string, TapeEncoding>> = {
  'utf-8': 'utf-8',
  utf8: 'utf-8',
  'utf-8-bom': 'utf-8-bom',
  'utf8-bom': 'utf-8-bom',
  'utf-8-sig': 'utf-8-bom',
  gb18030: 'gb18030',
  gbk: 'gb18030',
  gb2312: 'gb18030',
  cp936: 'gb18030',
  'utf-16le': 'utf-16le',
  utf16le: 'utf-16le',
  'utf-16be': 'utf-16be',
  utf16be: 'utf-16be',
};

/**
 * A user's encoding override ("GBK", "gb2312", "UTF8", "utf-8-bom", "UTF-16LE", …) as a
 * TapeEncoding; case, surrounding spaces and `_` for `-` do not matter. GBK and GB2312 map to
 * 'gb18030' (their superset). Null when the name is not one we read.
 */
export function parseEncodingName(name: string): TapeEncoding | null {
  const key = name.trim().toLowerCase().replaceAll('_', '-');
  return ENCODING_NAMES[key] ?? null;
}

/** Why a tape is read in its encoding, by code (engine/messages.ts): the import's detection line says it in the chosen language. */
export const ENCODING_REASONS = messageTable('tapeEncoding', {
  bomUtf8: () => 'UTF-8 byte-order mark (EF BB BF)',
  bomUtf16le: () => 'UTF-16LE byte-order mark (FF FE)',
  bomUtf16be: () => 'UTF-16BE byte-order mark (FE FF)',
  nulUtf16le: () => 'no byte-order mark, but NUL bytes in every other position (UTF-16LE)',
  nulUtf16be: () => 'no byte-order mark, but NUL bytes in every other position (UTF-16BE)',
  notUtf8: (p: { at: number }) => `not valid UTF-8 at byte ${p.at}; decoded as GB18030 (GBK)`,
  onlyAscii: (p: { bytes: number }) => `only ASCII in the first ${p.bytes} bytes; read as UTF-8`,
  validUtf8: (p: { bytes: number }) => `valid UTF-8 in the first ${p.bytes} bytes`,
  chosenByUser: () => 'chosen by the user',
});

/** An encoding detected, and why: `reason` is the English of `reasonCoded`. */
export interface DetectedEncoding {
  readonly encoding: TapeEncoding;
  readonly reason: string;
  readonly reasonCoded: CodedMessage;
}

function detected(encoding: TapeEncoding, reasonCoded: CodedMessage): DetectedEncoding {
  return { encoding, reason: reasonCoded.message, reasonCoded };
}

/**
 * Guesses the encoding of a file from its first bytes (pass about ENCODING_SAMPLE_BYTES):
 * a byte-order mark first; then, when there is none, UTF-16 recognised by its NUL bytes;
 * then strict UTF-8 validity of the whole sample (the sample may end inside a multi-byte
 * character: that incomplete tail is ignored); anything else is read as GB18030 (GBK).
 */
export function detectEncoding(head: Uint8Array): DetectedEncoding {
  if (head.length >= 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) {
    return detected('utf-8-bom', ENCODING_REASONS.say('bomUtf8'));
  }
  if (head.length >= 2 && head[0] === 0xff && head[1] === 0xfe) {
    return detected('utf-16le', ENCODING_REASONS.say('bomUtf16le'));
  }
  if (head.length >= 2 && head[0] === 0xfe && head[1] === 0xff) {
    return detected('utf-16be', ENCODING_REASONS.say('bomUtf16be'));
  }
  const utf16 = detectUtf16WithoutBom(head);
  if (utf16) return utf16;

  const sample = head.subarray(0, head.length - incompleteUtf8Tail(head));
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(sample);
  } catch {
    const at = firstInvalidUtf8(sample);
    return detected('gb18030', ENCODING_REASONS.say('notUtf8', { at }));
  }
  const ascii = sample.every((byte) => byte < 0x80);
  return detected('utf-8', ENCODING_REASONS.say(ascii ? 'onlyAscii' : 'validUtf8', { bytes: sample.length }));
}

/**
 * A TextDecoder for the encoding. It skips a byte-order mark at the start of the text
 * (utf-8-bom, utf-16le, utf-16be, and a stray BOM in a file detected as plain UTF-8).
 * `fatal` makes invalid bytes throw instead of becoming U+FFFD. Decode chunks with
 * `{ stream: true }` so characters split across chunks come out whole.
 */
export function createDecoder(encoding: TapeEncoding, options: { fatal?: boolean } = {}): TextDecoder {
  const label = encoding === 'utf-8-bom' ? 'utf-8' : encoding;
  return new TextDecoder(label, { fatal: options.fatal ?? false, ignoreBOM: false });
}

/** How many bytes at the end of `bytes` are the start of a UTF-8 sequence cut short (0–3). */
export function incompleteUtf8Tail(bytes: Uint8Array): number {
  const n = bytes.length;
  for (let back = 1; back <= 3 && back <= n; back++) {
    const byte = bytes[n - back] as number;
    if (byte < 0x80) return 0; // ASCII: nothing pending
    if (byte >= 0xc0) {
      // A lead byte `back` bytes from the end: incomplete when its sequence is longer.
      const need = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2;
      return need > back ? back : 0;
    }
    // 0x80–0xBF: a continuation byte; keep looking for its lead byte.
  }
  return 0;
}

/** Offset of the first byte that makes `bytes` invalid UTF-8 (its length when valid). */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i] as number;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else {
      return i;
    }
    if (i + need >= n) return i; // cut short
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k] as number;
      if ((c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return n;
}

/**
 * UTF-16 text without a BOM is recognisable by NUL bytes: ASCII characters (digits,
 * delimiters, line ends) are half NUL. Little-endian puts the NUL second, big-endian first.
 */
function detectUtf16WithoutBom(head: Uint8Array): DetectedEncoding | null {
  const pairs = Math.min(head.length, 4096) >> 1;
  if (pairs < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let p = 0; p < pairs; p++) {
    if (head[2 * p] === 0) evenZeros++;
    if (head[2 * p + 1] === 0) oddZeros++;
  }
  if (oddZeros >= pairs * 0.3 && evenZeros <= pairs * 0.02) {
    return detected('utf-16le', ENCODING_REASONS.say('nulUtf16le'));
  }
  if (evenZeros >= pairs * 0.3 && oddZeros <= pairs * 0.02) {
    return detected('utf-16be', ENCODING_REASONS.say('nulUtf16be'));
  }
  return null;
}
