/**
 * Cell parsers: messy originator tape text → canonical values (DESIGN.md, "Loan tape fields":
 * accept every unambiguous form, reject only what is truly ambiguous or wrong, saying why).
 *
 * Every parser trims its input, returns `{ ok: true, value: null }` for a blank or "missing"
 * cell (-, --, N/A, NA, null, 无, 空 …; whether the field is required is checked elsewhere),
 * and otherwise `{ ok: true, value }` or `{ ok: false, reason }` with a short human reason for
 * messages like `row 12, column "放款日期", value "2025-02-30": <reason>`.
 *
 * They run once per cell on million-row tapes, so each one first tries the clean form a
 * system export writes (a plain `12345.67`, an ISO `2025-01-05`) with a char-code scan and no
 * allocation beyond the result, and only then the exotic forms. No regular expression here can
 * backtrack: the slow paths are hand-written scanners.
 *
 * Decimal scaling (percent, 万, 万分之) is done by shifting the decimal exponent of the written
 * digits (`Number("15.6e-2")`), never by float multiplication, so `15.6%` is exactly the double
 * nearest 0.156 and `1.1万` is exactly 11000.
 */
export type { Parsed } from './parsed.ts';
export { parseDate, parseTapeDate } from './dates.ts';
export { moneyReader, parseMoney } from './amounts.ts';
export { parseInteger, parseNumber } from './numbers.ts';
export { annualBareReading, annualRateReader, parseAnnualRate } from './annual-rate.ts';
export { dailyBareReading, dailyRateReader, dailyToAnnualRate, parseDailyRate } from './daily-rate.ts';
export { parseAmortization, parseFrequency, parseSegment, type SegmentValue } from './categories.ts';
export { parseBoolean } from './flags.ts';
export { PARSERS, type KindValue } from './by-kind.ts';
