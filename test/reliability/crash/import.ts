import { copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeSampleTape } from '../../../data/sample/index.ts';
import { importTape } from '../../../data/tape/import.ts';
import { openWorkspace } from '../../../data/workspace.ts';
import { check, type ReliabilityFamily } from '../harness.ts';
import { absKilledAfter, calibrate, randomKill, tapeCounts, timedRun, withCheckedDb, type TapeCounts } from './kill.ts';

/** The tape a workspace already holds before each killed import (it must come through untouched). */
const EARLIER_LOANS = 2_000;

/** A workspace holding one tape, built in this process (the fixture, not what is tried). */
export async function workspaceWithTape(file: string, tape: string): Promise<void> {
  const ws = openWorkspace(file);
  try {
    await importTape(ws.db, { path: tape, mode: 'reject' });
  } finally {
    ws.close();
  }
}

/** All-or-nothing: the earlier tape whole, and the killed import's tape either absent or whole. */
function checkTapes(tapes: readonly TapeCounts[], earlier: TapeCounts, loans: number): 'absent' | 'complete' {
  const [first, second, ...more] = tapes;
  check(first !== undefined && first.id === earlier.id && first.rowsImported === earlier.rowsImported && first.loans === earlier.loans, `the earlier tape changed: ${JSON.stringify(first)}`);
  check(more.length === 0, `more tapes than one import can add: ${JSON.stringify(tapes)}`);
  if (second === undefined) return 'absent';
  check(second.rowsImported === loans && second.loans === loans, `a partial tape: ${JSON.stringify(second)} (expected ${loans} loans)`);
  return 'complete';
}

/**
 * kill -9 at a random moment of `abs import` (CSV or XLSX) into a workspace that already holds a
 * tape; then the file must pass integrity_check, hold the earlier tape untouched and the new one
 * wholly or not at all, and a re-import of the same file must succeed.
 */
export function crashImportFamily(format: 'csv' | 'xlsx', sizes: { small: number; full: number }): ReliabilityFamily {
  const full = sizes.full.toLocaleString('en-US');
  return {
    name: `crash-import-${format}`,
    description: `kill -9 of \`abs import\` at a random moment (uniform over the latest complete run: half the trials from the spawn, half from when the workspace is open for writing) of a ${full}-loan ${format.toUpperCase()} sample tape (small run: ${sizes.small.toLocaleString('en-US')}) into a workspace already holding a ${EARLIER_LOANS.toLocaleString('en-US')}-loan tape; checks integrity_check = ok, the earlier tape untouched, the new tape absent or complete (rows_imported = loans stored), and that a re-import of the file then succeeds`,
    trials: { small: 5, full: 50 },
    async prepare(workDir, size) {
      const loans = sizes[size];
      const tape = join(workDir, `tape.${format}`);
      await writeSampleTape({ loans, seed: 7, format, out: tape });
      await writeSampleTape({ loans: EARLIER_LOANS, seed: 3, format: 'csv', out: join(workDir, 'earlier.csv') });
      const base = join(workDir, 'base.sqlite');
      await workspaceWithTape(base, join(workDir, 'earlier.csv'));
      const earlier = withCheckedDb(base, tapeCounts)[0];
      if (!earlier) throw new Error('the earlier tape is missing');
      const calibration = join(workDir, 'calibration.sqlite');
      copyFileSync(base, calibration);
      let timing = await calibrate(['import', tape, '--db', calibration, '--quiet'], () => existsSync(`${calibration}-wal`));
      rmSync(calibration);
      rmSync(`${calibration}-wal`, { force: true });
      rmSync(`${calibration}-shm`, { force: true });

      return {
        async trial(index, random) {
          const dir = join(workDir, `trial-${index}`);
          mkdirSync(dir);
          const db = join(dir, 'ws.sqlite');
          copyFileSync(base, db);
          // The import is under way once the workspace is open for writing: its -wal file appears.
          const kill = randomKill(random, timing, () => existsSync(`${db}-wal`));
          const run = await absKilledAfter(['import', tape, '--db', db, '--quiet'], kill.delayMs, {}, kill.clock);
          check(run.killed || run.status === 0, `the import exited ${run.status} without the kill: ${run.stderr}`);
          const state = withCheckedDb(db, (sqlite) => checkTapes(tapeCounts(sqlite), earlier, loans));

          const again = await timedRun(['import', tape, '--db', db, '--quiet', '--allow-duplicate'], () => existsSync(`${db}-wal`));
          check(again.status === 0, `the re-import after the kill failed (${again.status}): ${again.stderr.trim()}`);
          timing = again;
          withCheckedDb(db, (sqlite) => {
            const tapes = tapeCounts(sqlite);
            const last = tapes.at(-1);
            check(tapes.length === (state === 'absent' ? 2 : 3) && last?.loans === loans && last.rowsImported === loans, `after the re-import: ${JSON.stringify(tapes)}`);
          });
          rmSync(dir, { recursive: true, force: true });
          return { outcome: run.killed ? `killed ${kill.label}: tape ${state}` : `finished before the kill: tape ${state}` };
        },
      };
    },
  };
}
