import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAbs } from '../helpers/cli.ts';
import { generateStaticPool, writeWideXlsx } from '../helpers/static-pool-generator.ts';
import { useTempDir } from '../helpers/tmp.ts';

const tempDir = useTempDir('abs-static-cli-');
const TIMING = [0, 0, 25, 25, 25, 25];
const VINTAGES = generateStaticPool(
  { lifetimeDefault: 0.03, lifetimeSpread: 0, timingPct: TIMING, cprByAge: [0.1], termMonths: 6, rateAnnual: 0, roll: { current: 0.01, dpd1_30: 0.5, dpd31_60: 0.5 } },
  9,
  6,
);

describe('abs static-pool', () => {
  it('prints the vintages, lifetime default, timing, CPR and fit errors, and saves the set in the workspace', async () => {
    const file = join(tempDir(), 'pool.xlsx');
    await writeWideXlsx(file, VINTAGES, 4);
    const db = join(tempDir(), 'ws.sqlite');
    const run = runAbs(['static-pool', file, '--amortization', 'equal_principal', '--term', '6', '--save', 'History', '--db', db]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Static pool: pool.xlsx ▸ 累计违约率 (wide, header row 3)');
    expect(run.stdout).toMatch(/^2021-01 +100,000,000\.00 +6 +3\.00% +100\.0% +3\.00% +observed/m);
    expect(run.stdout).toContain('Lifetime cumulative default (balance-weighted, % of original balance): 3.000%');
    expect(run.stdout).toMatch(/M1–M6 +0\.00 +0\.00 +25\.00 +25\.00 +25\.00 +25\.00/);
    expect(run.stdout).toMatch(/CPR by month on book \(annual, %\):\n {2}M1–M6 +10\.00 +10\.00 +10\.00 +10\.00 +10\.00 +—/);
    expect(run.stdout).toContain('Saved as assumption set "History"');
    const row = new Database(db, { readonly: true }).prepare<[string], { json: string }>('SELECT json FROM assumption_sets WHERE name = ?').get('History');
    expect(JSON.parse(row?.json ?? '{}')).toMatchObject({ source: { kind: 'staticPool', files: ['pool.xlsx'] }, pool: { prepayment: '10 for 5 CPR by age' } });
  });

  it('prints JSON, and exits 1 naming file, row and column of a bad value', () => {
    const bad = join(tempDir(), 'bad.csv');
    writeFileSync(bad, '放款月份,初始本金,账龄,累计违约率\n2024-01,100,1,0.02\n2024-01,100,2,0.01\n');
    const run = runAbs(['static-pool', bad]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('bad.csv, row 3, column "累计违约率": vintage 2024-01: 累计违约率 (cumulative default rate) falls from 2% at month 1 to 1% at month 2');
    const good = join(tempDir(), 'good.csv');
    writeFileSync(good, 'vintage,original balance,mob,cumulative default rate\n2024-01,100,1,0.01\n2024-01,100,2,0.02\n');
    const json = runAbs(['static-pool', good, '--json']);
    expect(json.status).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({ fit: { lifetimeDefault: 0.02 }, saved: null });
    expect(runAbs(['static-pool', good, '--save', 'X']).stderr).toContain('--save NAME needs --db WORKSPACE');
  });
});
