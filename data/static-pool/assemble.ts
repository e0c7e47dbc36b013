import type { VintageHistory } from '../../engine/index.ts';
import { METRIC_LABELS, METRICS, type Metric } from './columns.ts';
import type { BalanceReading, Observation } from './layout.ts';
import { describePlace, type Place, type ProblemList } from './problems.ts';

interface Reading {
  readonly value: number;
  readonly place: Place;
}

interface VintageReadings {
  balance: BalanceReading | null;
  readonly first: Place;
  readonly metrics: Map<Metric, Map<number, Reading>>;
}

const CUMULATIVE: ReadonlySet<Metric> = new Set(['cumulativeDefault', 'cumulativePrepayment']);
const pct = (x: number): string => `${(x * 100).toFixed(4).replace(/0+$/, '').replace(/\.$/, '')}%`;

/**
 * The vintages of every table read, checked: one original balance per vintage (the same wherever
 * it is given), one value per vintage × month × metric, months on book 1..n without a gap (a month
 * 0 must be 0 and is dropped), cumulative rates that never fall. Every problem names its place.
 */
export function assembleVintages(observations: readonly Observation[], balances: readonly BalanceReading[], problems: ProblemList): VintageHistory[] {
  const byVintage = new Map<string, VintageReadings>();
  const entry = (vintage: string, at: Place): VintageReadings => {
    let found = byVintage.get(vintage);
    if (!found) byVintage.set(vintage, (found = { balance: null, first: at, metrics: new Map() }));
    return found;
  };
  for (const reading of balances) {
    const v = entry(reading.vintage, reading.place);
    if (v.balance === null) v.balance = reading;
    else if (Math.abs(v.balance.balance - reading.balance) > 1e-9 * Math.max(1, reading.balance)) {
      problems.add(reading.place, `vintage ${reading.vintage} has original balance ${reading.balance} here but ${v.balance.balance} at ${describePlace(v.balance.place)}`);
    }
  }
  for (const o of observations) {
    const series = entry(o.vintage, o.place).metrics;
    let months = series.get(o.metric);
    if (!months) series.set(o.metric, (months = new Map()));
    const earlier = months.get(o.month);
    if (earlier) problems.add(o.place, `vintage ${o.vintage}, month on book ${o.month}: ${METRIC_LABELS[o.metric]} is given twice (also at ${describePlace(earlier.place)})`);
    else months.set(o.month, { value: o.value, place: o.place });
  }
  const vintages: VintageHistory[] = [];
  for (const [vintage, readings] of [...byVintage].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (readings.balance === null) problems.add({ ...readings.first, column: null }, `vintage ${vintage} has no original balance (初始本金 / 放款金额)`);
    const series = Object.fromEntries(METRICS.map((metric) => [metric, checkedSeries(vintage, metric, readings.metrics.get(metric), problems)])) as Record<Metric, number[]>;
    vintages.push({
      vintage,
      originalBalance: readings.balance?.balance ?? 0,
      cumulativeDefault: series.cumulativeDefault,
      cumulativePrepayment: series.cumulativePrepayment,
      delinquency: { dpd1_30: series.dpd1_30, dpd31_60: series.dpd31_60, dpd61_90: series.dpd61_90 },
    });
  }
  return vintages;
}

/** Months 1..n in order; problems for a non-zero month 0, a gap, and a falling cumulative rate. */
function checkedSeries(vintage: string, metric: Metric, months: Map<number, Reading> | undefined, problems: ProblemList): number[] {
  if (!months || months.size === 0) return [];
  const zero = months.get(0);
  if (zero && zero.value !== 0) problems.add(zero.place, `vintage ${vintage}: month on book 0 holds ${pct(zero.value)}; months on book count from 1 (month 0 may only be 0)`);
  const last = Math.max(...months.keys());
  const values: number[] = [];
  let previous: { value: number; month: number } | null = null;
  for (let month = 1; month <= last; month++) {
    const reading = months.get(month);
    if (!reading) {
      const next = [...months.keys()].filter((m) => m > month).sort((a, b) => a - b)[0] ?? last;
      problems.add(months.get(next)?.place ?? { file: '', sheet: null, row: null, column: null }, `vintage ${vintage}: ${METRIC_LABELS[metric]} has no month on book ${month} (given up to ${last})`);
      return [];
    }
    if (CUMULATIVE.has(metric) && previous !== null && reading.value < previous.value) {
      problems.add(
        reading.place,
        `vintage ${vintage}: ${METRIC_LABELS[metric]} falls from ${pct(previous.value)} at month ${previous.month} to ${pct(reading.value)} at month ${month}; a cumulative rate never falls`,
      );
    }
    previous = { value: reading.value, month };
    values.push(reading.value);
  }
  return values;
}
