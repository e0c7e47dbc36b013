/**
 * Pool analytics over one tape in a workspace: the summary (count, balance, WAC, WAM, WALA,
 * concentration, delinquency) and stratification tables, with their CSV export.
 * Conventions: yuan, annual decimal rates, averages weighted by current principal, shares as
 * fractions (see summary.ts).
 */
export { cachedPoolSummary, cachedStrat } from './cache.ts';
export { defaultStrats } from './default-strats.ts';
export { DELINQUENCY_BUCKETS, poolSummary, type BorrowerConcentration, type BorrowerExposure, type DelinquencyBucketId, type DelinquencyRow, type PoolSummary } from './summary.ts';
export {
  BLANK_LABEL,
  MAX_BUCKET_EDGES,
  STRAT_CSV_HEADER,
  STRAT_DIMENSION_BY_ID,
  STRAT_DIMENSIONS,
  formatStratCsv,
  stratify,
  type BucketClosure,
  type CategoricalStratDimension,
  type NumericStratDimension,
  type StratCsvOptions,
  type StratDimension,
  type StratDimensionId,
  type StratFigures,
  type StratRow,
  type StratTable,
  type StratTotal,
  type StratUnit,
} from './strats.ts';
