import type { DealPeriod, DealRunResult } from '../../../service/api/contract.ts';
import { PIPELINE_STATES, type PipelineSeries } from '../results/pipeline-states.ts';
import type { Translate } from '../../app/i18n.tsx';

/**
 * The Deal screen's chart series, one row per payment date, computed from the run as the API
 * returns it (no engine call). Amounts are yuan holding cent values; sums are rounded back to cents.
 *
 * Coverage ratios (docs/deals.md, "Coverage ratios"), both over the same denominator, the period's
 * senior fees due + interest due of the most senior class outstanding (`seniorDue`):
 *  - interest coverage = (interest + penalty interest collected − servicing strip) ÷ seniorDue: what
 *    the pool's own interest pays, before recoveries and the reserve;
 *  - liquidity coverage = the interest pot (the whole pot when the waterfall is combined or
 *    accelerated) ÷ seniorDue, as the engine reports it, before any reserve draw.
 */

const cents = (x: number): number => Math.round(x * 100) / 100;

export interface LiquidityPoint {
  readonly period: number;
  readonly date: string;
  readonly interestCollections: number;
  readonly seniorDue: number;
  readonly reserveBalance: number | null;
  readonly reserveDraws: number | null;
  readonly interestCoverage: number | null;
  readonly liquidityCoverage: number | null;
}

export function liquiditySeries(run: DealRunResult): readonly LiquidityPoint[] {
  return run.periods.map((p) => {
    const interestCollections = cents(p.pool.interest + p.pool.penaltyInterest - p.servicingStrip);
    return {
      period: p.period,
      date: p.paymentDate,
      interestCollections,
      seniorDue: p.seniorDue,
      reserveBalance: p.reserve?.endingBalance ?? null,
      reserveDraws: p.reserve?.draws ?? null,
      interestCoverage: p.seniorDue > 0 ? interestCollections / p.seniorDue : null,
      liquidityCoverage: p.liquidityCoverage,
    };
  });
}

/**
 * Where a coverage chart's axis stops on paper (the investor pack): coverage soars as the senior
 * class pays down (senior due → 0), and one period at 1,200× flattens every other period against the
 * 1.0× line. The top is three times the median coverage, rounded up to a half, at least 2×; null
 * when no period reaches above it (the axis then fits the data).
 */
