import { Area, AreaChart, Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ReactElement } from 'react';
import type { DealRunResult } from '../../../service/api/contract.ts';
import { formatPct } from '../../app/format.ts';
import { formatMoney, formatMoneyCompact } from './model.ts';

const HEIGHT = 250;
const MARGIN = { top: 8, right: 16, bottom: 4, left: 8 };
const TICK = { fontSize: 11 };
/** Senior to junior: the app's blue, then lighter, then amber for the residual end. */
const NOTE_COLORS = ['#1f5fae', '#5b8fd1', '#9db4d3', '#e3b341', '#e08a2c', '#cf5a2a', '#9c1f1a'];

function periodLabel(period: unknown): string {
  return `Period ${typeof period === 'number' || typeof period === 'string' ? period : ''}`;
}

function Box({ title, testId, children }: { title: string; testId: string; children: ReactElement }) {
  return (
    <figure className="chart-box" data-testid={testId}>
      <figcaption className="chart-caption">
        <h3>{title}</h3>
      </figcaption>
      <ResponsiveContainer width="100%" height={HEIGHT}>
        {children}
      </ResponsiveContainer>
    </figure>
  );
}

/** Note balances over time (stacked by note, senior at the bottom), and liquidity and losses. */
export function DealCharts({ run }: { run: DealRunResult }) {
  const notes = [...run.tranches].sort((a, b) => a.seniority - b.seniority);
  const data = run.periods.map((p, k) => {
    const row: Record<string, number> = {
      period: p.period,
      reserve: p.reserve?.endingBalance ?? 0,
      excessSpread: p.excessSpread,
      cumulativeDefaultPct: (run.cumulativeDefaultRate[k] ?? 0) * 100,
    };
    for (const n of p.notes) row[`note:${n.id}`] = n.endingBalance;
    return row;
  });
  const hasReserve = run.periods[0]?.reserve !== undefined;
  return (
    <div className="chart-grid">
      <Box title="Note balances after each payment date (stacked, deal currency)" testId="chart-note-balances">
        <AreaChart data={data} margin={MARGIN}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="period" tick={TICK} label={{ value: 'period', position: 'insideBottomRight', offset: -2, fontSize: 11 }} />
          <YAxis tickFormatter={formatMoneyCompact} tick={TICK} width={64} />
          <Tooltip formatter={(value) => formatMoney(Number(value))} labelFormatter={periodLabel} />
          <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={null} />
          {notes.map((n, i) => {
            const color = NOTE_COLORS[i % NOTE_COLORS.length] ?? '#1f5fae';
            return <Area key={n.id} type="stepAfter" dataKey={`note:${n.id}`} name={n.name} stackId="notes" stroke={color} fill={color} fillOpacity={0.75} isAnimationActive={false} />;
          })}
        </AreaChart>
      </Box>
      <Box title="Liquidity and losses: excess spread, reserve (deal currency) · cumulative default rate (% of the pool)" testId="chart-liquidity">
        <ComposedChart data={data} margin={MARGIN}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="period" tick={TICK} />
          <YAxis yAxisId="money" tickFormatter={formatMoneyCompact} tick={TICK} width={64} />
          <YAxis yAxisId="pct" orientation="right" tickFormatter={(v: number) => `${v.toFixed(1)}%`} tick={TICK} width={48} />
          <Tooltip formatter={(value, name) => (name === 'Cumulative default rate' ? formatPct(Number(value) / 100) : formatMoney(Number(value)))} labelFormatter={periodLabel} />
          <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={null} />
          <Bar yAxisId="money" dataKey="excessSpread" name="Excess spread" fill="#6fbf8b" isAnimationActive={false} />
          {hasReserve ? <Line yAxisId="money" type="stepAfter" dataKey="reserve" name="Reserve balance" stroke="#1f5fae" strokeWidth={2} dot={false} isAnimationActive={false} /> : null}
          <Line yAxisId="pct" type="monotone" dataKey="cumulativeDefaultPct" name="Cumulative default rate" stroke="#9c1f1a" strokeWidth={2} dot={false} isAnimationActive={false} />
        </ComposedChart>
      </Box>
    </div>
  );
}
