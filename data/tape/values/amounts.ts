/** Amount cells: money as originators write it, with currency marks, 万/亿 scales and accounting negatives. */
import { fastDecimal, isPlainDecimal } from './decimal.ts';
import { NOT_A_NUMBER, numeralValue, readNumeral } from './numeral.ts';
import { fail, isMissing, MISSING, ok, type Parsed } from './parsed.ts';
import { fold, stripPrefix } from './scan.ts';
import { VALUE_REASONS } from './reasons.ts';

/** Currency marks before an amount (checked lower-cased, longest first). */
const CURRENCY_PREFIXES = ['人民币', 'us$', 'rmb', 'cny', 'usd', '¥', '$'] as const;
/** Currency and scale marks after an amount: [suffix, power of ten]. */
const AMOUNT_SUFFIXES: readonly (readonly [string, number])[] = [
  ['万元', 4],
  ['亿元', 8],
  ['万', 4],
  ['亿', 8],
  ['元', 0],
  ['rmb', 0],
  ['cny', 0],
  ['usd', 0],
];

/**
 * An amount as a float (not rounded). Accepts `12345.67`, `12,345.67`, `¥12,345.67`, `￥12345`,
 * `RMB 12,345`, `CNY12345`, `12345.67元`, `$1,234.50`, `1.5E+05`, accounting negatives
 * `(1,234.00)`, `-1234`, full-width digits, decimal comma `1234,56` and `1.234,56`, and the
 * Chinese scale units 万 (× 10^4) and 亿 (× 10^8), e.g. `1.2万元` = 12000.
 */
export function parseMoney(text: string): Parsed<number> {
  const s = text.trim();
  if (s.length === 0) return MISSING;
  const fast = fastDecimal(s, 0);
  if (!Number.isNaN(fast)) return ok(fast);
  // Second fast path: one currency mark glued on (¥12,345.67, ￥12345, $1,234.50, 12345.67元).
  const first = s.charCodeAt(0);
  const last = s.charCodeAt(s.length - 1);
  const lead = first === 0xa5 || first === 0xffe5 || first === 36 ? 1 : 0;
  const trail = last === 0x5143 ? 1 : 0; // 元
  if (lead + trail > 0 && s.length > lead + trail) {
    const bare = fastDecimal(s.slice(lead, s.length - trail), 0);
    if (!Number.isNaN(bare)) return ok(bare);
  }
  if (isPlainDecimal(s)) return ok(Number(s));
  return moneySlowPath(s, 0);
}

/**
 * Amounts in a column whose header states a scale (`合同金额(万元)`: power 4): every value × 10^power,
 * exactly — the written digits' exponent shifted (`0.8` 万元 is `Number("0.8e4")`, 8000), never a
 * float multiply. A value stating its own unit as well (`1.2万`, `300元`) is refused: which of the
 * two it is in cannot be told. Power 0 is parseMoney.
 */
export function moneyReader(power: number, headerUnit: string): (text: string) => Parsed<number> {
  if (power === 0) return parseMoney;
  return (text) => {
    const s = text.trim();
    if (s.length === 0) return MISSING;
    if (isPlainDecimal(s)) return ok(Number(`${s}e${power}`));
    return moneySlowPath(s, power, headerUnit);
  };
}

/** Every form but the plain decimal, read scaled by 10^power (the header's unit, `headerUnit`). */
function moneySlowPath(s: string, power: number, headerUnit = ''): Parsed<number> {
  if (isMissing(s)) return MISSING;
  let t = fold(s).toLowerCase();
  // One sign at most: accounting parentheses, or a '-' before or after the currency mark.
  let negative = false;
  let signed = false;
  if (t.startsWith('(') && t.endsWith(')')) {
    negative = true;
    signed = true;
    t = t.slice(1, -1).trim();
  }
  for (let pass = 0; pass < 2; pass++) {
    const c = t.charCodeAt(0);
    if (c === 45 || c === 43) {
      if (signed) return fail(NOT_A_NUMBER);
      negative = c === 45;
      signed = true;
      t = t.slice(1).trimStart();
    }
    if (pass === 0) t = stripPrefix(t, CURRENCY_PREFIXES);
  }
  let shift = power;
  for (const [suffix, cellPower] of AMOUNT_SUFFIXES) {
    if (t.endsWith(suffix)) {
      if (power !== 0) return fail(VALUE_REASONS.say('unitInValueAndHeader', { unit: suffix, headerUnit }));
      t = t.slice(0, t.length - suffix.length).trimEnd();
      shift = cellPower;
      break;
    }
  }
  const c0 = t.charCodeAt(0);
  if (t.length === 0 || c0 === 45 || c0 === 43) return fail(NOT_A_NUMBER);
  const numeral = readNumeral(t);
  if (!numeral.ok) return fail(numeral.reason);
  const value = numeralValue(numeral, shift);
  if (!Number.isFinite(value)) return fail(VALUE_REASONS.say('tooLarge'));
  return ok(negative ? -value : value);
}
