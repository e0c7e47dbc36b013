/**
 * Percentage number formats, for both XLSX readers (xlsx-stream/ and xlsx-exceljs.ts). A cell
 * formatted `0.00%` holding 0.18 shows 18.00%: Excel multiplies by 100 for display (ECMA-376 Part
 * 1 §18.8.31, "%"), and a CSV export of the sheet holds "18.00%". The readers give the text a CSV
 * export would hold, so a percentage cell is read as its value × 100 with a `%` — 1.8 is "180%",
 * which a rate column refuses as outside 0–100%, as it refuses the CSV's 180%; read bare, 1.8 would
 * pass as 1.8% (a bare number ≥ 1 is a percentage, data/tape/values/annual-rate.ts).
 */

/** The built-in percentage formats (§18.8.30): 9 `0%`, 10 `0.00%`. */
export const BUILT_IN_PERCENTS: ReadonlySet<number> = new Set([9, 10]);

/**
 * True when a format code shows numbers as percentages: a `%` outside quoted text (`"%"`),
 * brackets (`[Red]`, `[$%-804]`) and single-character literals (`\%`, and `_%` / `*%`, a space as
 * wide as % and a fill with %), which Excel shows as they are without scaling.
 */
export function isPercentFormatCode(code: string): boolean {
  const bare = code
    .replace(/"[^"]*"/g, '')
    .replace(/\[[^\]]*]/g, '')
    .replace(/[\\_*]./g, '');
  return bare.includes('%');
}

/**
 * A percentage cell's number as the percent text a CSV export holds, at full precision: 0.18 →
 * "18%", 1.8 → "180%". The decimal point of the number's shortest text moves two places (a parse
 * of `digits e(k + 2)`), so 0.07 is "7%", not the float product's "7.000000000000001%".
 */
export function percentCellText(value: number): string {
  const [mantissa = '', exponent = '0'] = String(value).split('e');
  return `${Number(`${mantissa}e${Number(exponent) + 2}`)}%`;
}
