import type { SqliteDb } from '../../data/workspace.ts';

/**
 * A tape's stored `mapping_json` exactly as the import wrote it before its notes were kept by code
 * (notes in English only): the build before `noteCodes` importing `overrun.csv` (OVERRUN_TAPE below)
 * with the cutoff 2026-09-30, read back from its workspace.
 */
export const MAPPING_JSON_BEFORE_NOTE_CODES =
  '{"columns":[{"column":0,"header":"借据号","field":"loanId"},{"column":1,"header":"放款日期","field":"originationDate"},{"column":2,"header":"合同金额","field":"originalPrincipal"},{"column":3,"header":"剩余本金","field":"currentPrincipal"},{"column":4,"header":"年化利率","field":"rateAnnual"},{"column":5,"header":"总期数","field":"originalTerm"},{"column":6,"header":"剩余期数","field":"remainingTerm"},{"column":7,"header":"是否重组","field":"restructured"},{"column":8,"header":"还款频率","field":"paymentFrequency"}],"notes":["No amortization column: every loan is taken as level payment (等额本息).","No days-past-due column: every loan is taken as current — the delinquency mix is unknown, not zero.","No overdue-principal (逾期本金) or overdue-interest (逾期利息) column: 逾期总额 is unknown, not zero.","1 loan not flagged restructured has age + remaining term over its original term by more than a month (row (age + remaining > original term, in months; age from origination to the cutoff 2026-09-30): 2 (6 + 3 > 3)): an extension, a wrong origination date or term, or a tape error. Imported as given; check it, as it moves the loan\'s amortisation and the pool\'s WAM and WALA.","1 loan flagged restructured has age + remaining term over its original term by more than a month (row: 3 (12 + 6 > 12)): expected of an extension; imported as given."],"cutoffSource":"given","encodingReason":"valid UTF-8 in the first 201 bytes"}';

/** The stored English notes of MAPPING_JSON_BEFORE_NOTE_CODES. */
export const NOTES_BEFORE_NOTE_CODES: readonly string[] = (JSON.parse(MAPPING_JSON_BEFORE_NOTE_CODES) as { notes: string[] }).notes;

/** A tape with loans past their term (rows/term-overrun.ts): X1 unflagged (6 + 3 > 3 months), X2 restructured (12 + 6 > 12); cutoff 2026-09-30. */
export const OVERRUN_TAPE = [
  '借据号,放款日期,合同金额,剩余本金,年化利率,总期数,剩余期数,是否重组,还款频率',
  'X1,2026-03-15,3000,2000,0.18,3,3,否,按月',
  'X2,2025-09-30,12000,8000,0.18,12,6,是,按月',
].join('\n');

/** Adds the tapes row an older build stored for OVERRUN_TAPE (its loans left out: only the tape list reads it); answers its id. */
export function insertTapeStoredBeforeNoteCodes(db: SqliteDb, name: string): number {
  const result = db
    .prepare(
      `INSERT INTO tapes (name, source_file, source_sha256, source_bytes, format, encoding, delimiter, cutoff_date, imported_at,
                          rows_read, rows_imported, rows_rejected, mapping_json, extra_columns_json, current_balance)
       VALUES (?, 'overrun.csv', ?, 201, 'csv', 'utf-8', ',', '2026-09-30', '2026-10-02T09:00:00.000Z', 2, 2, 0, ?, '[]', 10000)`,
    )
    .run(name, 'b'.repeat(64), MAPPING_JSON_BEFORE_NOTE_CODES);
  return Number(result.lastInsertRowid);
}
