// Static-pool (vintage) fitting: lifetime default by chain ladder, the default-timing curve, the
// CPR curve by age and net-flow roll rates from an originator's 静态池 history (docs/static-pool.md).
export { factorAt, scheduledBalanceFactors } from './amortisation.ts';
export { developmentFactors, vintageUltimates } from './chain-ladder.ts';
export type { Development, TriangleRow, UltimateMethod, VintageUltimate } from './chain-ladder.ts';
export { cprByAgeNotation } from './notation.ts';
export { fitPrepayment } from './prepayment.ts';
export type { PrepaymentFit, VintagePath } from './prepayment.ts';
export { fitRollRates } from './roll-rates.ts';
export type { RollRateFit } from './roll-rates.ts';
export { DEFAULT_MIN_DEVELOPED_SHARE, fitStaticPool } from './static-pool.ts';
export type { StaticPoolFit, StaticPoolFitOptions, VintageFit } from './static-pool.ts';
export type { AmortisationProfile, DelinquencyHistory, VintageHistory } from './types.ts';
