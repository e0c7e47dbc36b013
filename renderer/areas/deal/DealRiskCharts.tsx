import { Bar, CartesianGrid, ComposedChart, Legend, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import { useMemo } from 'react';
import type { DealRunResult } from '../../../service/api/contract.ts';
import { formatIsoDate } from '../../app/axis-format.ts';
import { formatPct } from '../../app/format.ts';
import { DENOMINATOR_LABELS } from '../compare/table.ts';
import { CHART_MARGIN, CHART_TICK, ChartBox, dateLabel, pctTick, timesTick, type ChartSize } from '../../components/ChartBox.tsx';
import { coverageAxisTop, delinquencyTriggers, pipelineSeries, liquiditySeries, lossSeries, lossTriggers, valueDiffers, type TriggerLine } from './chart-data.ts';
import { formatMoney } from './model.ts';
import { DelinquencyPipelineChart } from '../results/DelinquencyPipelineChart.tsx';

const THRESHOLD_COLORS = ['#b3261e', '#7a4fb0', '#1e7a43', '#b58a2a'];
const moneyTooltip = (value: unknown): string => formatMoney(Number(value));
const pctTooltip = (value: unknown): string => formatPct(Number(value), 2);
const timesTooltip = (value: unknown): string => `${Number(value).toFixed(2)}×`;

/** Each trigger's threshold (dashed, stepping where it steps), its own tested value where that is a separate series, and the breach date. */
function thresholdLines(lines: readonly TriggerLine[], withValue: (id: string) => boolean) {
  return lines.flatMap((t, i) => {
    const color = THRESHOLD_COLORS[i % THRESHOLD_COLORS.length] ?? '#b3261e';
    const parts = [
      <Line key={`th${t.id}`} type="stepAfter" dataKey={`threshold:${t.id}`} name={`${t.id} threshold`} stroke={color} strokeDasharray="6 3" strokeWidth={1.5} dot={false} isAnimationActive={false} />,
    ];
    if (withValue(t.id))
      parts.push(<Line key={`v${t.id}`} type="linear" dataKey={`value:${t.id}`} name={`${t.id} tested value`} stroke={color} strokeWidth={1} dot={false} isAnimationActive={false} />);
    if (t.breachDate !== null)
      parts.push(<ReferenceLine key={`b${t.id}`} x={t.breachDate} stroke={color} strokeWidth={1.5} label={{ value: `${t.id} breached`, position: 'insideTopRight', fontSize: 11, fill: color }} />);
    return parts;
  });
}

/** The x axis every risk chart shares: the payment date. */
function dateAxis() {
  return <XAxis dataKey="date" tickFormatter={formatIsoDate} tick={CHART_TICK} minTickGap={24} />;
}

const label = dateLabel('period');

/** Props of one risk chart: the run, and on paper its fixed size. */
interface RiskChartProps {
  readonly run: DealRunResult;
  readonly size?: ChartSize | undefined;
}

/** Interest collections against senior fees and interest due, with the reserve's balance and draws. */
export function LiquidityChart({ run, moneyTick, size }: RiskChartProps & { moneyTick: (v: number) => string }) {
  const liquidity = useMemo(() => liquiditySeries(run), [run]);
  const hasReserve = run.periods[0]?.reserve !== undefined;
  const xAxis = dateAxis();
  return (
    <ChartBox
      size={size}
      title="Liquidity: interest collections against senior fees and interest due (deal currency)"
      testId="chart-liquidity"
      note="Interest collections = interest + penalty interest − servicing strip. Senior due = senior fees due + interest due of the most senior class outstanding (with carried shortfall)."
    >
      <ComposedChart data={liquidity} margin={CHART_MARGIN}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        {xAxis}
        <YAxis tickFormatter={moneyTick} tick={CHART_TICK} width={64} />
        <Tooltip formatter={moneyTooltip} labelFormatter={label} />
        <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={null} />
        <Bar dataKey="interestCollections" name="Interest collections" fill="#6fbf8b" isAnimationActive={false} />
        <Bar dataKey="seniorDue" name="Senior fees + senior interest due" fill="#cf5a2a" isAnimationActive={false} />
        {hasReserve ? <Bar dataKey="reserveDraws" name="Reserve draws" fill="#9c1f1a" isAnimationActive={false} /> : null}
        {hasReserve ? <Line type="stepAfter" dataKey="reserveBalance" name="Reserve balance" stroke="#1f5fae" strokeWidth={2} dot={false} isAnimationActive={false} /> : null}
      </ComposedChart>
    </ChartBox>
  );
}

/** Interest and liquidity coverage of the senior fees and interest, against the 1.0× line; on paper (`capAxis`) the axis stops short of the final periods' spike. */
export function CoverageChart({ run, size, capAxis = false }: RiskChartProps & { capAxis?: boolean }) {
  const liquidity = useMemo(() => liquiditySeries(run), [run]);
  const cap = capAxis ? coverageAxisTop(liquidity) : null;
  const xAxis = dateAxis();
  return (
    <ChartBox
      size={size}
      title="Coverage of senior fees and interest (×)"
      testId="chart-coverage"
      note={`Interest coverage = interest collections ÷ senior due. Liquidity coverage = available funds (the interest pot with recoveries; the whole pot when the waterfall is combined or accelerated) ÷ senior due, before reserve draws. Below 1.0× the period needs the reserve or principal.${cap === null ? '' : ` Axis cut at ${cap.top}× (3 × the median coverage): ${cap.periodsAbove} period${cap.periodsAbove === 1 ? '' : 's'} above it, as the senior class pays down, run off the top.`}`}
    >
      <LineChart data={liquidity} margin={CHART_MARGIN}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        {xAxis}
        <YAxis tickFormatter={timesTick} tick={CHART_TICK} width={48} domain={[0, cap === null ? 'auto' : cap.top]} allowDataOverflow={cap !== null} />
        <Tooltip formatter={timesTooltip} labelFormatter={label} />
        <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={null} />
        <ReferenceLine y={1} stroke="#1d2330" strokeDasharray="2 2" />
        <Line type="linear" dataKey="interestCoverage" name="Interest coverage" stroke="#1e7a43" strokeWidth={2} dot={false} isAnimationActive={false} connectNulls={false} />
        <Line type="linear" dataKey="liquidityCoverage" name="Liquidity coverage" stroke="#1f5fae" strokeWidth={2} dot={false} isAnimationActive={false} connectNulls={false} />
      </LineChart>
    </ChartBox>
  );
}

/** Cumulative default and net loss against each loss trigger's threshold, its first breach marked. */
export function LossChart({ run, size }: RiskChartProps) {
  const losses = useMemo(() => lossSeries(run), [run]);
  const lossLines = lossTriggers(run);
  const xAxis = dateAxis();
  return (
    <ChartBox
      size={size}
      title="Cumulative default and net loss against the loss triggers (%)"
      testId="chart-losses"
      note={`Cumulative default rate: defaults ÷ ${DENOMINATOR_LABELS[run.cumulativeRatioDenominator]}. Cumulative net loss: defaults × (1 − recovery rate) ÷ the cutoff pool. Dashed: each trigger's threshold by period; a vertical line marks its first breach.`}
    >
      <LineChart data={losses} margin={CHART_MARGIN}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        {xAxis}
        <YAxis tickFormatter={pctTick} tick={CHART_TICK} width={52} domain={[0, 'auto']} />
        <Tooltip formatter={pctTooltip} labelFormatter={label} />
        <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={null} />
        <Line type="linear" dataKey="cumulativeDefaultRate" name="Cumulative default rate" stroke="#1d2330" strokeWidth={2} dot={false} isAnimationActive={false} />
        <Line type="linear" dataKey="cumulativeNetLossRate" name="Cumulative net loss" stroke="#cf5a2a" strokeWidth={2} dot={false} isAnimationActive={false} />
        {thresholdLines(lossLines, (id) => valueDiffers(losses, id, lossLines.find((t) => t.id === id)?.metric === 'cumulativeDefaultRate' ? 'cumulativeDefaultRate' : null))}
      </LineChart>
    </ChartBox>
  );
}

/** Liquidity and coverage, losses against the loss triggers, 90+ against its trigger, the delinquency pipeline by state. */
export function DealRiskCharts({ run, moneyTick }: { run: DealRunResult; moneyTick: (v: number) => string }) {
  const losses = useMemo(() => lossSeries(run), [run]);
  const pipeline = useMemo(() => pipelineSeries(run), [run]);
  const dqLines = delinquencyTriggers(run);
  const xAxis = dateAxis();
  return (
    <>
      <LiquidityChart run={run} moneyTick={moneyTick} />
      <CoverageChart run={run} />
      <LossChart run={run} />
      <ChartBox
        title="90+ days past due ratio against its trigger (%)"
        testId="chart-dq90"
        note={
          dqLines.length === 0
            ? 'The deal has no 90+ delinquency trigger. 90+ ratio = 91+ DPD principal ÷ pool balance at the collection period’s end.'
            : '90+ ratio = 91+ DPD principal ÷ pool balance at the collection period’s end. Dashed: the trigger’s threshold.'
        }
      >
        <LineChart data={losses} margin={CHART_MARGIN}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          {xAxis}
          <YAxis tickFormatter={pctTick} tick={CHART_TICK} width={52} domain={[0, 'auto']} />
          <Tooltip formatter={pctTooltip} labelFormatter={label} />
          <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={null} />
          <Line type="linear" dataKey="delinquency90Plus" name="90+ ratio" stroke="#9c1f1a" strokeWidth={2} dot={false} isAnimationActive={false} />
          {thresholdLines(dqLines, (id) => valueDiffers(losses, id, 'delinquency90Plus'))}
        </LineChart>
      </ChartBox>
      <DelinquencyPipelineChart
        data={pipeline.rows}
        states={pipeline.states}
        overdue={pipeline.overdue}
        title={(delinquentOnly) =>
          delinquentOnly ? 'Delinquent balance by bucket and 逾期总额 (deal currency, collection period end)' : 'Pool balance by delinquency state and 逾期总额 (deal currency, collection period end)'
        }
        note={`Principal at each collection period’s end (its last month’s, as the projection on the Results screen), stacked (with current, the pool balance). 逾期总额 = unpaid principal + interest of loans past due (the dashed line).${pipeline.unknown === null ? '' : ` ${pipeline.unknown}`}`}
        testId="chart-deal-delinquency"
        moneyTick={moneyTick}
        moneyTooltip={moneyTooltip}
        tooltipLabel={label}
        xTickFormatter={formatIsoDate}
        curve="stepAfter"
      />
    </>
  );
}
