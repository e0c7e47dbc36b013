import Database from 'better-sqlite3';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { UserError } from './errors.ts';
import { checkWorkspaceName } from './workspace-names.ts';
import { MIGRATIONS, type Migration } from './migrations/index.ts';

/** `PRAGMA application_id` of every workspace: ASCII "ABSW". Tells our files from other SQLite files. */
export const APPLICATION_ID = 0x41425357;

const SQLITE_HEADER = 'SQLite format 3\0';
const PAGE_SIZE = 16_384;

export type SqliteDb = Database.Database;

export interface Workspace {
  readonly path: string;
  readonly db: SqliteDb;
  readonly schemaVersion: number;
  /** Path of the backup written before this open migrated an older schema, if any. */
  readonly backupPath: string | null;
  close(): void;
}

export interface OpenOptions {
  /** Create the file (and its folder) when missing. Default true. */
  readonly create?: boolean;
  /** Clock for created-at and backup names; injectable for tests. */
  readonly now?: () => Date;
  /** The schema to migrate to; the app's own list unless a test supplies another. */
  readonly migrations?: readonly Migration[];
  /** Test hook: called with the complete pre-upgrade copy (`….bak.partial`) just before it is renamed to `.bak`. */
  readonly beforeBackupRename?: (partialPath: string) => void;
}

interface Inspection {
  readonly exists: boolean;
  readonly userVersion: number;
}

/**
 * Opens (or creates) a workspace file: WAL journal, foreign keys on, schema migrated to the
 * latest version. Refuses — before writing a single byte — a path named like another database's
 * journal (…-wal, …-shm, …-journal), a new file not named .sqlite or .db, a file that is not
 * SQLite, a SQLite file of another application, and a workspace written by a newer version of the app.
 */
export function openWorkspace(path: string, options: OpenOptions = {}): Workspace {
  const file = resolve(path);
  const now = options.now ?? (() => new Date());
  const migrations = options.migrations ?? MIGRATIONS;
  const latest = migrations.length;
  const inspection = inspectWorkspaceFile(file, options.create ?? true, latest);
  if (!inspection.exists) mkdirSync(dirname(file), { recursive: true });

  const db = openSqlite(file, {});
  try {
    // A new file gets 16 KiB pages: loan rows are ~200 bytes, and bulk inserts write fewer,
    // fuller pages (~15% faster imports). The page size is fixed once the first table exists.
    if (inspection.userVersion === 0) db.pragma(`page_size = ${PAGE_SIZE}`);
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = NORMAL');
    let backupPath: string | null = null;
    if (inspection.userVersion > 0 && inspection.userVersion < latest) {
      backupPath = backupBeforeMigration(db, file, inspection.userVersion, now(), options.beforeBackupRename);
    }
    migrate(db, now(), migrations);
    return {
      path: file,
      db,
      schemaVersion: readUserVersion(db),
      backupPath,
      close: () => db.close(),
    };
  } catch (error) {
    db.close();
    throw error;
  }
}

/** Read-only look at a file before we open it for writing. */
function inspectWorkspaceFile(file: string, create: boolean, latest: number): Inspection {
  const exists = existsSync(file);
  checkWorkspaceName(file, { creating: !exists && create });
  if (!exists) {
    if (!create) throw new UserError('NOT_FOUND', `Workspace file not found: ${file}`, { path: file });
    return { exists: false, userVersion: 0 };
  }
  const stat = statSync(file);
  if (!stat.isFile()) {
    throw new UserError('WORKSPACE_NOT_SQLITE', `Not a workspace file (it is a folder or device): ${file}`, { path: file });
  }
  // An empty file is not a new workspace: it is someone's file (notes.txt, a placeholder) that
  // opening would silently turn into SQLite. A new workspace is made only at a path that does not exist.
  if (stat.size === 0) {
    throw new UserError('WORKSPACE_NOT_SQLITE', `${basename(file)} is an empty file (0 bytes), not a workspace: ${file}; to create a new workspace, choose a name that does not exist yet`, {
      path: file,
    });
  }
  if (readHeader(file) !== SQLITE_HEADER) {
    throw new UserError('WORKSPACE_NOT_SQLITE', `${basename(file)} is not a SQLite database, so it cannot be a workspace: ${file}`, { path: file });
  }
  const db = openSqlite(file, { readonly: true, fileMustExist: true });
  try {
    const userVersion = readUserVersion(db);
    const applicationId = Number(db.pragma('application_id', { simple: true }));
    const objects = Number(db.prepare('SELECT count(*) FROM sqlite_schema').pluck().get());
    if (applicationId !== APPLICATION_ID && (applicationId !== 0 || objects > 0)) {
      throw new UserError('WORKSPACE_NOT_OURS', `${basename(file)} is a SQLite database of another application, not an ABS workspace: ${file}`, { path: file, applicationId });
    }
    if (userVersion > latest) {
      throw new UserError(
        'WORKSPACE_TOO_NEW',
        `${basename(file)} was written by a newer version of ABS Workbench (schema ${userVersion}; this version reads up to ${latest}). Update the app to open it; the file was not changed.`,
        { path: file, schemaVersion: userVersion, supportedVersion: latest },
      );
    }
    return { exists: true, userVersion };
  } finally {
    db.close();
  }
}

function readHeader(file: string): string {
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(16);
    const read = readSync(fd, buffer, 0, 16, 0);
    return buffer.subarray(0, read).toString('latin1');
  } finally {
    closeSync(fd);
  }
}

