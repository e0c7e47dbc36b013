import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { GridResult, ScenarioSetRunResult } from '../../service/api/contract.ts';
import { runAbs } from '../helpers/cli.ts';
import { REPO_ROOT } from '../helpers/repo.ts';
import { useTempDir } from '../helpers/tmp.ts';

const tempDir = useTempDir();
const DEAL = join(REPO_ROOT, 'templates', 'deals', 'cn-consumer-revolving.json');
const SET = join(REPO_ROOT, 'templates', 'scenarios', 'cn-consumer-revolving.json');

function ok(args: readonly string[]): string {
  const run = runAbs(args);
  expect(run.status, run.stderr).toBe(0);
  return run.stdout;
}

describe('abs run DEAL.json --grid ROW COL', () => {
  it('prints a loss table per note and the frontier; --json is the same bytes for --jobs 1 and 2; --out writes the set', { timeout: 120_000 }, () => {
    const text = ok(['run', DEAL, '--grid', 'defaultMult=1:4:3', 'prepayMult=0.5,1.5', '--quiet']);
    const lines = text.split('\n');
    // The subordinate note's table: rows 1 and 4 (1 to 4 by 3), columns 0.5 and 1.5; losses at 4×.
    // Headed as the Deal screen's grid heads it: the residual note's coupon is "residual", not its stored label "none (residual)".
    const sub = lines.findIndex((l) => l.startsWith('Subordinate 次级 (residual) — loss % of original balance'));
    expect(lines[lines.findIndex((l) => l.startsWith('Senior A 优先A ('))]).toBe('Senior A 优先A (2.80% fixed) — loss % of original balance');
    expect(lines[sub + 1]).toMatch(/^defaultMult ↓ \/ prepayMult → +0\.5 +1\.5$/);
    expect(lines[sub + 2]).toMatch(/^1 +0\.00% +0\.00%$/);
    expect(lines[sub + 3]).toMatch(/^4 +\d+\.\d\d% +\d+\.\d\d%$/);
    expect(text).toContain('Frontier: for each defaultMult, the smallest prepayMult of the grid at which the note loses principal');
    const one = ok(['run', DEAL, '--grid', 'defaultMult=1:4:3', 'prepayMult=0.5,1.5', '--json', '--jobs', '1']);
    expect(ok(['run', DEAL, '--grid', 'defaultMult=1:4:3', 'prepayMult=0.5,1.5', '--json', '--jobs', '2'])).toBe(one);
    const { grid } = JSON.parse(one) as { grid: GridResult };
    expect(grid.rows).toEqual({ parameter: 'defaultMult', values: [1, 4] });
    expect(grid.frontier.at(-1)?.principalLoss).toEqual([null, 0.5]);
    const csv = ok(['run', DEAL, '--grid', 'defaultMult=1:4:3', 'prepayMult=0.5,1.5', '--csv']).trimEnd().split('\n');
    // A header and one row per cell and note: 2 × 2 cells × 3 notes.
    expect(csv).toHaveLength(1 + 12);
    const out = join(tempDir(), 'grid');
    ok(['run', DEAL, '--grid', 'defaultMult=1:4:3', 'prepayMult=0.5,1.5', '--out', out, '--quiet']);
    for (const file of ['grid.csv', 'grid-frontier.csv', 'grid.json']) expect(existsSync(join(out, file))).toBe(true);
    expect(readFileSync(join(out, 'grid.json'), 'utf8')).toBe(one);
  });

  it('says what is wrong with a grid', () => {
    const one = runAbs(['run', DEAL, '--grid', 'defaultMult=1:4:1']);
    expect(one.status).toBe(1);
    expect(one.stderr.trim()).toBe('abs run: --grid takes two axes, rows then columns: --grid "defaultMult=0.5:4:0.5" "prepayMult=0.5,1,1.5" (got 1)');
    const range = runAbs(['run', DEAL, '--grid', 'defaultMult=4:1:1', 'cpr=1,2']);
    expect(range.stderr.trim()).toBe("abs run: grid axis 'defaultMult=4:1:1': the end 1 is below the start 4");
    const jobs = runAbs(['run', DEAL, '--grid', 'defaultMult=1,2', 'cpr=1,2', '--jobs', '0']);
    expect(jobs.stderr.trim()).toBe("abs run: --jobs must be a whole number of worker threads from 1 to 256, got '0'");
    const outage = runAbs(['run', DEAL, '--grid', 'outageShare=0,1', 'outageMonth=2,3', '--outage', 'days=15,cure=1']);
    expect(outage.stderr.trim()).toBe("abs run: --outage 'days=15,cure=1': 'cure' is not a field of an outage (fields: month, days, share, cureShare, segment, waivePenalty)");
    const value = runAbs(['run', DEAL, '--grid', 'recoveryRate=0.5,2', 'cpr=1,2']);
    expect(value.stderr.trim()).toBe('abs: recoveryRate (recovery rate (decimal)) must be a number from 0 to 1, got 2');
  });

  it('--scenarios with --breakeven adds each note’s breakeven per scenario', { timeout: 120_000 }, () => {
    const dir = tempDir();
    const two = join(dir, 'two.json');
    const set = JSON.parse(readFileSync(SET, 'utf8')) as { scenarios: unknown[] };
    writeFileSync(two, JSON.stringify({ ...set, scenarios: set.scenarios.slice(0, 2) }));
    const json = ok(['run', DEAL, '--scenarios', two, '--breakeven', '--json']);
    const result = (JSON.parse(json) as { scenarios: ScenarioSetRunResult }).scenarios;
    // The Base scenario is the deal's own scenario: its breakevens are `abs run DEAL --breakeven`'s; the stress leaves less room.
    const alone = (JSON.parse(ok(['run', DEAL, '--breakeven', '--json'])) as { breakeven: { rows: unknown[] } }).breakeven.rows;
    expect(result.scenarios[0]?.breakeven?.rows).toEqual(alone);
    const base = result.scenarios[0]?.breakeven?.rows[0];
    const stressed = result.scenarios[1]?.breakeven?.rows[0];
    expect(base?.status).toBe('found');
    expect(stressed?.stress).toBeLessThan(base?.stress ?? 0);
    const out = join(dir, 'out');
    ok(['run', DEAL, '--scenarios', two, '--breakeven', '--out', out, '--quiet']);
    const csv = readFileSync(join(out, 'scenario-breakevens.csv'), 'utf8').trimEnd().split('\n');
    // A header, then the two coupon notes (A, B) under each of the two scenarios.
    expect(csv.map((line) => line.split(',').slice(0, 2).join(','))).toEqual(['Scenario,Note', 'Base,A', 'Base,B', 'Stress 1.5x,A', 'Stress 1.5x,B']);
    expect(csv[1]?.split(',')[4]).toBe(String(base?.stress));
    const text = ok(['run', DEAL, '--scenarios', two, '--breakeven', '--quiet']);
    expect(text).toMatch(/ {2}Senior A 优先A breakeven +\d+\.\d{3}× timely +\d+\.\d{3}× timely/);
  });

  it('with --db stores the grid: an identical rerun is served from the store; abs runs list and show name it and print its tables', { timeout: 120_000 }, () => {
    const db = join(tempDir(), 'ws.sqlite');
    ok(['workspace', 'info', '--db', db]);
    const args = ['run', DEAL, '--grid', 'cdr=5,40', 'recoveryRate=0,0.5', '--db', db, '--quiet'];
    const first = ok(args);
    expect(first).toContain('Grid: stored as run #1 (abs runs show 1)');
    const again = ok([...args, '--jobs', '1']);
    expect(again).toMatch(/Grid: served from the run store \(run #1 of .* UTC\); not computed again/);
    expect(again.trimEnd().split('\n').slice(1, -1)).toEqual(first.trimEnd().split('\n').slice(1, -1));
    expect(ok(['runs', 'list', '--db', db])).toMatch(/^ *1 +grid +.* +Grid cdr × recoveryRate — .*Cells \(cdr × recoveryRate\) 4/m);
    const shown = ok(['runs', 'show', '1', '--db', db]);
    expect(shown).toMatch(/^Run #1 · grid · "Grid cdr × recoveryRate — /);
    expect(shown).toContain('Senior A 优先A (2.80% fixed) — loss % of original balance');
  });
});
