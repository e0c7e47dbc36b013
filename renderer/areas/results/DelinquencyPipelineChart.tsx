import { Area, CartesianGrid, ComposedChart, Legend, Line, Tooltip, XAxis, YAxis } from 'recharts';
import { useMemo, useState } from 'react';
import { axisProps, chartMoneyAxis, type UiLocale } from '../../app/axis-format.ts';
import { formatYuan } from '../../app/format.ts';
import { PIPELINE_STATES, type PipelineSeries, type PipelineStateKey } from './pipeline-states.ts';
import { useT } from '../../app/i18n.tsx';
import { CHART_MARGIN as MARGIN, CHART_TICK as TICK, ChartBox as Box } from '../../components/ChartBox.tsx';

const color = (key: PipelineStateKey): string => PIPELINE_STATES.find((s) => s.key === key)?.color ?? '#1f5fae';
const yuanTooltip = (value: unknown): string => formatYuan(Number(value));

/**
 * The delinquency pipeline: month-end (or collection-period-end) principal by delinquency state,
 * stacked, with 逾期总额 as a dashed line; the Results screen's projection and the Deal screen's run
 * both draw it. `states` lists what the data holds (a schedule pool holds fewer); `overdue` whether
 * 逾期总额 is known. A toggle hides current loans, which dwarf the delinquent buckets.
 */
export function DelinquencyPipelineChart({
  data,
  states,
  overdue = true,
  title,
  note,
  testId,
  locale,
  moneyTooltip = yuanTooltip,
  tooltipLabel,
  xTickFormatter,
  curve = 'monotone',
}: {
  data: readonly object[];
  states?: readonly PipelineSeries[];
  overdue?: boolean;
  title: (delinquentOnly: boolean) => string;
  note: string;
  testId: string;
  /** The money axis's scale words (万/亿 or K/M/B). */
  locale: UiLocale;
  /** Tooltip amounts: ¥ on the projection, the deal's own currency on a deal run. */
  moneyTooltip?: (value: unknown) => string;
  tooltipLabel: (label: unknown, payload: readonly { payload?: unknown }[] | undefined) => string;
  xTickFormatter?: (value: string) => string;
  curve?: 'monotone' | 'stepAfter';
}) {
  const t = useT();
  const [delinquentOnly, setDelinquentOnly] = useState(false);
  const series = (states ?? PIPELINE_STATES.map((s) => ({ key: s.key, name: t(s.label) }))).filter((s) => !delinquentOnly || s.key !== 'current');
  // The axis spans the tallest stack of the states shown, or 逾期总额 where that is higher.
  const moneyAxis = useMemo(() => {
    const stacked = (states ?? PIPELINE_STATES).map((s) => s.key).filter((key) => !delinquentOnly || key !== 'current');
    return axisProps(chartMoneyAxis(data, [stacked, ...(overdue ? [['overdueTotal']] : [])], locale));
  }, [data, states, delinquentOnly, overdue, locale]);
  return (
    <Box
      title={title(delinquentOnly)}
      note={note}
      testId={testId}
      control={
        <label className="chart-control">
          <input type="checkbox" checked={delinquentOnly} onChange={(e) => setDelinquentOnly(e.target.checked)} /> {t('results.delinquentBucketsOnly')}
        </label>
      }
    >
      <ComposedChart data={[...data]} margin={MARGIN}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="date" tick={TICK} minTickGap={24} {...(xTickFormatter === undefined ? {} : { tickFormatter: xTickFormatter })} />
        <YAxis {...moneyAxis} tick={TICK} width={64} />
        <Tooltip formatter={moneyTooltip} labelFormatter={tooltipLabel} />
        <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={null} />
        {series.map((s) => (
          <Area key={s.key} type={curve} dataKey={s.key} name={s.name} stackId="balance" stroke={color(s.key)} fill={color(s.key)} fillOpacity={0.75} isAnimationActive={false} />
        ))}
        {overdue ? (
          <Line
            type="linear"
            dataKey="overdueTotal"
            name={t('results.逾期总额OverduePrincipalInterest')}
            stroke="#1d2330"
            strokeWidth={2}
            strokeDasharray="4 2"
            dot={false}
            isAnimationActive={false}
          />
        ) : null}
      </ComposedChart>
    </Box>
  );
}
