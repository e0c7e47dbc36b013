import { curveError } from '../curves/checks.ts';

/** One row of a development triangle: a vintage's weight (original balance) and its cumulative values by month. */
export interface TriangleRow {
  readonly weight: number;
  readonly values: readonly number[];
}

export interface Development {
  /** Months of the longest history (n): development is taken as complete at n (tail factor 1). */
  readonly months: number;
  /** Age-to-age factor f_k from month k to k + 1 at index k − 1 (n − 1 of them); null where no vintage had a value > 0 at month k. */
  readonly ageToAge: readonly (number | null)[];
  /** Share developed by month k, S_k = 1 / Π_{j ≥ k} f_j, at index k − 1 (S_n = 1); 0 where a factor is null. */
  readonly developed: readonly number[];
}

/**
 * The chain-ladder (development) method on a triangle of cumulative rates: volume-weighted
 * age-to-age factors
 *
 *   f_k = Σ_i w_i·C_{i,k+1} / Σ_i w_i·C_{i,k}   over the vintages i observed at month k + 1,
 *
 * i.e. the ratio of defaulted AMOUNTS (rate × original balance), and the cumulative factor to
 * ultimate CDF_k = Π_{j=k}^{n−1} f_j with a tail factor of 1 after the longest history n. Source:
 * Friedland, Estimating Unpaid Claims Using Basic Techniques (Casualty Actuarial Society, 2010),
 * ch. 7, the development technique (volume-weighted all-year average); Pengyuan International,
 * "An Introduction on the Methods of Extrapolating the Static Pool Data" (2020), the growth-rate
 * extrapolation of consumer-loan static pools. S_k = 1 / CDF_k is the share of the lifetime
 * default reached by month k — the default-timing curve's cumulative form.
 */
export function developmentFactors(rows: readonly TriangleRow[]): Development {
  const months = Math.max(0, ...rows.map((row) => row.values.length));
  if (months === 0) throw curveError('STATIC_POOL_FIT', { field: 'cumulativeDefault' }, 'no vintage has a cumulative default rate');
  const ageToAge: (number | null)[] = [];
  for (let k = 1; k < months; k++) {
    let next = 0;
    let base = 0;
    for (const row of rows) {
      if (row.values.length <= k) continue;
      next += row.weight * (row.values[k] ?? 0);
      base += row.weight * (row.values[k - 1] ?? 0);
    }
    ageToAge.push(base > 0 ? next / base : null);
  }
  const developed: number[] = Array.from({ length: months }, () => 0);
  let toUltimate = 1;
  developed[months - 1] = 1;
  for (let k = months - 1; k >= 1; k--) {
    const factor = ageToAge[k - 1];
    if (factor === null || factor === undefined) break;
    toUltimate *= factor;
    developed[k - 1] = 1 / toUltimate;
  }
  return { months, ageToAge, developed };
}

export type UltimateMethod = 'observed' | 'chainLadder' | 'bornhuetterFerguson';

export interface VintageUltimate {
  /** The vintage's lifetime cumulative rate. */
  readonly ultimate: number;
  readonly method: UltimateMethod;
  /** S_m at the vintage's last observed month m. */
  readonly developedShare: number;
}

/**
 * Each vintage's lifetime (ultimate) rate from its last observed value C_m:
 * - observed, when it has the longest history (S_m = 1);
 * - chain ladder, C_m / S_m, when S_m ≥ minDevelopedShare;
 * - Bornhuetter–Ferguson, C_m + (1 − S_m) × prior, when too little has developed for the
 *   chain ladder's leverage 1 / S_m (or none: S_m = 0 before the first default of any vintage).
 *   The prior is the weighted ultimate of the vintages projected by the first two rules
 *   (Friedland 2010, ch. 9, the expected-claims-based Bornhuetter–Ferguson technique).
 */
export function vintageUltimates(rows: readonly TriangleRow[], development: Development, minDevelopedShare: number): VintageUltimate[] {
  const first = rows.map((row): VintageUltimate | null => {
    const m = row.values.length;
    const last = row.values[m - 1] ?? 0;
    const share = development.developed[m - 1] ?? 0;
    if (m === development.months) return { ultimate: last, method: 'observed', developedShare: 1 };
    if (share >= minDevelopedShare && share > 0) return { ultimate: last / share, method: 'chainLadder', developedShare: share };
    return null;
  });
  let weight = 0;
  let amount = 0;
  first.forEach((fit, i) => {
    if (fit === null) return;
    weight += rows[i]?.weight ?? 0;
    amount += (rows[i]?.weight ?? 0) * fit.ultimate;
  });
  if (first.some((fit) => fit === null) && !(weight > 0)) {
    throw curveError('STATIC_POOL_FIT', { minDevelopedShare }, `no vintage is developed to ${minDevelopedShare * 100}% of its lifetime default, so there is no prior for the unseasoned ones`);
  }
  const prior = weight > 0 ? amount / weight : 0;
  return first.map((fit, i) => {
    if (fit !== null) return fit;
    const row = rows[i];
    const m = row?.values.length ?? 0;
    const share = development.developed[m - 1] ?? 0;
    return { ultimate: (row?.values[m - 1] ?? 0) + (1 - share) * prior, method: 'bornhuetterFerguson', developedShare: share };
  });
}
