import { UserError } from '../../data/errors.ts';
import type { EventBlock } from '../files/event-schema.ts';
import type { GridAxis, GridOutage, GridParameter, ScenarioOverrides, StressFactors } from '../api/contract.ts';

/**
 * What each grid parameter sets in a cell's ScenarioOverrides (docs/sweeps.md, "Grid parameters"),
 * and the values it takes. A cell's overrides are the run's own with the row's and the column's
 * parameter put on top, so a cell is exactly the single deal run with those overrides.
 */
interface ParameterSpec {
  /** What the value means, with its unit, as tables print it. */
  readonly label: string;
  readonly min: number;
  readonly max: number;
  readonly whole?: boolean;
  /** Sets the value in the overrides; absent for the outage's fields, which go into one event block. */
  readonly apply?: (overrides: ScenarioOverrides, value: number) => ScenarioOverrides;
  readonly outageField?: 'share' | 'month';
}

/** The pool's stress multiplier `factor` set to `value` (the run's other factors and its segment factors kept). */
const poolFactor =
  (factor: keyof StressFactors): NonNullable<ParameterSpec['apply']> =>
  (overrides, value) => ({ ...overrides, multipliers: { ...overrides.multipliers, pool: { ...overrides.multipliers?.pool, [factor]: value } } });

export const GRID_PARAMETERS: Readonly<Record<GridParameter, ParameterSpec>> = {
  defaultMult: { label: 'default curve × (and roll into 1–30 DPD)', min: 0, max: 1000, apply: (o, v) => ({ ...o, defaultMultiplier: v }) },
  prepayMult: { label: 'prepayment ×', min: 0, max: 100, apply: poolFactor('prepayment') },
  cureMult: { label: 'cure ×', min: 0, max: 100, apply: poolFactor('cure') },
  rollInMult: { label: 'roll into delinquency ×', min: 0, max: 100, apply: poolFactor('rollIn') },
  recoveryMult: { label: 'recovery rate ×', min: 0, max: 100, apply: poolFactor('recovery') },
  recoveryRate: { label: 'recovery rate (decimal)', min: 0, max: 1, apply: (o, v) => ({ ...o, recoveryRate: v }) },
  recoveryLag: { label: 'recovery lag (months)', min: 0, max: 120, whole: true, apply: (o, v) => ({ ...o, recoveryLagMonths: v }) },
  cdr: { label: 'CDR (%, constant, replaces the default curve)', min: 0, max: 100, apply: (o, v) => ({ ...o, default: `${v} CDR` }) },
  cpr: { label: 'CPR (%, constant, replaces the prepayment curve)', min: 0, max: 100, apply: (o, v) => ({ ...o, prepayment: `${v} CPR` }) },
  indexShockBps: { label: 'index-rate shock (bp)', min: -2000, max: 2000, apply: (o, v) => ({ ...o, indexRates: { ...o.indexRates, shockBps: v } }) },
  outageShare: { label: 'outage: share of auto-debits failing (decimal)', min: 0, max: 1, outageField: 'share' },
  outageMonth: { label: 'outage: projection month', min: 1, max: 600, whole: true, outageField: 'month' },
};

export const GRID_PARAMETER_NAMES = Object.keys(GRID_PARAMETERS) as GridParameter[];

export function isGridParameter(name: string): name is GridParameter {
  return Object.hasOwn(GRID_PARAMETERS, name);
}

/**
 * The outage a grid varies, before its axis values: month 1, every day of the month (31: the whole
 * month's installments fail at `share`), share 1 and every failed payment curing the next month
 * (cureShare 1: a pure liquidity stress) — each replaced by the request's `outage` field.
 */
export const OUTAGE_DEFAULTS: Readonly<Required<Pick<GridOutage, 'month' | 'days' | 'share' | 'cureShare'>>> = { month: 1, days: 31, share: 1, cureShare: 1 };

/** A value of an axis checked against its parameter's range, at the axis' name. */
export function checkAxis(axis: GridAxis, label: 'rows' | 'columns'): void {
  const spec = GRID_PARAMETERS[axis.parameter];
  if (axis.values.length === 0) throw new UserError('BAD_REQUEST', `the grid's ${label} (${axis.parameter}) have no values`, { path: `$.${label}.values` });
  axis.values.forEach((value, k) => {
    const bad = !Number.isFinite(value) || value < spec.min || value > spec.max || (spec.whole === true && !Number.isInteger(value));
    if (bad) {
      const wanted = `${spec.whole ? 'a whole number' : 'a number'} from ${spec.min} to ${spec.max}`;
      throw new UserError('BAD_REQUEST', `${axis.parameter} (${spec.label}) must be ${wanted}, got ${value}`, { path: `$.${label}.values[${k}]` });
    }
  });
  if (new Set(axis.values).size !== axis.values.length) throw new UserError('BAD_REQUEST', `the grid's ${label} (${axis.parameter}) repeat a value`, { path: `$.${label}.values` });
}

/** The overrides of the cell at (row value, column value): the run's overrides with both parameters on top. */
export function cellOverrides(base: ScenarioOverrides, cell: readonly (readonly [GridParameter, number])[], outage: GridOutage | undefined): ScenarioOverrides {
  let overrides = base;
  let event: (typeof OUTAGE_DEFAULTS & Pick<GridOutage, 'segment' | 'waivePenalty'>) | null = null;
  for (const [parameter, value] of cell) {
    const spec = GRID_PARAMETERS[parameter];
    if (spec.apply) overrides = spec.apply(overrides, value);
    if (spec.outageField) event = { ...(event ?? { ...OUTAGE_DEFAULTS, ...outage }), [spec.outageField]: value };
  }
  if (event === null) return overrides;
  const block: EventBlock = { type: 'outage', ...event };
  // The outage goes after the run's own events (a scenario's events come after the base set's).
  return { ...overrides, events: [...(overrides.events ?? []), block] };
}
