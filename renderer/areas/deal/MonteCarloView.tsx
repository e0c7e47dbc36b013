import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import type { LossHistogramBin, MonteCarloNoteRow, MonteCarloResult, RunStoreNote } from '../../../service/api/contract.ts';
import { formatCount, formatPct, formatSeconds } from '../../app/format.ts';
import { ChartBox, type ChartSize } from '../../components/ChartBox.tsx';
import { DataTable, type Column } from '../../components/DataTable.tsx';
import { formatMoney, type DealCurrency } from './model.ts';
import { DENOMINATOR_LABELS } from '../compare/table.ts';
import { StoreNote } from '../runs/StoreNote.tsx';
import { useT } from '../../app/i18n.tsx';
import { binLabels } from './loss-bins.ts';

const CHART_BLUE = '#1f5fae';

export /** One histogram: paths per loss range (percent of the note's original balance, or of the cutoff pool); `size` on paper. */
function LossHistogram({ title, bins, testId, size }: { title: string; bins: readonly LossHistogramBin[]; testId: string; size?: ChartSize | undefined }) {
  const t = useT();
  const labels = binLabels(bins);
  const data = bins.map((b, k) => ({ label: labels[k] ?? '', paths: b.paths }));
  return (
    <ChartBox title={title} testId={testId} size={size}>
      <BarChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="label" tick={{ fontSize: 10 }} interval="preserveStartEnd" minTickGap={12} />
        <YAxis allowDecimals={false} tick={{ fontSize: 12 }} label={{ value: t('deal.pathsAxis'), angle: -90, position: 'insideLeft', fontSize: 12 }} />
        <Tooltip formatter={(v) => t('deal.pathsTooltip', { n: Number(v) })} />
        <Bar dataKey="paths" name={t('deal.paths')} fill={CHART_BLUE} isAnimationActive={false} />
      </BarChart>
    </ChartBox>
  );
}

/**
 * A Monte Carlo's per-note table (expected loss, its standard error, probability of loss, mean WAL,
 * percentiles) and histograms of the pool's and each note's loss; `stored`, what the run store did
 * with a job's result (stored it as run #N or served it from an identical one), as the deal run and
 * the grid say it. The investor pack shows a stored run: no compute time (`seconds` null), no store
 * note, histograms at `chartSize`.
 */
export function MonteCarloView({
  result,
  seconds,
  stale,
  stored,
  chartSize,
  currency,
}: {
  result: MonteCarloResult;
  seconds: number | null;
  stale: boolean;
  stored?: RunStoreNote | undefined;
  chartSize?: ChartSize;
  /** The deal file's currency, which the original balances are in (absent: the amount alone). */
  currency?: DealCurrency;
}) {
  const t = useT();
  const columns: readonly Column<MonteCarloNoteRow>[] = [
    { key: 'name', header: t('deal.note'), render: (r) => r.name },
    { key: 'balance', header: t('deal.originalBalance'), render: (r) => formatMoney(r.originalBalance, currency), align: 'right' },
    { key: 'el', header: t('deal.expectedLossOfOriginal'), render: (r) => formatPct(r.expectedLoss, 3), align: 'right' },
    { key: 'se', header: t('deal.stdError'), render: (r) => formatPct(r.standardError, 3), align: 'right' },
    { key: 'pl', header: t('deal.pAnyLoss'), render: (r) => formatPct(r.probabilityOfLoss, 1), align: 'right' },
    { key: 'wal', header: t('deal.meanWalYears', { value: result.notes[0]?.walBasis ?? 'ACT/365' }), render: (r) => (r.meanWalYears === null ? '—' : r.meanWalYears.toFixed(2)), align: 'right' },
    { key: 'p50', header: t('deal.lossP50'), render: (r) => formatPct(r.percentiles.p50), align: 'right' },
    { key: 'p90', header: t('deal.p90'), render: (r) => formatPct(r.percentiles.p90), align: 'right' },
    { key: 'p95', header: t('deal.p95'), render: (r) => formatPct(r.percentiles.p95), align: 'right' },
    { key: 'p99', header: t('deal.p99'), render: (r) => formatPct(r.percentiles.p99), align: 'right' },
    { key: 'n', header: t('deal.pathsForSe1'), render: (r) => (r.pathsForOnePercentError === null ? '—' : formatCount(r.pathsForOnePercentError)), align: 'right' },
    ...(result.ratingTable ? [{ key: 'rating', header: t('deal.impliedRating'), render: (r: MonteCarloNoteRow) => r.impliedRating ?? t('deal.belowTable') }] : []),
  ];
  return (
    <section className={stale ? 'monte-carlo stale' : 'monte-carlo'} aria-labelledby="monte-carlo-heading" data-testid="monte-carlo">
      <h2 id="monte-carlo-heading">{t('deal.monteCarloLossDistribution')}</h2>
      <p className="muted small">
        {t('deal.pathsSeedLifetimeDefault', {
          paths: formatCount(result.paths),
          seed: result.seed,
          distributionText: result.distributionText,
          seconds: seconds === null ? '' : ` · ${formatSeconds(seconds)}`,
          scenarioLifetimeDefault: formatPct(result.scenarioLifetimeDefault, 3),
          meanLifetimeDefault: formatPct(result.meanLifetimeDefault, 3),
          floorLifetimeDefault: formatPct(result.floorLifetimeDefault, 3),
          capLifetimeDefault: formatPct(result.capLifetimeDefault, 3),
          flooredPaths: result.flooredPaths,
          cappedPaths: result.cappedPaths,
          cumulativeRatioDenominator: t(DENOMINATOR_LABELS[result.cumulativeRatioDenominator]),
        })}{' '}
        {t('deal.lossPrincipalNotRepaid', { meanDealCumulativeDefault: formatPct(result.meanDealCumulativeDefault, 3) })}
      </p>
      <StoreNote stored={stored} />
      <div className="table-scroll" role="region" aria-label={t('deal.monteCarloTable')} tabIndex={0}>
        <DataTable columns={columns} rows={result.notes} rowKey={(r) => r.id} testId="monte-carlo-table" />
      </div>
      <div className="chart-grid">
        <LossHistogram title={t('deal.poolNetLossOf', { meanNetLoss: formatPct(result.pool.meanNetLoss, 2) })} bins={result.pool.histogram} testId="mc-pool-histogram" size={chartSize} />
        {result.notes.map((note) => (
          <LossHistogram key={note.id} title={t('deal.lossOfOriginalBalance', { name: note.name })} bins={note.histogram} testId={`mc-note-histogram-${note.id}`} size={chartSize} />
        ))}
      </div>
    </section>
  );
}
