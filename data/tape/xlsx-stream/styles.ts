import type { PartData } from '../xlsx-sheets.ts';
import { BUILT_IN_DURATIONS, durationFormOf, type DurationForm } from '../xlsx-duration.ts';
import { BUILT_IN_PERCENTS, isPercentFormatCode } from '../xlsx-percent.ts';
import { scanPart } from './scan-part.ts';
import { attribute } from './xml-scan.ts';

/**
 * Which cell styles show a number as a date or as a percentage, read from xl/styles.xml as far as that needs: the
 * custom number formats (`<numFmts>`) and each cell format's numFmtId (`<cellXfs>`; a cell's `s`
 * is an index into it, ECMA-376 Part 1 §18.8.10). Nothing else of the styles is kept.
 *
 * Built-in formats (§18.8.30): 14–22 and 45–47 are dates and times in every locale — the ones
 * exceljs recognises; 27–36 and 50–58 are the East Asian built-in dates (zh-CN: 27 `yyyy"年"m"月"`,
 * 31 `yyyy"年"m"月"d"日"`, 57 `yyyy"年"m"月"`…), which exceljs does not know and reads as plain
 * numbers. A custom format is a date when, outside `[…]` and quoted text, it holds a date or time
 * token — exceljs's rule (utils.isDateFmt), so both readers agree on every custom format.
 * Percentages: the built-in 9 and 10, and custom formats with a % (data/tape/xlsx-percent.ts).
 * Durations: a date format counting elapsed time, the built-in 46 `[h]:mm:ss` and custom ones such
 * as `[h]:mm` or `[mm]:ss` (data/tape/xlsx-duration.ts), one style per form it shows.
 */
const BUILT_IN_DATES = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

export function isDateFormatCode(code: string): boolean {
  const bare = code
    .replace(/\\(.)/g, '$1')
    .replace(/\[[^\]]*]/g, '')
    .replace(/"[^"]*"/g, '');
  return /[ymdhMsb]/.test(bare);
}

/** How a cell format shows a number: as it is, as a date, as a percentage (× 100, with %), or as a duration in one of its forms (DURATION_FORMS). */
export const PLAIN_STYLE = 0;
export const DATE_STYLE = 1;
export const PERCENT_STYLE = 2;
const FIRST_DURATION_STYLE = 3;

/** The duration styles' forms, in style order from FIRST_DURATION_STYLE. */
const DURATION_FORMS: readonly DurationForm[] = ['h:mm', 'h:mm:ss', 'm:ss', 's'];

/** The form a duration style shows, or undefined for another style. */
export function durationFormOfStyle(style: number): DurationForm | undefined {
  return DURATION_FORMS[style - FIRST_DURATION_STYLE];
}

/** Per cell format (the `s` of a cell): PLAIN_STYLE, DATE_STYLE, PERCENT_STYLE or a duration style. */
export type NumberStyles = Uint8Array;

function durationStyle(form: DurationForm): number {
  return FIRST_DURATION_STYLE + DURATION_FORMS.indexOf(form);
}

function styleOf(id: number, custom: string | undefined): number {
  if (custom === undefined) {
    const duration = BUILT_IN_DURATIONS.get(id);
    if (duration !== undefined) return durationStyle(duration);
    return BUILT_IN_DATES.has(id) ? DATE_STYLE : BUILT_IN_PERCENTS.has(id) ? PERCENT_STYLE : PLAIN_STYLE;
  }
  if (isDateFormatCode(custom)) {
    const duration = durationFormOf(custom);
    return duration === null ? DATE_STYLE : durationStyle(duration);
  }
  return isPercentFormatCode(custom) ? PERCENT_STYLE : PLAIN_STYLE;
}

class StylesHandler {
  collecting = false;
  readonly custom = new Map<number, string>();
  readonly formats: number[] = [];
  private inCellXfs = false;
  /** Inside <numFmts> (§18.8.31): a <dxf>'s own <numFmt> (conditional formats, §18.8.14) may reuse any id. */
  private inNumFmts = false;

  open(name: string, attributes: string, selfClosing: boolean): void {
    if (name === 'numFmts') this.inNumFmts = !selfClosing;
    else if (name === 'numFmt' && this.inNumFmts) {
      const id = Number(attribute(attributes, 'numFmtId'));
      if (Number.isInteger(id)) this.custom.set(id, attribute(attributes, 'formatCode') ?? '');
    } else if (name === 'cellXfs') this.inCellXfs = !selfClosing;
    else if (name === 'xf' && this.inCellXfs) this.formats.push(Number(attribute(attributes, 'numFmtId') ?? 0));
  }

  close(name: string): void {
    if (name === 'cellXfs') this.inCellXfs = false;
    else if (name === 'numFmts') this.inNumFmts = false;
  }

  text(): void {}
}

export async function readNumberStyles(path: string, part: PartData | undefined): Promise<NumberStyles> {
  if (!part) return new Uint8Array(0);
  const styles = new StylesHandler();
  await scanPart(path, part, styles);
  return Uint8Array.from(styles.formats, (id) => styleOf(id, styles.custom.get(id)));
}
