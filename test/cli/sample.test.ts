import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAbs } from '../helpers/cli.ts';
import { useTempDir } from '../helpers/tmp.ts';

const tempDir = useTempDir('abs-sample-cli-');

const sha256 = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex');

/** A run that failed as a user error: exit 1, nothing on stdout, exactly one line on stderr. */
function expectUsageError(args: readonly string[], message: string): void {
  const run = runAbs(args, tempDir());
  expect(run.status).toBe(1);
  expect(run.stdout).toBe('');
  expect(run.stderr).toBe(`abs sample: ${message}\n`);
}

describe('abs sample', () => {
  it('writes a CSV tape and says what it wrote', () => {
    const file = join(tempDir(), 'tape.csv');
    const run = runAbs(['sample', '--loans', '500', '--seed', '7', '--out', file]);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe(''); // no progress line when stderr is not a terminal
    const size = statSync(file).size;
    expect(run.stdout).toBe(`Wrote 500 loans to ${file} (csv, UTF-8, ${(size / 1024).toFixed(1)} KiB, seed 7)\n`);
    const lines = readFileSync(file, 'utf8').split('\r\n');
    expect(lines[0]).toBe('\uFEFF借据号,客户号,产品类型,放款日期,到期日期,合同金额,剩余本金,年化利率,总期数,剩余期数,还款方式,逾期天数,逾期本金,逾期利息,职业类型,省份,信用评分,是否重组,数据日期');
    expect(lines).toHaveLength(502); // header, 500 loans, and the empty string after the last CRLF
  });

  it('is deterministic: the same seed writes the same bytes', () => {
    const dir = tempDir();
    const args = ['sample', '--loans', '2,000', '--seed', '99', '--headers', 'en', '--encoding', 'gbk', '--cutoff', '2025-12-31'];
    expect(runAbs([...args, '--out', join(dir, 'a.csv')]).status).toBe(0);
    expect(runAbs([...args, '--out', join(dir, 'b.csv')]).status).toBe(0);
    expect(sha256(join(dir, 'a.csv'))).toBe(sha256(join(dir, 'b.csv')));
    expect(readFileSync(join(dir, 'a.csv'), 'latin1')).toMatch(/^loan_id,borrower_id,/);
  });

  it('takes the format from the file name and prints JSON with --json', () => {
    const file = join(tempDir(), 'tape.xlsx');
    const run = runAbs(['sample', '--loans', '200', '--out', file, '--json']);
    expect(run.status).toBe(0);
    const result = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(result).toEqual({
      path: file,
      rows: 200,
      bytes: statSync(file).size,
      format: 'xlsx',
      encoding: null,
      headers: 'zh',
      seed: 2026,
      cutoffDate: '2026-09-30',
    });
    expect(readFileSync(file).subarray(0, 2).toString('latin1')).toBe('PK'); // a zip container
  });

  it('resolves a relative --out against the working folder', () => {
    const dir = tempDir();
    const run = runAbs(['sample', '--loans', '10', '--out', 'rel.csv', '--json'], dir);
    expect(run.status).toBe(0);
    expect((JSON.parse(run.stdout) as { path: string }).path).toBe(join(dir, 'rel.csv'));
    expect(existsSync(join(dir, 'rel.csv'))).toBe(true);
  });

  it.each([
    [['--loans', 'abc', '--out', 'x.csv'], "--loans must be a whole number from 1 to 5,000,000, got 'abc'"],
    [['--loans', '0', '--out', 'x.csv'], "--loans must be a whole number from 1 to 5,000,000, got '0'"],
    [['--format', 'pdf', '--out', 'x.csv'], "--format must be csv or xlsx, got 'pdf'"],
    [['--seed', '1.5', '--out', 'x.csv'], "--seed must be a whole number from 0 to 4,294,967,295, got '1.5'"],
    [['--headers', 'fr', '--out', 'x.csv'], "--headers must be zh or en, got 'fr'"],
    [['--encoding', 'latin1', '--out', 'x.csv'], "--encoding must be utf-8 or gbk, got 'latin1'"],
    [['--cutoff', '2026-02-30', '--out', 'x.csv'], "--cutoff must be a calendar date as YYYY-MM-DD, got '2026-02-30'"],
    [['--encoding', 'gbk', '--out', 'x.xlsx'], '--encoding gbk applies to csv only (an xlsx file is always Unicode)'],
    [['--loans', '1100000', '--out', 'x.xlsx'], "--loans can be at most 1,048,575 for xlsx (Excel's row limit), got 1,100,000; use csv for more"],
    [['--loans', '10'], 'sample needs --out FILE (e.g. --out loans.csv)'],
  ])('exits 1 with one precise line on stderr: %j', (args, message) => {
    expectUsageError(['sample', ...args], message);
  });

  it('refuses an output folder that does not exist, before generating anything', () => {
    const dir = tempDir();
    expectUsageError(['sample', '--out', join('no-such-folder', 'x.csv')], `cannot write ${join(dir, 'no-such-folder', 'x.csv')}: folder ${join(dir, 'no-such-folder')} does not exist`);
  });

  it('folds option-parser complaints into one line', () => {
    const run = runAbs(['sample', '--out', 'x.csv', '--seed', '-1'], tempDir());
    expect(run.status).toBe(1);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(runAbs(['sample', '--bogus'], tempDir())).toMatchObject({ status: 1 });
  });

  it('is listed in abs --help and explains itself with --help', () => {
    expect(runAbs(['--help']).stdout).toContain('sample --loans N --seed S --out FILE [--format csv|xlsx]');
    const help = runAbs(['sample', '--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^Usage: abs sample --out FILE/);
  });
});
