import { messageTable, type CodedMessage } from '../../../engine/messages.ts';

/**
 * Why a cell's value cannot be read, by code (engine/messages.ts): the English is the reason the
 * readers always gave (inside "row 12, column …: <reason>" and the import's rejected rows), the
 * screens say it in the chosen language inside their own sentence (tapeRow.unreadable,
 * tape.cutoffUnreadable…). Values the cell held (a month name, a day number) are params as written;
 * a rate as a percentage text (15%).
 */
export const VALUE_REASONS = messageTable('tapeValue', {
  notANumber: () => 'not a number',
  twoDecimalPoints: () => 'not a number (more than one decimal point)',
  twoDecimalCommas: () => 'not a number (more than one decimal comma)',
  mixedSeparators: () => 'not a number (mixed thousands separators)',
  badGroups: () => 'not a number (thousands separators must separate groups of 3 digits)',
  tooLarge: () => 'number too large',
  notWhole: () => 'not a whole number',
  notARate: () => 'not a rate',
  unitInValueAndHeader: (p: { unit: string; headerUnit: string }) => `the value states its own unit (${p.unit}) and the column's header states ${p.headerUnit}: write the number alone`,
  rateNegative: (p: { rate: string }) => `rate ${p.rate} is negative`,
  rateAbove100: (p: { rate: string }) => `rate ${p.rate} is outside 0–100%`,
  dailyRateNegative: (p: { rate: string }) => `daily rate ${p.rate} is negative`,
  dailyRateAbove100: (p: { rate: string; annual: string }) => `daily rate ${p.rate} is ${p.annual} a year (× 365), outside 0–100%`,
  notADate: () => 'not a date (expected YYYY-MM-DD)',
  twoDigitYear: () => 'two-digit year is ambiguous: use YYYY-MM-DD',
  ambiguousOrder: () => 'ambiguous day/month order: use YYYY-MM-DD',
  timeUnreadable: () => 'not a date (the time of day is unreadable)',
  timeWithoutDate: () => 'not a date (a time of day without a date)',
  eightDigits: () => 'not a date (8 digits are read as YYYYMMDD)',
  unknownMonthName: (p: { word: string }) => `not a date (unknown month name "${p.word}")`,
  inconsistentWeekday: (p: { date: string; actual: string; written: string }) => `not a consistent date (${p.date} is a ${p.actual}, not a ${p.written})`,
  excelBefore1900: (p: { serial: string }) => `not a date (Excel day number ${p.serial} is before 1900-01-01)`,
  excelDay60: () => 'not a calendar date (Excel day 60 is 1900-02-29, which did not exist)',
  // Rule `range` on a loan tape's dates (dates.ts parseTapeDate): read, but no loan's date.
  early1900: (p: { date: string; serial: number }) =>
    `${p.date} is Excel day ${p.serial}: no loan dates from January–February 1900 — most likely a number (a term, a count) formatted or typed as a date`,
  early1900Day60: () =>
    '1900-02-29 is Excel day 60, a day that did not exist (Excel counts 1900 as a leap year), and no loan dates from January–February 1900 — most likely a number (a term, a count) formatted or typed as a date',
  duration: (p: { text: string }) => `not a date (a duration: ${p.text} is elapsed time, as Excel shows a number under a format such as [h]:mm — give the column a date format)`,
  dayMonthZero: () => 'not a calendar date (day and month cannot be 0)',
  cannotBeMonth: (p: { number: string }) => `not a calendar date (${p.number} cannot be a month)`,
  neitherMonth: (p: { first: string; second: string }) => `not a calendar date (neither ${p.first} nor ${p.second} can be a month)`,
  yearOutside: (p: { year: string; min: string; max: string }) => `year ${p.year} is outside ${p.min}–${p.max}`,
  noMonth: (p: { month: string }) => `not a calendar date (there is no month ${p.month})`,
  noDay: (p: { day: string }) => `not a calendar date (there is no day ${p.day})`,
  februaryDays: (p: { days: string; year: string }) => `not a calendar date (February has ${p.days} days in ${p.year})`,
  monthDays: (p: { month: string; days: string }) => `not a calendar date (${p.month} has ${p.days} days)`,
  unknownRepayment: () => 'unknown repayment method: use 等额本息 (level payment), 等额本金 (equal principal), 先息后本 (interest only) or 等本等息 (flat fee)',
  unknownFrequency: () => 'unknown payment frequency: use 按月 (monthly), 双周 (biweekly), 每周 (weekly), 按季 (quarterly) or 一次性 (bullet)',
  notYesNo: () => 'not a yes/no value: use 是/否, Y/N, 1/0 or true/false',
});

/** The reasons without params, made once: readers fail on them per cell. */
export const NOT_A_NUMBER: CodedMessage = Object.freeze(VALUE_REASONS.say('notANumber'));
export const NOT_A_DATE: CodedMessage = Object.freeze(VALUE_REASONS.say('notADate'));
export const TWO_DIGIT_YEAR: CodedMessage = Object.freeze(VALUE_REASONS.say('twoDigitYear'));
export const EXCEL_DAY_60: CodedMessage = Object.freeze(VALUE_REASONS.say('excelDay60'));
