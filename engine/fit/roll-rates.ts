import type { RollRateSpec } from '../curves/roll-rates.ts';
import type { VintagePath } from './prepayment.ts';
import type { VintageHistory } from './types.ts';

/** The four monthly roll rates a static pool's buckets give, and their one-step prediction error. */
export interface RollRateFit {
  /** current → 1–30, 1–30 → 31–60, 31–60 → 61–90, 61–90 → default (90+ default definition). */
  readonly rates: { readonly current: number; readonly dpd1_30: number; readonly dpd31_60: number; readonly dpd61_90: number };
  /** Month pairs (vintage × month on book) each rate was estimated from. */
  readonly observations: number;
  /** RMSE, in decimal shares of the original balance, of each bucket predicted one month ahead (R × last month's bucket before it) against the observed. */
  readonly rmse: { readonly dpd1_30: number; readonly dpd31_60: number; readonly dpd61_90: number; readonly default: number };
  /** The spec for engine/curves/roll-rates.ts: net flow, charge-off from 61–90. */
  readonly spec: RollRateSpec;
}

type Source = 'current' | 'dpd1_30' | 'dpd31_60' | 'dpd61_90';
const TARGET: Readonly<Record<Source, 'dpd1_30' | 'dpd31_60' | 'dpd61_90' | 'default'>> = { current: 'dpd1_30', dpd1_30: 'dpd31_60', dpd31_60: 'dpd61_90', dpd61_90: 'default' };
const SOURCES: readonly Source[] = ['current', 'dpd1_30', 'dpd31_60', 'dpd61_90'];

/**
 * Roll (flow) rates from month-end bucket balances, the balance-based roll-rate model of the OCC
 * Comptroller's Handbook, Retail Lending ("roll and flow models"): the share of a bucket that is
 * in the next worse bucket a month later,
 *
 *   R_j = Σ_{i,k} B_i·X_{j+1}(i, k+1) / Σ_{i,k} B_i·X_j(i, k),
 *
 * pooled over vintages i and months on book k (month 0: all current) as a ratio of sums. Current
 * is the balance model's pool balance less the delinquent buckets; 61–90 → default uses the
 * month's increase of the cumulative default rate (default = 90+ days past due, the usual
 * definition of 违约 in Chinese consumer-loan offering documents). Bucket balances alone cannot
 * tell a cure from a loan that stays, so the fit is a net-flow model: whatever does not roll
 * forward cures (cure = 1 − R_j); roll-backs are 0. Null when no vintage gives the three buckets.
 */
export function fitRollRates(vintages: readonly VintageHistory[], paths: readonly VintagePath[]): RollRateFit | null {
  const sums = { num: [0, 0, 0, 0], den: [0, 0, 0, 0] };
  const pairs: { j: number; weight: number; from: number; to: number }[] = [];
  vintages.forEach((v, i) => {
    const m = Math.min(v.delinquency.dpd1_30.length, v.delinquency.dpd31_60.length, v.delinquency.dpd61_90.length);
    for (let k = 0; k < m; k++) {
      const from = buckets(v, paths[i], k);
      const to = buckets(v, paths[i], k + 1);
      SOURCES.forEach((source, j) => {
        const target = TARGET[source];
        if (target === 'default' && k + 1 > v.cumulativeDefault.length) return;
        const next = target === 'default' ? to.default - from.default : to[target];
        sums.num[j] = (sums.num[j] ?? 0) + v.originalBalance * next;
        sums.den[j] = (sums.den[j] ?? 0) + v.originalBalance * from[source];
        pairs.push({ j, weight: v.originalBalance, from: from[source], to: next });
      });
    }
  });
  if (pairs.length === 0) return null;
  const rate = sums.num.map((n, j) => ((sums.den[j] ?? 0) > 0 ? Math.min(1, Math.max(0, n / (sums.den[j] ?? 1))) : 0));
  const [current = 0, dpd1_30 = 0, dpd31_60 = 0, dpd61_90 = 0] = rate;
  const squared = [0, 0, 0, 0];
  const counts = [0, 0, 0, 0];
  for (const pair of pairs) {
    squared[pair.j] = (squared[pair.j] ?? 0) + ((rate[pair.j] ?? 0) * pair.from - pair.to) ** 2;
    counts[pair.j] = (counts[pair.j] ?? 0) + 1;
  }
  const rmse = squared.map((sq, j) => ((counts[j] ?? 0) > 0 ? Math.sqrt(sq / (counts[j] ?? 1)) : 0));
  return {
    rates: { current, dpd1_30, dpd31_60, dpd61_90 },
    observations: counts[0] ?? 0,
    rmse: { dpd1_30: rmse[0] ?? 0, dpd31_60: rmse[1] ?? 0, dpd61_90: rmse[2] ?? 0, default: rmse[3] ?? 0 },
    spec: {
      rollForward: { current, dpd1_30, dpd31_60, dpd61_90 },
      cure: { dpd1_30: 1 - dpd1_30, dpd31_60: 1 - dpd31_60, dpd61_90: 1 - dpd61_90 },
      chargeOffAt: 'dpd61_90',
    },
  };
}

/** Month-end buckets of vintage v at month on book k (k = 0: the whole balance current). */
function buckets(v: VintageHistory, path: VintagePath | undefined, k: number): Record<Source | 'default', number> {
  if (k === 0) return { current: 1, dpd1_30: 0, dpd31_60: 0, dpd61_90: 0, default: 0 };
  const dpd1_30 = v.delinquency.dpd1_30[k - 1] ?? 0;
  const dpd31_60 = v.delinquency.dpd31_60[k - 1] ?? 0;
  const dpd61_90 = v.delinquency.dpd61_90[k - 1] ?? 0;
  const balance = path?.balance[k] ?? 0;
  return { current: Math.max(0, balance - dpd1_30 - dpd31_60 - dpd61_90), dpd1_30, dpd31_60, dpd61_90, default: v.cumulativeDefault[k - 1] ?? 0 };
}
