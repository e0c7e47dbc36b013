import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readScheduleFile } from '../../../data/schedule/read.ts';
import { readDealFile, type DealFile } from '../../../service/files/deal-file.ts';
import { dealRunResult } from '../../../service/runs/deal-run.ts';
import { prepareDeal } from '../../../service/runs/prepare-deal.ts';
import { REPO_ROOT } from '../../helpers/repo.ts';

// Golden test: 和享2017年第五期个人消费贷款资产支持证券 (CMB), offering circular dated 2017-12-18
// (github.com/yellowbean/clojucture, resources/china/和享2017年第五期个人消费贷款资产支持证券发行说明书.pdf;
// PDF page = printed page). One deal file, test/fixtures/prospectus/hx5-2017.json: the circular's
// no-loss collection schedule (现金流归集表, pp. 41–42) as a schedule pool and its three classes.
// Published figures used:
//   p. 2 / p. 81   优先A 13,249,000,000.00 (87.97%), 优先B 750,000,000.00 (4.98%), 次级 1,062,203,598.18 (7.05%)
//   p. 43          initial pool 1,506,120.36 万元
//   p. 95          credit support: A 12.03% (from B and subordinate), B 7.05% (from subordinate)
//   pp. 86–87      WAL at zero default and prepayment, no clean-up call: A 0.49 years, B 1.18, subordinate 1.41
// What the circular does not print (and so what the WALs depend on beyond the schedule): the coupon
// margins (基本利差, set at bookbuilding, p. 82), the front-end servicing fee (in the servicer's fee letter,
// p. 123) and the expenses; the income account turbos everything left after them into principal (pp. 28–30).

const DEAL = join(REPO_ROOT, 'test', 'fixtures', 'prospectus', 'hx5-2017.json');
const SCHEDULE = join(REPO_ROOT, 'test', 'fixtures', 'schedules', 'hx5-2017-collection-schedule.csv');
const dealFile = (): DealFile => readDealFile(JSON.parse(readFileSync(DEAL, 'utf8')));
const round2 = (x: number): string => x.toFixed(2);

function tranches(file: DealFile): Record<string, { wal: number; ce: number }> {
  const result = dealRunResult(prepareDeal(file, null, undefined, {}), 'repline');
  return Object.fromEntries(result.tranches.map((t) => [t.id, { wal: t.walYears ?? Number.NaN, ce: t.creditEnhancementAtClosing }]));
}

/** The deal with its principal account paying only the schedule's principal: income left after interest goes to the subordinate class (no turbo). */
function withoutTurbo(file: DealFile): DealFile {
  if (!('principal' in file.waterfall)) throw new Error('the golden deal has separate accounts');
  const principal = file.waterfall.principal.map((step) => (step.kind === 'principal' ? { ...step, amount: 'principalDue' as const } : step));
  return readDealFile({ ...file, waterfall: { ...file.waterfall, principal } });
}

