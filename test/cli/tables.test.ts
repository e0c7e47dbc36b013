import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DealTablesResult } from '../../service/api/contract.ts';
import { runAbs } from '../helpers/cli.ts';
import { REPO_ROOT } from '../helpers/repo.ts';
import { useTempDir } from '../helpers/tmp.ts';

// abs tables: one deal file, one process, every speed and both call cases. The figures checked are the
// Toyota Auto Receivables 2025-A prospectus's (424(h), 15 Jan 2025, Class A-1 table, TABLE_186 p. 93 and
// Class B WALs, TABLE_216 p. 102; test/fixtures/prospectus/toyota-2025-a-published.ts cites the source).

const tempDir = useTempDir();
const DEAL = join(REPO_ROOT, 'test', 'fixtures', 'prospectus', 'toyota-2025-a.json');
const SPEEDS = '0,0.5,1,1.3,1.5,1.8 ABS';

describe('abs tables DEAL.json --speeds', () => {
  it('prints each class’s decrement table, WAL, window and expected final, to call and to maturity', () => {
    const run = runAbs(['tables', DEAL, '--speeds', SPEEDS]);
    expect(run.status, run.stderr).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toContain('WAL in years, 30/360 from closing');
    const a1 = lines.findIndex((l) => l.startsWith('Class A-1 ') && l.endsWith('to call'));
    expect(lines[a1 + 1]?.split(/\s{2,}/)).toEqual(['Payment date', '0 ABS', '0.5 ABS', '1 ABS', '1.3 ABS', '1.5 ABS', '1.8 ABS']);
    expect(lines[a1 + 3]?.split(/\s+/)).toEqual(['2025-02-15', '80.67', '75.75', '70.17', '66.37', '63.48', '57.90']);
    const bToMaturity = lines.findIndex((l) => l.startsWith('Class B ') && l.endsWith('to maturity'));
    const wal = lines.slice(bToMaturity).find((l) => l.startsWith('WAL (years)'));
    expect(wal?.split(/\s{2,}/).slice(1)).toEqual(['5.06', '4.94', '4.65', '4.35', '4.05', '3.45']);
  });

  it('--no-call --json gives only the to-maturity case; --csv and --out hold the same figures', () => {
    const json = JSON.parse(runAbs(['tables', DEAL, '--speeds', SPEEDS, '--no-call', '--json']).stdout) as DealTablesResult;
    expect(json.cases.map((c) => c.callCase)).toEqual(['toMaturity']);
    expect(json.speeds).toEqual(['0 ABS', '0.5 ABS', '1 ABS', '1.3 ABS', '1.5 ABS', '1.8 ABS']);
    const csv = runAbs(['tables', DEAL, '--speeds', SPEEDS, '--call', '--csv']).stdout;
    expect(csv).toContain('toCall,Class A-1,2025-02-15,80.67,75.75,70.17,66.37,63.48,57.90');
    const dir = tempDir();
    expect(runAbs(['tables', DEAL, '--speeds', SPEEDS, '--call', '--out', dir]).status).toBe(0);
    expect(readFileSync(join(dir, 'tables.csv'), 'utf8').trimEnd()).toBe(csv.trimEnd());
  });

  it('says what is wrong with a bad speed or a bad option', () => {
    const bad = runAbs(['tables', DEAL, '--speeds', '1.5 ABX']);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/prepayment/);
    const twoCases = runAbs(['tables', DEAL, '--speeds', SPEEDS, '--call', '--no-call']);
    expect(twoCases.status).toBe(1);
    expect(twoCases.stderr).toContain('give one of --call, --no-call and --both');
    expect(runAbs(['tables', DEAL]).stderr).toContain('tables needs --speeds');
  });

  describe('abs tables --precision whole-plain', () => {
    it('prints whole percents with 0 under 0.5%, as AmeriCredit 2024-1 prints them (TABLE_311, p. 81: Class A-1 at 1.00% ABS, 18 Oct 2024: 0)', () => {
      const deal = join(REPO_ROOT, 'test', 'fixtures', 'prospectus', 'amcar-2024-1-1241.json');
      const run = runAbs(['tables', deal, '--speeds', '1 ABS', '--precision', 'whole-plain', '--call']);
      expect(run.status, run.stderr).toBe(0);
      // Class A-1 is the first table printed: its first six payment dates.
      const rows = run.stdout
        .split('\n')
        .filter((l) => /^2024-(0[6-9]|1[01])-18/.test(l))
        .slice(0, 6);
      expect(rows.map((l) => l.trim().split(/\s+/))).toEqual([
        ['2024-06-18', '70'],
        ['2024-07-18', '52'],
        ['2024-08-18', '34'],
        ['2024-09-18', '17'],
        ['2024-10-18', '0'],
        ['2024-11-18', '0'],
      ]);
    });

    it('refuses a precision it does not know, naming the three it does', () => {
      const run = runAbs(['tables', DEAL, '--speeds', '1 ABS', '--precision', 'half']);
      expect(run.status).not.toBe(0);
      expect(run.stderr).toContain("--precision must be 2, whole or whole-plain, got 'half'");
    });
  });
});
