import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDealFile } from '../../service/files/deal-file.ts';
import { dealRunResult } from '../../service/runs/deal-run.ts';
import { prepareDeal } from '../../service/runs/prepare-deal.ts';
import { REPO_ROOT } from '../helpers/repo.ts';

describe('a note that repays almost nothing', () => {
  // The US auto template over 5% of its own pool: B and C are paid one month of interest and then
  // written off. Their yield at par is below −100% to machine precision: no yield is quoted (null),
  // the run says why, and it does not fail (it used to stop with an internal root-finder error).
  const template = JSON.parse(readFileSync(join(REPO_ROOT, 'templates', 'deals', 'us-auto-oc-turbo.json'), 'utf8')) as { pool: { lines: { balance: number }[] } };
  const shrunk = { ...template, pool: { ...template.pool, lines: template.pool.lines.map((line) => ({ ...line, balance: line.balance * 0.05 })) } };
  const run = dealRunResult(prepareDeal(readDealFile(shrunk), null, undefined), 'repline');

  it('quotes no yield or duration for the wiped-out classes and says why', () => {
    const wiped = run.tranches.filter((t) => t.lossRate === 1);
    expect(wiped.map((t) => t.id).sort()).toEqual(['B', 'C']);
    for (const t of wiped) {
      expect(t.totalInterest).toBeGreaterThan(0);
      expect([t.yieldAtParAnnualEffective, t.yieldAtParBondEquivalent, t.yieldAtParMortgageEquivalent, t.yieldAtParChinaInterbank, t.modifiedDurationYears]).toEqual([null, null, null, null, null]);
      expect(run.warnings.some((w) => w.startsWith(`Note ${t.id} repays`) && w.includes('no yield or duration'))).toBe(true);
    }
  });
});

describe('a note that loses principal', () => {
  const template = JSON.parse(readFileSync(join(REPO_ROOT, 'templates', 'deals', 'us-auto-oc-turbo.json'), 'utf8')) as { pool: { lines: { balance: number }[] } };
  const runAt = (share: number) => {
    const shrunk = { ...template, pool: { ...template.pool, lines: template.pool.lines.map((line) => ({ ...line, balance: line.balance * share })) } };
    return dealRunResult(prepareDeal(readDealFile(shrunk), null, undefined), 'repline');
  };

  it('quotes its yields but no modified duration once the loss takes its yield below zero', () => {
    // 90% of the pool: C loses about two thirds of its principal and yields about −27%; A and B lose nothing.
    const run = runAt(0.9);
    const c = run.tranches.find((t) => t.id === 'C');
    expect(c?.lossRate).toBeGreaterThan(0.5);
    expect(c?.yieldAtParAnnualEffective).toBeLessThan(-0.2);
    expect(c?.yieldAtParBondEquivalent).not.toBeNull();
    expect(c?.modifiedDurationYears).toBeNull();
    for (const t of run.tranches.filter((n) => n.id !== 'C' && n.lossRate === 0)) expect(t.modifiedDurationYears).toBeGreaterThan(0);
  });

  it('keeps the modified duration of a note whose loss leaves its yield positive', () => {
    // 80% of the pool: A loses about 3% and still yields about +2.5%.
    const a = runAt(0.8).tranches.find((t) => t.id === 'A');
    expect(a?.lossRate).toBeGreaterThan(0.01);
    expect(a?.yieldAtParAnnualEffective).toBeGreaterThan(0);
    expect(a?.modifiedDurationYears).toBeGreaterThan(1);
  });
});
