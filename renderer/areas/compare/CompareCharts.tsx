import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ScenarioSetRunResult } from '../../../service/api/contract.ts';
import { chartData, DENOMINATOR_LABELS } from './table.ts';
import { useT } from '../../app/i18n.tsx';

const HEIGHT = 260;
const MARGIN = { top: 8, right: 16, bottom: 4, left: 8 };
const TICK = { fontSize: 11 };
/** Senior to junior, as the Deal screen colours its notes. */
const NOTE_COLORS = ['#1f5fae', '#5b8fd1', '#9db4d3', '#e3b341', '#e08a2c', '#cf5a2a', '#9c1f1a'];
const pctTick = (v: number): string => `${v.toFixed(0)}%`;
const pctTip = (value: unknown): string => `${Number(value).toFixed(2)}%`;

/** Each note's loss by scenario (grouped bars), and the pool's cumulative default rate by scenario. */
export function CompareCharts({ run }: { run: ScenarioSetRunResult }) {
  const t = useT();
  const { notes, rows } = chartData(run);
  return (
    <div className="chart-grid">
      <figure className="chart-box" data-testid="chart-note-loss">
        <figcaption className="chart-caption">
          <h3>{t('compare.noteLossByScenario')}</h3>
        </figcaption>
        <ResponsiveContainer width="100%" height={HEIGHT}>
          <BarChart data={rows} margin={MARGIN}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="scenario" tick={TICK} interval={0} />
            <YAxis tickFormatter={pctTick} tick={TICK} width={48} domain={[0, 100]} />
            <Tooltip formatter={pctTip} />
            <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={null} />
            {notes.map((n, i) => (
              <Bar key={n.id} dataKey={`loss:${n.id}`} name={n.name} fill={NOTE_COLORS[i % NOTE_COLORS.length] ?? '#1f5fae'} isAnimationActive={false} />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </figure>
      <figure className="chart-box" data-testid="chart-pool-default">
        <figcaption className="chart-caption">
          <h3>{t('compare.poolCumulativeDefaultRate', { value: t(DENOMINATOR_LABELS[run.cumulativeRatioDenominator]) })}</h3>
        </figcaption>
        <ResponsiveContainer width="100%" height={HEIGHT}>
          <BarChart data={rows} margin={MARGIN}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="scenario" tick={TICK} interval={0} />
            <YAxis tickFormatter={pctTick} tick={TICK} width={48} />
            <Tooltip formatter={pctTip} />
            <Bar dataKey="cumulativeDefaultPct" name={t('compare.cumulativeDefaultRate')} fill="#9c1f1a" isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </figure>
    </div>
  );
}
