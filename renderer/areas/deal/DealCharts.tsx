import { Area, AreaChart, Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import { memo, useEffect, useMemo } from 'react';
import type { DealRunResult } from '../../../service/api/contract.ts';
import { axisProps, chartMoneyAxis, formatIsoDate, uiLocale, type UiLocale } from '../../app/axis-format.ts';
import { afterPaint, markChartDrawn } from '../../app/perf-marks.ts';
import { CHART_MARGIN, CHART_TICK, ChartBox, dateLabel } from '../../components/ChartBox.tsx';
import { noteSeries } from './chart-data.ts';
import { DealRiskCharts } from './DealRiskCharts.tsx';
import { moneyTooltipIn, type DealCurrency } from './model.ts';
import { useT } from '../../app/i18n.tsx';

/** Senior to junior: the app's blue, then lighter, then amber for the residual end. */
export const NOTE_COLORS = ['#1f5fae', '#5b8fd1', '#9db4d3', '#e3b341', '#e08a2c', '#cf5a2a', '#9c1f1a'];
const color = (i: number): string => NOTE_COLORS[i % NOTE_COLORS.length] ?? '#1f5fae';

/**
 * The charts an analyst reads first, every one over payment dates (ISO): note balances and what each
 * class was paid, liquidity and coverage, losses and delinquency against the triggers. Money axes in
 * the reader's scale words (万/亿 or K/M/B, `locale`, by default the browser's language), tooltips in `currency`.
 */
export const DealCharts = memo(function DealCharts({ run, currency, locale = uiLocale() }: { run: DealRunResult; currency: DealCurrency; locale?: UiLocale }) {
  const moneyTooltip = moneyTooltipIn(currency);
  const t = useT();
  const notes = useMemo(() => [...run.tranches].sort((a, b) => a.seniority - b.seniority), [run.tranches]);
  const data = useMemo(() => noteSeries(run), [run]);
  // Stacked charts: the axis spans the tallest stack, in round ticks of one unit.
  const balanceAxis = useMemo(() => axisProps(chartMoneyAxis(data, [notes.map((n) => `balance:${n.id}`)], locale)), [data, notes, locale]);
  const paidAxis = useMemo(() => axisProps(chartMoneyAxis(data, [[...notes.map((n) => `principal:${n.id}`), ...notes.map((n) => `interest:${n.id}`)]], locale)), [data, notes, locale]);
  // The redraw bench's end mark: these charts painted with this run.
  useEffect(() => afterPaint(() => markChartDrawn(run.periods.length)), [run]);
  return (
    <div className="chart-grid">
      <ChartBox title={t('deal.noteBalancesAfterEach')} testId="chart-note-balances">
        <AreaChart data={data} margin={CHART_MARGIN}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="date" tickFormatter={formatIsoDate} tick={CHART_TICK} minTickGap={24} />
          <YAxis {...balanceAxis} tick={CHART_TICK} width={64} />
          <Tooltip formatter={moneyTooltip} labelFormatter={dateLabel('period')} />
          <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={null} />
          {notes.map((n, i) => (
            <Area key={n.id} type="stepAfter" dataKey={`balance:${n.id}`} name={n.name} stackId="notes" stroke={color(i)} fill={color(i)} fillOpacity={0.75} isAnimationActive={false} />
          ))}
        </AreaChart>
      </ChartBox>
      <ChartBox title={t('deal.principalAndInterestPaid')} testId="chart-note-payments" note={t('deal.solidPrincipalWriteDowns')}>
        <BarChart data={data} margin={CHART_MARGIN}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="date" tickFormatter={formatIsoDate} tick={CHART_TICK} minTickGap={24} />
          <YAxis {...paidAxis} tick={CHART_TICK} width={64} />
          <Tooltip formatter={moneyTooltip} labelFormatter={dateLabel('period')} />
          <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={null} />
          {notes.map((n, i) => (
            <Bar key={`p${n.id}`} dataKey={`principal:${n.id}`} name={t('deal.principal', { name: n.name })} stackId="paid" fill={color(i)} isAnimationActive={false} />
          ))}
          {notes.map((n, i) => (
            <Bar key={`i${n.id}`} dataKey={`interest:${n.id}`} name={t('deal.interest', { name: n.name })} stackId="paid" fill={color(i)} fillOpacity={0.4} isAnimationActive={false} />
          ))}
        </BarChart>
      </ChartBox>
      <DealRiskCharts run={run} locale={locale} currency={currency} />
    </div>
  );
});
