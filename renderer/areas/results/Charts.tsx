import { Bar, BarChart, CartesianGrid, ComposedChart, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import { useMemo } from 'react';
import type { ProjectionRow } from '../../../service/api/contract.ts';
import { axisProps, chartMoneyAxis, uiLocale, type UiLocale } from '../../app/axis-format.ts';
import { formatPct, formatYuan } from '../../app/format.ts';
import { periodOf } from './columns.ts';
import { DelinquencyPipelineChart } from './DelinquencyPipelineChart.tsx';
import { CHART_MARGIN as MARGIN, CHART_TICK as TICK, ChartBox as Box, dateLabel } from '../../components/ChartBox.tsx';
import { useT } from '../../app/i18n.tsx';

const FLOWS = [
  { key: 'interestCollected', label: 'results.flow.interestCollected', color: '#5b8fd1' },
  { key: 'penaltyInterest', label: 'results.flow.penaltyInterest', color: '#9db4d3' },
  { key: 'scheduledPrincipal', label: 'results.flow.scheduledPrincipal', color: '#1e7a43' },
  { key: 'prepayments', label: 'results.flow.prepayments', color: '#6fbf8b' },
  { key: 'recoveries', label: 'results.flow.recoveries', color: '#b58a2a' },
] as const;

function yuanTooltip(value: unknown): string {
  return formatYuan(Number(value));
}

/**
 * The projection's four pictures: balance by state with 逾期总额, collections, defaults and losses,
 * speeds. Month m reads as its calendar month, ISO year-month (month 1 = the month after the cutoff date's, as the table); money axes in the locale's scale words.
 */
export function ProjectionCharts({ rows, cutoffDate, locale = uiLocale() }: { rows: readonly ProjectionRow[]; cutoffDate: string; locale?: UiLocale }) {
  const t = useT();
  const data = useMemo(
    () =>
      rows.map((r) => ({
        ...r,
        date: periodOf(cutoffDate, r.month),
        cumulativeDefaultPct: r.cumulativeDefaultRate * 100,
        cprPct: r.cpr * 100,
        cdrPct: r.cdr * 100,
      })),
    [rows, cutoffDate],
  );
  // Money axes in round ticks of one unit: collections span the tallest stack, defaults and losses (side by side) the larger bar.
  const flowsAxis = useMemo(() => axisProps(chartMoneyAxis(data, [FLOWS.map((f) => f.key)], locale)), [data, locale]);
  const lossAxis = useMemo(() => axisProps(chartMoneyAxis(data, [['defaults'], ['losses']], locale)), [data, locale]);
  const monthLabel = dateLabel('month');
  const xAxis = <XAxis dataKey="date" tick={TICK} minTickGap={24} />;
  return (
    <div className="chart-grid">
      <DelinquencyPipelineChart
        data={data}
        title={(delinquentOnly) => (delinquentOnly ? t('results.delinquentBalanceByBucket') : t('results.poolBalanceByDelinquency'))}
        note={t('results.逾期总额UnpaidPrincipalInterest')}
        testId="chart-balance"
        locale={locale}
        tooltipLabel={monthLabel}
      />
      <Box title={t('results.monthlyCollections')} testId="chart-flows">
        <BarChart data={data} margin={MARGIN}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          {xAxis}
          <YAxis {...flowsAxis} tick={TICK} width={64} />
          <Tooltip formatter={yuanTooltip} labelFormatter={monthLabel} />
          <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={null} />
          {FLOWS.map((f) => (
            <Bar key={f.key} dataKey={f.key} name={t(f.label)} stackId="flows" fill={f.color} isAnimationActive={false} />
          ))}
        </BarChart>
      </Box>
      <Box title={t('results.defaultsAndLossesCumulative')} testId="chart-defaults">
        <ComposedChart data={data} margin={MARGIN}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          {xAxis}
          <YAxis yAxisId="yuan" {...lossAxis} tick={TICK} width={64} />
          <YAxis yAxisId="pct" orientation="right" tickFormatter={(v: number) => `${v.toFixed(1)}%`} tick={TICK} width={48} />
          <Tooltip formatter={(value, name) => (name === t('results.cumulativeDefaultRate') ? formatPct(Number(value) / 100) : formatYuan(Number(value)))} labelFormatter={monthLabel} />
          <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={null} />
          <Bar yAxisId="yuan" dataKey="defaults" name={t('results.defaults')} fill="#cf5a2a" isAnimationActive={false} />
          <Bar yAxisId="yuan" dataKey="losses" name={t('results.losses')} fill="#9c1f1a" isAnimationActive={false} />
          <Line yAxisId="pct" type="monotone" dataKey="cumulativeDefaultPct" name={t('results.cumulativeDefaultRate')} stroke="#1d2330" strokeWidth={2} dot={false} isAnimationActive={false} />
        </ComposedChart>
      </Box>
      <Box title={t('results.prepaymentAndDefaultSpeeds')} testId="chart-speeds">
        <LineChart data={data} margin={MARGIN}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          {xAxis}
          <YAxis tickFormatter={(v: number) => `${v.toFixed(0)}%`} tick={TICK} width={48} />
          <Tooltip formatter={(value) => `${Number(value).toFixed(2)}%`} labelFormatter={monthLabel} />
          <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={null} />
          <Line type="monotone" dataKey="cprPct" name={t('results.cprAnnual')} stroke="#1e7a43" strokeWidth={2} dot={false} isAnimationActive={false} />
          <Line type="monotone" dataKey="cdrPct" name={t('results.cdrAnnual')} stroke="#b3261e" strokeWidth={2} dot={false} isAnimationActive={false} />
        </LineChart>
      </Box>
    </div>
  );
}
