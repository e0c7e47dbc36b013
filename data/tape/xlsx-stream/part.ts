import { createReadStream } from 'node:fs';
import { createInflateRaw, crc32 } from 'node:zlib';
import type { PartData } from '../xlsx-sheets.ts';
import { textRunGuard } from '../xlsx-text-runs.ts';

/** Bytes read from the file and inflated per step: large enough that per-chunk costs vanish, small enough to keep memory flat. */
const CHUNK_BYTES = 1 << 16;

/** A damaged zip part, said with the part's name. */
export class PartError extends Error {}

/**
 * One zip part as a stream of decoded text, never the whole part in memory. The part is found
 * through the central directory (xlsx-sheets.ts), inflated with Node's zlib as it is read, and
 * checked on the way: every run of text against the longest cell can be (xlsx-text-runs.ts, the
 * zip-bomb guard), the UTF-8 (ECMA-376 Part 1 §2: parts are XML, here UTF-8), and at the end the
 * inflated size and CRC-32 the zip's directory states (APPNOTE.TXT §4.4.7, §4.4.9) — so a damaged
 * part fails with its name, not as a misread cell.
 */
export async function* partText(path: string, part: PartData): AsyncGenerator<string> {
  if (part.method !== 0 && part.method !== 8) throw new PartError(`${part.name} uses zip compression method ${part.method} (only stored and deflate occur in XLSX)`);
  if (part.compressedSize === 0) {
    if (part.uncompressedSize !== 0) throw new PartError(`${part.name} holds no data where the zip's directory states ${part.uncompressedSize.toLocaleString('en-US')} bytes: the zip is damaged`);
    return;
  }
  const stored = createReadStream(path, { start: part.start, end: part.start + part.compressedSize - 1, highWaterMark: CHUNK_BYTES });
  const bytes = part.method === 8 ? stored.pipe(createInflateRaw({ chunkSize: CHUNK_BYTES })) : stored;
  stored.on('error', (error) => bytes.destroy(error));
  const guard = textRunGuard(part.name);
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let size = 0;
  let crc = 0;
  try {
    for await (const chunk of bytes as AsyncIterable<Buffer>) {
      guard(chunk);
      size += chunk.length;
      crc = crc32(chunk, crc);
      yield decodeUtf8(decoder, part.name, chunk, true);
    }
    yield decodeUtf8(decoder, part.name, new Uint8Array(0), false);
  } catch (error) {
    if (error instanceof PartError || (error as Error).message.startsWith(part.name)) throw error;
    throw new PartError(`${part.name} cannot be inflated (${(error as Error).message}): the zip is damaged`);
  } finally {
    stored.destroy();
    bytes.destroy();
  }
  if (size !== part.uncompressedSize) {
    throw new PartError(`${part.name} inflates to ${size.toLocaleString('en-US')} bytes where the zip's directory states ${part.uncompressedSize.toLocaleString('en-US')}: the zip is damaged`);
  }
  if (size > 0 && crc >>> 0 !== part.crc32) throw new PartError(`${part.name} fails its CRC-32 check: the zip is damaged`);
}

function decodeUtf8(decoder: TextDecoder, name: string, chunk: Uint8Array, more: boolean): string {
  try {
    return decoder.decode(chunk, { stream: more });
  } catch {
    throw new PartError(`${name} is not valid UTF-8 text`);
  }
}
