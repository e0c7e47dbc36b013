import type Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../../data/migrations/index.ts';
import { openWorkspace } from '../../../data/workspace.ts';
import { writeSampleTape } from '../../../data/sample/index.ts';
import { check, type ReliabilityFamily } from '../harness.ts';
import { workspaceWithTape } from './import.ts';
import { absKilledAfter, calibrate, randomKill, timedRun, withCheckedDb, type Calibration } from './kill.ts';

/** Loans in the version-2 workspace: enough that its pre-upgrade backup takes a while to write. */
const LOANS = { small: 15_000, full: 40_000 };
const TABLES_OF_V2 = ['tapes', 'loans', 'tape_rejects', 'tape_summaries', 'tape_mappings'];

/** What must survive an upgrade unchanged. */
interface Contents {
  readonly createdAt: string;
  readonly tapes: number;
  readonly loans: number;
  readonly balance: number;
}

function contentsOf(db: Database.Database, version: number): Contents {
  const createdAt = String(db.prepare("SELECT value FROM workspace_meta WHERE key = 'created_at'").pluck().get());
  if (version < 2) return { createdAt, tapes: 0, loans: 0, balance: 0 };
  const loans = db.prepare<[], { loans: number; balance: number }>('SELECT count(*) AS loans, total(current_principal) AS balance FROM loans').get();
  return { createdAt, tapes: Number(db.prepare('SELECT count(*) FROM tapes').pluck().get()), loans: loans?.loans ?? 0, balance: loans?.balance ?? 0 };
}

function versionOf(db: Database.Database): number {
  return Number(db.pragma('user_version', { simple: true }));
}

/**
 * Real older workspaces: the app's own first migrations only (openWorkspace with a shorter list);
 * version 2 gets the tapes and loans of a real import, copied from a current workspace.
 */
function olderWorkspace(file: string, version: number, filledFrom: string | null): Contents {
  const ws = openWorkspace(file, { migrations: MIGRATIONS.slice(0, version) });
  try {
    if (filledFrom) {
      ws.db.prepare('ATTACH DATABASE ? AS current').run(filledFrom);
      ws.db.transaction(() => {
        for (const table of TABLES_OF_V2) ws.db.exec(`INSERT INTO main.${table} SELECT * FROM current.${table}`);
      })();
      ws.db.exec('DETACH DATABASE current');
    }
    return contentsOf(ws.db, version);
  } finally {
    ws.close();
  }
}

function checkContents(found: Contents, expected: Contents, what: string): void {
  check(JSON.stringify(found) === JSON.stringify(expected), `${what}: contents ${JSON.stringify(found)}, expected ${JSON.stringify(expected)}`);
}

/** The workspace is at its old version or fully upgraded, with its data; an upgraded one has a complete backup. */
function checkAfterKill(dir: string, from: number, expected: Contents): 'old version' | 'upgraded' {
  const version = withCheckedDb(join(dir, 'ws.sqlite'), (db) => {
    const found = versionOf(db);
    check(found === from || found === LATEST_SCHEMA_VERSION, `user_version ${found} is neither the old ${from} nor the latest ${LATEST_SCHEMA_VERSION}`);
    const hasSets = db.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'assumption_sets'").pluck().get() === 1;
    check(hasSets === (found === LATEST_SCHEMA_VERSION), `user_version ${found} but assumption_sets ${hasSets ? 'exists' : 'is missing'}`);
    checkContents(contentsOf(db, found), expected, 'the workspace');
    return found;
  });
  const backups = readdirSync(dir).filter((name) => name.endsWith('.bak'));
  for (const backup of backups) {
    withCheckedDb(join(dir, backup), (db) => {
      check(versionOf(db) === from, `backup ${backup} is at user_version ${versionOf(db)}, not ${from}`);
      checkContents(contentsOf(db, from), expected, `backup ${backup}`);
    });
  }
  if (version === LATEST_SCHEMA_VERSION) check(backups.length === 1, `upgraded without a complete backup (found ${backups.join(', ') || 'none'})`);
  return version === from ? 'old version' : 'upgraded';
}

