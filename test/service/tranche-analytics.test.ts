import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DealFile } from '../../service/api/contract.ts';
import { readDealFile } from '../../service/files/deal-file.ts';
import { dealRunResult } from '../../service/runs/deal-run.ts';
import { prepareDeal } from '../../service/runs/prepare-deal.ts';
import { runAbs } from '../helpers/cli.ts';
import { useTempDir } from '../helpers/tmp.ts';

const tempDir = useTempDir();

// A deal whose note repays on two known dates: a pool of two interest-only (先息后本) lines, 600,000
// due in pool month 3 and 400,000 in month 6, no prepayment and no default, passed through
// sequentially to one note of 1,000,000. Payment dates are the 15th from 2025-02-15, so the note
// receives 600,000 on 2025-04-15 (period 3) and 400,000 on 2025-07-15 (period 6).
function bulletDealJson(analytics?: DealFile['analytics']): Record<string, unknown> {
  return {
    name: 'Two bullets',
    dates: { cutoff: '2025-01-01', closing: '2025-01-10', firstPaymentDate: '2025-02-15', legalFinalMaturity: '2026-12-15' },
    notes: [{ id: 'A', seniority: 1, originalBalance: 1_000_000, coupon: { type: 'fixed', rate: 0.03 } }],
    waterfall: {
      combined: [
        { kind: 'interest', notes: ['A'] },
        { kind: 'principal', notes: ['A'], rule: 'sequential' },
        { kind: 'residual', to: 'seller' },
      ],
    },
    pool: {
      lines: [
        { id: 'three', amortization: 'interest_only', balance: 600_000, rate: 0.06, originalTerm: 3, remainingTerm: 3 },
        { id: 'six', amortization: 'interest_only', balance: 400_000, rate: 0.06, originalTerm: 6, remainingTerm: 6 },
      ],
    },
    assumptions: { months: 24, pool: {} },
    ...(analytics ? { analytics } : {}),
  };
}

const bulletDeal = (analytics?: DealFile['analytics']): DealFile => readDealFile(bulletDealJson(analytics));

const noteA = (analytics?: DealFile['analytics']) => {
  const row = dealRunResult(prepareDeal(bulletDeal(analytics), null, undefined), 'repline').tranches[0];
  if (!row) throw new Error('no tranche row');
  return row;
};

describe('WAL on a chosen year basis from a chosen date (deal file analytics)', () => {
  it('the note repays 600,000 on 2025-04-15 and 400,000 on 2025-07-15', () => {
    const row = noteA();
    expect(row.firstPrincipal).toEqual({ period: 3, date: '2025-04-15' });
    expect(row.lastPrincipal).toEqual({ period: 6, date: '2025-07-15' });
  });

  it('defaults to ACT/365 from closing', () => {
    // Closing 2025-01-10 → 2025-04-15 = 21 + 28 + 31 + 15 = 95 days; → 2025-07-15 = 95 + 30 + 31 + 30 = 186 days.
    // WAL = (0.6 × 95 + 0.4 × 186) / 365 = 131.4 / 365 = 0.36 years.
    const row = noteA();
    expect(row.walBasis).toBe('ACT/365');
    expect(row.walFrom).toBe('2025-01-10');
    expect(row.walYears).toBeCloseTo(0.36, 12);
  });

  it('30/360 from a settlement date', () => {
    // 30/360 from 2025-03-01: → 2025-04-15 = 1 × 30 + 14 = 44 days; → 2025-07-15 = 4 × 30 + 14 = 134 days.
    // WAL = (0.6 × 44 + 0.4 × 134) / 360 = 80 / 360 = 0.2222… years.
    const row = noteA({ walBasis: '30/360', settlementDate: '2025-03-01' });
    expect(row.walBasis).toBe('30/360');
    expect(row.walFrom).toBe('2025-03-01');
    expect(row.walYears).toBeCloseTo(80 / 360, 12);
  });

  it('months/12 from closing and from a settlement date', () => {
    // From closing the principal comes in periods 3 and 6: (0.6 × 3 + 0.4 × 6) / 12 = 4.2 / 12 = 0.35.
    expect(noteA({ walBasis: 'months/12' }).walYears).toBeCloseTo(0.35, 12);
    // From 2025-03-01 the first payment date after it (2025-03-15) is period 1: 2025-04-15 is 2, 2025-07-15 is 5:
    // (0.6 × 2 + 0.4 × 5) / 12 = 3.2 / 12 = 0.2666…
    expect(noteA({ walBasis: 'months/12', settlementDate: '2025-03-01' }).walYears).toBeCloseTo(3.2 / 12, 12);
  });

  it('counts only the principal paid after the settlement date', () => {
    // Settled 2025-05-01, after the 600,000: only the 400,000 of 2025-07-15 counts, 31 + 30 + 14 = 75 days later (ACT/365).
    expect(noteA({ settlementDate: '2025-05-01' }).walYears).toBeCloseTo(75 / 365, 12);
    // Settled after the last principal: no WAL.
    expect(noteA({ settlementDate: '2025-08-01' }).walYears).toBeNull();
  });

  it('abs run --wal-basis and --settlement override the deal file’s analytics section', () => {
    const file = join(tempDir(), 'two-bullets.json');
    writeFileSync(file, JSON.stringify(bulletDealJson({ walBasis: 'months/12' })));
    const cli = runAbs(['run', file, '--json', '--wal-basis', '30/360', '--settlement', '2025-03-01']);
    expect(cli.stderr).toBe('');
    const { run } = JSON.parse(cli.stdout) as { run: { tranches: { walYears: number; walBasis: string; walFrom: string }[] } };
    // 30/360 from 2025-03-01, as above: 80 / 360.
    expect(run.tranches[0]).toMatchObject({ walBasis: '30/360', walFrom: '2025-03-01' });
    expect(run.tranches[0]?.walYears).toBeCloseTo(80 / 360, 12);
    const text = runAbs(['run', file, '--settlement', '2025-03-01']);
    expect(text.stdout).toContain('WAL (y, months/12 from 2025-03-01)');
    const bad = runAbs(['run', file, '--wal-basis', 'ACT/ACT']);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('$.analytics.walBasis');
  });

  it('refuses an unknown basis and a settlement date before closing, at their JSON paths', () => {
    expect(() => bulletDeal({ walBasis: 'ACT/ACT' as 'ACT/365' })).toThrow(/\$\.analytics\.walBasis/);
    expect(() => bulletDeal({ settlementDate: '2025-01-01' })).toThrow(/analytics\.settlementDate/);
  });
});

