import { allocateLoanArrays, evaluateVector, notationRateVector, parseVector, rateAt, scheduleFlows, type PoolCashFlows, type ScheduleOverlay, type ScheduleRow } from '../../engine/index.ts';
import type { ScenarioOverrides } from '../api/contract.ts';
import type { DealFile } from '../files/deal-file.ts';
import { fileError } from '../files/file-issues.ts';
import type { ProjectionInput } from './projection.ts';

/** A deal's schedule pool as a run needs it: its rows, cutoff and the stress text after the run's overrides. */
export interface PreparedSchedule {
  readonly rows: readonly ScheduleRow[];
  readonly cutoffDate: string;
  readonly defaultVector: string | null;
  readonly prepaymentVector: string | null;
  readonly delinquencyVector: string | null;
  readonly recoveryRate: number;
  readonly recoveryLagMonths: number;
  /** The run's factors on the default (MDR) and prepayment (SMM) rates: scenarioOverrides.multipliers.pool. */
  readonly defaultFactor: number;
  readonly prepaymentFactor: number;
}

/** A stress a solver or scenario puts on top: the default rate × multiplier, or a constant CDR replacing it. */
export type ScheduleStressCase = { readonly by: 'multiplier'; readonly value: number } | { readonly by: 'cdr'; readonly value: number };

/**
 * The schedule pool of a deal file, its printed balances checked: each row's opening balance must
 * equal the balance rolled from the first row (less principal, prepayments and defaults) within
 * max(1 yuan, 0.01% of the cutoff balance) — the slack a table printed in 万元 to two decimals needs
 * (和享 2017-5 drifts by up to 0.03 万元), while a mistyped digit is far beyond it.
 */
export function prepareSchedule(file: DealFile, overrides: ScenarioOverrides): PreparedSchedule | null {
  const pool = file.schedulePool;
  if (pool === undefined) return null;
  // readDealFile refuses a schedule pool without rows (a stored schedule is read into rows before, stored-schedule.ts).
  const rows = pool.rows ?? [];
  checkBalances(rows);
  const stress = pool.stress ?? {};
  // Read each vector now, so that a typo is refused before a run starts, naming its path.
  if (stress.default !== undefined) readVector(stress.default, 'default', 'default');
  if (stress.prepayment !== undefined) readVector(stress.prepayment, 'prepayment', 'prepayment');
  if (stress.delinquency !== undefined) shares(stress.delinquency, 1);
  const factors = overrideFactors(overrides);
  return {
    rows,
    cutoffDate: pool.cutoffDate ?? file.dates.cutoff,
    defaultVector: overrides.default ?? stress.default ?? null,
    prepaymentVector: overrides.prepayment ?? stress.prepayment ?? null,
    delinquencyVector: stress.delinquency ?? null,
    recoveryRate: Math.min(1, (overrides.recoveryRate ?? stress.recoveryRate ?? 0) * factors.recovery),
    recoveryLagMonths: overrides.recoveryLagMonths ?? stress.recoveryLagMonths ?? 0,
    defaultFactor: factors.default,
    prepaymentFactor: factors.prepayment,
  };
}

function refuse(what: string): never {
  throw fileError('Scenario override', [
    { path: '$.schedulePool', message: `${what} do not apply to a schedule pool (it has no loans, segments or roll rates): stress it with default, prepayment and recovery` },
  ]);
}

/**
 * The stress factors of a scenario or grid that a schedule can take: the pool's default, prepayment
 * and recovery factors. A schedule has no segments, roll rates or loan-level events, so factors by
 * segment, cure and roll-in factors and event stresses are refused rather than silently ignored.
 */
function overrideFactors(overrides: ScenarioOverrides): { default: number; prepayment: number; recovery: number } {
  const { pool, segments } = overrides.multipliers ?? {};
  if (segments !== undefined && Object.keys(segments).length > 0) refuse('factors by segment');
  if ((pool?.cure ?? 1) !== 1 || (pool?.rollIn ?? 1) !== 1) refuse('cure and roll-in factors');
  if ((overrides.events ?? []).length > 0) refuse('event stresses');
  return { default: pool?.default ?? 1, prepayment: pool?.prepayment ?? 1, recovery: pool?.recovery ?? 1 };
}

