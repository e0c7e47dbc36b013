import Database from 'better-sqlite3';
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeSampleTape } from '../../data/sample/index.ts';
import { openWorkspace } from '../../data/workspace.ts';
import { runAbs } from '../helpers/cli.ts';
import { REPO_ROOT } from '../helpers/repo.ts';
import { useTempDir } from '../helpers/tmp.ts';

const tempDir = useTempDir();
const FIXTURES = join(REPO_ROOT, 'test', 'fixtures', 'tapes');

describe('abs import', () => {
  it('imports a tape and prints the tape id and counts; --json gives the whole report', () => {
    const db = join(tempDir(), 'ws.sqlite');
    const run = runAbs(['import', join(FIXTURES, 'english-clean.csv'), '--db', db, '--cutoff', '2026-09-30', '--name', 'Clean']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Imported tape 1 "Clean" from english-clean.csv');
    expect(run.stdout).toContain('rows read 6 · imported 6 · rejected 0');
    const again = runAbs(['import', join(FIXTURES, 'chinese-gbk.csv'), '--db', db, '--cutoff', '2026-09-30', '--json']);
    expect(again.status).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ status: 'imported', tapeId: 2, encoding: 'gb18030', rowsImported: 4 });
  });

  it('exits 1 on a rejected file, printing the first reasons', () => {
    const db = join(tempDir(), 'ws.sqlite');
    const run = runAbs(['import', join(FIXTURES, 'english-bad.csv'), '--db', db, '--cutoff', '2026-09-30', '--quiet']);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('Rejected english-bad.csv');
    expect(run.stdout).toContain('row 4, column "origination_date" (origination date), value "2025-02-30": not a calendar date');
    expect(run.stderr.trim()).toBe('abs: english-bad.csv rejected: 14 of 17 rows have problems; nothing was imported (use --keep-valid to import the valid rows)');
  });

  it('lists, renames and deletes tapes', () => {
    const db = join(tempDir(), 'ws.sqlite');
    runAbs(['import', join(FIXTURES, 'english-clean.csv'), '--db', db, '--cutoff', '2026-09-30', '--quiet']);
    const list = runAbs(['tape', 'list', '--db', db]);
    expect(list.status).toBe(0);
    expect(list.stdout).toMatch(/^ID +Name +Cutoff +Loans +Balance \(¥\) +Rejected +Source file$/m);
    expect(list.stdout).toMatch(/^ 1 +english-clean +2026-09-30 +6 +240,690\.12 +0 +english-clean\.csv$/m);
    expect(runAbs(['tape', 'rename', '--db', db, '--tape', '1', '--name', 'Pool A'])).toMatchObject({ status: 0, stdout: 'Tape 1 is now "Pool A"\n' });
    expect(JSON.parse(runAbs(['tape', 'list', '--db', db, '--json']).stdout)).toMatchObject([{ id: 1, name: 'Pool A' }]);
    expect(runAbs(['tape', 'delete', '--db', db, '--tape', '1'])).toMatchObject({ status: 0, stdout: 'Deleted tape 1\n' });
    expect(runAbs(['tape', 'delete', '--db', db, '--tape', '1'])).toMatchObject({ status: 1, stderr: 'abs: No tape with id 1 in this workspace\n' });
    expect(runAbs(['tape', 'list', '--db', db]).stdout).toContain('No tapes in this workspace');
  });

  it('warns of loans whose age plus remaining term exceeds their original term, naming the rows, and imports them', () => {
    const dir = tempDir();
    const db = join(dir, 'ws.sqlite');
    const file = join(dir, 'extended.csv');
    // Ages to 2026-09-30: 6 months (X1, a 3-month loan with 3 left) and 12 months (X2, 12-month, 6 left, restructured); OK is on schedule.
    writeFileSync(
      file,
      [
        '借据号,放款日期,合同金额,剩余本金,年化利率,总期数,剩余期数,是否重组',
        'OK,2026-03-15,12000,6000,0.18,12,6,否',
        'X1,2026-03-15,3000,2000,0.18,3,3,否',
        'X2,2025-09-30,12000,8000,0.18,12,6,是',
        '',
      ].join('\n'),
    );
    const run = runAbs(['import', file, '--db', db, '--cutoff', '2026-09-30']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('rows read 3 · imported 3 · rejected 0');
    expect(run.stdout).toContain(
      '  note: 1 loan not flagged restructured has age + remaining term over its original term by more than a month (row (age + remaining > original term, in months; age from origination to the cutoff 2026-09-30): 3 (6 + 3 > 3)): an extension',
    );
    expect(run.stdout).toContain(
      '  note: 1 loan flagged restructured has age + remaining term over its original term by more than a month (row: 4 (12 + 6 > 12)): expected of an extension; imported as given.',
    );
  });

  it('--keep-valid imports the valid rows and exits 0', () => {
    const db = join(tempDir(), 'ws.sqlite');
    const run = runAbs(['import', join(FIXTURES, 'english-bad.csv'), '--db', db, '--cutoff', '2026-09-30', '--keep-valid', '--json']);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ status: 'imported', rowsImported: 3, rowsRejected: 14 });
  });

  it('applies a mapping file and refuses bad options with one line on stderr', () => {
    const dir = tempDir();
    const db = join(dir, 'ws.sqlite');
    const mapping = join(dir, 'mapping.json');
    writeFileSync(mapping, JSON.stringify({ branch: 'product' }));
    const run = runAbs(['import', join(FIXTURES, 'english-clean.csv'), '--db', db, '--mapping', mapping, '--cutoff', '2026-09-30', '--json']);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ extraColumns: [] });

    expect(runAbs(['import', join(FIXTURES, 'english-clean.csv'), '--db', db, '--cutoff', '30/09/2026'])).toMatchObject({
      status: 1,
      stderr: "abs import: --cutoff must be a date as YYYY-MM-DD, got '30/09/2026'\n",
    });
    expect(runAbs(['import', join(FIXTURES, 'english-clean.csv'), '--db', db, '--encoding', 'latin9'])).toMatchObject({ status: 1 });
    expect(runAbs(['import', join(dir, 'missing.csv'), '--db', db]).stderr).toContain('Tape file not found');
    expect(runAbs(['import', '--db', db]).stderr).toBe('abs import: import needs a FILE (see abs import --help)\n');
  });

  it('takes the tape’s plausibility limits from a mapping file in the saved-mapping form', () => {
    const dir = tempDir();
    const db = join(dir, 'ws.sqlite');
    const mapping = join(dir, 'scaled.json');
    // english-clean.csv's first loan (row 2) has a credit score of 712: above a 0–700 scale.
    writeFileSync(mapping, JSON.stringify({ mapping: { branch: 'product' }, limits: { scoreMax: 700 } }));
    const run = runAbs(['import', join(FIXTURES, 'english-clean.csv'), '--db', db, '--mapping', mapping, '--cutoff', '2026-09-30', '--keep-valid', '--json']);
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout) as { problems: { row: number; rule: string; message: string }[] };
    expect(report.problems.find((p) => p.row === 2)).toMatchObject({ rule: 'score_limit', message: expect.stringContaining('credit score 712 is outside the scale 0 to 700') });
    writeFileSync(mapping, JSON.stringify({ mapping: {}, limits: { scoreMin: 800, scoreMax: 700 } }));
    const bad = runAbs(['import', join(FIXTURES, 'english-clean.csv'), '--db', db, '--mapping', mapping, '--cutoff', '2026-09-30']);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('limits.scoreMax: must be above limits.scoreMin (800)');
  });

  it('a process killed in the middle of an import leaves the workspace exactly as it was', async () => {
    const dir = tempDir();
    const db = join(dir, 'ws.sqlite');
    runAbs(['import', join(FIXTURES, 'english-clean.csv'), '--db', db, '--cutoff', '2026-09-30', '--quiet']);
    const big = join(dir, 'big.csv');
    const lines = ['loan_id,origination_date,original_principal,current_principal,annual_rate,original_term,remaining_term'];
    for (let i = 0; i < 400_000; i++) lines.push(`K${i},2026-01-15,6000,3000.5,0.156,6,3`);
    writeFileSync(big, `${lines.join('\n')}\n`);
    const hashBefore = createHash('sha256').update(readFileSync(db)).digest('hex');

    const child = spawn(process.execPath, [join(REPO_ROOT, 'bin', 'abs.js'), 'import', big, '--db', db, '--cutoff', '2026-09-30'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    const signal = await new Promise<NodeJS.Signals | null>((resolve) => {
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
        stderr += chunk;
        // Kill once the import is visibly under way (a progress line past 0%).
        if (/import big\.csv: [1-9]\d*% /.test(stderr) && child.exitCode === null) child.kill('SIGKILL');
      });
      child.on('exit', (_code, sig) => resolve(sig));
    });
    expect(signal).toBe('SIGKILL');
    expect(stderr).toMatch(/import big\.csv: [1-9]\d*% /);

    // The main database file never saw the uncommitted transaction.
    expect(createHash('sha256').update(readFileSync(db)).digest('hex')).toBe(hashBefore);
    const ws = openWorkspace(db, { create: false });
    try {
      expect(ws.db.prepare('PRAGMA integrity_check').pluck().get()).toBe('ok');
      expect(ws.db.prepare('SELECT count(*) FROM tapes').pluck().get()).toBe(1);
      expect(ws.db.prepare('SELECT count(*) FROM loans').pluck().get()).toBe(6);
      expect(ws.db.prepare("SELECT count(*) FROM loans WHERE loan_id LIKE 'K%'").pluck().get()).toBe(0);
    } finally {
      ws.close();
    }
    const raw = new Database(db, { readonly: true });
    expect(raw.prepare('SELECT name FROM tapes').pluck().all()).toEqual(['english-clean']);
    raw.close();
  });
});

