import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAbs } from '../helpers/cli.ts';
import { REPO_ROOT } from '../helpers/repo.ts';
import { useTempDir } from '../helpers/tmp.ts';

const tempDir = useTempDir();
const HX5_CSV = join(REPO_ROOT, 'test', 'fixtures', 'schedules', 'hx5-2017-collection-schedule.csv');
const HX5_DEAL = join(REPO_ROOT, 'test', 'fixtures', 'prospectus', 'hx5-2017.json');

describe('abs import-schedule and a deal naming the stored schedule', () => {
  it('imports the 和享 2017-5 schedule in 万元, lists and shows it in yuan', () => {
    const db = join(tempDir(), 'ws.sqlite');
    const run = runAbs(['import-schedule', HX5_CSV, '--db', db, '--name', 'hx5', '--unit', '万元', '--cutoff', '2017-10-01']);
    expect(run.stderr).toBe('');
    expect(run.stdout.trim()).toBe('Schedule "hx5": 23 collection periods, opening balance ¥15,061,203,600.00 (read in 万元 from hx5-2017-collection-schedule.csv, cutoff 2017-10-01)');
    const show = runAbs(['schedule', 'show', '--db', db, '--name', 'hx5']);
    expect(show.stdout).toContain('2017-12-31  15,061,203,600.00  2,065,991,800.00  251,524,200.00');
    expect(JSON.parse(runAbs(['schedule', 'list', '--db', db, '--json']).stdout)).toMatchObject([{ name: 'hx5', periods: 23, unit: '万元' }]);
  });

  it('a bad file exits 1 naming the row and column, and stores nothing', () => {
    const db = join(tempDir(), 'ws.sqlite');
    const bad = join(tempDir(), 'bad.csv');
    writeFileSync(bad, '归集时间,期初本金余额,应收本金,应收利息\n2024-01-31,100,50,1\n2024-02-29,50,5O,1\n');
    const run = runAbs(['import-schedule', bad, '--db', db, '--name', 'bad', '--unit', '元']);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^abs: bad\.csv: row 3, column "应收本金", value "5O": /);
    expect(runAbs(['schedule', 'list', '--db', db]).stdout).toContain('No schedules in this workspace');
    expect(runAbs(['import-schedule', HX5_CSV, '--db', db, '--name', 'x']).stderr).toMatch(/unit is not stated/);
  });

  it('runs a deal whose schedulePool names the stored schedule, with the figures of the same deal written with its rows', () => {
    const db = join(tempDir(), 'ws.sqlite');
    runAbs(['import-schedule', HX5_CSV, '--db', db, '--name', '和享2017-5', '--unit', '万元', '--cutoff', '2017-10-01']);
    const inline = JSON.parse(readFileSync(HX5_DEAL, 'utf8')) as { $schema?: string; schedulePool: Record<string, unknown> };
    const { $schema: _schema, ...deal } = inline;
    const byName = join(tempDir(), 'by-name.json');
    writeFileSync(byName, JSON.stringify({ ...deal, schedulePool: { schedule: '和享2017-5' } }));
    const withRows = join(tempDir(), 'with-rows.json');
    writeFileSync(withRows, JSON.stringify(deal));
    const named = runAbs(['run', byName, '--db', db, '--json']);
    expect(named.status).toBe(0);
    expect(named.stderr).toMatch(/stored as run #1/);
    const own = runAbs(['run', withRows, '--json']);
    type Run = { run: { tranches: { id: string; walYears: number }[] } };
    const wal = (out: string): number[] => (JSON.parse(out) as Run).run.tranches.map((t) => t.walYears);
    expect(wal(named.stdout)).toEqual(wal(own.stdout));
    // Without the workspace the deal file says what is missing.
    expect(runAbs(['run', byName]).stderr).toMatch(/schedulePool\.schedule.*run the deal with that workspace open/);
  });
});
