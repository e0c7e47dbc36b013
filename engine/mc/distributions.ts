import { assert } from '../errors.ts';
import { inverseNormalCdf, normalCdf } from './normal.ts';

/**
 * The distribution of the pool's lifetime default rate across Monte Carlo paths:
 *  - lognormal with the given mean and coefficient of variation (standard deviation ÷ mean), as in
 *    Moody's lognormal method for ABS ("The Lognormal Method Applied to ABS Analysis", June 2000;
 *    "Moody's Approach to Rating Consumer Loan ABS Transactions", 12 October 2012, the ABSROM
 *    approach): ln X ~ N(μ, σ²) with σ² = ln(1 + cv²), μ = ln(mean) − σ²/2, so E[X] = mean and
 *    sd[X] = cv × mean;
 *  - Vasicek one-factor (O. Vasicek, "Loan Portfolio Value", Risk, December 2002): the default rate of
 *    a large homogeneous pool with default probability pd and asset correlation ρ, given the
 *    systematic factor Z ~ N(0, 1), is DR = Φ((Φ⁻¹(pd) + √ρ·Z)/√(1 − ρ)); E[DR] = pd.
 */
export type DefaultRateDistribution = { readonly kind: 'lognormal'; readonly mean: number; readonly cv: number } | { readonly kind: 'vasicek'; readonly pd: number; readonly rho: number };

/** Checks the parameters: a lognormal mean in (0, 1] and cv ≥ 0; a Vasicek pd in (0, 1) and ρ in [0, 1). */
export function checkDistribution(distribution: DefaultRateDistribution): void {
  if (distribution.kind === 'lognormal') {
    assert(distribution.mean > 0 && distribution.mean <= 1, 'MC_DISTRIBUTION', { field: 'mean', value: distribution.mean, expected: 'in (0, 1]' });
    assert(distribution.cv >= 0 && Number.isFinite(distribution.cv), 'MC_DISTRIBUTION', { field: 'cv', value: distribution.cv, expected: '≥ 0' });
    return;
  }
  assert(distribution.pd > 0 && distribution.pd < 1, 'MC_DISTRIBUTION', { field: 'pd', value: distribution.pd, expected: 'in (0, 1)' });
  assert(distribution.rho >= 0 && distribution.rho < 1, 'MC_DISTRIBUTION', { field: 'rho', value: distribution.rho, expected: 'in [0, 1)' });
}

/** The lognormal's σ and μ for a mean and coefficient of variation. */
export function lognormalParameters(mean: number, cv: number): { readonly mu: number; readonly sigma: number } {
  const variance = Math.log1p(cv * cv);
  return { mu: Math.log(mean) - variance / 2, sigma: Math.sqrt(variance) };
}

/**
 * The default rate at the uniform u ∈ (0, 1): the distribution's u-quantile (inverse transform), so
 * the draw rises with u. May exceed 1 for a lognormal; the path caps it at what the pool can default.
 */
export function defaultRateAt(distribution: DefaultRateDistribution, u: number): number {
  const z = inverseNormalCdf(u);
  if (distribution.kind === 'lognormal') {
    if (distribution.cv === 0) return distribution.mean; // no variance: every path draws the mean
    const { mu, sigma } = lognormalParameters(distribution.mean, distribution.cv);
    return Math.exp(mu + sigma * z);
  }
  const { pd, rho } = distribution;
  return normalCdf((inverseNormalCdf(pd) + Math.sqrt(rho) * z) / Math.sqrt(1 - rho));
}

/** Six significant figures: a mean taken from the scenario is a long float. */
const sixFigures = (value: number): number => Number(value.toPrecision(6));

/** The distribution as written on the CLI and in reports (six significant figures): `lognormal:mean=0.04,cv=0.5`, `vasicek:pd=0.04,rho=0.1`. */
export function formatDistribution(distribution: DefaultRateDistribution): string {
  return distribution.kind === 'lognormal'
    ? `lognormal:mean=${sixFigures(distribution.mean)},cv=${sixFigures(distribution.cv)}`
    : `vasicek:pd=${sixFigures(distribution.pd)},rho=${sixFigures(distribution.rho)}`;
}
