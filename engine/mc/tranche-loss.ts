import { lognormalParameters } from './distributions.ts';
import { normalCdf } from './normal.ts';

/**
 * E[(L − k)⁺] for L lognormal with ln L ~ N(μ, σ²) and mean m = e^(μ + σ²/2): the undiscounted Black
 * call price (F. Black, "The Pricing of Commodity Contracts", Journal of Financial Economics 3, 1976;
 * J. Hull, Options, Futures, and Other Derivatives, the lognormal expectation E[max(V − K, 0)]):
 *   E[(L − k)⁺] = m·Φ(d₁) − k·Φ(d₂),  d₁ = (ln(m/k) + σ²/2)/σ,  d₂ = d₁ − σ;
 * for k ≤ 0 it is m − k, and with σ = 0 it is (m − k)⁺.
 */
export function lognormalExcess(mean: number, sigma: number, strike: number): number {
  if (strike <= 0) return mean - strike;
  if (sigma === 0) return Math.max(mean - strike, 0);
  const d1 = (Math.log(mean / strike) + (sigma * sigma) / 2) / sigma;
  return mean * normalCdf(d1) - strike * normalCdf(d1 - sigma);
}

/**
 * The expected loss of a tranche attaching at a and detaching at d (fractions of the pool, a < d) as
 * a fraction of its size, when the pool's loss L is lognormal with the given mean and coefficient of
 * variation:
 *   EL = E[min((L − a)⁺, d − a)] / (d − a) = (E[(L − a)⁺] − E[(L − d)⁺]) / (d − a),
 * since min((L − a)⁺, d − a) = (L − a)⁺ − (L − d)⁺.
 */
export function lognormalTrancheLoss(meanLoss: number, cv: number, attachment: number, detachment: number): number {
  const { sigma } = lognormalParameters(meanLoss, cv);
  return (lognormalExcess(meanLoss, sigma, attachment) - lognormalExcess(meanLoss, sigma, detachment)) / (detachment - attachment);
}