describe('和享 2017-5 golden: the circular’s schedule pool and classes', () => {
  it('the deal file’s schedule is the circular’s table as typed in (万元 → yuan), its pool the p. 43 balance', async () => {
    const file = dealFile();
    const read = await readScheduleFile(SCHEDULE, { unit: '万元' });
    expect(file.schedulePool?.rows).toEqual(read.rows);
    expect(read.rows[0]?.openingBalance).toBe(15_061_203_600); // 1,506,120.36 万元 (p. 43)
    expect(file.notes.reduce((sum, n) => sum + n.originalBalance, 0)).toBeCloseTo(15_061_203_598.18, 2);
  });

  it('credit support by class at closing: A 12.03%, B 7.05% (p. 95); class shares 87.97 / 4.98 / 7.05 (p. 2)', () => {
    const t = tranches(dealFile());
    // A: (750,000,000 + 1,062,203,598.18) ÷ 15,061,203,600 = 12.0323%; B: 1,062,203,598.18 ÷ 15,061,203,600 = 7.0526%.
    expect(round2((t.A?.ce ?? 0) * 100)).toBe('12.03');
    expect(round2((t.B?.ce ?? 0) * 100)).toBe('7.05');
    const notes = dealFile().notes;
    const total = notes.reduce((sum, n) => sum + n.originalBalance, 0);
    expect(notes.map((n) => round2((n.originalBalance / total) * 100))).toEqual(['87.97', '4.98', '7.05']);
  });

  it('class A’s WAL: 0.49 years published (p. 86) lies between the schedule’s principal alone and the turbo at the assumed fees', () => {
    // By hand from the schedule (p. 41–42), ACT/365 from the trust's effective date 2017-12-28 to each 26th: A takes all
    // principal until repaid — 2,065,991,800 at 29/365, 1,133,273,000 at 60, 88, 119, 149 and 180 days, 1,114,905,800 at 210,
    // 899,973,300 at 241, 696,160,400 at 272, 579,907,100 at 302, 504,713,900 at 333, 483,041,900 at 363, 472,285,900 at 394,
    // 455,318,600 at 425 and the last 310,336,300 of A's 13,249,000,000 at 453 days (2019-03-26, a month before A's expected
    // maturity of 2019-04-26, p. 82): Σ amount × days ÷ 365 ÷ 13,249,000,000 = 0.499276.
    const paid = [
      [2_065_991_800, 29],
      [1_133_273_000, 60],
      [1_133_273_000, 88],
      [1_133_273_000, 119],
      [1_133_273_000, 149],
      [1_133_273_000, 180],
      [1_114_905_800, 210],
      [899_973_300, 241],
      [696_160_400, 272],
      [579_907_100, 302],
      [504_713_900, 333],
      [483_041_900, 363],
      [472_285_900, 394],
      [455_318_600, 425],
    ] as const;
    const beforeLast = paid.reduce((sum, [amount]) => sum + amount, 0);
    const byHand = (paid.reduce((sum, [amount, days]) => sum + (amount * days) / 365, 0) + ((13_249_000_000 - beforeLast) * 453) / 365) / 13_249_000_000;
    expect(13_249_000_000 - beforeLast).toBe(310_336_300);
    expect(byHand).toBeCloseTo(0.499276, 6);
    const noTurbo = tranches(withoutTurbo(dealFile()));
    expect(noTurbo.A?.wal).toBeCloseTo(byHand, 9);
    // With the circular's turbo at the deal file's assumed taxes and margins (no front-end fee) A is repaid sooner.
    const turbo = tranches(dealFile());
    expect(round2(turbo.A?.wal ?? 0)).toBe('0.44');
    // Published 0.49: the schedule's principal alone gives 0.4993 (0.50 rounded), so the circular's A WAL contains a
    // small turbo — how small depends on the front-end servicing fee and margins it does not print.
    expect(turbo.A?.wal).toBeLessThan(0.49);
    expect(noTurbo.A?.wal).toBeGreaterThan(0.49);
  });

  it('B (1.18) and the subordinate class (1.41) depend on fee terms the circular does not print: no front-end fee rate gives both A 0.49 and B 1.18', () => {
    const base = dealFile();
    const published = { A: '0.49', B: '1.18' };
    const noTurbo = tranches(withoutTurbo(base));
    expect(round2(noTurbo.B?.wal ?? 0)).toBe('1.34'); // schedule principal alone: far from 1.18, so B's figure needs a turbo
    // A front-end servicing fee of r a year on the pool balance (p. 28 (d)), r = 0%, 1%, …, 15%: A's WAL rises with r and B's too.
    const sweep = Array.from({ length: 16 }, (_, k) => {
      const rate = k / 100;
      const fees = [...(base.fees ?? []), { id: 'frontEnd', name: '前端服务报酬 (assumed)', basis: { type: 'poolBalance' as const, rateAnnual: rate, dayCount: 'ACT/365' as const } }];
      const interest = [{ kind: 'fee' as const, fee: 'tax' }, { kind: 'fee' as const, fee: 'frontEnd' }, ...('interest' in base.waterfall ? base.waterfall.interest.slice(1) : [])];
      const t = tranches(readDealFile({ ...base, fees, waterfall: { ...base.waterfall, interest } }));
      return { rate, A: round2(t.A?.wal ?? 0), B: round2(t.B?.wal ?? 0) };
    });
    expect(sweep.some((s) => s.A === published.A)).toBe(true);
    expect(sweep.some((s) => s.B === published.B)).toBe(true);
    expect(sweep.some((s) => s.A === published.A && s.B === published.B)).toBe(false);
  });
});
