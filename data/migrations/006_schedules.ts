import type { Migration } from './types.ts';

/**
 * Collection schedules (schedule pools, docs/schedule-pools.md): one `schedules` row per import and
 * one `schedule_rows` row per collection period, in yuan (converted from 万元 at import). A schedule
 * is referenced by its unique name; its rows go with it.
 */
export const migration006: Migration = {
  version: 6,
  name: 'collection schedules',
  up: `
    CREATE TABLE schedules (
      id              INTEGER PRIMARY KEY,
      name            TEXT NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 200),
      source_file     TEXT NOT NULL,
      source_sha256   TEXT NOT NULL,
      format          TEXT NOT NULL CHECK (format IN ('csv', 'xlsx')),
      sheet           TEXT,
      unit            TEXT NOT NULL CHECK (unit IN ('元', '万元')),
      cutoff_date     TEXT,
      imported_at     TEXT NOT NULL,
      columns_json    TEXT NOT NULL CHECK (json_valid(columns_json))
    ) STRICT;

    CREATE TABLE schedule_rows (
      schedule_id         INTEGER NOT NULL REFERENCES schedules (id) ON DELETE CASCADE,
      period              INTEGER NOT NULL CHECK (period >= 1),
      period_end          TEXT NOT NULL,
      opening_balance     REAL NOT NULL CHECK (opening_balance >= 0),
      scheduled_principal REAL NOT NULL CHECK (scheduled_principal >= 0),
      interest            REAL NOT NULL CHECK (interest >= 0),
      prepayment          REAL CHECK (prepayment >= 0),
      defaults            REAL CHECK (defaults >= 0),
      recoveries          REAL CHECK (recoveries >= 0),
      delinquent          REAL CHECK (delinquent >= 0),
      PRIMARY KEY (schedule_id, period)
    ) STRICT;
  `,
};
