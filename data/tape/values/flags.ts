/** Yes/no cells, such as the restructured flag (是否重组). */
import { fail, isMissing, MISSING, type Parsed } from './parsed.ts';
import { fold } from './scan.ts';
import { VALUE_REASONS } from './reasons.ts';

const BOOLEAN_NAMES: ReadonlyMap<string, boolean> = new Map([
  ['是', true],
  ['否', false],
  ['已重组', true],
  ['未重组', false],
  ['重组', true],
  ['非重组', false],
  ['已展期', true],
  ['未展期', false],
  ['展期', true],
  ['y', true],
  ['n', false],
  ['yes', true],
  ['no', false],
  ['true', true],
  ['false', false],
  ['1', true],
  ['0', false],
  ['t', true],
  ['f', false],
]);

const TRUE: Parsed<boolean> = Object.freeze({ ok: true, value: true });
const FALSE: Parsed<boolean> = Object.freeze({ ok: true, value: false });

/** A yes/no flag: 是/否, 已重组/未重组, 重组/非重组, Y/N, yes/no, true/false, 1/0, T/F. */
export function parseBoolean(text: string): Parsed<boolean> {
  const s = text.trim();
  if (s.length === 0) return MISSING;
  const found = BOOLEAN_NAMES.get(s) ?? BOOLEAN_NAMES.get(fold(s).toLowerCase());
  if (found !== undefined) return found ? TRUE : FALSE;
  if (isMissing(s)) return MISSING;
  return fail(VALUE_REASONS.say('notYesNo'));
}
