import type { PartData } from '../xlsx-sheets.ts';
import { PartError, partText } from './part.ts';
import { XmlError, XmlScanner, type XmlHandler } from './xml-scan.ts';

/** A handler that can say where in the part it is (a sheet: its row and cell), for errors. */
export interface PartHandler extends XmlHandler {
  where?(): string;
  /** True once the handler needs no more of the part (the import was stopped). */
  readonly done?: boolean;
}

/** A part's place for an error message: the part, then where the handler was. */
function located(part: PartData, handler: PartHandler, reason: string): PartError {
  const where = handler.where?.() ?? '';
  return new PartError(`${part.name}${where ? `, ${where}` : ''}: ${reason}`);
}

/** Streams one part through the XML scanner into `handler`; XML errors come back naming the part and place. */
export async function scanPart(path: string, part: PartData, handler: PartHandler): Promise<void> {
  const scanner = new XmlScanner(handler);
  try {
    for await (const text of partText(path, part)) {
      scanner.feed(text);
      if (handler.done) return;
    }
    scanner.end();
  } catch (error) {
    if (error instanceof XmlError) throw located(part, handler, `${error.message} — the XML is damaged`);
    if (error instanceof CellError) throw located(part, handler, error.message);
    throw error;
  }
}

/** A cell the reader cannot turn into text (a bad reference, a shared string that does not exist). */
export class CellError extends Error {}
