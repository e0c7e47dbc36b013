import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DealResult } from '../../engine/index.ts';
import { readDealFile } from '../../service/files/deal-file.ts';
import { interestPaymentOf, solveBreakevens } from '../../service/runs/breakevens.ts';
import { prepareDeal, runPrepared } from '../../service/runs/prepare-deal.ts';
import { Service } from '../../service/service.ts';
import { runAbs } from '../helpers/cli.ts';
import { REPO_ROOT } from '../helpers/repo.ts';

// Breakevens held to timely interest (no interest shortfall of the note in any period, and paid in
// full) or to ultimate payment (paid in full by the end). The revolving consumer template's
// mezzanine B is paid interest from interest funds only (separate interest and principal
// waterfalls), so under stress its coupon is short in some periods before losses reach it — and
// later made good: its timely breakeven is below its ultimate one.
const file = readDealFile(JSON.parse(readFileSync(join(REPO_ROOT, 'templates', 'deals', 'cn-consumer-revolving.json'), 'utf8')));
const prepared = prepareDeal(file, null, undefined);

const shortInSomePeriod = (result: DealResult, id: string): boolean => result.periods.some((p) => (p.notes.find((n) => n.id === id)?.interestShortfall ?? 0) > 0);
const paidInFull = (result: DealResult, id: string): boolean => {
  const leg = result.legs.find((l) => l.id === id);
  return leg !== undefined && leg.writeDown.every((x) => x === 0) && (leg.balance.at(-1) ?? 1) === 0 && (result.periods.at(-1)?.notes.find((n) => n.id === id)?.interestShortfall ?? 1) === 0;
};

describe('breakevens: timely interest or ultimate payment', () => {
  it('by default holds the senior class (seniority 1) to timely interest and the others to ultimate payment', () => {
    expect(interestPaymentOf(1, undefined)).toBe('timely');
    expect(interestPaymentOf(2, undefined)).toBe('ultimate');
    expect(interestPaymentOf(1, 'ultimate')).toBe('ultimate');
    const solved = solveBreakevens(prepared, 'multiplier', undefined);
    expect(solved.interest).toBe('bySeniority');
    expect(solved.rows.map((r) => [r.id, r.interest])).toEqual([
      ['A', 'timely'],
      ['B', 'ultimate'],
    ]);
  });

  it('timely: the largest stress with no interest shortfall in any period; just above it B is short in some period yet still paid in full', () => {
    const timely = solveBreakevens(prepared, 'multiplier', 'timely').rows.find((r) => r.id === 'B');
    const ultimate = solveBreakevens(prepared, 'multiplier', 'ultimate').rows.find((r) => r.id === 'B');
    if (!timely || !ultimate) throw new Error('no row for B');
    expect(timely.status).toBe('found');
    expect(timely.interest).toBe('timely');
    expect(ultimate.interest).toBe('ultimate');
    expect(timely.stress).toBeLessThan(ultimate.stress);
    const at = runPrepared(prepared, { by: 'multiplier', value: timely.stress }).result;
    expect(shortInSomePeriod(at, 'B')).toBe(false);
    expect(paidInFull(at, 'B')).toBe(true);
    // 0.2% above (twice the search's relative tolerance): a period's coupon goes unpaid, made good later.
    const above = runPrepared(prepared, { by: 'multiplier', value: timely.stress * 1.002 }).result;
    expect(shortInSomePeriod(above, 'B')).toBe(true);
    expect(paidInFull(above, 'B')).toBe(true);
  });

  it('deal.breakeven takes `interest` and refuses another value', async () => {
    const service = new Service({ transport: 'test' });
    try {
      const bad = await service.call('deal.breakeven', { deal: file, interest: 'eventual' as 'timely' });
      expect(bad.ok).toBe(false);
      const good = await service.call('deal.breakeven', { deal: file, interest: 'timely' });
      expect(good.ok).toBe(true);
      if (good.ok) await service.jobs.wait(good.value.id);
    } finally {
      await service.close();
    }
  });

  it('abs run --breakeven --interest timely|ultimate chooses the test; the text names it beside each figure', () => {
    const deal = join(REPO_ROOT, 'templates', 'deals', 'cn-consumer-revolving.json');
    const cli = runAbs(['run', deal, '--breakeven', '--interest', 'timely', '--json']);
    expect(cli.stderr).toBe('');
    const { breakeven } = JSON.parse(cli.stdout) as { breakeven: { interest: string; rows: { id: string; interest: string }[] } };
    expect(breakeven.interest).toBe('timely');
    expect(breakeven.rows.map((r) => r.interest)).toEqual(['timely', 'timely']);
    const text = runAbs(['run', deal, '--breakeven']);
    expect(text.stdout).toMatch(/Senior A .*× timely$/m);
    expect(text.stdout).toMatch(/Mezzanine B .*× ultimate$/m);
    const bad = runAbs(['run', deal, '--breakeven', '--interest', 'eventual']);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('--interest must be timely or ultimate');
  });
});
