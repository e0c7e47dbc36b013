import Database from 'better-sqlite3';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openWorkspace } from '../../../data/workspace.ts';
import { tapeCounts, type TapeCounts } from '../crash/kill.ts';
import { FuzzCaseFailure, type ReliabilityFamily } from '../harness.ts';
import { TAPE_GENERATORS, tapeBase } from './tape-corpus.ts';
import { FuzzRunner } from './runner.ts';
import { outcomeOf, verdict } from './verdict.ts';

const CASE_SECONDS = 10;

/** A failed or rejected import leaves the tapes as they were; an imported one adds one whole tape. */
function checkWorkspace(input: string, before: readonly TapeCounts[], after: readonly TapeCounts[], imported: number | null): void {
  const expected = imported === null ? before.length : before.length + 1;
  const added = after.at(-1);
  const whole = after.every((tape) => tape.loans === tape.rowsImported);
  const same = JSON.stringify(after.slice(0, before.length)) === JSON.stringify(before);
  if (after.length !== expected || !whole || !same || (imported !== null && added?.loans !== imported)) {
    throw new FuzzCaseFailure(input, `the workspace's tapes went from ${JSON.stringify(before)} to ${JSON.stringify(after)} (imported: ${imported ?? 'nothing'})`);
  }
}

/** Another program can take the write lock at once: no stuck job holds it. */
function checkUnlocked(input: string, db: Database.Database): void {
  try {
    db.exec('BEGIN IMMEDIATE');
    db.exec('ROLLBACK');
  } catch (error) {
    throw new FuzzCaseFailure(input, `the workspace is left locked: ${(error as Error).message}`);
  }
}

/**
 * Hostile tapes through the real import (tape.import in a real Service on a real workspace, in a
 * child process the runner kills when a case overruns).
 */
export const fuzzTapesFamily: ReliabilityFamily = {
  name: 'fuzz-tapes',
  description: `seeded hostile tapes through tape.import of a real Service on a real workspace (in a child process): random bytes, truncated CSV and XLSX, UTF-16 and mislabeled GB18030 text, byte flips inside XLSX deflate streams and XML, 10,000-column headers and rows, 1 MB cells, __proto__/constructor/prototype headers, formula strings, NaN/Infinity/1e309, zip bombs (a 263 KB XLSX inflating to one 256 MiB cell, or 256 MiB of whitespace; 16 MiB in CI), XLSX with missing parts or bad relationships (${TAPE_GENERATORS.length} generators played in turn); each case must end within ${CASE_SECONDS} s in a clean result or an error with a user code and a message naming the file, row or column (no stack trace, no "internal error", at most 2,000 characters), with no built-in prototype polluted, the workspace's tapes unchanged unless one whole tape was imported, and the write lock free`,
  trials: { small: 32, full: 480 },
  async prepare(workDir, size) {
    const base = await tapeBase(workDir, size);
    const workspace = join(workDir, 'fuzz.sqlite');
    openWorkspace(workspace).close();
    const runner = new FuzzRunner(workspace, CASE_SECONDS * 1000);
    const db = new Database(workspace, { timeout: 0 });
    return {
      async trial(index, random) {
        const generate = TAPE_GENERATORS[index % TAPE_GENERATORS.length];
        if (!generate) throw new Error('no generator');
        const tape = generate(random, base);
        const dir = join(workDir, `case-${index}`);
        mkdirSync(dir);
        const path = join(dir, tape.fileName);
        writeFileSync(path, tape.bytes);
        const before = tapeCounts(db);
        const end = await runner.run({ id: index, target: 'tape', path, mode: tape.mode, ...(tape.encoding !== undefined ? { encoding: tape.encoding } : {}) });
        rmSync(dir, { recursive: true, force: true });
        checkUnlocked(tape.input, db);
        const names = new RegExp(`${tape.fileName.replace('.', '\\.')}|\\b(row|column|header|sheet|line)`, 'i');
        const result = verdict(tape.input, end, names);
        checkWorkspace(tape.input, before, tapeCounts(db), result.kind === 'imported' ? result.rows : null);
        return { outcome: outcomeOf(result), input: tape.input.replace(/ \((csv|xlsx)\)$/, ''), said: result.message };
      },
      async close() {
        await runner.close();
        db.close();
      },
    };
  },
};
