/** One parser per field kind (FieldSpec.kind), so a column's kind says how its cells are read. */
import type { AmortizationType, FieldKind, PaymentFrequency } from '../fields.ts';
import { parseMoney } from './amounts.ts';
import { parseAnnualRate } from './annual-rate.ts';
import { parseAmortization, parseFrequency, parseSegment, type SegmentValue } from './categories.ts';
import { parseDailyRate } from './daily-rate.ts';
import { parseTapeDate } from './dates.ts';
import { parseBoolean } from './flags.ts';
import { parseInteger, parseNumber } from './numbers.ts';
import { isMissing, MISSING, ok, type Parsed } from './parsed.ts';

/** The value type each field kind parses to (rateDaily: the DAILY rate; convert with dailyToAnnualRate). */
export interface KindValue {
  text: string;
  date: string;
  money: number;
  rateAnnual: number;
  rateDaily: number;
  integer: number;
  number: number;
  amortization: AmortizationType;
  frequency: PaymentFrequency;
  segment: SegmentValue;
  boolean: boolean;
}

function parseText(text: string): Parsed<string> {
  const s = text.trim();
  return s.length === 0 || isMissing(s) ? MISSING : ok(s);
}

/** The parser for each field kind (FieldSpec.kind). */
export const PARSERS: { readonly [K in FieldKind]: (text: string) => Parsed<KindValue[K]> } = {
  text: parseText,
  date: parseTapeDate,
  money: parseMoney,
  rateAnnual: parseAnnualRate,
  rateDaily: parseDailyRate,
  integer: parseInteger,
  number: parseNumber,
  amortization: parseAmortization,
  frequency: parseFrequency,
  segment: parseSegment,
  boolean: parseBoolean,
};
