import type { Migration } from './types.ts';

/**
 * Stored runs: every projection, deal run and breakeven search with its inputs, the hash of those
 * inputs and of the engine that ran them, and its result (docs/run-store.md).
 * - `kind` is an open list of lower-case words ('projection', 'deal', 'breakeven'; sweeps and Monte
 *   Carlo runs will add theirs without a migration).
 * - `input_hash` is unique: an identical rerun is served from the store, so one row per hash.
 * - `tape_id` has no foreign key: a run keeps its inputs (the tape's identity among them) after the
 *   tape is deleted; a re-imported tape has another identity, hence another hash.
 * - `result` is the result's JSON as UTF-8, deflated (zlib) when `result_encoding` says so.
 * - `figures_json` holds the list's key figures (senior WAL, loss…), so listing never opens a result.
 * AUTOINCREMENT: a deleted run's id is never given to another run (ids appear in reports and on the CLI).
 */
export const migration004: Migration = {
  version: 4,
  name: 'runs',
  up: `
    CREATE TABLE runs (
      id                    INTEGER PRIMARY KEY AUTOINCREMENT,
      kind                  TEXT NOT NULL CHECK (length(kind) BETWEEN 1 AND 40 AND kind NOT GLOB '*[^a-z-]*'),
      name                  TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
      created_at            TEXT NOT NULL,
      input_hash            TEXT NOT NULL UNIQUE CHECK (length(input_hash) = 64),
      inputs_json           TEXT NOT NULL CHECK (json_valid(inputs_json)),
      tape_id               INTEGER,
      engine_version        TEXT NOT NULL,
      engine_sources_sha256 TEXT NOT NULL CHECK (length(engine_sources_sha256) = 64),
      seconds               REAL NOT NULL CHECK (seconds >= 0),
      figures_json          TEXT NOT NULL CHECK (json_valid(figures_json)),
      result_encoding       TEXT NOT NULL CHECK (result_encoding IN ('json', 'deflate')),
      result_bytes          INTEGER NOT NULL CHECK (result_bytes >= 0),
      result                BLOB NOT NULL
    ) STRICT;
    CREATE INDEX runs_by_created ON runs (created_at DESC, id DESC);
  `,
};
