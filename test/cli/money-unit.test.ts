import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAbs } from '../helpers/cli.ts';
import { REPO_ROOT } from '../helpers/repo.ts';
import { useTempDir } from '../helpers/tmp.ts';

/**
 * The `abs` command's tables state the currency their amount columns are in, as a table states a
 * unit — "Balance (USD)" — the amounts staying bare numbers under it: the deal file's `currency`
 * (ISO 4217), or "deal currency" when the file names none. A stored run shown again says its deal's.
 */

const tempDir = useTempDir();
const US = join(REPO_ROOT, 'templates', 'deals', 'us-auto-oc-turbo.json');
const CN = join(REPO_ROOT, 'templates', 'deals', 'cn-consumer-revolving.json');
const US_SET = join(REPO_ROOT, 'templates', 'scenarios', 'us-auto-oc-turbo.json');

function ok(args: readonly string[]): string {
  const run = runAbs(args);
  expect(run.status, run.stderr).toBe(0);
  return run.stdout;
}

/** The tranche table's header line: it starts with "Note". */
const headerLine = (text: string): string => text.split('\n').find((line) => line.startsWith('Note ')) ?? '';

describe('abs: the currency of amount columns', () => {
  it('heads the tranche table’s balances with the deal file’s currency, and says it beside the pool balance and net loss', () => {
    const us = ok(['run', US, '--no-store']);
    expect(headerLine(us)).toMatch(/^Note\s+Balance \(USD\)\s+Coupon/);
    expect(us).toMatch(/pool balance [\d,]+\.\d\d \(USD\) · cutoff/);
    expect(us).toMatch(/cumulative net loss [\d,]+\.\d\d \(USD\)$/m);
    // Amounts stay plain numbers: no sign inside a cell.
    expect(us).not.toContain('$');
    const cn = ok(['run', CN, '--no-store']);
    expect(headerLine(cn)).toMatch(/^Note\s+Balance \(CNY\)\s+Coupon/);
    expect(cn).toMatch(/pool balance [\d,]+\.\d\d \(CNY\) · cutoff/);
    // A file that names no currency: the amounts are the deal currency, as the Excel report's Summary says.
    const { currency: _currency, ...unstated } = JSON.parse(readFileSync(US, 'utf8')) as { currency?: string };
    const file = join(tempDir(), 'no-currency.json');
    writeFileSync(file, JSON.stringify(unstated));
    expect(headerLine(ok(['run', file, '--no-store']))).toMatch(/^Note\s+Balance \(deal currency\)\s+Coupon/);
  });

  it('labels a scenario set’s and a Monte Carlo’s amounts, and a stored run shown again, in its deal’s currency', () => {
    const set = ok(['run', US, '--scenarios', US_SET, '--no-store', '--quiet']);
    expect(set).toMatch(/^ {2}Interest shortfall \(USD\)\s/m);
    expect(set).toMatch(/^ {2}Cumulative net loss \(USD\)\s/m);
    expect(set).toMatch(/^ {2}Reserve draws \(USD\)\s/m);
    expect(set).toMatch(/pool balance [\d,]+\.\d\d \(USD\) · cutoff/);
    const mc = ok(['run', US, '--mc', '40', '--seed', '3', '--no-store', '--quiet']);
    expect(headerLine(mc)).toMatch(/^Note\s+Balance \(USD\)\s+EL %/);
    const db = join(tempDir(), 'ws.sqlite');
    ok(['workspace', 'info', '--db', db]); // creates the workspace
    ok(['run', US, '--db', db]);
    expect(headerLine(ok(['runs', 'show', '1', '--db', db]))).toMatch(/^Note\s+Balance \(USD\)\s+Coupon/);
  });
});
