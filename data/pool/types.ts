export type { DelinquencyRow, PoolSummary } from './summary.ts';
export type { StratDimensionId, StratRow, StratTable, StratUnit } from './strats.ts';