describe('yields at par in every quote, each named by its convention', () => {
  it('states the annual effective, bond-equivalent, mortgage-equivalent and China interbank yields', () => {
    const row = noteA();
    const mey = row.yieldAtParMortgageEquivalent ?? Number.NaN;
    // A monthly note: the mortgage yield is 12 × r_m; the bond-equivalent restates it semi-annually,
    // BEY = 2 × ((1 + MEY/12)^6 − 1).
    expect(row.yieldAtParBondEquivalent).toBeCloseTo(2 * ((1 + mey / 12) ** 6 - 1), 12);
    // The first period is odd: 2025-01-10 → 02-15, 36 days. The periodic US quotes count it as the
    // quasi-periods it spans back from 15 Feb (15 Jan → 15 Feb whole, 10 → 15 Jan 5 of 15 Dec → 15 Jan's
    // 31 days): w = 1 + 5/31, so payment k is discounted (1 + MEY/12)^−(w + k − 1). By hand, the coupons
    // are 1,000,000 × 3% × days/365 (36, 28, 31 days: 2,958.90, 2,301.37, 2,547.95), then 400,000 × 3% ×
    // days/365 (30, 31, 30: 986.30, 1,019.18, 986.30), principal 600,000 on 15 Apr and 400,000 on 15 Jul;
    // at the engine's MEY they are worth par.
    const flows = [2_958.9, 2_301.37, 602_547.95, 986.3, 1_019.18, 400_986.3];
    const w = 1 + 5 / 31;
    const pv = flows.reduce((sum, flow, k) => sum + flow / (1 + mey / 12) ** (w + k), 0);
    expect(pv).toBeCloseTo(1_000_000, 4);
    // Read that way, 36 days of the 3 % ACT/365 coupon spread over 1.16 months: the quote sits near 3 %
    // (within 5 bp; 3% ACT/365 is ≈ 3.04 % counted in months of 30.4 days).
    expect(Math.abs(mey - 0.03)).toBeLessThan(0.0005);
    // China interbank at closing: d = TS (settlement starts the first coupon period, CFETS's rule), so it
    // compounds monthly on whole periods and reads the 36-day first period as one month: above the MEY.
    expect(row.yieldAtParChinaInterbank ?? 0).toBeGreaterThan(mey);
    // The annual effective yield reads actual dates: close to 3 % compounded, (1 + 0.03 × 30.4/365)^12 − 1 ≈ 3.04 %.
    expect(row.yieldAtParAnnualEffective).toBeCloseTo(0.0304, 3);
  });
});
