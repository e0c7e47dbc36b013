import type { PartData } from '../xlsx-sheets.ts';
import { CELL_TEXT_TOO_LONG, MAX_CELL_TEXT_CHARS } from '../xlsx-text-runs.ts';
import { CellError, scanPart } from './scan-part.ts';

/**
 * The workbook's shared strings (xl/sharedStrings.xml, ECMA-376 Part 1 §18.4.8) in order, each as
 * its plain text: a rich string's runs joined, its phonetic guides (`<rPh>`, furigana-style
 * readings) left out. Streamed part by part; only the strings themselves stay in memory, as a
 * worksheet cell may refer to any of them.
 */
class SharedStringsHandler {
  collecting = false;
  readonly strings: string[] = [];
  private current = '';
  private piece = '';
  private phonetic = 0;
  private readonly shouldStop: (() => boolean) | undefined;

  constructor(shouldStop: (() => boolean) | undefined) {
    this.shouldStop = shouldStop;
  }

  /** Asked once per inflated chunk: an import cancelled while a large table of strings is read ends here. */
  get done(): boolean {
    return this.shouldStop?.() ?? false;
  }

  open(name: string, _attributes: string, selfClosing: boolean): void {
    if (name === 'si') {
      this.current = '';
      this.phonetic = 0;
    } else if (name === 't' && this.phonetic === 0 && !selfClosing) {
      this.collecting = true;
      this.piece = '';
    } else if (name === 'rPh' && !selfClosing) this.phonetic++;
  }

  close(name: string): void {
    if (name === 't' && this.collecting) {
      this.current += this.piece;
      this.collecting = false;
    } else if (name === 'rPh') this.phonetic--;
    else if (name === 'si') this.strings.push(this.current);
  }

  text(text: string): void {
    this.piece += text;
    if (this.piece.length + this.current.length > MAX_CELL_TEXT_CHARS) throw new CellError(CELL_TEXT_TOO_LONG);
  }

  where(): string {
    return `string ${this.strings.length + 1}`;
  }
}

/** The shared strings, or null when the workbook has none; partial when `shouldStop` turned true (the caller checks). */
export async function readSharedStrings(path: string, part: PartData | undefined, shouldStop?: () => boolean): Promise<readonly string[] | null> {
  if (!part) return null;
  const handler = new SharedStringsHandler(shouldStop);
  await scanPart(path, part, handler);
  return handler.strings;
}
