import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { StaticPoolFitResult } from '../../../../service/api/contract.ts';
import { cprRows, cumulativeDefaultRows, vintageColor } from './model.ts';
import { translate, useT } from '../../../app/i18n.tsx';

const MARGIN = { top: 8, right: 16, bottom: 16, left: 8 };
const TICK = { fontSize: 11 };
const pct = (v: number): string => `${v.toFixed(2)}%`;
const monthLabel = (month: unknown): string => translate('assumptions.staticPool.monthOnBookN', { month: typeof month === 'number' || typeof month === 'string' ? month : '' });

/** Cumulative default by month on book, one thin line per vintage and the fitted curve dashed; beside it the fitted CPR curve. */
export function StaticPoolCharts({ result }: { result: StaticPoolFitResult }) {
  const t = useT();
  const rows = cumulativeDefaultRows(result);
  const count = result.vintages.length;
  return (
    <div className="chart-grid">
      <figure className="chart-box" data-testid="static-pool-default-chart">
        <figcaption className="chart-caption">
          <h3>{t('assumptions.staticPool.cumulativeDefaultRateBy')}</h3>
          <span className="muted small">{t('assumptions.staticPool.oneLinePerVintage')}</span>
        </figcaption>
        <ResponsiveContainer width="100%" height={280}>
          <LineChart data={rows} margin={MARGIN}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="month" tick={TICK} label={{ value: translate('assumptions.staticPool.monthOnBook'), position: 'insideBottom', offset: -8, fontSize: 11 }} />
            <YAxis tickFormatter={(v: number) => `${v.toFixed(1)}%`} tick={TICK} width={48} />
            <Tooltip formatter={(value) => pct(Number(value))} labelFormatter={monthLabel} />
            {result.vintages.map((v, i) => (
              <Line key={v.vintage} dataKey={v.vintage} name={v.vintage} stroke={vintageColor(i, count)} strokeWidth={1} dot={false} isAnimationActive={false} connectNulls={false} />
            ))}
            <Line dataKey="fitted" name={t('assumptions.staticPool.fitted')} stroke="#1d2330" strokeWidth={2.5} strokeDasharray="6 4" dot={false} isAnimationActive={false} />
          </LineChart>
        </ResponsiveContainer>
      </figure>
      <figure className="chart-box" data-testid="static-pool-cpr-chart">
        <figcaption className="chart-caption">
          <h3>{t('assumptions.staticPool.fittedCprByMonth')}</h3>
        </figcaption>
        <ResponsiveContainer width="100%" height={280}>
          <LineChart data={cprRows(result)} margin={MARGIN}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="month" tick={TICK} label={{ value: translate('assumptions.staticPool.monthOnBook'), position: 'insideBottom', offset: -8, fontSize: 11 }} />
            <YAxis tickFormatter={(v: number) => `${v.toFixed(0)}%`} tick={TICK} width={48} />
            <Tooltip formatter={(value) => pct(Number(value))} labelFormatter={monthLabel} />
            <Line dataKey="cpr" name="CPR" stroke="#1e7a43" strokeWidth={2} dot={false} isAnimationActive={false} />
          </LineChart>
        </ResponsiveContainer>
      </figure>
    </div>
  );
}