/**
 * kill -9 at a random moment of a workspace upgrade (`abs workspace info` on a version-1 or
 * version-2 file, which backs the file up and migrates it to the latest schema).
 */
export const crashUpgradeFamily: ReliabilityFamily = {
  name: 'crash-upgrade',
  description: `kill -9 of \`abs workspace info\` at a random moment (uniform over the latest complete upgrade: half the trials from the spawn, half from when the workspace is open for writing) upgrading a real older workspace — built by running only the first migrations: version 1 (empty), or version 2 holding a ${LOANS.full.toLocaleString('en-US')}-loan tape (small run: ${LOANS.small.toLocaleString('en-US')}) — to schema ${LATEST_SCHEMA_VERSION}; checks integrity_check = ok, the workspace at its old version or fully upgraded with its tapes, loans, balance and created-at unchanged, every .bak complete (the old version, the same data; an upgraded workspace has one), and that a reopen then succeeds, upgrades and clears any unfinished backup`,
  trials: { small: 5, full: 50 },
  async prepare(workDir, size) {
    const current = join(workDir, 'current.sqlite');
    const tape = join(workDir, 'tape.csv');
    await writeSampleTape({ loans: LOANS[size], seed: 11, format: 'csv', out: tape });
    await workspaceWithTape(current, tape);
    const templates: { readonly version: number; readonly file: string; readonly contents: Contents; timing: Calibration }[] = [];
    for (const version of [1, 2]) {
      const file = join(workDir, `v${version}.sqlite`);
      const contents = olderWorkspace(file, version, version === 2 ? current : null);
      const calibration = join(workDir, `calibration-v${version}.sqlite`);
      copyFileSync(file, calibration);
      const timing = await calibrate(['workspace', 'info', '--db', calibration], () => existsSync(`${calibration}-wal`));
      templates.push({ version, file, contents, timing });
    }

    return {
      async trial(index, random) {
        // Version 2 (with loans, a backup worth killing) three times in four.
        const from = random.chance(0.75) ? templates[1] : templates[0];
        if (!from) throw new Error('no template');
        const dir = join(workDir, `trial-${index}`);
        mkdirSync(dir);
        const db = join(dir, 'ws.sqlite');
        copyFileSync(from.file, db);
        // The upgrade is under way once the workspace is open for writing (its -wal file appears): the backup, then the migrations.
        const kill = randomKill(random, from.timing, () => existsSync(`${db}-wal`));
        const run = await absKilledAfter(['workspace', 'info', '--db', db], kill.delayMs, {}, kill.clock);
        check(run.killed || run.status === 0, `the upgrade exited ${run.status} without the kill: ${run.stderr}`);
        const duringBackup = readdirSync(dir).some((name) => name.endsWith('.bak.partial'));
        const state = checkAfterKill(dir, from.version, from.contents);

        // A reopen that upgrades times the next trial of this version; one that found the upgrade done does not.
        const reopen = await timedRun(['workspace', 'info', '--db', db], () => existsSync(`${db}-wal`));
        check(reopen.status === 0, `the reopen after the kill failed (${reopen.status}): ${reopen.stderr.trim()}`);
        if (state === 'old version') from.timing = reopen;
        const version = withCheckedDb(db, (sqlite) => {
          checkContents(contentsOf(sqlite, LATEST_SCHEMA_VERSION), from.contents, 'after the reopen');
          return versionOf(sqlite);
        });
        check(version === LATEST_SCHEMA_VERSION, `the reopen left user_version ${version}`);
        const leftovers = readdirSync(dir).filter((name) => /\.bak\.partial|\.bak-journal$/.test(name));
        check(leftovers.length === 0, `unfinished backups left after the reopen: ${leftovers.join(', ')}`);
        rmSync(dir, { recursive: true, force: true });
        return { outcome: run.killed ? `v${from.version} killed ${kill.label}${duringBackup ? ' during the backup' : ''}: ${state}` : `v${from.version} finished before the kill` };
      },
    };
  },
};
