import { Area, AreaChart, Bar, BarChart, CartesianGrid, ComposedChart, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useState, type ReactElement, type ReactNode } from 'react';
import type { ProjectionRow } from '../../../service/api/contract.ts';
import { formatPct, formatYuan, formatYuanCompact } from '../../app/format.ts';

const HEIGHT = 250;
const MARGIN = { top: 8, right: 16, bottom: 4, left: 8 };
const TICK = { fontSize: 11 };

/** Delinquency buckets from healthy to worst: blue, then amber to dark red. */
const STATES = [
  { key: 'current', name: 'Current', color: '#1f5fae' },
  { key: 'dpd1_30', name: '1–30 dpd', color: '#e3b341' },
  { key: 'dpd31_60', name: '31–60 dpd', color: '#e08a2c' },
  { key: 'dpd61_90', name: '61–90 dpd', color: '#cf5a2a' },
  { key: 'dpd91_180', name: '91–180 dpd', color: '#9c1f1a' },
] as const;

const FLOWS = [
  { key: 'interestCollected', name: 'Interest', color: '#5b8fd1' },
  { key: 'penaltyInterest', name: 'Penalty interest (罚息)', color: '#9db4d3' },
  { key: 'scheduledPrincipal', name: 'Scheduled principal', color: '#1e7a43' },
  { key: 'prepayments', name: 'Prepayments', color: '#6fbf8b' },
  { key: 'recoveries', name: 'Recoveries', color: '#b58a2a' },
] as const;

function monthLabel(month: unknown): string {
  return `Month ${typeof month === 'number' || typeof month === 'string' ? month : ''}`;
}

function yuanTooltip(value: unknown): string {
  return formatYuan(Number(value));
}

function Box({ title, testId, control, children }: { title: string; testId: string; control?: ReactNode; children: ReactElement }) {
  return (
    <figure className="chart-box" data-testid={testId}>
      <figcaption className="chart-caption">
        <h3>{title}</h3>
        {control}
      </figcaption>
      <ResponsiveContainer width="100%" height={HEIGHT}>
        {children}
      </ResponsiveContainer>
    </figure>
  );
}

/** The projection's four pictures: balance by state, collections, defaults and losses, speeds. */
export function ProjectionCharts({ rows }: { rows: readonly ProjectionRow[] }) {
  // Current loans dwarf the delinquent buckets; hiding them shows how delinquency builds and cures.
  const [delinquentOnly, setDelinquentOnly] = useState(false);
  const data = rows.map((r) => ({
    ...r,
    cumulativeDefaultPct: r.cumulativeDefaultRate * 100,
    cprPct: r.cpr * 100,
    cdrPct: r.cdr * 100,
  }));
  return (
    <div className="chart-grid">
      <Box
        title={delinquentOnly ? 'Delinquent balance by bucket (¥, month end)' : 'Pool balance by delinquency state (¥, month end)'}
        testId="chart-balance"
        control={
          <label className="chart-control">
            <input type="checkbox" checked={delinquentOnly} onChange={(e) => setDelinquentOnly(e.target.checked)} /> Delinquent buckets only
          </label>
        }
      >
        <AreaChart data={data} margin={MARGIN}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="month" tick={TICK} label={{ value: 'month', position: 'insideBottomRight', offset: -2, fontSize: 11 }} />
          <YAxis tickFormatter={formatYuanCompact} tick={TICK} width={64} />
          <Tooltip formatter={yuanTooltip} labelFormatter={monthLabel} />
          <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={null} />
          {STATES.filter((s) => !delinquentOnly || s.key !== 'current').map((s) => (
            <Area key={s.key} type="monotone" dataKey={s.key} name={s.name} stackId="balance" stroke={s.color} fill={s.color} fillOpacity={0.75} isAnimationActive={false} />
          ))}
        </AreaChart>
      </Box>
      <Box title="Monthly collections (¥)" testId="chart-flows">
        <BarChart data={data} margin={MARGIN}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="month" tick={TICK} />
          <YAxis tickFormatter={formatYuanCompact} tick={TICK} width={64} />
          <Tooltip formatter={yuanTooltip} labelFormatter={monthLabel} />
          <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={null} />
          {FLOWS.map((f) => (
            <Bar key={f.key} dataKey={f.key} name={f.name} stackId="flows" fill={f.color} isAnimationActive={false} />
          ))}
        </BarChart>
      </Box>
      <Box title="Defaults and losses (¥) · cumulative default rate (% of cutoff balance)" testId="chart-defaults">
        <ComposedChart data={data} margin={MARGIN}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="month" tick={TICK} />
          <YAxis yAxisId="yuan" tickFormatter={formatYuanCompact} tick={TICK} width={64} />
          <YAxis yAxisId="pct" orientation="right" tickFormatter={(v: number) => `${v.toFixed(1)}%`} tick={TICK} width={48} />
          <Tooltip formatter={(value, name) => (name === 'Cumulative default rate' ? formatPct(Number(value) / 100) : formatYuan(Number(value)))} labelFormatter={monthLabel} />
          <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={null} />
          <Bar yAxisId="yuan" dataKey="defaults" name="Defaults" fill="#cf5a2a" isAnimationActive={false} />
          <Bar yAxisId="yuan" dataKey="losses" name="Losses" fill="#9c1f1a" isAnimationActive={false} />
          <Line yAxisId="pct" type="monotone" dataKey="cumulativeDefaultPct" name="Cumulative default rate" stroke="#1d2330" strokeWidth={2} dot={false} isAnimationActive={false} />
        </ComposedChart>
      </Box>
      <Box title="Prepayment and default speeds (CPR, CDR: annual %)" testId="chart-speeds">
        <LineChart data={data} margin={MARGIN}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="month" tick={TICK} />
          <YAxis tickFormatter={(v: number) => `${v.toFixed(0)}%`} tick={TICK} width={48} />
          <Tooltip formatter={(value) => `${Number(value).toFixed(2)}%`} labelFormatter={monthLabel} />
          <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={null} />
          <Line type="monotone" dataKey="cprPct" name="CPR (annual)" stroke="#1e7a43" strokeWidth={2} dot={false} isAnimationActive={false} />
          <Line type="monotone" dataKey="cdrPct" name="CDR (annual)" stroke="#b3261e" strokeWidth={2} dot={false} isAnimationActive={false} />
        </LineChart>
      </Box>
    </div>
  );
}
