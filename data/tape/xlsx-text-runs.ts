import { createReadStream } from 'node:fs';
import { createInflateRaw } from 'node:zlib';
import { partData, type PartData } from './xlsx-sheets.ts';

/**
 * The longest stretch of a worksheet's (or shared strings') XML without a `<` that a real workbook
 * can hold: Excel keeps at most 32,767 characters in a cell (Microsoft, "Excel specifications and
 * limits"), at most ~196 KB as UTF-8 with every character escaped; 1 MiB leaves room for any writer.
 * A zip bomb — a 263 KB file inflating to one 256 MiB cell — held exceljs's parser for 35 s and
 * 3 GB of memory before this check.
 */
export const MAX_TEXT_RUN_BYTES = 1 << 20;

/**
 * The same bound on a cell's whole text, which the purpose-built reader assembles from pieces
 * (rich-text runs, CDATA sections, text around comments), each of which may pass the run guard:
 * a part of many short runs in one cell would otherwise build one string without end.
 */
export const MAX_CELL_TEXT_CHARS = MAX_TEXT_RUN_BYTES;

/** The refusal of a cell whose text passes MAX_CELL_TEXT_CHARS. */
export const CELL_TEXT_TOO_LONG = `holds more than ${MAX_CELL_TEXT_CHARS.toLocaleString('en-US')} characters of text, more than any spreadsheet cell (Excel's limit is 32,767 characters): the file is damaged or built to exhaust memory`;

const LT = 0x3c;

/** Carries the current run without `<` across chunks; throws when it passes the limit (also used by xlsx-stream/part.ts). */
export function textRunGuard(part: string): (chunk: Buffer) => void {
  let run = 0;
  return (chunk) => {
    let from = 0;
    if (chunk.length <= MAX_TEXT_RUN_BYTES) {
      // A run that starts and ends inside a chunk no longer than the limit cannot pass it: only the
      // run carried into the chunk (up to its first `<`) and the one it ends with need counting —
      // two searches a chunk instead of one per tag (a 200,000-loan sheet holds 19 million tags).
      const first = chunk.indexOf(LT);
      if (first >= 0 && run + first <= MAX_TEXT_RUN_BYTES) {
        run = 0;
        from = chunk.lastIndexOf(LT) + 1;
      }
    } else {
      for (let at = chunk.indexOf(LT, from); at >= 0; at = chunk.indexOf(LT, from)) {
        if (run + at - from > MAX_TEXT_RUN_BYTES) break;
        run = 0;
        from = at + 1;
      }
    }
    run += chunk.length - from;
    if (run > MAX_TEXT_RUN_BYTES) {
      throw new Error(
        `${part} holds more than ${MAX_TEXT_RUN_BYTES.toLocaleString('en-US')} bytes of text in one piece, more than any spreadsheet cell (Excel's limit is 32,767 characters): the file is damaged or built to exhaust memory`,
      );
    }
  };
}

async function scanPart(path: string, part: PartData): Promise<void> {
  if (part.compressedSize === 0) return;
  const scan = textRunGuard(part.name);
  const stored = createReadStream(path, { start: part.start, end: part.start + part.compressedSize - 1 });
  const text = part.method === 8 ? stored.pipe(createInflateRaw()) : stored;
  stored.on('error', (error) => text.destroy(error));
  try {
    for await (const chunk of text) scan(chunk as Buffer);
  } finally {
    stored.destroy();
    text.destroy();
  }
}

/**
 * Inflates the parts exceljs will parse (the chosen worksheet, shared strings, styles) once, as a
 * stream, and refuses a part holding a run of text longer than any cell can be. A damaged deflate
 * stream fails here too, with zlib's reason. The inflate costs a few percent of the import.
 */
export async function checkTextRuns(path: string, partNo: string): Promise<void> {
  for (const part of partData(path, [`xl/worksheets/sheet${partNo}.xml`, 'xl/sharedStrings.xml', 'xl/styles.xml'])) await scanPart(path, part);
}
