import type { ReactElement, ReactNode } from 'react';
import { ResponsiveContainer } from 'recharts';
import { formatIsoDate } from '../app/axis-format.ts';

export const CHART_HEIGHT = 250;
export const CHART_MARGIN = { top: 8, right: 16, bottom: 4, left: 8 };
export const CHART_TICK = { fontSize: 11 };

/** A chart with its title, an optional control, and an optional note that defines what it plots. */
export function ChartBox({ title, testId, control, note, children }: { title: string; testId: string; control?: ReactNode; note?: ReactNode; children: ReactElement }) {
  return (
    <figure className="chart-box" data-testid={testId}>
      <figcaption className="chart-caption">
        <h3>{title}</h3>
        {control}
      </figcaption>
      <ResponsiveContainer width="100%" height={CHART_HEIGHT}>
        {children}
      </ResponsiveContainer>
      {note === undefined ? null : <p className="chart-note muted small">{note}</p>}
    </figure>
  );
}

/** A tooltip's title for a row keyed by date that also carries its period (or month): "2026-03-26 · period 3". */
export function dateLabel(unit: 'period' | 'month') {
  return (label: unknown, payload: readonly { payload?: unknown }[] | undefined): string => {
    const row = payload?.[0]?.payload;
    const n = typeof row === 'object' && row !== null && unit in row ? (row as Record<string, unknown>)[unit] : undefined;
    const date = typeof label === 'string' ? formatIsoDate(label) : '';
    return typeof n === 'number' ? `${date} · ${unit} ${n}` : date;
  };
}

/** Ratio ticks: 1.25 → "1.25×". */
export const timesTick = (v: number): string => `${Number(v.toFixed(2))}×`;
/** Percentage ticks from a decimal: 0.025 → "2.5%". */
export const pctTick = (v: number): string => `${Number((v * 100).toFixed(2))}%`;
