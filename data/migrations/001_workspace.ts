import type { Migration } from './types.ts';

/** The workspace's own record: when and by which app version it was created. */
export const migration001: Migration = {
  version: 1,
  name: 'workspace',
  up: `
    CREATE TABLE workspace_meta (
      key   TEXT PRIMARY KEY NOT NULL,
      value TEXT NOT NULL
    ) STRICT;
  `,
};
