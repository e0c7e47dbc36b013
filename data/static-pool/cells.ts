import { parseDate } from '../tape/values/dates.ts';
import { parseMoney } from '../tape/values/amounts.ts';
import { parseNumber } from '../tape/values/numbers.ts';
import { isMissing } from '../tape/values/parsed.ts';

/** A cell read: its value, null when blank, or why it cannot be read. */
export type Cell<T> = { readonly value: T | null } | { readonly problem: string };

const MONTH = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?$/;
const COMPACT_MONTH = /^(\d{4})(\d{2})$/;

/** An origination month as 'YYYY-MM': 2023-01, 2023/1, 2023.01, 2023年1月, 202301, or any date the tape importer reads (its month is kept). */
export function vintageCell(text: string): Cell<string> {
  const s = text.normalize('NFKC').trim();
  if (s === '' || isMissing(s)) return { value: null };
  const month = MONTH.exec(s) ?? COMPACT_MONTH.exec(s);
  if (month) {
    const m = Number(month[2]);
    if (m >= 1 && m <= 12) return { value: `${month[1]}-${String(m).padStart(2, '0')}` };
    return { problem: `'${text}' has month ${m}` };
  }
  const date = parseDate(s);
  if (date.ok && date.value !== null) return { value: date.value.slice(0, 7) };
  return { problem: `'${text}' is not an origination month (expected 2023-01, 2023年1月, 202301 or a date)` };
}

/**
 * A rate as a decimal share. '1.23%' is always a percent; a bare number is a percent in a column
 * marked '(%)' and a decimal otherwise. Anything outside 0–100% is refused.
 */
export function rateCell(text: string, percentColumn: boolean): Cell<number> {
  const s = text.normalize('NFKC').trim();
  if (s === '' || isMissing(s)) return { value: null };
  const marked = s.endsWith('%');
  const parsed = parseNumber(marked ? s.slice(0, -1) : s);
  if (!parsed.ok || parsed.value === null) return { problem: `'${text}' is not a rate` };
  const value = marked || percentColumn ? parsed.value / 100 : parsed.value;
  if (value < 0 || value > 1) {
    const hint = !marked && !percentColumn && parsed.value > 1 && parsed.value <= 100 ? ` as a decimal; write ${parsed.value}% or mark the column header (%)` : '';
    return { problem: `${text} is outside 0–100%${hint}` };
  }
  return { value };
}

/** A month on book: 3, M3, MOB3, 第3个月, 3个月, 3期; 0–600. */
export function monthCell(text: string): Cell<number> {
  const s = text.normalize('NFKC').trim();
  if (s === '' || isMissing(s)) return { value: null };
  const match = /^(?:m|mob|第)?\s*(\d{1,4})(?:\.0+)?\s*(?:个月|月|期|m)?$/i.exec(s);
  const n = match ? Number(match[1]) : Number.NaN;
  if (!(n >= 0 && n <= 600)) return { problem: `'${text}' is not a month on book (a whole number from 0 to 600)` };
  return { value: n };
}

/** An original balance in yuan, > 0; `scale` is the header's unit (万元 = 10⁴). */
export function balanceCell(text: string, scale: number): Cell<number> {
  const parsed = parseMoney(text);
  if (!parsed.ok) return { problem: `'${text}' is not an amount (${parsed.reason})` };
  if (parsed.value === null) return { value: null };
  if (!(parsed.value > 0)) return { problem: `the original balance ${text} is not above 0` };
  return { value: parsed.value * scale };
}
