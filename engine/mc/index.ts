// Monte Carlo loss distribution: seeded per-path random numbers, the default-rate distributions,
// the closed-form lognormal tranche loss, summary statistics and the implied rating.
export { MAX_SEED, pathStream, splitMix64, xoshiro128ss } from './prng.ts';
export { inverseNormalCdf, normalCdf } from './normal.ts';
export { checkDistribution, defaultRateAt, formatDistribution, lognormalParameters } from './distributions.ts';
export type { DefaultRateDistribution } from './distributions.ts';
export { lognormalExcess, lognormalTrancheLoss } from './tranche-loss.ts';
export { histogram, mean, pathsForRelativeError, percentile, standardError } from './statistics.ts';
export type { HistogramBin } from './statistics.ts';
export { checkRatingTable, impliedRating } from './rating.ts';
export type { RatingRow } from './rating.ts';
