import { codedError } from '../../data/errors.ts';
import { messageTable, type CodedMessage } from '../../engine/messages.ts';
import type { EventBlock } from '../files/event-schema.ts';
import { GRID_PARAMETER_RANGES, type GridAxis, type GridOutage, type GridParameter, type ScenarioOverrides, type StressFactors } from '../api/contract.ts';

/** What each grid parameter's value means, with its unit, as the CLI's tables print it; by code, so a screen says it in its language. */
export const GRID_PARAMETER_WORDS = messageTable('gridParameter', {
  defaultMult: () => 'default curve × (and roll into 1–30 DPD)',
  prepayMult: () => 'prepayment ×',
  cureMult: () => 'cure ×',
  rollInMult: () => 'roll into delinquency ×',
  recoveryMult: () => 'recovery rate ×',
  recoveryRate: () => 'recovery rate (decimal)',
  recoveryLag: () => 'recovery lag (months)',
  cdr: () => 'CDR (%, constant, replaces the default curve)',
  cpr: () => 'CPR (%, constant, replaces the prepayment curve)',
  indexShockBps: () => 'index-rate shock (bp)',
  outageShare: () => 'outage: share of auto-debits failing (decimal)',
  outageMonth: () => 'outage: projection month',
} satisfies Record<GridParameter, () => string>);

/** A grid's axis refused (checkAxis), by code: the screens say it in their language (the English is the CLI's). */
export const GRID_AXIS_MESSAGES = messageTable('gridAxis', {
  rows: () => 'rows',
  columns: () => 'columns',
  noValues: (p: { axis: CodedMessage; parameter: string }) => `the grid's ${p.axis.message} (${p.parameter}) have no values`,
  repeated: (p: { axis: CodedMessage; parameter: string }) => `the grid's ${p.axis.message} (${p.parameter}) repeat a value`,
  outOfRange: (p: { parameter: string; label: CodedMessage; low: number; high: number; value: number }) =>
    `${p.parameter} (${p.label.message}) must be a number from ${p.low} to ${p.high}, got ${p.value}`,
  outOfRangeWhole: (p: { parameter: string; label: CodedMessage; low: number; high: number; value: number }) =>
    `${p.parameter} (${p.label.message}) must be a whole number from ${p.low} to ${p.high}, got ${p.value}`,
});

/**
 * What each grid parameter sets in a cell's ScenarioOverrides (docs/sweeps.md, "Grid parameters");
 * the values it takes are the contract's GRID_PARAMETER_RANGES. A cell's overrides are the run's
 * own with the row's and the column's parameter put on top, so a cell is exactly the single deal
 * run with those overrides.
 */
interface ParameterSpec {
  /** What the value means, with its unit, as tables print it (GRID_PARAMETER_WORDS). */
  readonly label: string;
  /** Sets the value in the overrides; absent for the outage's fields, which go into one event block. */
  readonly apply?: (overrides: ScenarioOverrides, value: number) => ScenarioOverrides;
  readonly outageField?: 'share' | 'month';
}

/** The pool's stress multiplier `factor` set to `value` (the run's other factors and its segment factors kept). */
const poolFactor =
  (factor: keyof StressFactors): NonNullable<ParameterSpec['apply']> =>
  (overrides, value) => ({ ...overrides, multipliers: { ...overrides.multipliers, pool: { ...overrides.multipliers?.pool, [factor]: value } } });

const wordsOf = (parameter: GridParameter): string => GRID_PARAMETER_WORDS.say(parameter).message;

export const GRID_PARAMETERS: Readonly<Record<GridParameter, ParameterSpec>> = {
  defaultMult: { label: wordsOf('defaultMult'), apply: (o, v) => ({ ...o, defaultMultiplier: v }) },
  prepayMult: { label: wordsOf('prepayMult'), apply: poolFactor('prepayment') },
  cureMult: { label: wordsOf('cureMult'), apply: poolFactor('cure') },
  rollInMult: { label: wordsOf('rollInMult'), apply: poolFactor('rollIn') },
  recoveryMult: { label: wordsOf('recoveryMult'), apply: poolFactor('recovery') },
  recoveryRate: { label: wordsOf('recoveryRate'), apply: (o, v) => ({ ...o, recoveryRate: v }) },
  recoveryLag: { label: wordsOf('recoveryLag'), apply: (o, v) => ({ ...o, recoveryLagMonths: v }) },
  cdr: { label: wordsOf('cdr'), apply: (o, v) => ({ ...o, default: `${v} CDR` }) },
  cpr: { label: wordsOf('cpr'), apply: (o, v) => ({ ...o, prepayment: `${v} CPR` }) },
  indexShockBps: { label: wordsOf('indexShockBps'), apply: (o, v) => ({ ...o, indexRates: { ...o.indexRates, shockBps: v } }) },
  outageShare: { label: wordsOf('outageShare'), outageField: 'share' },
  outageMonth: { label: wordsOf('outageMonth'), outageField: 'month' },
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

/** Whether a value is in its grid parameter's range (GRID_PARAMETER_RANGES). */
export function inGridRange(parameter: GridParameter, value: number): boolean {
  const range = GRID_PARAMETER_RANGES[parameter];
  return Number.isFinite(value) && value >= range.min && value <= range.max && (range.whole !== true || Number.isInteger(value));
}

/** A value of an axis checked against its parameter's range, at the axis' name; refused by code (GRID_AXIS_MESSAGES). */
export function checkAxis(axis: GridAxis, label: 'rows' | 'columns'): void {
  const { parameter } = axis;
  const named = { axis: GRID_AXIS_MESSAGES.say(label), parameter };
  if (axis.values.length === 0) throw codedError('BAD_REQUEST', GRID_AXIS_MESSAGES.say('noValues', named), { path: `$.${label}.values` });
  axis.values.forEach((value, k) => {
    if (inGridRange(parameter, value)) return;
    const range = GRID_PARAMETER_RANGES[parameter];
    const said = { parameter, label: GRID_PARAMETER_WORDS.say(parameter), low: range.min, high: range.max, value };
    throw codedError('BAD_REQUEST', GRID_AXIS_MESSAGES.say(range.whole === true ? 'outOfRangeWhole' : 'outOfRange', said), { path: `$.${label}.values[${k}]` });
  });
  if (new Set(axis.values).size !== axis.values.length) throw codedError('BAD_REQUEST', GRID_AXIS_MESSAGES.say('repeated', named), { path: `$.${label}.values` });
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
