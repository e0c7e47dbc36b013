import { createRequire } from 'node:module';
import type * as ExcelJSTypes from 'exceljs';

/**
 * The one door to exceljs. Import it from here, never from 'exceljs' directly (lint enforces
 * this), so the fix below is in place before exceljs loads.
 *
 * exceljs 4.4.0's streaming WorkbookReader decodes every inflated zip chunk to text on its own
 * (lib/utils/parse-sax.js → bufferToString), so a multi-byte UTF-8 character split across two
 * chunks becomes "��" — in Chinese tapes, about one cell in a few thousand ("等��等息").
 * Upstream: exceljs/exceljs#2063 and #2084, fixes proposed in #1665, #1821 and #2894, none
 * merged. We put a parse-sax that decodes with a streaming TextDecoder into Node's require
 * cache before exceljs's reader first requires it.
 */
const requireHere = createRequire(import.meta.url);
const excelMain = requireHere.resolve('exceljs');
const requireFromExcel = createRequire(excelMain);
const PARSE_SAX = requireFromExcel.resolve('./lib/utils/parse-sax.js');
const WORKBOOK_READER = requireFromExcel.resolve('./lib/stream/xlsx/workbook-reader.js');

interface SaxEvent {
  eventType: 'opentag' | 'text' | 'closetag';
  value: unknown;
}

interface SaxesParserLike {
  on(event: 'error', listener: (error: Error) => void): void;
  on(event: 'opentag' | 'text' | 'closetag', listener: (value: unknown) => void): void;
  write(chunk: string): void;
}

const FIXED = Symbol.for('abs-workbench.exceljs-utf8-fix');

function installStreamingUtf8Fix(): void {
  const cached = requireHere.cache[PARSE_SAX];
  if (cached && (cached.exports as Record<symbol, unknown>)[FIXED]) return;
  if (requireHere.cache[WORKBOOK_READER]) {
    // Too late: the reader has already captured the broken parser. Fail loudly rather than
    // import corrupted Chinese text.
    throw new Error('exceljs was loaded before data/excel.ts installed its UTF-8 fix: import exceljs only through data/excel.ts');
  }
  const { SaxesParser } = requireFromExcel('saxes') as { SaxesParser: new () => SaxesParserLike };

  // exceljs passes async iterables of zip-entry chunks (its iterate-stream, or Node streams).
  async function* parseSax(iterable: AsyncIterable<Uint8Array | string>): AsyncGenerator<SaxEvent[]> {
    const parser = new SaxesParser();
    const decoder = new TextDecoder('utf-8');
    let error: Error | null = null;
    let events: SaxEvent[] = [];
    parser.on('error', (e) => {
      error = e;
    });
    parser.on('opentag', (value) => events.push({ eventType: 'opentag', value }));
    parser.on('text', (value) => events.push({ eventType: 'text', value }));
    parser.on('closetag', (value) => events.push({ eventType: 'closetag', value }));
    for await (const chunk of iterable) {
      // stream: true keeps an incomplete character for the next chunk.
      parser.write(typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true }));
      if (error) throw error;
      yield events;
      events = [];
    }
    const rest = decoder.decode();
    if (rest) parser.write(rest);
    if (error) throw error;
    if (events.length > 0) yield events;
  }
  Object.defineProperty(parseSax, FIXED, { value: true });
  const module = new (requireHere('node:module') as { Module: new (id: string) => NodeJS.Module }).Module(PARSE_SAX);
  module.filename = PARSE_SAX;
  module.loaded = true;
  module.exports = parseSax;
  requireHere.cache[PARSE_SAX] = module;
}

installStreamingUtf8Fix();

const ExcelJS = requireHere('exceljs') as typeof ExcelJSTypes;
export default ExcelJS;
export type { ExcelJSTypes };
