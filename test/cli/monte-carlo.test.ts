import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDistribution } from '../../cli/commands/run-monte-carlo.ts';
import type { MonteCarloResult } from '../../service/api/contract.ts';
import { runAbs } from '../helpers/cli.ts';
import { useTempDir } from '../helpers/tmp.ts';
import { STATIC_DEAL } from '../service/monte-carlo/static-deal.ts';

const tempDir = useTempDir();

function ok(args: readonly string[]): string {
  const run = runAbs(args);
  expect(run.status, run.stderr).toBe(0);
  return run.stdout;
}

describe('abs run DEAL.json --mc N', () => {
  it('prints the per-note table and the pool-loss histogram; --json is byte-identical for 1 and 2 worker threads', () => {
    const deal = join(tempDir(), 'static.json');
    writeFileSync(deal, JSON.stringify(STATIC_DEAL));
    const table = join(tempDir(), 'ratings.json');
    writeFileSync(
      table,
      JSON.stringify([
        { rating: 'AAA', maxExpectedLoss: 0.0005 },
        { rating: 'A', maxExpectedLoss: 0.01 },
        { rating: 'B', maxExpectedLoss: 0.2 },
      ]),
    );
    const args = ['run', deal, '--mc', '120', '--seed', '7', '--dist', 'lognormal:mean=0.15,cv=0.6', '--rating-table', table];
    const one = ok([...args, '--jobs', '1', '--json']);
    expect(ok([...args, '--jobs', '2', '--json'])).toBe(one);
    const result = JSON.parse(one) as MonteCarloResult;
    expect(result.paths).toBe(120);
    expect(result.distributionText).toBe('lognormal:mean=0.15,cv=0.6');
    expect(result.notes.map((n) => n.id)).toEqual(['Senior', 'Junior']);
    // The junior [0, 10%] tranche of a 9%-mean loss loses most of its balance; the senior very little.
    const [senior, junior] = result.notes;
    expect(junior!.expectedLoss).toBeGreaterThan(0.5);
    expect(senior!.expectedLoss).toBeLessThan(0.05);
    expect(junior!.impliedRating).toBeNull(); // above the table's last limit (20%)
    expect(result.pool.histogram.reduce((s, b) => s + b.paths, 0)).toBe(120);
    const text = ok([...args, '--quiet']);
    expect(text).toContain('Monte Carlo 120 paths · seed 7 · lognormal:mean=0.15,cv=0.6');
    expect(text).toMatch(/^Junior\s/m);
    expect(text).toContain('below table');
    expect(text).toMatch(/Net loss range\s+Paths/);
    expect(text).toContain('█');
    // The deal's denominator in the screens' words (the deal names none: the default, NAFMII's), not its key.
    expect(text).toContain("the deal's cumulative default rate (÷ the cutoff pool, purchases included) averages");
    expect(text).not.toContain('initialPool');
  });

  it('refuses a bad distribution, seed or path count with a clear message', () => {
    expect(parseDistribution('lognormal:mean=0.04,cv=0.5')).toEqual({ kind: 'lognormal', mean: 0.04, cv: 0.5 });
    expect(parseDistribution('lognormal:cv=0.5')).toEqual({ kind: 'lognormal', cv: 0.5 });
    expect(parseDistribution('vasicek:pd=0.04,rho=0.1')).toEqual({ kind: 'vasicek', pd: 0.04, rho: 0.1 });
    expect(() => parseDistribution('gamma:mean=1')).toThrow(/--dist must be lognormal or vasicek/);
    expect(() => parseDistribution('vasicek:pd=0.04')).toThrow(/needs rho=/);
    expect(() => parseDistribution('lognormal:cv=x')).toThrow(/not name=number/);
    expect(() => parseDistribution('lognormal:cv=0.5,rho=0.1')).toThrow(/takes mean and cv, not rho/);
    const deal = join(tempDir(), 'static.json');
    writeFileSync(deal, JSON.stringify(STATIC_DEAL));
    const badSeed = runAbs(['run', deal, '--mc', '10', '--seed', '1.5']);
    expect(badSeed.status).not.toBe(0);
    expect(badSeed.stderr).toMatch(/--seed must be a whole number/);
    const badPd = runAbs(['run', deal, '--mc', '10', '--dist', 'vasicek:pd=4,rho=0.1']);
    expect(badPd.status).not.toBe(0);
    expect(badPd.stderr).toMatch(/pd/);
    const stray = runAbs(['run', deal, '--seed', '3']);
    expect(stray.stderr).toMatch(/--seed goes with --mc N/);
  });
});