function checkBalances(rows: readonly ScheduleRow[]): void {
  const first = rows[0]?.openingBalance ?? 0;
  const tolerance = Math.max(1, first * 1e-4);
  let rolled = first;
  rows.forEach((row, k) => {
    if (Math.abs(row.openingBalance - rolled) > tolerance) {
      throw fileError('Deal', [
        {
          path: `$.schedulePool.rows[${k}].openingBalance`,
          message: `${row.openingBalance} is not the previous row's opening balance less its principal, prepayments and defaults (${rolled.toFixed(2)}); the difference is above ${tolerance.toFixed(2)}`,
        },
      ]);
    }
    rolled -= row.scheduledPrincipal + (row.prepayment ?? 0) + (row.defaults ?? 0);
  });
}

/** The projection input of a deal's schedule pool: no loans; its name and cutoff for the reports (scenario sets and grids plan with it). */
export function schedulePoolInput(file: DealFile): ProjectionInput {
  return {
    tapeId: null,
    sourceName: file.schedulePool?.name ?? 'collection schedule',
    cutoffDate: file.schedulePool?.cutoffDate ?? file.dates.cutoff,
    loans: allocateLoanArrays(0),
    segmentNames: [''],
    lines: [],
    loanCount: 0,
  };
}

/** The schedule's monthly flows under its stress, scaled or replaced by the run's stress case. */
export function scheduleCashFlows(schedule: PreparedSchedule, months: number, stress: ScheduleStressCase, baseMultiplier: number): PoolCashFlows {
  const mdr =
    stress.by === 'cdr'
      ? evaluateVector(parseVector(`${(stress.value * 100).toFixed(6)} CDR`, { purpose: 'default' }), months)
      : scaled(vectorRates(schedule.defaultVector, 'default', months), stress.value * baseMultiplier * schedule.defaultFactor);
  const smm = scaled(vectorRates(schedule.prepaymentVector, 'prepayment', months), schedule.prepaymentFactor);
  const overlay: ScheduleOverlay = {
    ...(mdr ? { mdr } : {}),
    ...(smm ? { smm } : {}),
    ...(schedule.delinquencyVector !== null ? { delinquencyRate: shares(schedule.delinquencyVector, months) } : {}),
    recoveryRate: schedule.recoveryRate,
    recoveryLagMonths: schedule.recoveryLagMonths,
  };
  return scheduleFlows(schedule.rows, schedule.cutoffDate, months, overlay);
}

function vectorRates(text: string | null, purpose: 'default' | 'prepayment', months: number): Float64Array | undefined {
  if (text === null) return undefined;
  return evaluateVector(readVector(text, purpose === 'default' ? 'default' : 'prepayment', purpose), months);
}

/** Monthly rates × a multiplier (the run's --default-mult, a solver's, a grid's factor), capped at 100%. */
function scaled(rates: Float64Array | undefined, multiplier: number): Float64Array | undefined {
  if (rates === undefined || multiplier === 1) return rates;
  return rates.map((r) => Math.min(1, r * multiplier));
}

/** The delinquency vector read as plain shares (percent in the notation, no annual-to-monthly conversion). */
function shares(text: string, months: number): Float64Array {
  const vector = readVector(text, undefined, 'delinquency');
  if (vector.form !== 'curve')
    throw fileError('Deal', [{ path: '$.schedulePool.stress.delinquency', message: 'a delinquency share is a curve of percentages (e.g. "1.5" or "1 ramp 3 12"), not a PSA, SDA or ABS speed' }]);
  const rates = notationRateVector(vector);
  return Float64Array.from({ length: months }, (_, k) => rateAt(rates, k + 1));
}

function readVector(text: string, purpose: 'default' | 'prepayment' | undefined, field: string): ReturnType<typeof parseVector> {
  try {
    return parseVector(text, purpose ? { purpose } : {});
  } catch (error) {
    if (!(error instanceof Error)) throw error;
    throw fileError('Deal', [{ path: `$.schedulePool.stress.${field}`, message: error.message }], { value: text });
  }
}
