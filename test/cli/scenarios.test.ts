import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ScenarioSetRunResult } from '../../service/api/contract.ts';
import { runAbs } from '../helpers/cli.ts';
import { REPO_ROOT } from '../helpers/repo.ts';
import { useTempDir } from '../helpers/tmp.ts';

const tempDir = useTempDir();
const DEAL = join(REPO_ROOT, 'templates', 'deals', 'cn-consumer-revolving.json');
const SET = join(REPO_ROOT, 'templates', 'scenarios', 'cn-consumer-revolving.json');
const NAMES = ['Base', 'Stress 1.5x', 'Stress 2x', 'Stress 3x', 'Stress 4x', 'Prepay 0.5x', 'Prepay 2x'];

function ok(args: readonly string[]): string {
  const run = runAbs(args);
  expect(run.status, run.stderr).toBe(0);
  return run.stdout;
}

const resultOf = (text: string): ScenarioSetRunResult => (JSON.parse(text) as { scenarios: ScenarioSetRunResult }).scenarios;

describe('abs run DEAL.json --scenarios SET.json', () => {
  it('prints each note’s figures per scenario side by side, the same figures --json holds, byte for byte the same twice', () => {
    const json = ok(['run', DEAL, '--scenarios', SET, '--json']);
    expect(ok(['run', DEAL, '--scenarios', SET, '--json'])).toBe(json);
    expect(json).not.toContain('"seconds"');
    const result = resultOf(json);
    expect((JSON.parse(json) as { base: string }).base).toBe('the deal file’s assumptions');
    expect(result.scenarios.map((s) => s.name)).toEqual(NAMES);
    const text = ok(['run', DEAL, '--scenarios', SET, '--quiet']);
    const lines = text.split('\n');
    // The header names every scenario in order; the conventions are stated.
    const header = lines[1] ?? '';
    const columns = NAMES.map((n) => header.indexOf(n));
    expect(columns.every((at) => at > 0)).toBe(true);
    expect(columns).toEqual([...columns].sort((a, b) => a - b));
    expect(text).toMatch(/^WAL in years on ACT\/365 from closing; window = first and last principal payment months; yield at par at closing, annual effective/m);
    expect(text).toContain('base the deal file’s assumptions');
    // The run's net loss books each default's severity when it defaults (engine/project/cash-flows.ts).
    expect(text).toContain('net loss = defaults × (1 − recovery rate), booked at default.');
    // In the screens' words (messages/): the residual note's coupon, and the NAFMII denominator the deal names (not its key).
    expect(text).toMatch(/^Subordinate 次级 \(residual\) *$/m);
    expect(text).toContain('cumulative default rate = cumulative defaults ÷ the cutoff pool while revolving, then the pool when revolving ended (NAFMII);');
    expect(text).not.toMatch(/initialPool|none \(residual\)/);
    // Each note's loss % per scenario, as the JSON has them (write-down ÷ original balance, two decimals).
    const sub = lines.findIndex((l) => l.startsWith('Subordinate'));
    const lossLine = lines.slice(sub).find((l) => l.startsWith('  Loss %')) ?? '';
    const cells = lossLine
      .trim()
      .split(/\s{2,}/)
      .slice(1);
    expect(cells).toEqual(result.scenarios.map((s) => `${((s.tranches[2]?.lossRate ?? NaN) * 100).toFixed(2)}%`));
    const netLoss = lines.find((l) => l.startsWith('  Net loss % of cutoff pool')) ?? '';
    expect(
      netLoss
        .trim()
        .split(/\s{2,}/)
        .slice(1),
    ).toEqual(result.scenarios.map((s) => `${(s.cumulativeNetLossRate * 100).toFixed(2)}%`));
    // The stresses hit the subordinate note first: no loss at base, a total loss at ×4.
    expect(result.scenarios[0]?.tranches.map((t) => t.lossRate)).toEqual([0, 0, 0]);
    expect(result.scenarios[4]?.tranches[2]?.lossRate).toBe(1);
  });

  it('--csv prints one row per scenario and note; --out writes the three files as one set', () => {
    const csv = ok(['run', DEAL, '--scenarios', SET, '--csv']).trimEnd().split('\n');
    expect(csv[0]).toBe(
      'Scenario,Note,Name,"WAL (years, ACT/365 from closing)",First principal date,Last principal date,"Yield at par (annual effective, ACT/365)",IRR (residual),Write-down,Loss rate,Interest shortfall',
    );
    expect(csv).toHaveLength(1 + NAMES.length * 3);
    expect(csv[1]).toMatch(/^Base,A,Senior A 优先A,/);
    const out = join(tempDir(), 'scenario-out');
    ok(['run', DEAL, '--scenarios', SET, '--out', out, '--quiet']);
    expect(readdirSync(out).sort()).toEqual(['scenario-pool.csv', 'scenario-tranches.csv', 'scenarios.json']);
    expect(readFileSync(join(out, 'scenario-pool.csv'), 'utf8').split('\n')[0]).toBe(
      'Scenario,"Cumulative default rate (÷ the cutoff pool while revolving, then the pool when revolving ended (NAFMII))",Cumulative net loss,Cumulative net loss rate (of the cutoff pool),Reserve draws,Triggers breached (first period),Revolving ended (period),Clean-up call (period)',
    );
    expect(resultOf(readFileSync(join(out, 'scenarios.json'), 'utf8')).scenarios).toHaveLength(NAMES.length);
  });

  it('reads a base file named by the set beside it, and --assumptions replaces it', () => {
    const dir = tempDir();
    const deal = JSON.parse(readFileSync(DEAL, 'utf8')) as { assumptions: { pool: Record<string, unknown> } };
    // The deal's own set with no recoveries: net loss = gross defaults.
    writeFileSync(join(dir, 'no-recoveries.json'), JSON.stringify({ ...deal.assumptions, pool: { ...deal.assumptions.pool, recoveryRate: 0 } }));
    writeFileSync(join(dir, 'set.json'), JSON.stringify({ name: 'On a file', base: 'no-recoveries.json', scenarios: [{ name: 'Base' }] }));
    const text = ok(['run', DEAL, '--scenarios', join(dir, 'set.json'), '--quiet']);
    expect(text).toContain('base no-recoveries.json');
    const onFile = resultOf(ok(['run', DEAL, '--scenarios', join(dir, 'set.json'), '--json'])).scenarios[0];
    const own = resultOf(ok(['run', DEAL, '--scenarios', SET, '--json'])).scenarios[0];
    expect(onFile?.cumulativeNetLoss).toBeGreaterThan(own?.cumulativeNetLoss ?? Infinity);
    const replaced = resultOf(ok(['run', DEAL, '--scenarios', join(dir, 'set.json'), '--assumptions', join(REPO_ROOT, 'templates', 'assumptions', 'consumer-base.json'), '--json'])).scenarios[0];
    expect(replaced?.cumulativeNetLoss).toBeLessThan(onFile?.cumulativeNetLoss ?? -Infinity);
  });

  it('a bad set is refused at its JSON path, before any run; --grid does not mix with it', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'bad.json'), JSON.stringify({ name: 'Bad', scenarios: [{ name: 'Gig' }, { name: 'Gig' }] }));
    const bad = runAbs(['run', DEAL, '--scenarios', join(dir, 'bad.json')]);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('$.scenarios[1].name: "Gig" is also the name of scenarios[0]; names must be unique');
    // A segment the pool lacks stresses no loan: the set runs, and its scenario's warnings say so.
    writeFileSync(join(dir, 'farmer.json'), JSON.stringify({ name: 'Farmer', scenarios: [{ name: 'Gig', multipliers: { segments: { farmer: { default: 2 } } } }] }));
    const farmer = resultOf(ok(['run', DEAL, '--scenarios', join(dir, 'farmer.json'), '--json'])).scenarios[0];
    expect(farmer?.warnings).toContain(
      'the pool has no loan in segment farmer (its segments: salaried, self_employed, gig): the assumptions given for it at $.multipliers.segments.farmer were not used',
    );
    const both = runAbs(['run', DEAL, '--scenarios', SET, '--grid', 'cdr=1,2', 'cpr=5,10']);
    expect(both.status).toBe(1);
    expect(both.stderr).toContain('--scenarios and --grid run separately');
    const saved = join(dir, 'saved.json');
    writeFileSync(saved, JSON.stringify({ name: 'Saved base', base: 'Stress base', scenarios: [{ name: 'Base' }] }));
    const noWorkspace = runAbs(['run', DEAL, '--scenarios', saved]);
    expect(noWorkspace.status).toBe(1);
    expect(noWorkspace.stderr).toContain('no saved assumption set named "Stress base" (no workspace is open)');
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });
});
