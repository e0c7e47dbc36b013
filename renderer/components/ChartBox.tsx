import { cloneElement, type ReactElement, type ReactNode } from 'react';
import { ResponsiveContainer } from 'recharts';
import { formatIsoDate } from '../app/axis-format.ts';

export const CHART_HEIGHT = 250;
export const CHART_MARGIN = { top: 8, right: 16, bottom: 4, left: 8 };
export const CHART_TICK = { fontSize: 11 };

/** A chart's fixed size in CSS pixels: on paper (the investor pack) a chart cannot follow its container's resizes. */
export interface ChartSize {
  readonly width: number;
  readonly height: number;
}

/**
 * A chart with its title, an optional control, and an optional note that defines what it plots.
 * On screen it fills its container's width; with `size` (print) it is drawn at that size.
 */
export function ChartBox({
  title,
  testId,
  control,
  note,
  size,
  children,
}: {
  title: string;
  testId: string;
  control?: ReactNode;
  note?: ReactNode;
  size?: ChartSize | undefined;
  children: ReactElement<Partial<ChartSize>>;
}) {
  return (
    <figure className="chart-box" data-testid={testId}>
      <figcaption className="chart-caption">
        <h3>{title}</h3>
        {control}
      </figcaption>
      {size === undefined ? (
        <ResponsiveContainer width="100%" height={CHART_HEIGHT}>
          {children}
        </ResponsiveContainer>
      ) : (
        cloneElement(children, { width: size.width, height: size.height })
      )}
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
