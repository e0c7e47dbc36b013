/**
 * Excel's rules for a worksheet name (ECMA-376 §18.2.19 and Excel's own checks): 1–31
 * characters, none of : \ / ? * [ ], not starting or ending with an apostrophe, unique within the
 * workbook ignoring case. "History" is reserved by Excel.
 */
export const MAX_SHEET_NAME = 31;

const FORBIDDEN = /[:\\/?*[\]]/g;

/** Unique, valid sheet names: each asked-for name cleaned, cut to 31 characters and, when taken, suffixed " (2)", " (3)" … within the limit. */
export class SheetNames {
  private readonly taken = new Set<string>();

  name(wanted: string): string {
    let base = wanted
      .replace(FORBIDDEN, '_')
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/^'+|'+$/g, '');
    if (base === '' || base.toLowerCase() === 'history') base = `${base || 'Sheet'}_`;
    base = cutName(base, MAX_SHEET_NAME);
    let candidate = base;
    for (let n = 2; this.taken.has(candidate.toLowerCase()); n += 1) {
      const suffix = ` (${n})`;
      candidate = `${cutName(base, MAX_SHEET_NAME - suffix.length).trimEnd()}${suffix}`;
    }
    this.taken.add(candidate.toLowerCase());
    return candidate;
  }
}

/** The first `max` UTF-16 code units without splitting a surrogate pair (Excel counts code units). */
export function cutName(text: string, max: number): string {
  if (text.length <= max) return text;
  const end = /[\uD800-\uDBFF]/.test(text.charAt(max - 1)) ? max - 1 : max;
  return text.slice(0, end).replace(/'+$/, '');
}
