import { codedError, UserError } from '../../errors.ts';
import type { CodedMessage } from '../../../engine/messages.ts';
import { TAPE_MESSAGES, TAPE_NOTES } from '../messages.ts';
import { DEFAULT_ROW_DEFAULTS, type ColumnMapping } from '../rows.ts';
import type { ImportReport, MappedColumn } from '../types.ts';
import type { TapeFinish, TapeWriter } from '../writer.ts';
import { storedFactsJson } from '../store.ts';
import type { Cutoff } from './cutoff.ts';
import { mappedColumns } from './header.ts';
import type { ImportRequest } from './request.ts';
import { termOverrunRowsText, type TermOverruns } from '../rows/term-overrun.ts';
import type { RowStream } from './row-stream.ts';
import { rateReadingRowsText, type RateReadings } from '../rows/rate-readings.ts';
import type { SourceFacts, TapeSource } from './source.ts';

/** Everything the reading of a tape produced, once the whole file is read. */
export interface ReadTape {
  readonly source: TapeSource;
  readonly facts: SourceFacts;
  readonly rows: RowStream;
  readonly cutoff: Cutoff;
  /** performance.now() when the import began. */
  readonly started: number;
}

/**
 * Loans whose age plus remaining term exceeds their original term (rows/term-overrun.ts): a
 * consistency warning, the loans imported as given; those flagged restructured counted apart.
 */
function termOverrunNotes(overruns: TermOverruns, cutoff: Cutoff): CodedMessage[] {
  const say = TAPE_NOTES.say;
  const notes: CodedMessage[] = [];
  const { unflagged, restructured } = overruns;
  if (unflagged.loans === 1) notes.push(say('termOverrunOne', { rows: termOverrunRowsText(unflagged), cutoffDate: cutoff.date }));
  else if (unflagged.loans > 1) notes.push(say('termOverrun', { loans: unflagged.loans, rows: termOverrunRowsText(unflagged), cutoffDate: cutoff.date }));
  if (restructured.loans === 1) notes.push(say('termOverrunRestructuredOne', { rows: termOverrunRowsText(restructured) }));
  else if (restructured.loans > 1) notes.push(say('termOverrunRestructured', { loans: restructured.loans, rows: termOverrunRowsText(restructured) }));
  return notes;
}

/** A rate column read cell by cell whose bare values were read both as fractions and as percentages (rows/rate-readings.ts). */
function rateReadingNotes(readings: RateReadings): CodedMessage[] {
  const { column, fraction, percent } = readings;
  if (fraction.rows === 0 || percent.rows === 0) return [];
  return [
    TAPE_NOTES.say('rateReadingsMixed', {
      column,
      fractions: fraction.rows,
      fractionRows: rateReadingRowsText(fraction),
      percents: percent.rows,
      percentRows: rateReadingRowsText(percent),
    }),
  ];
}

/** Assumptions the import made for columns the tape lacks, and what it found and kept (matured loans), stated in the report. */
function importNotes(mapping: ColumnMapping, cutoff: Cutoff, matured: number): CodedMessage[] {
  const say = TAPE_NOTES.say;
  const notes: CodedMessage[] = [];
  if (!mapping.includes('amortization')) notes.push(say('noAmortization', { amortization: DEFAULT_ROW_DEFAULTS.amortization }));
  if (!mapping.includes('paymentFrequency')) notes.push(say('noPaymentFrequency'));
  if (!mapping.includes('remainingTerm')) notes.push(say('noRemainingTerm'));
  if (!mapping.includes('daysPastDue')) notes.push(say('noDaysPastDue'));
  const noPrincipal = !mapping.includes('overduePrincipal');
  const noInterest = !mapping.includes('overdueInterest');
  if (noPrincipal && noInterest) notes.push(say('noOverdue'));
  else if (noPrincipal) notes.push(say('noOverduePrincipal'));
  else if (noInterest) notes.push(say('noOverdueInterest'));
  if (matured === 1) notes.push(say('maturedBeforeCutoffOne', { cutoffDate: cutoff.date }));
  else if (matured > 1) notes.push(say('maturedBeforeCutoff', { loans: matured, cutoffDate: cutoff.date }));
  return notes;
}

/** Commits the transaction with the tape's figures; a duplicate file is refused in the file's name. */
async function commitTape(writer: TapeWriter, sourceFile: string, finish: TapeFinish): Promise<number> {
  try {
    return await writer.commit(finish);
  } catch (error) {
    if (error instanceof UserError && error.code === 'DUPLICATE_TAPE') {
      const { tapeId, name, importedAt } = error.details as { tapeId: number; name: string; importedAt: string };
      throw codedError('DUPLICATE_TAPE', TAPE_MESSAGES.say('fileAlreadyImported', { file: sourceFile, tapeId, name, importedOn: importedAt.slice(0, 10) }), { ...error.details, file: sourceFile });
    }
    throw error;
  }
}

/**
 * Ends the transaction and reports. A tape with a rejected row in reject mode is rolled back
 * (nothing of it stays); else its figures are recorded and it is committed.
 */
export async function finishImport(writer: TapeWriter, request: ImportRequest, read: ReadTape): Promise<ImportReport> {
  const { source, facts, rows, cutoff } = read;
  const mapping: MappedColumn[] = mappedColumns(rows.layout);
  const extraColumns = mapping.filter((m) => m.field === null && m.header !== '').map((m) => m.header);
  const codedNotes = [...importNotes(rows.layout.mapping, cutoff, rows.maturedBeforeCutoff), ...termOverrunNotes(rows.termOverruns, cutoff), ...rateReadingNotes(rows.rateReadings)];
  const notes = codedNotes.map((note) => note.message);
  const status: ImportReport['status'] = request.mode === 'reject' && rows.rowsRejected > 0 ? 'rejected' : 'imported';
  let tapeId: number | null = null;
  if (status === 'rejected') {
    await writer.rollback();
  } else {
    tapeId = await commitTape(writer, source.sourceFile, {
      sha256: facts.sha256,
      bytes: facts.bytes,
      encoding: facts.encoding,
      delimiter: facts.delimiter,
      sheet: facts.sheet,
      cutoffDate: cutoff.date,
      rowsRead: rows.rowsRead,
      rowsImported: rows.rowsImported,
      rowsRejected: rows.rowsRejected,
      mappingJson: storedFactsJson({ columns: mapping, notes: codedNotes, cutoffSource: cutoff.source, encodingReason: facts.encodingReason }),
      extraColumnsJson: JSON.stringify(extraColumns),
      allowDuplicate: request.allowDuplicate ?? false,
      currentBalance: rows.loans.currentBalance,
    });
  }
  const seconds = (performance.now() - read.started) / 1000;
  return {
    status,
    tapeId,
    name: source.name,
    sourceFile: source.sourceFile,
    sha256: facts.sha256,
    bytes: facts.bytes,
    format: source.format,
    encoding: facts.encoding,
    encodingReason: facts.encodingReason,
    delimiter: facts.delimiter,
    sheet: facts.sheet,
    cutoffDate: cutoff.date,
    cutoffSource: cutoff.source,
    rowsRead: rows.rowsRead,
    rowsImported: status === 'imported' ? rows.rowsImported : 0,
    rowsRejected: rows.rowsRejected,
    problems: rows.problems,
    problemCount: rows.problemCount,
    mapping,
    extraColumns,
    notes,
    codedNotes,
    seconds,
    rowsPerSecond: seconds > 0 ? rows.rowsRead / seconds : 0,
  };
}
