/**
 * A pool given as a projected cash-flow schedule (the 现金流归集表 of a Chinese offering circular,
 * or an originator's run-off table) instead of loans. Money in yuan (or the pool's currency), float.
 */
export interface ScheduleRow {
  /** Last day of the collection period, ISO YYYY-MM-DD. */
  readonly periodEnd: string;
  /** Unpaid principal at the period's start (归集期初本金余额), as the schedule prints it (checked, not used: balances are rolled). */
  readonly openingBalance: number;
  /** Scheduled principal collections of the period (本金回收款 / 应收本金). */
  readonly scheduledPrincipal: number;
  /** Interest or fee collections of the period (利息 / 手续费回收款). */
  readonly interest: number;
  /** Prepayments the schedule already assumes (早偿); default 0. */
  readonly prepayment?: number;
  /** Gross defaults the schedule already assumes (违约本金); default 0. */
  readonly defaults?: number;
  /** Recoveries the schedule already assumes (回收款); default 0. */
  readonly recoveries?: number;
  /** Principal delinquent 61+ days at the period's end the schedule assumes; default 0 (reported to triggers only). */
  readonly delinquent?: number;
}

/** The stress a rating agency lays over such a table (docs/schedule-pools.md). */
export interface ScheduleOverlay {
  /** Monthly default rate (MDR) for pool months 1…n, index 0 = month 1; absent: no defaults beyond the schedule's own. */
  readonly mdr?: Float64Array;
  /** Monthly prepayment rate (SMM) for pool months 1…n; absent: none beyond the schedule's own. */
  readonly smm?: Float64Array;
  /** Share of the performing balance 61+ days delinquent at each pool month's end (index 0 = month 1); reported to triggers, moves no cash. */
  readonly delinquencyRate?: Float64Array;
  /** Share of an overlay default recovered, decimal 0–1; default 0. */
  readonly recoveryRate?: number;
  /** Months from the default's month to its recovery; default 0 (same month). */
  readonly recoveryLagMonths?: number;
}
