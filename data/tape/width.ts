import { codedError } from '../errors.ts';
import { TAPE_MESSAGES } from './messages.ts';

/**
 * The widest tape read: 1,000 columns. A loan tape has a few dozen (the canonical fields and the
 * issuer's extras); a 200,000-column header took 18 s and 820 MB to import before this limit, so
 * a wider header is refused as soon as it is read — at import and in the preview — with its count.
 */
export const MAX_TAPE_COLUMNS = 1000;

/** Refuses (BAD_FILE) a header row wider than MAX_TAPE_COLUMNS, naming its column count. */
export function checkTapeWidth(file: string, columns: number): void {
  if (columns <= MAX_TAPE_COLUMNS) return;
  throw codedError('BAD_FILE', TAPE_MESSAGES.say('tooWide', { file, columns, maxColumns: MAX_TAPE_COLUMNS }), { file, columns, maxColumns: MAX_TAPE_COLUMNS });
}