function openSqlite(file: string, options: Database.Options): SqliteDb {
  try {
    const db = new Database(file, { timeout: 5000, ...options });
    // The constructor does not read the file; the first statement does.
    db.prepare('SELECT count(*) FROM sqlite_schema').pluck().get();
    return db;
  } catch (error) {
    throw translateSqliteError(error, file);
  }
}

function translateSqliteError(error: unknown, file: string): unknown {
  if (!(error instanceof Error)) return error;
  const code = (error as { code?: unknown }).code;
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
    return new UserError('WORKSPACE_NOT_SQLITE', `${basename(file)} is damaged or not a SQLite database: ${file}`, {
      path: file,
      sqlite: code,
    });
  }
  if (isSqliteBusy(error)) return workspaceBusyError(file);
  if (code === 'SQLITE_CANTOPEN' || code === 'SQLITE_READONLY' || code === 'SQLITE_PERM') {
    return new UserError('WORKSPACE_READ_ONLY', `Cannot open ${file} for writing (${code})`, { path: file });
  }
  return error;
}

/**
 * True for SQLite's "database is locked" family (SQLITE_BUSY, SQLITE_BUSY_SNAPSHOT, SQLITE_LOCKED…):
 * another connection held the write lock for longer than our 5 s busy timeout.
 */
export function isSqliteBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'));
}

/** Another program (or another window of the app) is writing to the workspace: the user can wait and retry. */
export function workspaceBusyError(file: string): UserError {
  return new UserError('WORKSPACE_BUSY', `${basename(file)} is busy: another program is writing to it (${file}); try again when it has finished`, { path: file });
}

function readUserVersion(db: SqliteDb): number {
  return Number(db.pragma('user_version', { simple: true }));
}

/**
 * Copies the workspace to `FILE.v<version>-<time>.bak` before an upgrade. The copy is written as
 * `….bak.partial` and renamed once complete, so a kill during the copy never leaves a `.bak` that
 * looks like a backup but opens empty (VACUUM INTO's rolled-back journal); what a kill leaves is
 * removed by the next upgrade.
 */
function backupBeforeMigration(db: SqliteDb, file: string, fromVersion: number, at: Date, beforeRename?: (partial: string) => void): string {
  const stamp = at.toISOString().replace(/[-:]/g, '').replace(/\..*$/, '');
  const backup = `${file}.v${fromVersion}-${stamp}.bak`;
  const partial = `${backup}.partial`;
  removeUnfinishedBackups(file);
  try {
    db.prepare('VACUUM INTO ?').run(partial);
    beforeRename?.(partial);
    renameSync(partial, backup);
  } catch (error) {
    rmSync(partial, { force: true });
    rmSync(`${partial}-journal`, { force: true });
    throw error;
  }
  return backup;
}

/**
 * Leftovers of a backup killed midway, beside the workspace: `….bak.partial` (and its journal),
 * and — from versions that wrote the final name directly — a `.bak` whose `-journal` is still
 * there (SQLite deletes the journal when the copy commits, so such a `.bak` never completed).
 */
function removeUnfinishedBackups(file: string): void {
  const folder = dirname(file);
  const backupName = new RegExp(`^${escapeRegExp(basename(file))}\\.v\\d+-\\d{8}T\\d{6}\\.bak`);
  const names = readdirSync(folder).filter((name) => backupName.test(name));
  for (const name of names) {
    const unfinished = name.endsWith('.bak.partial') || name.endsWith('.bak.partial-journal') || (name.endsWith('.bak') && names.includes(`${name}-journal`)) || name.endsWith('.bak-journal');
    if (unfinished) rmSync(join(folder, name), { force: true });
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Applies every pending migration, each in its own transaction with its version bump. */
export function migrate(db: SqliteDb, at: Date = new Date(), migrations: readonly Migration[] = MIGRATIONS): void {
  checkMigrationList(migrations);
  const current = readUserVersion(db);
  if (current === 0 && Number(db.pragma('application_id', { simple: true })) === 0) {
    db.pragma(`application_id = ${APPLICATION_ID}`);
  }
  for (const migration of migrations) {
    if (migration.version <= current) continue;
    db.transaction(() => {
      db.exec(migration.up);
      if (migration.version === 1) {
        db.prepare('INSERT INTO workspace_meta (key, value) VALUES (?, ?)').run('created_at', at.toISOString());
      }
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
}

export function checkMigrationList(migrations: readonly Migration[]): void {
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(`Migration list out of order: position ${index + 1} holds version ${migration.version}`);
    }
  });
}

export interface WorkspaceMeta {
  readonly createdAt: string | null;
}

export function readWorkspaceMeta(db: SqliteDb): WorkspaceMeta {
  const row = db.prepare<[], { value: string }>("SELECT value FROM workspace_meta WHERE key = 'created_at'").get();
  return { createdAt: row?.value ?? null };
}

let sqliteVersionCache: string | null = null;

/** The version of the SQLite library linked into better-sqlite3 (read once, from an in-memory database). */
export function sqliteLibraryVersion(): string {
  if (sqliteVersionCache === null) {
    const db = new Database(':memory:');
    sqliteVersionCache = String(db.prepare('SELECT sqlite_version()').pluck().get());
    db.close();
  }
  return sqliteVersionCache;
}
