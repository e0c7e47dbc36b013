import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDealFile } from '../../service/files/deal-file.ts';
import { prepareDeal, runPrepared } from '../../service/runs/prepare-deal.ts';
import { runAbs } from '../helpers/cli.ts';
import { REPO_ROOT } from '../helpers/repo.ts';
import { useTempDir } from '../helpers/tmp.ts';

const tempDir = useTempDir();
const template = JSON.parse(readFileSync(join(REPO_ROOT, 'templates', 'deals', 'cn-consumer-revolving.json'), 'utf8')) as { assumptions: Record<string, unknown> };
const file = readDealFile(template);
const base = template.assumptions as { pool: Record<string, unknown>; segments: { gig: Record<string, unknown> } };
// The template's scenario plus a salaried segment on a cumulative default timing curve.
const scenario = {
  ...base,
  segments: { ...base.segments, salaried: { defaultTiming: { cumulativeDefaultRate: 0.05, timingPct: [30, 40, 30], monthsPerPeriod: 12 } } },
};

describe('scenario overrides (abs run --prepay --default --default-mult)', () => {
  it('replace the pool’s and every segment’s curves, as if the assumption file said so everywhere', () => {
    const overridden = runPrepared(prepareDeal(file, null, scenario, { prepayment: '10 CPR', default: '3 CDR' })).result;
    // The same scenario written by hand: the pool's curves, gig's own prepayment and salaried's timing curve all replaced,
    // the default curve applied beside the roll-rate charge-offs (an explicit default override always applies).
    const byHand = {
      ...scenario,
      pool: { ...scenario.pool, prepayment: '10 CPR', default: '3 CDR', defaultSources: 'both' },
      segments: { ...scenario.segments, gig: { ...scenario.segments.gig, prepayment: '10 CPR' }, salaried: { default: '3 CDR' } },
    };
    const written = runPrepared(prepareDeal(file, null, byHand)).result;
    expect(overridden.periods).toEqual(written.periods);
    expect(runPrepared(prepareDeal(file, null, scenario)).result.periods).not.toEqual(written.periods);
  });

  it('--default-mult is the multiplier stress of a breakeven, and a breakeven multiplies it further', () => {
    const doubled = prepareDeal(file, null, scenario, { defaultMultiplier: 2 });
    const plain = prepareDeal(file, null, scenario);
    expect(runPrepared(doubled).result.periods).toEqual(runPrepared(plain, { by: 'multiplier', value: 2 }).result.periods);
    expect(runPrepared(doubled, { by: 'multiplier', value: 1.5 }).result.periods).toEqual(runPrepared(plain, { by: 'multiplier', value: 3 }).result.periods);
  });

  it('refuses a curve that is not vector notation, at its path', () => {
    expect(() => prepareDeal(file, null, scenario, { prepayment: '150 PSX' })).toThrow(/Scenario override \$\.prepayment/);
    expect(() => prepareDeal(file, null, scenario, { default: '150 PSA' })).toThrow(/Scenario override \$\.default/);
  });
});

// One interest-only (先息后本) loan of 1,000,000 due in month 6, passed through to one note.
const oneBullet = {
  name: 'One bullet',
  dates: { cutoff: '2025-01-01', closing: '2025-01-10', firstPaymentDate: '2025-02-15', legalFinalMaturity: '2026-12-15' },
  notes: [{ id: 'A', seniority: 1, originalBalance: 1_000_000, coupon: { type: 'fixed', rate: 0.03 } }],
  waterfall: {
    combined: [
      { kind: 'interest', notes: ['A'] },
      { kind: 'principal', notes: ['A'], rule: 'sequential' },
      { kind: 'residual', to: 'seller' },
    ],
  },
  pool: { lines: [{ id: 'six', amortization: 'interest_only', balance: 1_000_000, rate: 0.06, originalTerm: 6, remainingTerm: 6 }] },
  assumptions: { months: 24, pool: {} },
  analytics: { walBasis: 'months/12' },
};

interface RunJson {
  run: { tranches: { walYears: number }[]; periods: { pool: { defaults: number; prepayments: number } }[] };
}

function deal(): string {
  const path = join(tempDir(), 'one-bullet.json');
  writeFileSync(path, JSON.stringify(oneBullet));
  return path;
}

describe('abs run --prepay --default --default-mult', () => {
  it('--prepay "10 SMM": 10% of the balance prepays each month until the bullet', () => {
    const cli = runAbs(['run', deal(), '--json', '--prepay', '10 SMM']);
    expect(cli.stderr).toBe('');
    const { run } = JSON.parse(cli.stdout) as RunJson;
    // Principal by month: 100,000; 90,000; 81,000; 72,900; 65,610; then the 590,490 left (0.9^5 × 1,000,000) at maturity.
    expect(run.periods.slice(0, 5).map((p) => p.pool.prepayments)).toEqual([100_000, 90_000, 81_000, 72_900, 65_610]);
    // WAL, months/12: (1 × 100,000 + 2 × 90,000 + 3 × 81,000 + 4 × 72,900 + 5 × 65,610 + 6 × 590,490) / 1,000,000 / 12
    //   = 4,685,590 / 1,000,000 / 12 = 0.39046583 years.
    expect(run.tranches[0]?.walYears).toBeCloseTo(0.39046583, 8);
  });

  it('--default "2 CDR" --default-mult 2: month 1 defaults 2 × MDR of the balance', () => {
    // MDR = 1 − (1 − 0.02)^(1/12) = 0.00168214255; × 2 × 1,000,000 = 3,364.2851 → 3,364.29 at cents.
    const doubled = JSON.parse(runAbs(['run', deal(), '--json', '--default', '2 CDR', '--default-mult', '2']).stdout) as RunJson;
    expect(doubled.run.periods[0]?.pool.defaults).toBe(3364.29);
    // Without the multiplier: 1,682.1426 → 1,682.14.
    const plain = JSON.parse(runAbs(['run', deal(), '--json', '--default', '2 CDR']).stdout) as RunJson;
    expect(plain.run.periods[0]?.pool.defaults).toBe(1682.14);
  });

  it('says what it overrode, explains the flags in --help, and refuses bad values', () => {
    const text = runAbs(['run', deal(), '--prepay', '150 PSA', '--default-mult', '1.5']);
    expect(text.stdout).toContain('Scenario overrides: prepayment 150 PSA (pool and every segment) · default curve × 1.5');
    expect(runAbs(['run', '--help']).stdout).toMatch(/--prepay .*vector notation/);
    const badCurve = runAbs(['run', deal(), '--prepay', '150 PSX']);
    expect(badCurve.status).toBe(1);
    expect(badCurve.stderr).toContain('Scenario override $.prepayment');
    const badMultiplier = runAbs(['run', deal(), '--default-mult', 'twice']);
    expect(badMultiplier.status).toBe(1);
    expect(badMultiplier.stderr).toContain("--default-mult must be a number ≥ 0, got 'twice'");
  });
});
