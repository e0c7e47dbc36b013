import { messageTable, type CodedMessage } from '../../engine/messages.ts';
import { FIELD_BY_NAME, type CanonicalField } from './fields.ts';

/** A field as the English message names it ('rateAnnual' stands for either rate when it is missing). */
function labelOf(field: string): string {
  return FIELD_BY_NAME.get(field as CanonicalField)?.label ?? field;
}

/**
 * Why a tape import (or its preview, or a tape or mapping call) was refused, by code (engine/messages.ts).
 * `…Fields` params are canonical tape fields, comma-separated (data/tape/fields.ts), which screens
 * name by their labels; a `reason` param is a value reader's own English words (which part of a
 * date or a number it could not read).
 */
export const TAPE_MESSAGES = messageTable('tape', {
  noHeaderRow: (p: { file: string }) => `${p.file} has no header row`,
  cancelled: (p: { file: string }) => `Import of ${p.file} cancelled; the workspace is unchanged`,
  tooWide: (p: { file: string; columns: number; maxColumns: number }) =>
    `${p.file} has ${p.columns.toLocaleString('en-US')} columns in its header row; a tape has at most ${p.maxColumns.toLocaleString('en-US')} (is the delimiter right, or is this a loan tape?)`,
  noSheetNamed: (p: { file: string; sheet: string; sheets: string }) => `${p.file} has no sheet named "${p.sheet}" (sheets: ${p.sheets})`,
  noWorksheet: (p: { file: string }) => `${p.file} contains no worksheet`,
  sheetEmpty: (p: { file: string; sheet: string }) => `Sheet "${p.sheet}" of ${p.file} is empty`,
  unreadableXlsx: (p: { file: string; reason: string }) => `${p.file} is not a readable XLSX workbook: ${p.reason}`,
  legacyXls: (p: { file: string }) => `${p.file} is a legacy .xls workbook: save it as .xlsx or CSV and import that`,
  unknownEncoding: (p: { encoding: string }) => `Unknown encoding "${p.encoding}" (use utf-8, utf-8-bom, gbk, gb18030 or utf-16le)`,
  badDelimiter: (p: { delimiter: string }) => `CSV delimiter must be one character other than a quote or a line break (or tab, comma, semicolon, pipe), not ${p.delimiter}`,
  fileNotFound: (p: { path: string }) => `Tape file not found: ${p.path}`,
  notATapeFile: (p: { path: string }) => `Not a tape file (it is a folder or device): ${p.path}`,
  cutoffMissing: (p: { text: string }) => `Cutoff date "${p.text}": missing`,
  cutoffUnreadable: (p: { text: string; reason: CodedMessage }) => `Cutoff date "${p.text}": ${p.reason.message}`,
  dataDateImplausible: (p: { text: string; minDate: string; maxDate: string }) =>
    `The data date "${p.text}" on the tape's first row (its cutoff) is outside the plausible range ${p.minDate} to ${p.maxDate}: fix it or give the cutoff date`,
  dataDateUnreadable: (p: { text: string; reason: CodedMessage }) => `The data date "${p.text}" on the tape's first row (its cutoff) is ${p.reason.message}: fix it or give the cutoff date`,
  dataDateOutOfRange: (p: { text: string; reason: CodedMessage }) =>
    `The data date "${p.text}" on the tape's first row (its cutoff) is out of range: ${p.reason.message}; fix it or give the cutoff date`,
  noDataDateColumn: (p: { file: string }) =>
    `${p.file} has no data-date column (数据日期 / as-of date) and no cutoff date was given: enter the tape's cutoff date (the date its balances and days past due are as of)`,
  dataDateBlank: (p: { file: string }) =>
    `${p.file} leaves the data date (数据日期) blank on its first row and no cutoff date was given: enter the tape's cutoff date (the date its balances and days past due are as of)`,
  noRowsForCutoff: (p: { file: string }) =>
    `${p.file} has no loan rows to read a data date from and no cutoff date was given: enter the tape's cutoff date (the date its balances and days past due are as of)`,
  unknownField: (p: { field: string; column: string }) => `Unknown field "${p.field}" for column "${p.column}"`,
  mappedTwice: (p: { first: string; second: string; mappedFields: string }) => `Columns "${p.first}" and "${p.second}" are both mapped to ${labelOf(p.mappedFields)}`,
  requiredUnmapped: (p: { file: string; missingFields: string }) =>
    `${p.file}: no column is mapped to ${p.missingFields
      .split(',')
      .map((f) => (f === 'rateAnnual' ? 'an interest rate (annual or daily)' : labelOf(f)))
      .join(', ')}; map it or fix the header`,
  alreadyImported: (p: { tapeId: number; name: string; importedOn: string }) =>
    `This file was already imported as tape ${p.tapeId} "${p.name}" on ${p.importedOn}; import it again only if you mean to`,
  fileAlreadyImported: (p: { file: string; tapeId: number; name: string; importedOn: string }) =>
    `${p.file}: this file was already imported as tape ${p.tapeId} "${p.name}" on ${p.importedOn}; import it again only if you mean to`,
  noTape: (p: { tapeId: number }) => `No tape with id ${p.tapeId} in this workspace`,
  tapeNameEmpty: () => 'A tape name cannot be empty',
  mappingNeedsName: () => 'A mapping needs a name',
  noMapping: (p: { name: string }) => `No saved mapping named "${p.name}"`,
  unknownUnit: (p: { file: string; column: string; unit: string; mappedFields: string }) =>
    `${p.file}: column "${p.column}" (${labelOf(p.mappedFields)}) states its unit as (${p.unit}), which the import does not know: amounts are read in 元, 万元 or 亿元, rates in % or ‰ — fix the header's unit or convert the column`,
  unitNotForField: (p: { file: string; column: string; unit: string; mappedFields: string }) =>
    `${p.file}: column "${p.column}" states the unit (${p.unit}), which does not fit ${labelOf(p.mappedFields)}: map the column to another field or fix its header`,
  valueRightOfHeader: (p: { file: string; sheet: string; cell: string; lastColumn: string }) =>
    `${p.file}: ${p.sheet}!${p.cell} holds a value right of the header's last column (${p.lastColumn}); a column without a heading cannot be imported — give it a heading or clear the cell`,
});

