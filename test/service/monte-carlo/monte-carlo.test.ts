import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lognormalTrancheLoss, mean, standardError } from '../../../engine/index.ts';
import type { DefaultRateDistributionRequest } from '../../../service/api/contract.ts';
import { readDealFile } from '../../../service/files/deal-file.ts';
import { runMonteCarloPaths } from '../../../service/jobs/monte-carlo-job.ts';
import { prepareDeal, runPrepared } from '../../../service/runs/prepare-deal.ts';
import { summarizeMonteCarlo, type ChunkResult } from '../../../service/runs/monte-carlo/summary.ts';
import { monteCarloTasks, readySpec, runMonteCarloTask, type MonteCarloSpec } from '../../../service/runs/monte-carlo/tasks.ts';
import { JUNIOR_SHARE, RECOVERY, STATIC_DEAL } from './static-deal.ts';

const WORKER = new URL('../../../service/jobs/workers/pool-worker.ts', import.meta.url);
const file = readDealFile(STATIC_DEAL);
const ready = readySpec(prepareDeal(file, null, undefined));

function specOf(distribution: DefaultRateDistributionRequest, seed = 7): MonteCarloSpec {
  return { workspacePath: null, tapeId: null, mode: 'repline', deal: STATIC_DEAL, assumptions: undefined, scenarioOverrides: {}, distribution, seed };
}

/** The chunks run in this thread, one after another. */
function inProcess(spec: MonteCarloSpec, paths: number, chunkSize: number): ChunkResult[] {
  return monteCarloTasks(paths, chunkSize).map((task) => runMonteCarloTask(spec, task, ready));
}

const summary = (spec: MonteCarloSpec, chunks: readonly ChunkResult[]): string => JSON.stringify(summarizeMonteCarlo(file, { seed: spec.seed, ratingTable: null }, chunks));

