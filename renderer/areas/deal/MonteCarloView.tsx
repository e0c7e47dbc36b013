import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import type { LossHistogramBin, MonteCarloNoteRow, MonteCarloResult } from '../../../service/api/contract.ts';
import { formatCount, formatPct, formatSeconds } from '../../app/format.ts';
import { ChartBox, type ChartSize } from '../../components/ChartBox.tsx';
import { DataTable, type Column } from '../../components/DataTable.tsx';
import { formatMoney } from './model.ts';

const CHART_BLUE = '#1f5fae';

export /** One histogram: paths per loss range (percent of the note's original balance, or of the cutoff pool); `size` on paper. */
function LossHistogram({ title, bins, testId, size }: { title: string; bins: readonly LossHistogramBin[]; testId: string; size?: ChartSize | undefined }) {
  const data = bins.map((b) => ({ label: `${(b.from * 100).toFixed(1)}–${(b.to * 100).toFixed(1)}%`, paths: b.paths }));
  return (
    <ChartBox title={title} testId={testId} size={size}>
      <BarChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="label" tick={{ fontSize: 10 }} interval="preserveStartEnd" minTickGap={12} />
        <YAxis allowDecimals={false} tick={{ fontSize: 12 }} label={{ value: 'paths', angle: -90, position: 'insideLeft', fontSize: 12 }} />
        <Tooltip formatter={(v) => `${Number(v)} paths`} />
        <Bar dataKey="paths" name="Paths" fill={CHART_BLUE} isAnimationActive={false} />
      </BarChart>
    </ChartBox>
  );
}

/**
 * A Monte Carlo's per-note table (expected loss, its standard error, probability of loss, mean WAL,
 * percentiles) and histograms of the pool's and each note's loss. The investor pack shows a stored
 * run: no compute time (`seconds` null), histograms at `chartSize`.
 */
export function MonteCarloView({ result, seconds, stale, chartSize }: { result: MonteCarloResult; seconds: number | null; stale: boolean; chartSize?: ChartSize }) {
  const columns: readonly Column<MonteCarloNoteRow>[] = [
    { key: 'name', header: 'Note', render: (r) => r.name },
    { key: 'balance', header: 'Original balance', render: (r) => formatMoney(r.originalBalance), align: 'right' },
    { key: 'el', header: 'Expected loss (% of original)', render: (r) => formatPct(r.expectedLoss, 3), align: 'right' },
    { key: 'se', header: 'Std error', render: (r) => formatPct(r.standardError, 3), align: 'right' },
    { key: 'pl', header: 'P(any loss)', render: (r) => formatPct(r.probabilityOfLoss, 1), align: 'right' },
    { key: 'wal', header: `Mean WAL (years, ${result.notes[0]?.walBasis ?? 'ACT/365'})`, render: (r) => (r.meanWalYears === null ? '—' : r.meanWalYears.toFixed(2)), align: 'right' },
    { key: 'p50', header: 'Loss p50', render: (r) => formatPct(r.percentiles.p50), align: 'right' },
    { key: 'p90', header: 'p90', render: (r) => formatPct(r.percentiles.p90), align: 'right' },
    { key: 'p95', header: 'p95', render: (r) => formatPct(r.percentiles.p95), align: 'right' },
    { key: 'p99', header: 'p99', render: (r) => formatPct(r.percentiles.p99), align: 'right' },
    { key: 'n', header: 'Paths for SE < 1% of EL', render: (r) => (r.pathsForOnePercentError === null ? '—' : formatCount(r.pathsForOnePercentError)), align: 'right' },
    ...(result.ratingTable ? [{ key: 'rating', header: 'Implied rating', render: (r: MonteCarloNoteRow) => r.impliedRating ?? 'below table' }] : []),
  ];
  return (
    <section className={stale ? 'monte-carlo stale' : 'monte-carlo'} aria-labelledby="monte-carlo-heading" data-testid="monte-carlo">
      <h2 id="monte-carlo-heading">Monte Carlo loss distribution</h2>
      <p className="muted small">
        {formatCount(result.paths)} paths · seed {result.seed} · {result.distributionText}
        {seconds === null ? '' : ` · ${formatSeconds(seconds)}`}. Lifetime default = the cutoff pool’s cumulative gross defaults ÷ its cutoff balance: scenario{' '}
        {formatPct(result.scenarioLifetimeDefault, 3)}, mean over paths {formatPct(result.meanLifetimeDefault, 3)} (reachable {formatPct(result.floorLifetimeDefault, 3)}–
        {formatPct(result.capLifetimeDefault, 3)}; {result.flooredPaths} paths floored, {result.cappedPaths} capped). Deal cumulative default rate (÷ {result.cumulativeRatioDenominator}) averages{' '}
        {formatPct(result.meanDealCumulativeDefault, 3)}. Loss = principal not repaid ÷ original balance; standard error = standard deviation ÷ √paths.
      </p>
      <div className="table-scroll" role="region" aria-label="Monte Carlo table" tabIndex={0}>
        <DataTable columns={columns} rows={result.notes} rowKey={(r) => r.id} testId="monte-carlo-table" />
      </div>
      <div className="chart-grid">
        <LossHistogram title={`Pool net loss (% of cutoff balance; mean ${formatPct(result.pool.meanNetLoss, 2)})`} bins={result.pool.histogram} testId="mc-pool-histogram" size={chartSize} />
        {result.notes.map((note) => (
          <LossHistogram key={note.id} title={`${note.name}: loss (% of original balance)`} bins={note.histogram} testId={`mc-note-histogram-${note.id}`} size={chartSize} />
        ))}
      </div>
    </section>
  );
}
