import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import pkg from '../../package.json' with { type: 'json' };
import { LATEST_SCHEMA_VERSION } from '../../data/migrations/index.ts';
import { runAbs } from '../helpers/cli.ts';
import { REPO_ROOT } from '../helpers/repo.ts';
import { useTempDir } from '../helpers/tmp.ts';

const tempDir = useTempDir();

describe('abs command', () => {
  it('ends quietly with exit 0 when the reader closes the pipe early (abs run … | head)', async () => {
    // The reader reads nothing and closes its end at once (as `head -c 0` would): the command's first write meets a closed pipe.
    const child = spawn(process.execPath, [join(REPO_ROOT, 'bin', 'abs.js'), 'run', join(REPO_ROOT, 'templates', 'deals', 'us-auto-oc-turbo.json'), '--json'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
    child.stdout.destroy();
    const code = await new Promise<number | null>((resolve) => child.on('close', (exitCode) => resolve(exitCode)));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });

  it('prints help and exits 0', () => {
    const run = runAbs(['--help']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Usage: abs <command>');
    expect(run.stdout).toContain('workspace info --db FILE');
    expect(run.stderr).toBe('');
  });

  it('prints the version', () => {
    expect(runAbs(['--version'])).toMatchObject({ status: 0, stdout: `${pkg.version}\n` });
  });

  it('workspace info --json creates the workspace and prints its facts as JSON', () => {
    const file = join(tempDir(), 'x.sqlite');
    const run = runAbs(['workspace', 'info', '--db', file, '--json']);
    expect(run.status).toBe(0);
    const info = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(info).toMatchObject({ path: file, fileName: 'x.sqlite', schemaVersion: LATEST_SCHEMA_VERSION, journalMode: 'wal' });
    expect(existsSync(file)).toBe(true);
  });

  it('workspace info prints aligned fields for a person', () => {
    const file = join(tempDir(), 'y.sqlite');
    const run = runAbs(['workspace', 'info', '--db', file]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`^Workspace +${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'm'));
    expect(run.stdout).toMatch(/^Journal +wal$/m);
  });

  it('exits 1 with one line on stderr for a file that is not a workspace', () => {
    const file = join(tempDir(), 'loans.csv');
    writeFileSync(file, 'loan_id,balance\nA1,100\n');
    const run = runAbs(['workspace', 'info', '--db', file, '--json']);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('loans.csv is not a SQLite database');
  });

  it('exits 1 naming an empty file instead of turning it into a workspace (: > notes.txt)', () => {
    const file = join(tempDir(), 'notes.txt');
    writeFileSync(file, '');
    const run = runAbs(['workspace', 'info', '--db', file]);
    expect(run.status).toBe(1);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain(`notes.txt is an empty file (0 bytes), not a workspace: ${file}`);
    expect(readFileSync(file)).toHaveLength(0);
  });

  it("exits 1 naming the file for --db main.sqlite-wal (main.sqlite's journal), and leaves main.sqlite as it was", () => {
    const dir = tempDir();
    const main = join(dir, 'main.sqlite');
    expect(runAbs(['workspace', 'info', '--db', main]).status).toBe(0);
    const before = readFileSync(main);
    const wal = join(dir, 'main.sqlite-wal');
    const run = runAbs(['workspace', 'info', '--db', wal]);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain(`main.sqlite-wal cannot be a workspace: it is the file where SQLite keeps the journal of the workspace main.sqlite`);
    expect(run.stderr).toContain(wal);
    expect(existsSync(wal)).toBe(false);
    expect(readFileSync(main).equals(before)).toBe(true);
    expect(runAbs(['workspace', 'info', '--db', main]).status).toBe(0);
  });

  it('exits 1 with one line naming a busy workspace (another program holds its write lock)', () => {
    // Another program's open write transaction (BEGIN IMMEDIATE) is a condition the user resolves
    // (wait, close the other program), not a bug: exit 1, not "Internal error … exit 2".
    const dir = tempDir();
    const file = join(dir, 'busy.sqlite');
    const tape = join(dir, 'tape.csv');
    expect(runAbs(['workspace', 'info', '--db', file]).status).toBe(0);
    expect(runAbs(['sample', '--loans', '5', '--seed', '1', '--out', tape]).status).toBe(0);
    const other = new Database(file);
    other.exec('BEGIN IMMEDIATE');
    try {
      const run = runAbs(['import', tape, '--db', file]);
      expect(run.status).toBe(1);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      expect(run.stderr).toContain(`busy.sqlite is busy: another program is writing to it (${file})`);
      expect(run.stderr).not.toContain('Internal error');
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
  }, 20_000);

  it('exits 1 on usage errors: unknown command, unknown option, missing --db', () => {
    expect(runAbs(['frobnicate'])).toMatchObject({ status: 1, stderr: "abs: unknown command 'frobnicate' (see abs --help)\n" });
    expect(runAbs(['workspace', 'info', '--db', 'a.sqlite', '--bogus']).status).toBe(1);
    expect(runAbs(['workspace', 'info'])).toMatchObject({ status: 1, stderr: 'abs workspace: workspace info needs --db FILE\n' });
  });
});

/** The shipped OC/turbo deal with Class A's `coupon` renamed `coupn` and the closing date written without its second dash (a new user's walkthrough). */
function typoDeal(): string {
  const deal = JSON.parse(readFileSync(join(REPO_ROOT, 'templates', 'deals', 'us-auto-oc-turbo.json'), 'utf8')) as { dates: Record<string, unknown>; notes: Record<string, unknown>[] };
  const [classA] = deal.notes;
  if (!classA) throw new Error('the template has notes');
  classA['coupn'] = classA['coupon'];
  delete classA['coupon'];
  deal.dates['closing'] = '2025-0315';
  const file = join(tempDir(), 'typo1.json');
  writeFileSync(file, JSON.stringify(deal, null, 2));
  return file;
}

describe('abs run on a deal file with mistakes', () => {
  it('names the file and lists every problem one a line: the misspelt key with the field it meant, the field left missing, the bad date', () => {
    const file = typoDeal();
    const run = runAbs(['run', file]);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr.trimEnd().split('\n')).toEqual([
      `abs: deal file ${file} has 3 problems:`,
      '  $.notes[0].coupn: not a field of a note — did you mean "coupon"?',
      '  $.dates.closing: expected a date YYYY-MM-DD',
      '  $.notes[0].coupon: missing: a note must have "coupon"',
    ]);
  });

  it('--json: the same problems as one JSON object on stderr, each with its path, message and code', () => {
    const file = typoDeal();
    const run = runAbs(['run', file, '--json']);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    const { error } = JSON.parse(run.stderr) as { error: { code: string; file: string; issues: { path: string; message: string; code?: string }[] } };
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.file).toBe(file);
    expect(error.issues.map((issue) => [issue.path, issue.code])).toEqual([
      ['$.notes[0].coupn', 'shape.unknownFieldMeant'],
      ['$.dates.closing', undefined],
      ['$.notes[0].coupon', 'shape.missingField'],
    ]);
  });

  it('an assumption file’s problems are listed under its own name', () => {
    const assumptions = JSON.parse(readFileSync(join(REPO_ROOT, 'templates', 'assumptions', 'consumer-base.json'), 'utf8')) as { months: number; monts?: number };
    assumptions.monts = assumptions.months;
    delete (assumptions as { months?: number }).months;
    const file = join(tempDir(), 'base.json');
    writeFileSync(file, JSON.stringify(assumptions));
    const run = runAbs(['run', join(REPO_ROOT, 'templates', 'deals', 'us-auto-oc-turbo.json'), '--assumptions', file]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`abs: assumption file ${file} has `);
    expect(run.stderr).toContain('  $.monts: not a field of an assumption file — did you mean "months"?\n');
  });
});