describe('Monte Carlo on a zero-coupon, zero-rate static deal', () => {
  // Lifetime default D lognormal, mean 15%, cv 0.6; loss L = D × (1 − 40%) is lognormal with mean 9%
  // and the same cv. Junior = the [0, 10%] tranche of L, senior = [10%, 100%].
  const spec = specOf({ kind: 'lognormal', mean: 0.15, cv: 0.6 });
  const chunks = inProcess(spec, 1000, 50);
  const paths = chunks.flatMap((c) => c.paths);
  const junior = (n: number): number[] => paths.slice(0, n).map((p) => p.noteLoss[1] ?? 0);

  it("each path's realised lifetime default equals its draw (within 1e-9); a draw above 100% is capped at it", () => {
    // P(D > 1) = 1 − Φ((ln 1 − μ)/σ) = 1 − Φ(3.70) ≈ 1e-4: about one path in 1000 is capped.
    const capped = paths.filter((p) => p.bound === 'cap');
    expect(capped.length).toBeLessThan(4);
    for (const path of capped) {
      expect(path.draw).toBeGreaterThanOrEqual(1);
      expect(path.lifetimeDefault).toBe(1);
    }
    for (const path of paths.filter((p) => p.bound !== 'cap')) {
      expect(path.bound).toBe('solved');
      expect(Math.abs(path.lifetimeDefault - path.draw)).toBeLessThan(1e-9);
      // The pool's net loss is the draw × (1 − recovery), to the cent on 100,000,000 (1e-10 of the pool).
      expect(Math.abs(path.poolNetLoss - path.draw * (1 - RECOVERY))).toBeLessThan(1e-9);
    }
  });

  it('each tranche’s expected loss agrees with the closed-form lognormal tranche loss within four standard errors', () => {
    // Closed form (engine/mc/tranche-loss.ts): EL = (E[(L − a)⁺] − E[(L − d)⁺]) / (d − a), with
    // E[(L − k)⁺] = m·Φ(d₁) − k·Φ(d₂), d₁ = (ln(m/k) + σ²/2)/σ, d₂ = d₁ − σ, σ² = ln(1 + 0.6²), m = 0.09.
    const meanLoss = 0.15 * (1 - RECOVERY);
    const closedForm = { Senior: lognormalTrancheLoss(meanLoss, 0.6, JUNIOR_SHARE, 1), Junior: lognormalTrancheLoss(meanLoss, 0.6, 0, JUNIOR_SHARE) };
    // Hand check of the junior figure: σ = √ln 1.36 = 0.55451, E[L] − E[(L − 0.1)⁺] over 0.1; E[(L − 0.1)⁺]
    // = 0.09·Φ(0.0871) − 0.1·Φ(−0.4674) = 0.09 × 0.53470 − 0.1 × 0.32011 = 0.016112 → EL = (0.09 − 0.016112)/0.1 = 0.73888.
    expect(closedForm.Junior).toBeCloseTo(0.73888, 4);
    const result = summarizeMonteCarlo(file, { seed: 7, ratingTable: null }, chunks);
    for (const note of result.notes) {
      const expected = closedForm[note.id as 'Senior' | 'Junior'];
      expect(note.standardError).toBeGreaterThan(0);
      expect(Math.abs(note.expectedLoss - expected)).toBeLessThan(4 * note.standardError);
    }
  });

  it('expected loss converges: the standard error shrinks as 1/√N and the estimate stays within 4 SE of the closed form', () => {
    // Paths are a prefix of one another (path i depends only on the seed and i), so N = 100, 400, 1000 reuse them.
    const expected = lognormalTrancheLoss(0.09, 0.6, 0, JUNIOR_SHARE);
    const se = [100, 400, 1000].map((n) => standardError(junior(n)));
    // SE(100)/SE(400) ≈ √4 = 2 and SE(100)/SE(1000) ≈ √10 = 3.16, up to the sample spread's own noise.
    expect((se[0] ?? 0) / (se[1] ?? 1)).toBeGreaterThan(1.6);
    expect((se[0] ?? 0) / (se[1] ?? 1)).toBeLessThan(2.5);
    expect((se[0] ?? 0) / (se[2] ?? 1)).toBeGreaterThan(2.6);
    expect((se[0] ?? 0) / (se[2] ?? 1)).toBeLessThan(3.8);
    [100, 400, 1000].forEach((n, k) => expect(Math.abs(mean(junior(n)) - expected)).toBeLessThan(4 * (se[k] ?? 0)));
  });

  it('zero variance (cv = 0) gives the deterministic run on every path', () => {
    // The scenario's own lifetime default is 5% (5 CDR over 12 months of a bullet pool: 1 − (1 − MDR)^12 = 5%).
    const deterministic = runPrepared(ready.prepared).result;
    const lossOf = (id: string): number => {
      const leg = deterministic.legs.find((l) => l.id === id)!;
      return (leg.writeDown.reduce((s, x) => s + x, 0) + (leg.balance.at(-1) ?? 0)) / leg.originalBalance;
    };
    // No mean given: centred on the scenario's own lifetime default.
    const flat = inProcess(specOf({ kind: 'lognormal', cv: 0 }), 20, 7).flatMap((c) => c.paths);
    expect(ready.calibration.scenario).toBeCloseTo(0.05, 12);
    for (const path of flat) {
      expect(path.multiplier).toBe(1);
      expect(path.noteLoss).toEqual([lossOf('Senior'), lossOf('Junior')]);
    }
    // Another mean: every path is the same run.
    const other = inProcess(specOf({ kind: 'lognormal', mean: 0.12, cv: 0 }), 20, 7).flatMap((c) => c.paths);
    for (const path of other) expect(path).toEqual(other[0]);
  });

  it('a fixed seed reproduces byte for byte, for any chunk size and any number of worker threads', async () => {
    const vasicek = specOf({ kind: 'vasicek', pd: 0.1, rho: 0.15 }, 11);
    const reference = summary(vasicek, inProcess(vasicek, 120, 50));
    expect(summary(vasicek, inProcess(vasicek, 120, 7))).toBe(reference);
    for (const jobs of [1, 2]) {
      const threaded = await runMonteCarloPaths(WORKER, vasicek, 120, { jobs, chunkSize: jobs === 1 ? 50 : 13 });
      expect(summary(vasicek, threaded)).toBe(reference);
    }
    expect(summary(specOf({ kind: 'vasicek', pd: 0.1, rho: 0.15 }, 12), inProcess(specOf({ kind: 'vasicek', pd: 0.1, rho: 0.15 }, 12), 120, 50))).not.toBe(reference);
  });

  it('a cancelled run stops its threads and keeps nothing', async () => {
    const controller = new AbortController();
    const running = runMonteCarloPaths(WORKER, spec, 400, { jobs: 2, chunkSize: 10, signal: controller.signal, onPaths: () => controller.abort() });
    await expect(running).rejects.toMatchObject({ code: 'CANCELLED' });
  });
});

describe('Monte Carlo on a roll-rate scenario (the revolving consumer template)', () => {
  it("solves the roll into 1–30 DPD so each path's realised lifetime default equals its draw (within 1e-9)", () => {
    const template: unknown = JSON.parse(readFileSync(new URL('../../../templates/deals/cn-consumer-revolving.json', import.meta.url), 'utf8'));
    const consumer = readySpec(prepareDeal(readDealFile(template), null, undefined));
    // The template's defaults come from roll rates only: ×0 leaves the charge-offs of loans already
    // delinquent at cutoff (none in its lines), ×1000 the most the pool can default.
    expect(consumer.calibration.floor).toBe(0);
    expect(consumer.calibration.cap).toBeGreaterThan(0.3);
    const spec: MonteCarloSpec = { ...specOf({ kind: 'vasicek', pd: 0.03, rho: 0.2 }), deal: template };
    const { paths } = runMonteCarloTask(spec, { start: 0, count: 8 }, consumer);
    for (const path of paths) {
      expect(path.bound).toBe('solved');
      expect(Math.abs(path.lifetimeDefault - path.draw)).toBeLessThan(1e-9);
    }
    // A higher draw needs a higher multiplier on the roll-in.
    const sorted = [...paths].sort((a, b) => a.draw - b.draw);
    for (let i = 1; i < sorted.length; i++) expect(sorted[i]!.multiplier).toBeGreaterThan(sorted[i - 1]!.multiplier);
  });
});
