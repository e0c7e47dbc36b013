/** Daily rate cells (日利率, 万分之五) and the ACT/365 annual rate they stand for. */
import { fastDecimal, isPlainDecimal } from './decimal.ts';
import { isMissing, MISSING, ok, outOfRange, type Parsed } from './parsed.ts';
import { percentText, readRate } from './rates.ts';
import { fold, stripPrefix, stripSuffix } from './scan.ts';
import { VALUE_REASONS } from './reasons.ts';

const DAILY_PREFIXES = ['日利息率', '日利率', '日利息', '日息', '日化', '每日', '日', 'daily'] as const;
const DAILY_SUFFIXES = ['per day', '/day', '/日', '/天', '每日', '每天', '日', '天', 'daily'] as const;

/**
 * Lowest bare number read as a percentage in a daily-rate column: a daily decimal rate of 0.01
 * would be 1% a day, 365% a year, so a bare 0.01 or more can only be a percentage.
 */
const DAILY_PERCENT_THRESHOLD = 0.01;

function dailyRateChecked(daily: number): Parsed<number> {
  if (daily < 0) return outOfRange(VALUE_REASONS.say('dailyRateNegative', { rate: percentText(daily) }));
  const annual = dailyToAnnualRate(daily);
  if (annual > 1) return outOfRange(VALUE_REASONS.say('dailyRateAbove100', { rate: percentText(daily), annual: percentText(annual) }));
  return ok(daily);
}

/**
 * A DAILY rate as a decimal (0.0005 = 0.05% a day). `0.05%`, `0.0005` and `0.05` all mean
 * 0.05% a day: a bare number ≥ 0.01 is read as a percentage (see DAILY_PERCENT_THRESHOLD).
 * Also `万分之五` / `万分之5` (5/10,000), `千分之一`, `日息0.05%`, `0.05%/日`, `‱`, `bp`.
 * The rate × 365 must lie in [0, 1] (the same 0–100% APR range as parseAnnualRate).
 */
export function parseDailyRate(text: string): Parsed<number> {
  const s = text.trim();
  if (s.length === 0) return MISSING;
  const fast = fastDecimal(s, 0);
  if (!Number.isNaN(fast)) return dailyRateChecked(Math.abs(fast) >= DAILY_PERCENT_THRESHOLD ? fastDecimal(s, -2) : fast);
  if (isPlainDecimal(s)) {
    const v = Number(s);
    return dailyRateChecked(Math.abs(v) >= DAILY_PERCENT_THRESHOLD ? Number(`${s}e-2`) : v);
  }
  if (isMissing(s)) return MISSING;
  const rate = readRate(stripSuffix(stripPrefix(fold(s).toLowerCase(), DAILY_PREFIXES), DAILY_SUFFIXES), DAILY_PERCENT_THRESHOLD);
  return rate.ok && rate.value !== null ? dailyRateChecked(rate.value) : rate;
}

/** Daily rates in a column whose header states their unit (`日利率(%)`): every bare value read in it (see annualRateReader). null: parseDailyRate. */
export function dailyRateReader(power: number | null): (text: string) => Parsed<number> {
  if (power === null) return parseDailyRate;
  return (text) => {
    const s = text.trim();
    if (s.length === 0) return MISSING;
    const fast = fastDecimal(s, power);
    if (!Number.isNaN(fast)) return dailyRateChecked(fast);
    if (isPlainDecimal(s)) return dailyRateChecked(Number(`${s}e${power}`));
    if (isMissing(s)) return MISSING;
    const rate = readRate(stripSuffix(stripPrefix(fold(s).toLowerCase(), DAILY_PREFIXES), DAILY_SUFFIXES), DAILY_PERCENT_THRESHOLD, power);
    return rate.ok && rate.value !== null ? dailyRateChecked(rate.value) : rate;
  };
}

/** How parseDailyRate reads a bare number: below 0.01 as a fraction, from 0.01 as a percentage; null for any other cell. */
export function dailyBareReading(text: string): 'fraction' | 'percent' | null {
  const v = fastDecimal(text.trim(), 0);
  if (Number.isNaN(v) || v === 0) return null;
  return Math.abs(v) >= DAILY_PERCENT_THRESHOLD ? 'percent' : 'fraction';
}

/**
 * Annual rate (APR) from a daily rate on the ACT/365 convention of Chinese consumer loans:
 * interest accrues daily at the daily rate, and the quoted annual rate is daily rate × 365
 * (DESIGN.md, "Numbers"). E.g. 万分之五 (0.0005) a day × 365 = 0.1825 = 18.25% APR.
 */
export function dailyToAnnualRate(daily: number): number {
  return daily * 365;
}
