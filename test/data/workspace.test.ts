import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../data/errors.ts';
import { LATEST_SCHEMA_VERSION, MIGRATIONS, type Migration } from '../../data/migrations/index.ts';
import { APPLICATION_ID, checkMigrationList, openWorkspace, readWorkspaceMeta } from '../../data/workspace.ts';
import { useTempDir } from '../helpers/tmp.ts';

const tempDir = useTempDir();

function sha256(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

function expectUserError(fn: () => unknown, code: string): UserError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).code).toBe(code);
    return error as UserError;
  }
  throw new Error(`expected ${code}`);
}

describe('openWorkspace', () => {
  it('creates a new workspace in WAL mode with foreign keys on, migrated to the latest schema', () => {
    const file = join(tempDir(), 'nested', 'deal.sqlite');
    const ws = openWorkspace(file, { now: () => new Date('2026-11-23T10:00:00Z') });
    try {
      expect(ws.path).toBe(file);
      expect(ws.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
      expect(ws.db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(ws.db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(ws.db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
      expect(readWorkspaceMeta(ws.db).createdAt).toBe('2026-11-23T10:00:00.000Z');
      expect(ws.backupPath).toBeNull();
    } finally {
      ws.close();
    }
  });

  it('reopens an existing workspace without re-running migrations', () => {
    const file = join(tempDir(), 'ws.sqlite');
    openWorkspace(file, { now: () => new Date('2026-01-01T00:00:00Z') }).close();
    const ws = openWorkspace(file, { now: () => new Date('2030-01-01T00:00:00Z') });
    expect(readWorkspaceMeta(ws.db).createdAt).toBe('2026-01-01T00:00:00.000Z');
    ws.close();
  });

  it('refuses a missing file when asked not to create one', () => {
    const file = join(tempDir(), 'missing.sqlite');
    expectUserError(() => openWorkspace(file, { create: false }), 'NOT_FOUND');
    expect(existsSync(file)).toBe(false);
  });

  it('refuses a workspace written by a newer version and leaves the file byte-for-byte untouched', () => {
    const dir = tempDir();
    const file = join(dir, 'future.sqlite');
    openWorkspace(file).close();
    const raw = new Database(file);
    raw.pragma('journal_mode = DELETE'); // a file at rest, no -wal beside it
    raw.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 5}`);
    raw.close();
    const before = sha256(file);
    const filesBefore = readdirSync(dir).sort();

    const error = expectUserError(() => openWorkspace(file), 'WORKSPACE_TOO_NEW');
    expect(error.message).toMatch(/newer version of ABS Workbench/);
    expect(error.details['schemaVersion']).toBe(LATEST_SCHEMA_VERSION + 5);
    expect(sha256(file)).toBe(before);
    expect(readdirSync(dir).sort()).toEqual(filesBefore);
  });

  it('refuses a file that is not SQLite, naming the file, and leaves it untouched', () => {
    const file = join(tempDir(), 'tape.sqlite');
    writeFileSync(file, '借据号,放款日期,合同金额\nL001,2025-01-01,10000\n');
    const before = sha256(file);
    const error = expectUserError(() => openWorkspace(file), 'WORKSPACE_NOT_SQLITE');
    expect(error.message).toContain('tape.sqlite');
    expect(sha256(file)).toBe(before);
  });

  it('refuses a damaged SQLite file', () => {
    const file = join(tempDir(), 'damaged.sqlite');
    openWorkspace(file).close();
    const bytes = readFileSync(file);
    bytes.fill(0x5a, 16, Math.min(bytes.length, 4096)); // keep the magic header, wreck page 1
    writeFileSync(file, bytes);
    expectUserError(() => openWorkspace(file), 'WORKSPACE_NOT_SQLITE');
  });

  it("refuses another application's SQLite database", () => {
    const file = join(tempDir(), 'other.sqlite');
    const other = new Database(file);
    other.exec('CREATE TABLE customers (id INTEGER PRIMARY KEY)');
    other.close();
    const before = sha256(file);
    expectUserError(() => openWorkspace(file), 'WORKSPACE_NOT_OURS');
    expect(sha256(file)).toBe(before);
  });

  it('refuses an existing empty file (0 bytes), naming it, and leaves it empty', () => {
    // README, Workspaces: "A file that is not SQLite … is refused with the file named." An empty
    // file is not SQLite (no 100-byte header); only a path that does not exist becomes a new workspace.
    const dir = tempDir();
    const file = join(dir, 'notes.txt');
    writeFileSync(file, '');
    const error = expectUserError(() => openWorkspace(file), 'WORKSPACE_NOT_SQLITE');
    expect(error.message).toBe(`notes.txt is an empty file (0 bytes), not a workspace: ${file}; to create a new workspace, choose a name that does not exist yet`);
    expect(readFileSync(file)).toHaveLength(0);
    expect(readdirSync(dir)).toEqual(['notes.txt']);
  });

  it('backs the file up before migrating an older schema, then migrates in order', () => {
    const file = join(tempDir(), 'old.sqlite');
    const v2: Migration = { version: 2, name: 'notes', up: 'CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL) STRICT;' };
    openWorkspace(file, { migrations: MIGRATIONS.slice(0, 1) }).close();

    const ws = openWorkspace(file, { migrations: [...MIGRATIONS.slice(0, 1), v2], now: () => new Date('2026-11-23T08:30:00Z') });
    try {
      expect(ws.schemaVersion).toBe(2);
      expect(ws.backupPath).toBe(`${file}.v1-20261123T083000.bak`);
      const backup = new Database(ws.backupPath ?? '', { readonly: true });
      expect(backup.pragma('user_version', { simple: true })).toBe(1);
      backup.close();
      ws.db.prepare('INSERT INTO notes (text) VALUES (?)').run('ok');
    } finally {
      ws.close();
    }
  });

  it('rolls back a failing migration completely: version and schema stay as they were', () => {
    const file = join(tempDir(), 'fail.sqlite');
    openWorkspace(file, { migrations: MIGRATIONS.slice(0, 1) }).close();
    const broken: Migration = { version: 2, name: 'broken', up: 'CREATE TABLE half (id INTEGER); INSERT INTO nowhere VALUES (1);' };
    expect(() => openWorkspace(file, { migrations: [...MIGRATIONS.slice(0, 1), broken] })).toThrow(/nowhere/);
    const ws = openWorkspace(file, { migrations: MIGRATIONS.slice(0, 1) });
    expect(ws.schemaVersion).toBe(1);
    const tables = ws.db.prepare("SELECT name FROM sqlite_schema WHERE name = 'half'").all();
    expect(tables).toEqual([]);
    ws.close();
  });
});

describe('migration list', () => {
  it('is numbered 1..N without gaps, as the app ships it', () => {
    expect(() => checkMigrationList(MIGRATIONS)).not.toThrow();
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
  });

  it('rejects an out-of-order list', () => {
    const [first] = MIGRATIONS;
    if (!first) throw new Error('no migrations');
    expect(() => checkMigrationList([{ ...first, version: 2 }])).toThrow(/out of order/);
  });
});
