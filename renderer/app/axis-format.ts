/**
 * Chart-axis formats: money in the reader's scale words and dates in one form (ISO 8601).
 *
 * Chinese counts large amounts in 万 (10^4) and 亿 (10^8), English in K (10^3), M (10^6) and
 * B (10^9) (CLDR compact-short patterns for zh and en). The function takes the locale as a
 * parameter so it stays pure; `uiLocale()` supplies the language the user chose (language.ts).
 */

import { language } from './language.ts';

export type UiLocale = 'zh' | 'en';

interface Scale {
  readonly factor: number;
  readonly suffix: string;
}

const ZH_SCALES: readonly Scale[] = [
  { factor: 1e8, suffix: '亿' },
  { factor: 1e4, suffix: '万' },
];
const EN_SCALES: readonly Scale[] = [
  { factor: 1e9, suffix: 'B' },
  { factor: 1e6, suffix: 'M' },
  { factor: 1e3, suffix: 'K' },
];

/** 'zh' for any Chinese language tag (zh, zh-CN, zh-Hans-CN), else 'en'. */
export function localeOf(languageTag: string | undefined): UiLocale {
  return languageTag !== undefined && /^zh\b/i.test(languageTag) ? 'zh' : 'en';
}

/** The locale of the UI's chosen language (the switch in the title bar; the browser's language until chosen). */
export function uiLocale(): UiLocale {
  return localeOf(language.get());
}

/** Up to `digits` decimals, trailing zeros dropped: 1.50 → "1.5", 2.00 → "2". */
function trimmed(x: number, digits: number): string {
  const text = x.toFixed(digits);
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}

/**
 * An amount for a chart axis: 12,345,678 → "1234.6万" (zh) / "12.3M" (en); 250,000,000 → "2.5亿" / "250M".
 * Below the smallest scale the amount is written whole. Negative amounts keep their sign.
 */
export function formatMoneyAxis(x: number, locale: UiLocale, digits = 1): string {
  if (!Number.isFinite(x)) return '—';
  const sign = x < 0 ? '-' : '';
  const size = Math.abs(x);
  for (const scale of locale === 'zh' ? ZH_SCALES : EN_SCALES) {
    // Round first so 999,999 reads "1M", not "1000K".
    const scaled = Number((size / scale.factor).toFixed(digits));
    if (scaled >= 1) return `${sign}${trimmed(scaled, digits)}${scale.suffix}`;
  }
  return `${sign}${trimmed(size, 0)}`;
}

/** A money axis: its ticks, the domain they span, and their labels, all in one unit. */
export interface MoneyAxis {
  readonly ticks: readonly number[];
  readonly domain: readonly [number, number];
  readonly format: (x: number) => string;
}

/** Decimals a number needs when written exactly (to 12 significant digits): 0.5 → 1, 0.25 → 2, 3 → 0. */
function decimalsOf(x: number): number {
  const text = String(Number(x.toPrecision(12)));
  const exponent = /e-(\d+)$/.exec(text);
  if (exponent) return Number(exponent[1]);
  return text.includes('.') ? (text.split('.')[1] ?? '').length : 0;
}

/**
 * Round ticks for amounts from `min` to `max` in one unit for the whole axis, each labelled exactly.
 * The step is 1, 2 or 5 × 10^n, the smallest giving at most `count` intervals (Heckbert, "Nice
 * numbers for graph labels", Graphics Gems, 1990); the unit is the largest scale word (亿/万,
 * B/M/K) not above the largest tick, and the decimals those of the step in that unit. A pool of
 * 340,000,000 reads 0 / 1亿 / 2亿 / 3亿 / 4亿, not 0 / 8500万 / 1.7亿 / 2.5亿 (for 2.55亿) / 3.4亿.
 */
export function moneyAxis(min: number, max: number, locale: UiLocale, count = 5): MoneyAxis {
  const low = Number.isFinite(min) ? Math.min(min, 0) : 0;
  const high = Number.isFinite(max) ? Math.max(max, 0) : 0;
  const span = high - low;
  const raw = span > 0 ? span / count : 1;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= raw * (1 - 1e-12)) ?? 10 * magnitude;
  const first = Math.floor(low / step + 1e-9);
  const last = Math.max(first + 1, Math.ceil(high / step - 1e-9));
  const ticks = Array.from({ length: last - first + 1 }, (_, k) => Number(((first + k) * step).toPrecision(12)));
  const largest = Math.max(...ticks.map(Math.abs));
  const scale = (locale === 'zh' ? ZH_SCALES : EN_SCALES).find((s) => largest >= s.factor) ?? { factor: 1, suffix: '' };
  const digits = decimalsOf(step / scale.factor);
  const format = (x: number): string => {
    if (!Number.isFinite(x)) return '—';
    if (x === 0) return '0';
    return `${trimmed(x / scale.factor, digits)}${scale.suffix}`;
  };
  return { ticks, domain: [ticks[0] ?? 0, ticks[ticks.length - 1] ?? 0], format };
}

/**
 * The lowest and highest values a chart draws from `rows`. Each group in `stacks` is one stack
 * (series sharing a recharts stackId, in stacking order) and reaches its running totals; a group
 * of one key is a series on its own. So a stacked chart's axis spans its tallest stack, not its
 * largest series. Values that are not finite numbers (a gap in a line) are skipped.
 */
export function chartExtent(rows: readonly object[], stacks: readonly (readonly string[])[]): { readonly min: number; readonly max: number } {
  let min = 0;
  let max = 0;
  for (const row of rows) {
    const values = row as Readonly<Record<string, unknown>>;
    for (const stack of stacks) {
      let total = 0;
      for (const key of stack) {
        const value = values[key];
        if (typeof value !== 'number' || !Number.isFinite(value)) continue;
        total += value; // recharts' default stack offset: running sums in series order
        min = Math.min(min, total);
        max = Math.max(max, total);
      }
    }
  }
  return { min, max };
}

/** A money axis over what a chart draws (see `chartExtent`). */
export function chartMoneyAxis(rows: readonly object[], stacks: readonly (readonly string[])[], locale: UiLocale): MoneyAxis {
  const { min, max } = chartExtent(rows, stacks);
  return moneyAxis(min, max, locale);
}

/** A money axis as recharts' axis props: its ticks, the domain they span and their labels. */
export function axisProps(axis: MoneyAxis): { ticks: number[]; domain: [number, number]; tickFormatter: (x: number) => string } {
  return { ticks: [...axis.ticks], domain: [axis.domain[0], axis.domain[1]], tickFormatter: axis.format };
}

/** The app's one date form: ISO 8601 calendar date (YYYY-MM-DD) from an ISO date or date-time string. */
export function formatIsoDate(value: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})/.exec(value);
  return match?.[1] ?? value;
}

/**
 * Whether typed text is a date in the app's one form, YYYY-MM-DD, and on the calendar (2027-02-30
 * is not). Date fields are text in that form, not the browser's date picker, which writes the
 * browser's locale (01/20/2027 in an en-US Chromium) where every other date reads ISO.
 */
export function isIsoDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === text;
}
