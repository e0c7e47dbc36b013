import { useMemo } from 'react';
import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { ScenarioSetRunResult } from '../../../service/api/contract.ts';
import { axisProps, chartMoneyAxis, formatIsoDate, uiLocale } from '../../app/axis-format.ts';
import { CHART_MARGIN, CHART_TICK, ChartBox, pctTick } from '../../components/ChartBox.tsx';
import { formatMoney } from '../deal/model.ts';
import { overlayData, type OverlayRow } from './overlay.ts';
import { DENOMINATOR_LABELS, type ColumnCurrencies } from './table.ts';
import { translate, useT } from '../../app/i18n.tsx';

/** One colour per scenario or run, the first (the base) the app's blue; told apart by dash too, for readers who do not tell the colours apart. */
const SCENARIO_COLORS = ['#1f5fae', '#9c1f1a', '#e08a2c', '#2e7d32', '#6a3d9a', '#00838f', '#8d6e63', '#c2185b'];
const DASHES = [undefined, '6 3', '2 2', '8 3 2 3'];
const pctTip = (value: unknown): string => `${(Number(value) * 100).toFixed(2)}%`;
/** A balance in its line's currency: series `c<k>` is column k's (stored runs of different deals each keep their own). */
const moneyTip =
  (currencies: ColumnCurrencies) =>
  (value: unknown, _name: unknown, item: { dataKey?: unknown }): string =>
    formatMoney(Number(value), typeof item.dataKey === 'string' ? currencies[Number(item.dataKey.slice(1))] : undefined);

/** The lines as an array (recharts reads its series as the chart's direct children). */
function lines(columns: readonly { index: number; name: string }[]) {
  return columns.map((c, i) => (
    <Line
      key={c.index}
      type="stepAfter"
      dataKey={`c${c.index}`}
      name={c.name}
      stroke={SCENARIO_COLORS[i % SCENARIO_COLORS.length]}
      strokeDasharray={DASHES[i % DASHES.length]}
      strokeWidth={i === 0 ? 2.5 : 1.5}
      dot={false}
      connectNulls
      isAnimationActive={false}
    />
  ));
}

function OverlayChart({
  title,
  testId,
  data,
  columns,
  money,
}: {
  title: string;
  testId: string;
  data: readonly OverlayRow[];
  columns: readonly { index: number; name: string }[];
  /** The currency of each column's balances, or false for a chart of rates. */
  money: ColumnCurrencies | false;
}) {
  const locale = uiLocale();
  // Money: round ticks of one unit up to the highest line (the lines overlay, none stacked); percentages as recharts spaces them.
  const moneyAxis = useMemo(
    () =>
      money !== false
        ? axisProps(
            chartMoneyAxis(
              data,
              columns.map((c) => [`c${c.index}`]),
              locale,
            ),
          )
        : { tickFormatter: pctTick },
    [money, data, columns, locale],
  );
  return (
    <ChartBox title={title} testId={testId}>
      <LineChart data={[...data]} margin={CHART_MARGIN}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="date" tickFormatter={formatIsoDate} tick={CHART_TICK} minTickGap={24} />
        <YAxis {...moneyAxis} tick={CHART_TICK} width={64} />
        <Tooltip
          formatter={money !== false ? moneyTip(money) : pctTip}
          labelFormatter={(label: unknown) => translate('overlay.paymentDate', { date: typeof label === 'string' ? formatIsoDate(label) : '' })}
        />
        <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={null} />
        {lines(columns)}
      </LineChart>
    </ChartBox>
  );
}

/** The same charts for every scenario (or stored run), overlaid on the payment dates the runs report: pool defaults and net loss, each note's balance. */
export function OverlayCharts({ run, currencies }: { run: ScenarioSetRunResult; currencies: ColumnCurrencies }) {
  const t = useT();
  const data = useMemo(() => overlayData(run), [run]);
  if (data.columns.length === 0) {
    return <p className="muted small">{t('overlay.storedBefore')}</p>;
  }
  return (
    <div className="chart-grid" data-testid="overlay-charts">
      <OverlayChart
        title={t('overlay.cumulativeDefault', { denominator: t(DENOMINATOR_LABELS[run.cumulativeRatioDenominator]) })}
        testId="overlay-cumulative-default"
        data={data.cumulativeDefault}
        columns={data.columns}
        money={false}
      />
      <OverlayChart title={t('overlay.netLoss')} testId="overlay-net-loss" data={data.netLoss} columns={data.columns} money={false} />
      {data.notes.map((note, n) => (
        <OverlayChart key={note.id} title={t('overlay.balance', { name: note.name })} testId={`overlay-balance-${note.id}`} data={data.balances[n] ?? []} columns={data.columns} money={currencies} />
      ))}
    </div>
  );
}
