import { unreachable } from './state.ts';
import type { Comparator, ThresholdBand, TriggerEffect, TriggerMetric, TriggerSpec } from './types.ts';

/** A trigger ready to test: ids resolved to note indices, threshold as a function of the period. */
export interface CompiledTrigger {
  readonly id: string;
  readonly metric: TriggerMetric;
  readonly notes: readonly number[];
  readonly breachedWhen: Comparator;
  readonly threshold: (period: number) => number;
  readonly curable: boolean;
  readonly effects: ReadonlySet<TriggerEffect>;
}

/** The metric values of one determination date (see TriggerMetric for each definition). */
export interface MetricValues {
  readonly cumulativeDefaultRate: number;
  readonly delinquency60Plus: number;
  readonly delinquency90Plus: number;
  readonly reserveToTarget: number;
  readonly poolFactor: number;
  readonly excessSpreadAverage: number;
  /** Σ start-of-period balances of the given notes ÷ pool ending balance. */
  readonly noteBalanceRatio: (notes: readonly number[]) => number;
}

export function compileTrigger(spec: TriggerSpec, noteIndex: ReadonlyMap<string, number>): CompiledTrigger {
  const threshold = spec.threshold;
  return {
    id: spec.id,
    metric: spec.metric,
    notes: (spec.notes ?? []).map((id) => noteIndex.get(id) ?? -1),
    breachedWhen: spec.breachedWhen,
    threshold: typeof threshold === 'number' ? () => threshold : (period) => bandThreshold(threshold, period),
    curable: spec.curable ?? false,
    effects: new Set(spec.effects),
  };
}

/** The band covering the period (bands are validated contiguous from period 1, the last open-ended). */
function bandThreshold(bands: readonly ThresholdBand[], period: number): number {
  for (const band of bands) if (period >= band.fromPeriod && (band.toPeriod === undefined || period <= band.toPeriod)) return band.threshold;
  return bands.at(-1)?.threshold ?? Number.NaN;
}

export function metricValue(trigger: CompiledTrigger, values: MetricValues): number {
  return trigger.metric === 'noteBalanceRatio' ? values.noteBalanceRatio(trigger.notes) : values[trigger.metric];
}

/** value breachedWhen threshold, on float64 ratios (metrics are ratios, not money). */
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