/** What an import assumed for columns the tape lacks, stated in its report (import/finish.ts), by code. */
export const TAPE_NOTES = messageTable('tapeNote', {
  noAmortization: (p: { amortization: string }) => `No amortization column: every loan is taken as ${p.amortization.replace('_', ' ')} (等额本息).`,
  noPaymentFrequency: () => 'No payment-frequency column: every loan is taken as paying monthly.',
  noRemainingTerm: () => 'No remaining-term column: remaining term = original term − months since origination.',
  noDaysPastDue: () => 'No days-past-due column: every loan is taken as current — the delinquency mix is unknown, not zero.',
  noOverdue: () => 'No overdue-principal (逾期本金) or overdue-interest (逾期利息) column: 逾期总额 is unknown, not zero.',
  noOverduePrincipal: () => 'No overdue-principal (逾期本金) column: 逾期总额 is unknown, not zero.',
  noOverdueInterest: () => 'No overdue-interest (逾期利息) column: 逾期总额 is unknown, not zero.',
  // One code per English number (the catalogues have no plural rules): 'a loan … its term' and 'N loans … their term'.
  maturedBeforeCutoffOne: (p: { cutoffDate: string }) =>
    `1 loan matured before the cutoff ${p.cutoffDate}: past its term on the tape (delinquent past maturity, or stale data); the pool summary counts it.`,
  maturedBeforeCutoff: (p: { loans: number; cutoffDate: string }) =>
    `${p.loans} loans matured before the cutoff ${p.cutoffDate}: past their term on the tape (delinquent past maturity, or stale data); the pool summary counts them.`,
  // Age + remaining term > original term (rows/term-overrun.ts); `rows` lists the first rows as `row (age + remaining > original)`, the same in either language.
  termOverrunOne: (p: { rows: string; cutoffDate: string }) =>
    `1 loan not flagged restructured has age + remaining term over its original term by more than a month (row (age + remaining > original term, in months; age from origination to the cutoff ${p.cutoffDate}): ${p.rows}): an extension, a wrong origination date or term, or a tape error. Imported as given; check it, as it moves the loan's amortisation and the pool's WAM and WALA.`,
  termOverrun: (p: { loans: number; rows: string; cutoffDate: string }) =>
    `${p.loans} loans not flagged restructured have age + remaining term over their original term by more than a month (rows (age + remaining > original term, in months; age from origination to the cutoff ${p.cutoffDate}): ${p.rows}): extensions, wrong origination dates or terms, or tape errors. Imported as given; check them, as they move the loans' amortisation and the pool's WAM and WALA.`,
  // A rate column without a unit in its header, read cell by cell (rows/rate-readings.ts); `…Rows` list the first rows as `row (value)`.
  rateReadingsMixed: (p: { column: string; fractions: number; fractionRows: string; percents: number; percentRows: string }) =>
    `Rate column "${p.column}" states no unit and its values were read two ways: ${p.fractions} below 1 as fractions (0.5 = 50%; rows ${p.fractionRows}) and ${p.percents} from 1 as percentages (18 = 18%; rows ${p.percentRows}). One column most likely means one unit: check these rates, or state the unit in the header (年化利率(%)) to read every value in it.`,
  termOverrunRestructuredOne: (p: { rows: string }) =>
    `1 loan flagged restructured has age + remaining term over its original term by more than a month (row: ${p.rows}): expected of an extension; imported as given.`,
  termOverrunRestructured: (p: { loans: number; rows: string }) =>
    `${p.loans} loans flagged restructured have age + remaining term over their original term by more than a month (rows: ${p.rows}): expected of extensions; imported as given.`,
});
