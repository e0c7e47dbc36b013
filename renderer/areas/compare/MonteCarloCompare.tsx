import type { LossHistogramBin, LossPercentiles, MonteCarloResult } from '../../../service/api/contract.ts';
import { formatCount, formatPct } from '../../app/format.ts';
import { LossHistogram } from '../deal/MonteCarloView.tsx';
import { useT } from '../../app/i18n.tsx';

/** The figures read beside a histogram; expected loss and P(loss) are absent for the pool (its mean net loss is given instead). */
interface LossFigures {
  readonly mean: { readonly label: string; readonly value: number };
  readonly standardError?: number;
  readonly probabilityOfLoss?: number;
  readonly percentiles: LossPercentiles;
}

function Figures({ figures }: { figures: LossFigures }) {
  const t = useT();
  const { p50, p75, p90, p95, p99 } = figures.percentiles;
  return (
    <dl className="mc-figures" data-testid="mc-figures">
      <dt>{figures.mean.label}</dt>
      <dd>
        {formatPct(figures.mean.value, 3)}
        {figures.standardError !== undefined ? (
          <span className="muted">
            {' '}
            ± {formatPct(figures.standardError, 3)}
            {t('mc.se')}
          </span>
        ) : null}
      </dd>
      {figures.probabilityOfLoss !== undefined ? (
        <>
          <dt>{t('mc.pLoss')}</dt>
          <dd>{formatPct(figures.probabilityOfLoss, 1)}</dd>
        </>
      ) : null}
      <dt>{t('mc.percentiles')}</dt>
      <dd>
        {formatPct(p50)} / {formatPct(p75)} / {formatPct(p90)}
      </dd>
      <dt>{t('mc.p95p99')}</dt>
      <dd>
        {formatPct(p95)} / {formatPct(p99)}
      </dd>
    </dl>
  );
}

function HistogramWithFigures({ title, bins, figures, testId }: { title: string; bins: readonly LossHistogramBin[]; figures: LossFigures; testId: string }) {
  return (
    <div className="mc-histogram-row">
      <LossHistogram title={title} bins={bins} testId={testId} />
      <Figures figures={figures} />
    </div>
  );
}

/** A stored Monte Carlo: the pool's net loss histogram and each note's loss histogram, each with its expected loss, P(loss) and percentiles beside it. */
export function MonteCarloCompare({ result, title }: { result: MonteCarloResult; title: string }) {
  const t = useT();
  return (
    <section className="panel mc-compare" aria-label={title} data-testid="mc-compare">
      <h3>{title}</h3>
      <p className="muted small">{t('mc.caption', { deal: result.dealName, pool: result.poolName, paths: formatCount(result.paths), seed: result.seed, distribution: result.distributionText })}</p>
      <div className="mc-histograms">
        <HistogramWithFigures
          title={t('mc.poolNetLoss')}
          bins={result.pool.histogram}
          figures={{ mean: { label: t('mc.meanNetLoss'), value: result.pool.meanNetLoss }, percentiles: result.pool.percentiles }}
          testId="mc-compare-pool"
        />
        {result.notes.map((note) => (
          <HistogramWithFigures
            key={note.id}
            title={t('mc.noteLoss', { name: note.name })}
            bins={note.histogram}
            figures={{ mean: { label: t('mc.expectedLoss'), value: note.expectedLoss }, standardError: note.standardError, probabilityOfLoss: note.probabilityOfLoss, percentiles: note.percentiles }}
            testId={`mc-compare-note-${note.id}`}
          />
        ))}
      </div>
    </section>
  );
}
