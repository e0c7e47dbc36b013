import type { Migration } from './types.ts';

/**
 * Loan tapes: one `tapes` row per import, one `loans` row per accepted loan, one
 * `tape_rejects` row per rejected source row (with every reason), and saved column mappings.
 * Amounts are yuan (float64, as the tape gives them); rates are annual decimals; dates ISO text.
 * `loans` is not STRICT: the importer has already checked every value's type, and the per-value
 * type check costs ~10% of a million-row import.
 */
export const migration002: Migration = {
  version: 2,
  name: 'tapes',
  up: `
    CREATE TABLE tapes (
      id               INTEGER PRIMARY KEY,
      name             TEXT NOT NULL,
      source_file      TEXT NOT NULL,
      source_sha256    TEXT NOT NULL,
      source_bytes     INTEGER NOT NULL,
      format           TEXT NOT NULL CHECK (format IN ('csv', 'xlsx')),
      encoding         TEXT,
      delimiter        TEXT,
      sheet            TEXT,
      cutoff_date      TEXT NOT NULL,
      imported_at      TEXT NOT NULL,
      rows_read        INTEGER NOT NULL,
      rows_imported    INTEGER NOT NULL,
      rows_rejected    INTEGER NOT NULL,
      mapping_json     TEXT NOT NULL,
      extra_columns_json TEXT NOT NULL,
      -- A tape's loans are inserted in one transaction, so they hold one contiguous rowid range:
      -- queries scan that range instead of maintaining an index on tape_id at every insert.
      loan_rowid_first INTEGER NOT NULL DEFAULT 1,
      loan_rowid_last  INTEGER NOT NULL DEFAULT 0,
      current_balance  REAL NOT NULL DEFAULT 0
    ) STRICT;
    CREATE INDEX tapes_by_hash ON tapes (source_sha256);

    CREATE TABLE loans (
      tape_id            INTEGER NOT NULL REFERENCES tapes (id) ON DELETE CASCADE,
      row_no             INTEGER NOT NULL,
      loan_id            TEXT NOT NULL,
      borrower_id        TEXT,
      origination_date   TEXT NOT NULL,
      maturity_date      TEXT,
      original_principal REAL NOT NULL,
      current_principal  REAL NOT NULL,
      rate_annual        REAL NOT NULL,
      original_term      INTEGER NOT NULL,
      remaining_term     INTEGER NOT NULL,
      age_months         INTEGER NOT NULL,
      payment_frequency  TEXT NOT NULL,
      amortization       TEXT NOT NULL,
      days_past_due      INTEGER NOT NULL,
      overdue_principal  REAL NOT NULL,
      overdue_interest   REAL NOT NULL,
      segment            TEXT,
      product            TEXT,
      region             TEXT,
      credit_score       REAL,
      restructured       INTEGER NOT NULL,
      extra_json         TEXT
    );

    CREATE TABLE tape_rejects (
      tape_id   INTEGER NOT NULL REFERENCES tapes (id) ON DELETE CASCADE,
      row_no    INTEGER NOT NULL,
      problems_json TEXT NOT NULL,
      raw_json  TEXT NOT NULL
    ) STRICT;
    CREATE INDEX tape_rejects_by_tape ON tape_rejects (tape_id, row_no);

    -- Pool summaries computed once per tape (a tape never changes after import).
    CREATE TABLE tape_summaries (
      tape_id      INTEGER PRIMARY KEY REFERENCES tapes (id) ON DELETE CASCADE,
      summary_json TEXT NOT NULL
    ) STRICT;

    CREATE TABLE tape_mappings (
      name         TEXT PRIMARY KEY NOT NULL,
      mapping_json TEXT NOT NULL,
      saved_at     TEXT NOT NULL
    ) STRICT;
  `,
};
