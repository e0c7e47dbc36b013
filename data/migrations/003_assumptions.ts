import type { Migration } from './types.ts';

/** Named assumption sets: the assumption file's JSON as the analyst saved it (validated by the service). */
export const migration003: Migration = {
  version: 3,
  name: 'assumption sets',
  up: `
    CREATE TABLE assumption_sets (
      name       TEXT PRIMARY KEY NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
      json       TEXT NOT NULL CHECK (json_valid(json)),
      updated_at TEXT NOT NULL
    ) STRICT;
  `,
};
