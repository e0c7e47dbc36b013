import type { Migration } from './types.ts';

/**
 * Named scenario sets: the scenario-set file's JSON as the analyst saved it (validated by the
 * service, service/files/scenario-file.ts). Number 5: the run store's migration is number 4.
 */
export const migration005: Migration = {
  version: 5,
  name: 'scenario sets',
  up: `
    CREATE TABLE scenario_sets (
      name       TEXT PRIMARY KEY NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
      json       TEXT NOT NULL CHECK (json_valid(json)),
      updated_at TEXT NOT NULL
    ) STRICT;
  `,
};