export function coverageAxisTop(points: readonly LiquidityPoint[]): { top: number; periodsAbove: number } | null {
  const values = points.flatMap((p) => [p.interestCoverage, p.liquidityCoverage]).filter((v): v is number => v !== null && Number.isFinite(v));
  if (values.length === 0) return null;
  const sorted = values.toSorted((a, b) => a - b);
  const mid = sorted.length / 2;
  const median = sorted.length % 2 === 1 ? (sorted[Math.floor(mid)] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
  const top = Math.max(2, Math.ceil(median * 3 * 2) / 2);
  const periodsAbove = points.filter((p) => (p.interestCoverage ?? 0) > top || (p.liquidityCoverage ?? 0) > top).length;
  return periodsAbove === 0 ? null : { top, periodsAbove };
}

/** Trigger metrics the loss chart sets thresholds for, and the one the 90+ chart does. */
const LOSS_METRICS = new Set(['cumulativeDefaultRate', 'cumulativeNetLossRate']);
const DQ90_METRIC = 'delinquency90Plus';

/** A trigger drawn on a chart: its threshold (and tested value) by period, and where it was first breached. */
export interface TriggerLine {
  readonly id: string;
  readonly metric: string;
  /** The period the trigger was first in force, null if never. */
  readonly breachPeriod: number | null;
  readonly breachDate: string | null;
}

export interface LossPoint {
  readonly period: number;
  readonly date: string;
  /** Cumulative defaults ÷ the run's cumulativeRatioDenominator. */
  readonly cumulativeDefaultRate: number | null;
  /** Cumulative net loss (defaults × (1 − recovery rate), booked at default) ÷ the cutoff pool balance. */
  readonly cumulativeNetLossRate: number | null;
  /** 91+ DPD principal ÷ pool balance, both at the collection period's end (the delinquency90Plus metric). */
  readonly delinquency90Plus: number | null;
  /** `threshold:<id>` and `value:<id>` of every trigger drawn. */
  readonly [key: `threshold:${string}` | `value:${string}`]: number | null;
}

function triggerLines(run: DealRunResult, keep: (metric: string) => boolean): readonly TriggerLine[] {
  const first = run.periods[0];
  return (first?.triggers ?? [])
    .filter((t) => t.unit === 'ratio' && keep(t.metric))
    .map((t) => {
      const breachPeriod = run.triggerFirstBreach[t.id] ?? null;
      return { id: t.id, metric: t.metric, breachPeriod, breachDate: breachPeriod === null ? null : (run.periods[breachPeriod - 1]?.paymentDate ?? null) };
    });
}

export const lossTriggers = (run: DealRunResult): readonly TriggerLine[] => triggerLines(run, (m) => LOSS_METRICS.has(m));
export const delinquencyTriggers = (run: DealRunResult): readonly TriggerLine[] => triggerLines(run, (m) => m === DQ90_METRIC);

function triggerColumns(p: DealPeriod, lines: readonly TriggerLine[]): Record<string, number | null> {
  const row: Record<string, number | null> = {};
  for (const line of lines) {
    const t = p.triggers.find((x) => x.id === line.id);
    row[`threshold:${line.id}`] = t?.threshold ?? null;
    row[`value:${line.id}`] = t?.value ?? null;
  }
  return row;
}

export function lossSeries(run: DealRunResult): readonly LossPoint[] {
  const lines = [...lossTriggers(run), ...delinquencyTriggers(run)];
  return run.periods.map((p, k) => {
    const cnl = run.cumulativeNetLoss[k];
    return {
      period: p.period,
      date: p.paymentDate,
      cumulativeDefaultRate: run.cumulativeDefaultRate[k] ?? null,
      cumulativeNetLossRate: cnl === undefined || run.poolBalance <= 0 ? null : cnl / run.poolBalance,
      delinquency90Plus: p.pool.endingBalance > 0 ? p.pool.delinquent90Plus / p.pool.endingBalance : null,
      ...triggerColumns(p, lines),
    };
  });
}

/**
 * Whether a trigger's tested value is a series of its own: a mean over several dates, or a
 * cumulative net loss rate (defaults − recoveries ÷ the deal's denominator) that differs from the
 * chart's net loss line. A trigger reading exactly a plotted line adds only its threshold.
 */
export function valueDiffers(series: readonly LossPoint[], id: string, plotted: 'cumulativeDefaultRate' | 'delinquency90Plus' | null): boolean {
  if (plotted === null) return true;
  return series.some((row) => {
    const value = row[`value:${id}`];
    const line = row[plotted];
    return value !== null && value !== undefined && Math.abs(value - (line ?? 0)) > 1e-12;
  });
}

export interface NotePoint {
  readonly period: number;
  readonly date: string;
  /** `balance:<id>`, `principal:<id>`, `interest:<id>` for every note. */
  readonly [key: `balance:${string}` | `principal:${string}` | `interest:${string}`]: number;
}

export function noteSeries(run: DealRunResult): readonly NotePoint[] {
  return run.periods.map((p) => {
    const row: Record<string, number> = {};
    for (const n of p.notes) {
      row[`balance:${n.id}`] = n.endingBalance;
      row[`principal:${n.id}`] = n.principalPaid;
      row[`interest:${n.id}`] = n.interestPaid;
    }
    return { period: p.period, date: p.paymentDate, ...row };
  });
}

/** The pool's principal by delinquency state and 逾期总额 at each collection period's end, on its payment date. */
export interface PipelinePoint {
  readonly period: number;
  readonly date: string;
  readonly current: number;
  readonly dpd1_30: number;
  readonly dpd31_60: number;
  readonly dpd61_90: number;
  readonly dpd91_180: number;
  readonly overdueTotal: number;
}

/** The delinquency pipeline of a deal run: its rows, the states they hold (named for what they are), whether 逾期总额 is known, and what is not. */
export interface Pipeline {
  readonly rows: readonly PipelinePoint[];
  readonly states: readonly PipelineSeries[];
  readonly overdue: boolean;
  /** Which states the run cannot split, in words; null when every state is known. */
  readonly unknown: string | null;
}

/** Every state, named in `translate`'s language. */
const allStates = (translate: Translate): PipelineSeries[] => PIPELINE_STATES.map(({ key, label }) => ({ key, name: translate(label) }));

/**
 * The deal run's pipeline. A roll-rate pool (loan level, representative lines, with purchased
 * cohorts) carries every state and 逾期总额 per period (`pool.delinquencyStates`, the period-end
 * month's stocks). A schedule pool carries one delinquent column, 61+ principal: it is drawn as
 * "61+ dpd" over "Not 61+", and 1–30, 31–60, the 91+ split and 逾期总额 are named unknown. A run
 * stored before the states were carried has the 61+ and 91+ balances only: 61–90 and 91+ over the rest.
 */
export function pipelineSeries(run: DealRunResult, translate: Translate): Pipeline {
  const carried = run.periods.every((p) => p.pool.delinquencyStates !== undefined);
  const rows = run.periods.map((p): PipelinePoint => {
    const s = p.pool.delinquencyStates;
    if (carried && s !== undefined) return { period: p.period, date: p.paymentDate, ...s };
    const dpd91_180 = p.pool.delinquent90Plus;
    const dpd61_90 = cents(p.pool.delinquent60Plus - dpd91_180);
    return { period: p.period, date: p.paymentDate, current: cents(p.pool.endingBalance - p.pool.delinquent60Plus), dpd1_30: 0, dpd31_60: 0, dpd61_90, dpd91_180, overdueTotal: 0 };
  });
  if (carried && run.delinquencyStateBasis !== 'schedule') return { rows, states: allStates(translate), overdue: true, unknown: null };
  if (carried)
    return {
      rows,
      states: [
        { key: 'current', name: translate('deal.pipeline.notSixtyOne') },
        { key: 'dpd61_90', name: translate('deal.pipeline.sixtyOne') },
      ],
      overdue: false,
      unknown: translate('deal.pipeline.scheduleUnknown'),
    };
  return {
    rows,
    states: [
      { key: 'current', name: translate('deal.pipeline.below61') },
      { key: 'dpd61_90', name: translate('deal.pipeline.sixtyOneNinety') },
      { key: 'dpd91_180', name: translate('deal.pipeline.ninetyOne') },
    ],
    overdue: false,
    unknown: translate('deal.pipeline.storedBefore'),
  };
}

/**
 * Where a trigger's breach marker writes its label: beside the vertical line on the side with room.
 * In the first half of the time axis the text runs right from the line (an early breach's label
 * written to the left ran over the y axis's ticks); in the second half it runs left.
 */
export function breachLabelPosition(dates: readonly string[], breachDate: string): 'insideTopLeft' | 'insideTopRight' {
  const k = dates.indexOf(breachDate);
  return k >= 0 && k < (dates.length - 1) / 2 ? 'insideTopLeft' : 'insideTopRight';
}
