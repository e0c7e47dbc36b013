import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readStaticPool } from '../../../data/static-pool/index.ts';
import { fitStaticPool, type StaticPoolFit } from '../../../engine/index.ts';
import { generateStaticPool, writeLongCsv, writeWideXlsx, type TrueCurves } from '../../helpers/static-pool-generator.ts';
import { useTempDir } from '../../helpers/tmp.ts';

// The "done" test: a static pool generated from known curves, written as Chinese offering
// documents print it (a GB18030 long CSV; an XLSX with one wide sheet per metric), read back and
// fitted, recovers the curves within the tolerances docs/static-pool.md states:
//   balance-weighted lifetime default within 0.1 pp, each monthly timing share within 0.5 pp,
//   CPR at every month on book within 0.5 pp, roll rates within 0.5 pp.
const TIMING = [0, 0, 2, 4, 6, 8, 9, 10, 10, 9, 8, 7, 6, 5, 5, 4, 4, 3];
const CURVES: TrueCurves = {
  lifetimeDefault: 0.04,
  lifetimeSpread: 0.1,
  timingPct: TIMING,
  cprByAge: Array.from({ length: 12 }, (_, i) => 0.06 + (0.12 * i) / 11),
  termMonths: 24,
  rateAnnual: 0.18,
  roll: { current: 0.02, dpd1_30: 0.4, dpd31_60: 0.6 },
};
const VINTAGES = generateStaticPool(CURVES, 36, 24);
const TRUE_LIFETIME = VINTAGES.reduce((sum, v) => sum + v.balance * v.lifetimeDefault, 0) / VINTAGES.reduce((sum, v) => sum + v.balance, 0);
const AMORTISATION = { amortization: 'level_payment', termMonths: 24, rateAnnual: 0.18 } as const;
const PP = 0.01; // one percentage point as a decimal

function checkRecovered(fit: StaticPoolFit): void {
  expect(Math.abs(fit.lifetimeDefault - TRUE_LIFETIME)).toBeLessThan(0.1 * PP);
  TIMING.forEach((share, i) => expect(Math.abs((fit.timingPct[i] ?? 0) - share), `timing month ${i + 1}`).toBeLessThan(0.5));
  expect(fit.timingPct.slice(TIMING.length).every((share) => Math.abs(share) < 0.5)).toBe(true);
  for (let k = 1; k < CURVES.termMonths; k++) {
    const truth = CURVES.cprByAge[Math.min(k, 12) - 1] ?? 0;
    expect(Math.abs((fit.cpr[k - 1] ?? Number.NaN) - truth), `CPR month ${k}`).toBeLessThan(0.5 * PP);
  }
  expect(Math.abs((fit.rollRates?.rates.current ?? 0) - 0.02)).toBeLessThan(0.5 * PP);
  expect(Math.abs((fit.rollRates?.rates.dpd1_30 ?? 0) - 0.4)).toBeLessThan(0.5 * PP);
  expect(Math.abs((fit.rollRates?.rates.dpd31_60 ?? 0) - 0.6)).toBeLessThan(0.5 * PP);
  // Every vintage projected by chain ladder (or fully observed) lands within 0.1 pp of its own truth.
  fit.vintages.forEach((v, i) => {
    if (v.method !== 'bornhuetterFerguson') expect(Math.abs(v.lifetimeDefault - (VINTAGES[i]?.lifetimeDefault ?? 0)), v.vintage).toBeLessThan(0.1 * PP);
  });
}

describe('a static pool generated from known curves fits back to them', () => {
  const dir = useTempDir('abs-static-pool-');

  it('from a GB18030 long CSV with Chinese headers (rates printed in percent to 4 decimals)', async () => {
    const path = join(dir(), '静态池.csv');
    writeLongCsv(path, VINTAGES, 4);
    const pool = await readStaticPool([{ path }]);
    expect(pool.vintages).toHaveLength(36);
    expect(pool.tables).toMatchObject([{ layout: 'long', headerRow: 1 }]);
    expect(pool.vintages[35]).toMatchObject({ vintage: '2023-12', cumulativeDefault: [0] });
    const fit = fitStaticPool(pool.vintages, { amortisation: AMORTISATION });
    checkRecovered(fit);
  });

  it('from the same CSV printed to 2 decimals of a percent, as most offering documents print it', async () => {
    const path = join(dir(), 'static-pool-2dp.csv');
    writeLongCsv(path, VINTAGES, 2);
    const pool = await readStaticPool([{ path }]);
    checkRecovered(fitStaticPool(pool.vintages, { amortisation: AMORTISATION }));
  });

  it('from an XLSX with one wide sheet per metric, balances in 万元', async () => {
    const path = join(dir(), 'static-pool.xlsx');
    await writeWideXlsx(path, VINTAGES, 4);
    const pool = await readStaticPool([{ path }]);
    expect(pool.tables.map((t) => [t.sheet, t.layout, t.headerRow, t.metrics])).toEqual([
      ['累计违约率', 'wide', 3, ['cumulativeDefault']],
      ['累计早偿率', 'wide', 3, ['cumulativePrepayment']],
      ['逾期1-30天', 'wide', 3, ['dpd1_30']],
      ['逾期31-60天', 'wide', 3, ['dpd31_60']],
      ['逾期61-90天', 'wide', 3, ['dpd61_90']],
    ]);
    expect(pool.vintages[0]?.originalBalance).toBeCloseTo(100_000_000, 4);
    checkRecovered(fitStaticPool(pool.vintages, { amortisation: AMORTISATION }));
  });
});
