import { Bar, CartesianGrid, ComposedChart, Legend, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import { useMemo } from 'react';
import type { DealRunResult } from '../../../service/api/contract.ts';
import { axisProps, chartMoneyAxis, formatIsoDate, uiLocale, type UiLocale } from '../../app/axis-format.ts';
import { formatPct } from '../../app/format.ts';
import { DENOMINATOR_LABELS } from '../compare/table.ts';
import { CHART_MARGIN, CHART_TICK, ChartBox, dateLabel, pctTick, timesTick, type ChartSize } from '../../components/ChartBox.tsx';
import { breachLabelPosition, coverageAxisTop, delinquencyTriggers, pipelineSeries, liquiditySeries, lossSeries, lossTriggers, valueDiffers, type TriggerLine } from './chart-data.ts';
import { moneyTooltipIn, type DealCurrency } from './model.ts';
import { translate, useT } from '../../app/i18n.tsx';
import { DelinquencyPipelineChart } from '../results/DelinquencyPipelineChart.tsx';

const THRESHOLD_COLORS = ['#b3261e', '#7a4fb0', '#1e7a43', '#b58a2a'];
const pctTooltip = (value: unknown): string => formatPct(Number(value), 2);
const timesTooltip = (value: unknown): string => `${Number(value).toFixed(2)}×`;

/** Each trigger's threshold (dashed, stepping where it steps), its own tested value where that is a separate series, and the breach date. */
function thresholdLines(lines: readonly TriggerLine[], dates: readonly string[], withValue: (id: string) => boolean) {
  return lines.flatMap((line, i) => {
    const color = THRESHOLD_COLORS[i % THRESHOLD_COLORS.length] ?? '#b3261e';
    const parts = [
      <Line
        key={`th${line.id}`}
        type="stepAfter"
        dataKey={`threshold:${line.id}`}
        name={translate('deal.threshold', { id: line.id })}
        stroke={color}
        strokeDasharray="6 3"
        strokeWidth={1.5}
        dot={false}
        isAnimationActive={false}
      />,
    ];
    if (withValue(line.id))
      parts.push(
        <Line
          key={`v${line.id}`}
          type="linear"
          dataKey={`value:${line.id}`}
          name={translate('deal.testedValue', { id: line.id })}
          stroke={color}
          strokeWidth={1}
          dot={false}
          isAnimationActive={false}
        />,
      );
    if (line.breachDate !== null)
      parts.push(
        <ReferenceLine
          key={`b${line.id}`}
          x={line.breachDate}
          stroke={color}
          strokeWidth={1.5}
          label={{ value: translate('deal.breachedMarker', { id: line.id }), position: breachLabelPosition(dates, line.breachDate), fontSize: 11, fill: color }}
        />,
      );
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

/** The liquidity chart's series, each on its own (none stacked), for its money axis. */
const LIQUIDITY_SERIES = [['interestCollections'], ['seniorDue'], ['reserveDraws'], ['reserveBalance']] as const;

/** Interest collections against senior fees and interest due, with the reserve's balance and draws; money in `locale`'s scale words, its tooltip in `currency`. */
export function LiquidityChart({ run, size, locale = uiLocale(), currency }: RiskChartProps & { locale?: UiLocale | undefined; currency?: DealCurrency }) {
  const t = useT();
  const liquidity = useMemo(() => liquiditySeries(run), [run]);
  const moneyAxis = useMemo(() => axisProps(chartMoneyAxis(liquidity, LIQUIDITY_SERIES, locale)), [liquidity, locale]);
  const hasReserve = run.periods[0]?.reserve !== undefined;
  const xAxis = dateAxis();
  return (
    <ChartBox size={size} title={t('deal.liquidityInterestCollectionsAgainst')} testId="chart-liquidity" note={t('deal.interestCollectionsInterestPenalty')}>
      <ComposedChart data={liquidity} margin={CHART_MARGIN}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        {xAxis}
        <YAxis {...moneyAxis} tick={CHART_TICK} width={64} />
        <Tooltip formatter={moneyTooltipIn(currency)} labelFormatter={label} />
        <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={null} />
        <Bar dataKey="interestCollections" name={t('deal.interestCollections')} fill="#6fbf8b" isAnimationActive={false} />
        <Bar dataKey="seniorDue" name={t('deal.seniorFeesSeniorInterest')} fill="#cf5a2a" isAnimationActive={false} />
        {hasReserve ? <Bar dataKey="reserveDraws" name={t('deal.reserveDraws')} fill="#9c1f1a" isAnimationActive={false} /> : null}
        {hasReserve ? <Line type="stepAfter" dataKey="reserveBalance" name={t('deal.reserveBalance')} stroke="#1f5fae" strokeWidth={2} dot={false} isAnimationActive={false} /> : null}
      </ComposedChart>
    </ChartBox>
  );
}

/** Interest and liquidity coverage of the senior fees and interest, against the 1.0× line; on paper (`capAxis`) the axis stops short of the final periods' spike. */
export function CoverageChart({ run, size, capAxis = false }: RiskChartProps & { capAxis?: boolean }) {
  const t = useT();
  const liquidity = useMemo(() => liquiditySeries(run), [run]);
  const cap = capAxis ? coverageAxisTop(liquidity) : null;
  const xAxis = dateAxis();
  return (
    <ChartBox
      size={size}
      title={t('deal.coverageOfSeniorFees')}
      testId="chart-coverage"
      note={`${t('deal.interestCoverageInterestCollections')}${cap === null ? '' : t('deal.coverageAxisCut', { top: cap.top, count: cap.periodsAbove })}`}
    >
      <LineChart data={liquidity} margin={CHART_MARGIN}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        {xAxis}
        <YAxis tickFormatter={timesTick} tick={CHART_TICK} width={48} domain={[0, cap === null ? 'auto' : cap.top]} allowDataOverflow={cap !== null} />
        <Tooltip formatter={timesTooltip} labelFormatter={label} />
        <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={null} />
        <ReferenceLine y={1} stroke="#1d2330" strokeDasharray="2 2" />
        <Line type="linear" dataKey="interestCoverage" name={t('deal.interestCoverage')} stroke="#1e7a43" strokeWidth={2} dot={false} isAnimationActive={false} connectNulls={false} />
        <Line type="linear" dataKey="liquidityCoverage" name={t('deal.liquidityCoverage')} stroke="#1f5fae" strokeWidth={2} dot={false} isAnimationActive={false} connectNulls={false} />
      </LineChart>
    </ChartBox>
  );
}

/** Cumulative default and net loss against each loss trigger's threshold, its first breach marked. */
export function LossChart({ run, size }: RiskChartProps) {
  const t = useT();
  const losses = useMemo(() => lossSeries(run), [run]);
  const lossDates = useMemo(() => losses.map((p) => p.date), [losses]);
  const lossLines = lossTriggers(run);
  const xAxis = dateAxis();
  return (
    <ChartBox
      size={size}
      title={t('deal.cumulativeDefaultAndNet')}
      testId="chart-losses"
      note={t('deal.cumulativeDefaultRateDefaults', { value: t(DENOMINATOR_LABELS[run.cumulativeRatioDenominator]) })}
    >
      <LineChart data={losses} margin={CHART_MARGIN}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        {xAxis}
        <YAxis tickFormatter={pctTick} tick={CHART_TICK} width={52} domain={[0, 'auto']} />
        <Tooltip formatter={pctTooltip} labelFormatter={label} />
        <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={null} />
        <Line type="linear" dataKey="cumulativeDefaultRate" name={t('deal.cumulativeDefaultRate')} stroke="#1d2330" strokeWidth={2} dot={false} isAnimationActive={false} />
        <Line type="linear" dataKey="cumulativeNetLossRate" name={t('deal.cumulativeNetLoss')} stroke="#cf5a2a" strokeWidth={2} dot={false} isAnimationActive={false} />
        {thresholdLines(lossLines, lossDates, (id) => valueDiffers(losses, id, lossLines.find((line) => line.id === id)?.metric === 'cumulativeDefaultRate' ? 'cumulativeDefaultRate' : null))}
      </LineChart>
    </ChartBox>
  );
}

/** Liquidity and coverage, losses against the loss triggers, 90+ against its trigger, the delinquency pipeline by state; amounts in `currency`. */
export function DealRiskCharts({ run, locale, currency }: { run: DealRunResult; locale: UiLocale; currency: DealCurrency }) {
  const t = useT();
  const losses = useMemo(() => lossSeries(run), [run]);
  const lossDates = useMemo(() => losses.map((p) => p.date), [losses]);
  const pipeline = useMemo(() => pipelineSeries(run, t), [run, t]);
  const dqLines = delinquencyTriggers(run);
  const xAxis = dateAxis();
  return (
    <>
      <LiquidityChart run={run} locale={locale} currency={currency} />
      <CoverageChart run={run} />
      <LossChart run={run} />
      <ChartBox title={t('deal.n90DaysPastDue')} testId="chart-dq90" note={dqLines.length === 0 ? t('deal.theDealHasNo') : t('deal.n90Ratio91Dpd')}>
        <LineChart data={losses} margin={CHART_MARGIN}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          {xAxis}
          <YAxis tickFormatter={pctTick} tick={CHART_TICK} width={52} domain={[0, 'auto']} />
          <Tooltip formatter={pctTooltip} labelFormatter={label} />
          <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={null} />
          <Line type="linear" dataKey="delinquency90Plus" name={t('deal.n90Ratio')} stroke="#9c1f1a" strokeWidth={2} dot={false} isAnimationActive={false} />
          {thresholdLines(dqLines, lossDates, (id) => valueDiffers(losses, id, 'delinquency90Plus'))}
        </LineChart>
      </ChartBox>
      <DelinquencyPipelineChart
        data={pipeline.rows}
        states={pipeline.states}
        overdue={pipeline.overdue}
        title={(delinquentOnly) => (delinquentOnly ? t('deal.pipeline.delinquentTitle') : t('deal.pipeline.poolTitle'))}
        note={`${t('deal.pipeline.note')}${pipeline.unknown === null ? '' : ` ${pipeline.unknown}`}`}
        testId="chart-deal-delinquency"
        locale={locale}
        moneyTooltip={moneyTooltipIn(currency)}
        tooltipLabel={label}
        xTickFormatter={formatIsoDate}
        curve="stepAfter"
      />
    </>
  );
}
