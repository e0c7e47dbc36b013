/**
 * A numbered, append-only schema step. Never edit a released migration: add the next one.
 * Each runs in its own transaction together with its `PRAGMA user_version` bump.
 */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly up: string;
}
