/** Annual rate cells (年化利率): a decimal, a percentage or a bare number, checked to lie in 0–100%. */
import { fastDecimal, isPlainDecimal } from './decimal.ts';
import { isMissing, MISSING, ok, outOfRange, type Parsed } from './parsed.ts';
import { percentText, readRate } from './rates.ts';
import { fold, stripPrefix, stripSuffix } from './scan.ts';
import { VALUE_REASONS } from './reasons.ts';

const ANNUAL_PREFIXES = ['年化利率', '年利率', '年化', '年息', 'apr'] as const;
const ANNUAL_SUFFIXES = ['per annum', '/annum', '/year', '/yr', 'p.a.', 'p.a', '/年', '每年', '年化', 'apr', 'pa', '年'] as const;

function annualRateChecked(rate: number): Parsed<number> {
  if (rate < 0) return outOfRange(VALUE_REASONS.say('rateNegative', { rate: percentText(rate) }));
  if (rate > 1) return outOfRange(VALUE_REASONS.say('rateAbove100', { rate: percentText(rate) }));
  return ok(rate);
}

/**
 * An annual rate as a decimal (0.15). `15%`, `15` and `0.15` all mean 15%: a bare number ≥ 1 is
 * read as a percentage (so a bare `1` is 1%, not 100%), a bare number < 1 as a decimal. Also
 * `年化15%`, `15%/年`, `15% p.a.`, full-width `１５％`, `‰`, `bp`. The result must lie in [0, 1].
 */
export function parseAnnualRate(text: string): Parsed<number> {
  const s = text.trim();
  if (s.length === 0) return MISSING;
  const fast = fastDecimal(s, 0);
  if (!Number.isNaN(fast)) return annualRateChecked(fast >= 1 || fast <= -1 ? fastDecimal(s, -2) : fast);
  if (isPlainDecimal(s)) {
    const v = Number(s);
    return annualRateChecked(v >= 1 || v <= -1 ? Number(`${s}e-2`) : v);
  }
  if (isMissing(s)) return MISSING;
  const rate = readRate(stripSuffix(stripPrefix(fold(s).toLowerCase(), ANNUAL_PREFIXES), ANNUAL_SUFFIXES), 1);
  return rate.ok && rate.value !== null ? annualRateChecked(rate.value) : rate;
}

/**
 * Annual rates in a column whose header states their unit (`年化利率(%)`: power -2): every bare
 * value is read in it — `0.5` is 0.5%, not 50% — by shifting its decimal exponent. A value with
 * its own mark (`18%`, `150‰`) is read by that mark. null: no unit stated, parseAnnualRate.
 */
export function annualRateReader(power: number | null): (text: string) => Parsed<number> {
  if (power === null) return parseAnnualRate;
  return (text) => {
    const s = text.trim();
    if (s.length === 0) return MISSING;
    const fast = fastDecimal(s, power);
    if (!Number.isNaN(fast)) return annualRateChecked(fast);
    if (isPlainDecimal(s)) return annualRateChecked(Number(`${s}e${power}`));
    if (isMissing(s)) return MISSING;
    const rate = readRate(stripSuffix(stripPrefix(fold(s).toLowerCase(), ANNUAL_PREFIXES), ANNUAL_SUFFIXES), 1, power);
    return rate.ok && rate.value !== null ? annualRateChecked(rate.value) : rate;
  };
}

/** How parseAnnualRate reads a bare number (no unit in the cell or the header): below 1 as a fraction, from 1 as a percentage; null for any other cell. */
export function annualBareReading(text: string): 'fraction' | 'percent' | null {
  const v = fastDecimal(text.trim(), 0);
  if (Number.isNaN(v) || v === 0) return null;
  return Math.abs(v) >= 1 ? 'percent' : 'fraction';
}