/** The 300-loan sample workbook with one byte flipped inside its first worksheet's deflate stream. */
async function damagedWorkbook(dir: string): Promise<string> {
  const good = join(dir, 'good.xlsx');
  await writeSampleTape({ loans: 300, seed: 1, out: good, format: 'xlsx' });
  const bytes = readFileSync(good);
  const header = bytes.indexOf('xl/worksheets/sheet1.xml');
  expect(header).toBeGreaterThan(30);
  // Local file header (APPNOTE.TXT §4.3.7): the name starts 30 bytes in, then the extra field.
  const dataStart = header + 'xl/worksheets/sheet1.xml'.length + bytes.readUInt16LE(header - 2);
  bytes[dataStart + 785] = (bytes[dataStart + 785] ?? 0) ^ 0xff;
  const damaged = join(dir, 'damaged.xlsx');
  writeFileSync(damaged, bytes);
  return damaged;
}

function absWithin(args: readonly string[], seconds: number): { status: number | null; stdout: string; stderr: string } {
  // Today's exceljs reader waits forever on this file: the timeout makes that a failure, not a hung suite.
  const run = spawnSync(process.execPath, [join(REPO_ROOT, 'bin', 'abs.js'), ...args], { encoding: 'utf8', timeout: seconds * 1000 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('abs import: a damaged workbook ends (issue 17, defect 1)', () => {
  it('exits 1 within seconds with one line naming the file; the workspace is unchanged and the next import succeeds', async () => {
    const dir = tempDir();
    const damaged = await damagedWorkbook(dir);
    const db = join(dir, 'ws.sqlite');
    expect(absWithin(['import', join(FIXTURES, 'english-clean.csv'), '--db', db, '--cutoff', '2026-09-30', '--quiet'], 30).status).toBe(0);
    const before = absWithin(['tape', 'list', '--db', db, '--json'], 30).stdout;

    const started = Date.now();
    const run = absWithin(['import', damaged, '--db', db, '--cutoff', '2026-09-30', '--quiet'], 30);
    expect(run.status).toBe(1);
    expect(Date.now() - started).toBeLessThan(20_000);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^abs: damaged\.xlsx is not a readable XLSX workbook: /);

    expect(absWithin(['tape', 'list', '--db', db, '--json'], 30).stdout).toBe(before);
    const next = absWithin(['import', join(dir, 'good.xlsx'), '--db', db, '--cutoff', '2026-09-30', '--quiet'], 30);
    expect(next.status).toBe(0);
    const tapes = JSON.parse(absWithin(['tape', 'list', '--db', db, '--json'], 30).stdout) as unknown[];
    expect(tapes).toHaveLength(2);
  }, 90_000);
});
