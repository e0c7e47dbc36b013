import { NOTE_METRICS } from './schema.ts';
import { unreachable } from './state.ts';
import type { Comparator, ThresholdBand, TriggerEffect, TriggerMetric, TriggerSpec } from './types.ts';

/** A trigger ready to test: ids resolved to note indices, threshold (and warning level) as functions of the period. */
export interface CompiledTrigger {
  readonly id: string;
  readonly metric: TriggerMetric;
  readonly notes: readonly number[];
  readonly breachedWhen: Comparator;
  readonly threshold: (period: number) => number;
  /** The early-warning level, when the trigger has one: reported, never acts. */
  readonly warning: ((period: number) => number) | undefined;
  readonly curable: boolean;
  /** The value tested is the mean of the metric on the last `averageOver` determination dates. */
  readonly averageOver: number;
  /** A breach needs the test to hold on this many consecutive determination dates. */
  readonly consecutivePeriods: number;
  readonly effects: ReadonlySet<TriggerEffect>;
}

/** The metric values of one determination date (see TriggerMetric for each definition). */
export interface MetricValues {
  readonly cumulativeDefaultRate: number;
  readonly cumulativeNetLossRate: number;
  readonly delinquency60Plus: number;
  readonly delinquency90Plus: number;
  readonly reserveToTarget: number;
  readonly poolFactor: number;
  readonly excessSpreadAverage: number;
  /** Σ start-of-period balances of the given notes ÷ pool ending balance. */
  readonly noteBalanceRatio: (notes: readonly number[]) => number;
  /** Σ interest of the given notes carried unpaid from earlier payment dates, in yuan. */
  readonly interestShortfall: (notes: readonly number[]) => number;
  /** Cash the previous payment date's principal steps could not spend on purchases ÷ the principal funds they offered (0 when none offered). */
  readonly purchaseShortfall: number;
  /** That cash, in yuan. */
  readonly purchaseShortfallAmount: number;
  /** Σ balances of the given notes outstanding after the previous payment date although their expected maturity was on or before it, in yuan. */
  readonly expectedMaturityShortfall: (notes: readonly number[]) => number;
}

/** What a trigger carries from one determination date to the next. */
export interface TriggerHistory {
  /** The first period it was breached, or null while it never has been. */
  readonly firstBreach: number | null;
  /** Its metric's values on the last (averageOver − 1) determination dates, oldest first. */
  readonly recent: readonly number[];
  /** How many determination dates in a row, up to the last, its test has held. */
  readonly run: number;
}

export const NO_TRIGGER_HISTORY: TriggerHistory = { firstBreach: null, recent: [], run: 0 };

export function compileTrigger(spec: TriggerSpec, noteIndex: ReadonlyMap<string, number>): CompiledTrigger {
  const warning = spec.warning;
  return {
    id: spec.id,
    metric: spec.metric,
    notes: (spec.notes ?? []).map((id) => noteIndex.get(id) ?? -1),
    breachedWhen: spec.breachedWhen,
    threshold: byPeriod(spec.threshold),
    warning: warning === undefined ? undefined : byPeriod(warning),
    curable: spec.curable ?? false,
    averageOver: spec.averageOver ?? 1,
    consecutivePeriods: spec.consecutivePeriods ?? 1,
    effects: new Set(spec.effects),
  };
}

function byPeriod(level: TriggerSpec['threshold']): (period: number) => number {
  return typeof level === 'number' ? () => level : (period) => bandThreshold(level, period);
}

/** The band covering the period (bands are validated contiguous from period 1, the last open-ended). */
function bandThreshold(bands: readonly ThresholdBand[], period: number): number {
  for (const band of bands) if (period >= band.fromPeriod && (band.toPeriod === undefined || period <= band.toPeriod)) return band.threshold;
  return bands.at(-1)?.threshold ?? Number.NaN;
}

export function metricValue(trigger: CompiledTrigger, values: MetricValues): number {
  const metric = trigger.metric;
  if (metric === 'noteBalanceRatio' || metric === 'interestShortfall' || metric === 'expectedMaturityShortfall') return values[metric](trigger.notes);
  return values[metric];
}

/** What a metric measures: money for a class's interest shortfall and the purchase shortfall amount, a decimal ratio for every other. */
export function metricUnit(metric: TriggerMetric): 'ratio' | 'money' {
  return metric === 'interestShortfall' || metric === 'purchaseShortfallAmount' || metric === 'expectedMaturityShortfall' ? 'money' : 'ratio';
}

/** Whether the metric reads the trigger's `notes` (validate.ts requires them). */
export function readsNotes(metric: TriggerMetric): boolean {
  return NOTE_METRICS.includes(metric);
}

/** value breachedWhen threshold, on float64 (ratios, or yuan for interestShortfall). */
export function compare(value: number, comparator: Comparator, threshold: number): boolean {
  switch (comparator) {
    case '>':
      return value > threshold;
    case '>=':
      return value >= threshold;
    case '<':
      return value < threshold;
    case '<=':
      return value <= threshold;
    default:
      return unreachable(comparator);
  }
}
