import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readScheduleFile } from '../../../data/schedule/read.ts';
import { readDealFile, type DealFile } from '../../../service/files/deal-file.ts';
import { dealRunResult } from '../../../service/runs/deal-run.ts';
import { prepareDeal } from '../../../service/runs/prepare-deal.ts';
import type { DealRunResult } from '../../../service/api/contract.ts';
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

/** Class A's WAL on the schedule's principal alone, in the given year basis. */
function noTurboWalOfA(walBasis: '30/360' | 'ACT/360' | 'months/12'): number {
  const file = withoutTurbo(dealFile());
  return tranches(readDealFile({ ...file, analytics: { ...file.analytics, walBasis } })).A?.wal ?? Number.NaN;
}

/** The run's tranche table (service/runs/tranches.ts). */
function trancheTable(file: DealFile): DealRunResult['tranches'] {
  return dealRunResult(prepareDeal(file, null, undefined, {}), 'repline').tranches;
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

  it('no WAL convention turns the schedule’s principal alone into 0.49 at the circular’s half-up print: ACT/365, 30/360, ACT/360 and months/12', () => {
    // The circular does not say how it computes 加权平均期限 (p. 86 states only 零违约、零早偿、不考虑清仓回购). A's
    // payments as in the test above, on 2018-01-26 … 2019-03-26 (the 15 dates): Σ amount × t ÷ 13,249,000,000 with t =
    //   30/360:    (28 + 30k) ÷ 360 for the k-th date (k = 0 … 14: 2017-12-28 → 2018-01-26 is 28 days 30/360)   = 0.499625
    //   ACT/360:   the ACT/365 days of the test above ÷ 360                                                         = 0.506211
    //   months/12: (k + 1) ÷ 12                                                                                     = 0.505181
    // None prints 0.49 (0.50, 0.51, 0.51). (Dates rolled to the next business day — 2018-05-28, 2018-08-27, 2019-01-28 — give 0.500127
    // ACT/365 by hand; the deal file has no calendar on this branch.) Only truncating ACT/365's 0.499276 would print 0.49,
    // and the same schedule then prints B 1.33, far from 1.18: the published figures contain a turbo.
    const paid = [2_065_991_800, ...Array<number>(5).fill(1_133_273_000), 1_114_905_800, 899_973_300, 696_160_400, 579_907_100, 504_713_900, 483_041_900, 472_285_900, 455_318_600, 310_336_300];
    const act = [29, 60, 88, 119, 149, 180, 210, 241, 272, 302, 333, 363, 394, 425, 453];
    const byHand = (t: (k: number) => number): number => paid.reduce((sum, amount, k) => sum + amount * t(k), 0) / 13_249_000_000;
    expect(byHand((k) => (28 + 30 * k) / 360)).toBeCloseTo(0.499625, 6);
    expect(noTurboWalOfA('30/360')).toBeCloseTo(
      byHand((k) => (28 + 30 * k) / 360),
      9,
    );
    expect(noTurboWalOfA('ACT/360')).toBeCloseTo(
      byHand((k) => (act[k] ?? Number.NaN) / 360),
      9,
    );
    expect(noTurboWalOfA('months/12')).toBeCloseTo(
      byHand((k) => (k + 1) / 12),
      9,
    );
    expect([noTurboWalOfA('30/360'), noTurboWalOfA('ACT/360'), noTurboWalOfA('months/12')].map(round2)).toEqual(['0.50', '0.51', '0.51']);
  });

  it('B (1.18) and the subordinate class (1.41) depend on fee terms the circular does not print: no front-end fee rate gives both A 0.49 and B 1.18', () => {
    const base = dealFile();
    const noTurbo = tranches(withoutTurbo(base));
    expect(round2(noTurbo.B?.wal ?? 0)).toBe('1.34'); // schedule principal alone: far from 1.18, so B's figure needs a turbo
    // A front-end servicing fee of r a year on the pool balance (p. 28 (d)), r = 0%, 0.5%, …, 15%: A's WAL rises with r and B's too.
    const sweep = Array.from({ length: 31 }, (_, k) => {
      const rate = k / 200;
      const fees = [...(base.fees ?? []), { id: 'frontEnd', name: '前端服务报酬 (assumed)', basis: { type: 'poolBalance' as const, rateAnnual: rate, dayCount: 'ACT/365' as const } }];
      const interest = [{ kind: 'fee' as const, fee: 'tax' }, { kind: 'fee' as const, fee: 'frontEnd' }, ...('interest' in base.waterfall ? base.waterfall.interest.slice(1) : [])];
      const t = tranches(readDealFile({ ...base, fees, waterfall: { ...base.waterfall, interest } }));
      return { rate, A: t.A?.wal ?? Number.NaN, B: t.B?.wal ?? Number.NaN };
    });
    const printsB118 = sweep.filter((s) => round2(s.B) === '1.18');
    const printsA049 = sweep.filter((s) => round2(s.A) === '0.49');
    // B prints 1.18 only near r = 4.5%, where A is still 0.46; A prints 0.49 only from r = 10.5%, where B is 1.26 or more.
    expect(printsB118.map((s) => s.rate)).toEqual([0.045]);
    expect(round2(printsB118[0]?.A ?? 0)).toBe('0.46');
    expect(printsA049[0]?.rate).toBe(0.105);
    expect(Math.min(...printsA049.map((s) => s.B))).toBeGreaterThan(1.26);
  });

  it('the tranche table gives each class its expected maturity (p. 80) beside the computed expected final and the legal final', () => {
    // The schedule's principal alone (no turbo): A's last principal 2019-03-26 (310,336,300, as by hand above), B's
    // 2019-05-26 (750,000,000 − 122,832,400 − 384,213,600 = 242,954,000 of 2019-05's 328,536,700), the subordinate
    // class's 2019-11-26: each by its 预期到期日 (definition (16)), so nothing is left after them.
    const noTurbo = trancheTable(withoutTurbo(dealFile()));
    expect(noTurbo.map((t) => [t.id, t.expectedFinal?.date, t.expectedMaturity, t.balanceAfterExpectedMaturity, t.legalFinalMaturity])).toEqual([
      ['A', '2019-03-26', '2019-04-26', 0, '2021-11-26'],
      ['B', '2019-05-26', '2019-06-26', 0, '2021-11-26'],
      ['Sub', '2019-11-26', '2019-11-26', 0, '2021-11-26'],
    ]);
    // An expected maturity of 2019-03-01 for A falls between payment dates: the balance after 2019-02-26 is A's last
    // payment, 310,336,300.
    const base = dealFile();
    const early = readDealFile({ ...base, notes: base.notes.map((n) => (n.id === 'A' ? { ...n, expectedMaturity: '2019-03-01' } : n)) });
    expect(trancheTable(withoutTurbo(early)).find((t) => t.id === 'A')?.balanceAfterExpectedMaturity).toBe(310_336_300);
    expect(trancheTable(early).find((t) => t.id === 'A')?.balanceAfterExpectedMaturity).toBe(0); // with the turbo A is repaid sooner
    // A note without an expected maturity reports none.
    const none = trancheTable(readDealFile({ ...base, notes: base.notes.map((n) => ({ ...n, expectedMaturity: undefined })) }));
    expect(none.every((t) => t.expectedMaturity === undefined && t.balanceAfterExpectedMaturity === undefined)).toBe(true);
  });

  it('the subordinate class’s 2% periodic return (期间收益, p. 85) while A or B is outstanding, by hand', () => {
    const result = dealRunResult(prepareDeal(dealFile(), null, undefined, {}), 'repline');
    const sub = result.periods.map((p) => p.notes.find((n) => n.id === 'Sub'));
    const b = result.periods.map((p) => p.notes.find((n) => n.id === 'B'));
    // First date: the face at the trust effective date × 2% × 29 days (2017-12-28 → 2018-01-26) ÷ 365
    // = 1,062,203,598.18 × 0.02 × 29 ÷ 365 = 1,687,885.1697 → 1,687,885.17 (分以下四舍五入).
    expect(sub[0]?.periodicReturnPaid).toBe(1_687_885.17);
    // Second date, 31 days (2018-01-26 → 02-26): 1,062,203,598.18 × 0.02 × 31 ÷ 365 = 1,804,291.04; third, 28 days: 1,629,682.23.
    expect(sub[1]?.periodicReturnPaid).toBe(1_804_291.04);
    expect(sub[2]?.periodicReturnPaid).toBe(1_629_682.23);
    // Paid on every date whose opening B balance is positive, none after B's last principal.
    const lastB = b.findIndex((n) => n?.endingBalance === 0);
    expect(sub.slice(0, lastB + 1).every((n) => (n?.periodicReturnPaid ?? 0) > 0)).toBe(true);
    expect(sub.slice(lastB + 1).every((n) => n?.periodicReturnPaid === 0)).toBe(true);
  });
});
