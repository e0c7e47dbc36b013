import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../data/errors.ts';
import { LATEST_SCHEMA_VERSION, MIGRATIONS, type Migration } from '../../data/migrations/index.ts';
import { APPLICATION_ID, checkMigrationList, openWorkspace, readWorkspaceMeta } from '../../data/workspace.ts';
import { REPO_ROOT } from '../helpers/repo.ts';
import { useTempDir } from '../helpers/tmp.ts';

const tempDir = useTempDir();

function sha256(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

function failTheBackup(): never {
  throw new Error('disk full during the backup');
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

  it("refuses a path named like another workspace's SQLite journal (-wal), even while that workspace is open, and changes neither file", () => {
    // The walkthrough's data loss: main.sqlite-wal created as a workspace is read by SQLite as
    // main.sqlite's write-ahead log the next time main.sqlite opens (https://sqlite.org/tempfiles.html).
    const dir = tempDir();
    const main = join(dir, 'main.sqlite');
    const ws = openWorkspace(main);
    try {
      ws.db.exec('CREATE TABLE kept (id INTEGER PRIMARY KEY)'); // an open connection in WAL mode: main.sqlite-wal is there
      const wal = `${main}-wal`;
      expect(existsSync(wal)).toBe(true);
      const before = [sha256(main), sha256(wal)];
      for (const name of ['main.sqlite-wal', 'main.sqlite-WAL', 'main.sqlite-shm', 'main.sqlite-journal']) {
        const error = expectUserError(() => openWorkspace(join(dir, name)), 'PATH_NOT_ALLOWED');
        expect(error.message).toBe(
          `${name} cannot be a workspace: it is the file where SQLite keeps the journal of the workspace main.sqlite, and a workspace under this name would be taken for that journal and destroyed (${join(dir, name)}); choose a name ending in .sqlite`,
        );
        expect(error.details).toMatchObject({ messageCode: 'workspaceName.sideFile', messageParams: { file: name, workspace: 'main.sqlite' } });
      }
      expect([sha256(main), sha256(wal)]).toEqual(before);
    } finally {
      ws.close();
    }
    // Closed cleanly, main.sqlite has no journal beside it: the name is refused all the same, and nothing is created.
    const closed = sha256(main);
    expectUserError(() => openWorkspace(join(dir, 'main.sqlite-wal')), 'PATH_NOT_ALLOWED');
    expect(readdirSync(dir)).toEqual(['main.sqlite']);
    expect(sha256(main)).toBe(closed);
  });

  it('refuses side-file names with no workspace beside them too (x.sqlite-shm, x.sqlite-journal), creating nothing', () => {
    const dir = tempDir();
    for (const name of ['x.sqlite-shm', 'x.sqlite-journal', 'X.DB-Journal']) {
      const error = expectUserError(() => openWorkspace(join(dir, name)), 'PATH_NOT_ALLOWED');
      expect(error.details['messageCode']).toBe('workspaceName.sideFile');
      expect(error.message).toContain(`the journal of the workspace ${name.replace(/-[a-z]+$/i, '')}`);
    }
    expect(readdirSync(dir)).toEqual([]);
  });

  it('creates a new workspace only under a .sqlite or .db name: notes.txt is refused, new.sqlite and new.db are created', () => {
    const dir = tempDir();
    const error = expectUserError(() => openWorkspace(join(dir, 'notes.txt')), 'PATH_NOT_ALLOWED');
    expect(error.message).toBe(`notes.txt cannot be a new workspace: a workspace file's name ends in .sqlite or .db, such as notes.sqlite (${join(dir, 'notes.txt')})`);
    expect(error.details).toMatchObject({ messageCode: 'workspaceName.newNeedsExtension', messageParams: { suggestion: 'notes.sqlite' } });
    expectUserError(() => openWorkspace(join(dir, 'q3')), 'PATH_NOT_ALLOWED');
    expect(readdirSync(dir)).toEqual([]);
    for (const name of ['new.sqlite', 'new.db', 'UPPER.SQLITE']) {
      const ws = openWorkspace(join(dir, name));
      expect(ws.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
      ws.close();
    }
    // Asked only to open (not create), a missing notes.txt is simply not found.
    expectUserError(() => openWorkspace(join(dir, 'notes.txt'), { create: false }), 'NOT_FOUND');
  });

  it('opens an existing workspace whatever its extension (the content decides, as before)', () => {
    const dir = tempDir();
    const file = join(dir, 'renamed.bin');
    openWorkspace(join(dir, 'made.sqlite')).close();
    renameSync(join(dir, 'made.sqlite'), file);
    const ws = openWorkspace(file);
    expect(ws.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    ws.close();
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

  it('writes the pre-upgrade backup under a temporary name and gives it its .bak name only once complete', () => {
    const file = join(tempDir(), 'old.sqlite');
    const v2: Migration = { version: 2, name: 'notes', up: 'CREATE TABLE notes (id INTEGER PRIMARY KEY) STRICT;' };
    openWorkspace(file, { migrations: MIGRATIONS.slice(0, 1) }).close();
    const backup = `${file}.v1-20261123T083000.bak`;
    const seen: string[] = [];
    const ws = openWorkspace(file, {
      migrations: [...MIGRATIONS.slice(0, 1), v2],
      now: () => new Date('2026-11-23T08:30:00Z'),
      beforeBackupRename: (partial) => {
        seen.push(partial);
        expect(existsSync(backup)).toBe(false); // the final name does not exist while the copy is unfinished
        const copy = new Database(partial, { readonly: true });
        expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
        expect(copy.pragma('user_version', { simple: true })).toBe(1);
        copy.close();
      },
    });
    ws.close();
    expect(seen).toEqual([`${backup}.partial`]);
    expect(existsSync(backup)).toBe(true);
    expect(existsSync(`${backup}.partial`)).toBe(false);
  });

  it('a backup that fails before completing leaves no .bak and no temporary file, and the workspace is not upgraded', () => {
    const dir = tempDir();
    const file = join(dir, 'old.sqlite');
    const v2: Migration = { version: 2, name: 'notes', up: 'CREATE TABLE notes (id INTEGER PRIMARY KEY) STRICT;' };
    openWorkspace(file, { migrations: MIGRATIONS.slice(0, 1) }).close();
    expect(() => openWorkspace(file, { migrations: [...MIGRATIONS.slice(0, 1), v2], beforeBackupRename: failTheBackup })).toThrow(/disk full/);
    expect(readdirSync(dir).filter((name) => name.includes('.bak'))).toEqual([]);
    const ws = openWorkspace(file, { migrations: MIGRATIONS.slice(0, 1) });
    expect(ws.schemaVersion).toBe(1);
    ws.close();
  });

  it('after a kill -9 during the backup, the next upgrade removes the leftovers and keeps complete backups', () => {
    const dir = tempDir();
    const file = join(dir, 'old.sqlite');
    openWorkspace(file, { migrations: MIGRATIONS.slice(0, 1) }).close();
    // The child dies (SIGKILL) with the copy written under its temporary name, not yet renamed.
    const child = `import { openWorkspace } from ${JSON.stringify(join(REPO_ROOT, 'data', 'workspace.ts'))};
import { MIGRATIONS } from ${JSON.stringify(join(REPO_ROOT, 'data', 'migrations', 'index.ts'))};
openWorkspace(${JSON.stringify(file)}, { migrations: MIGRATIONS.slice(0, 2), now: () => new Date('2026-11-01T00:00:00Z'), beforeBackupRename: () => process.kill(process.pid, 'SIGKILL') });`;
    const killed = spawnSync(process.execPath, ['--input-type=module', '-e', child], { encoding: 'utf8' });
    expect(killed.signal).toBe('SIGKILL');
    const left = `${file}.v1-20261101T000000.bak`;
    expect(existsSync(left)).toBe(false); // no file under the backup's name that is not a whole backup
    expect(existsSync(`${left}.partial`)).toBe(true);
    // What versions that wrote the final name directly left on a kill: a .bak with its journal still beside it.
    const legacy = `${file}.v1-20261002T000000.bak`;
    writeFileSync(legacy, '');
    writeFileSync(`${legacy}-journal`, 'x');
    const kept = `${file}.v1-20261001T000000.bak`;
    writeFileSync(kept, 'a complete backup from earlier');
    const other = join(dir, 'other.sqlite.v1-20261101T000000.bak.partial');
    writeFileSync(other, 'another workspace’s backup in progress');

    const ws = openWorkspace(file, { migrations: MIGRATIONS.slice(0, 2), now: () => new Date('2026-11-02T00:00:00Z') });
    ws.close();
    expect(
      readdirSync(dir)
        .filter((name) => name.includes('.bak'))
        .sort(),
    ).toEqual([basename(kept), 'old.sqlite.v1-20261102T000000.bak', basename(other)].sort());
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
