import type { InvestorPack } from '../../../../service/api/contract.ts';
import { MonteCarloView } from '../../deal/MonteCarloView.tsx';
import type { DealCurrency } from '../../deal/model.ts';
import { useT } from '../../../app/i18n.tsx';

type PackMonteCarlo = InvestorPack['monteCarlo'][number];

/** Four histograms across A4 landscape's 277 mm (about 1047 CSS px less gaps and padding): the pool's and three notes' on one row. */
const HISTOGRAM_SIZE = { width: 232, height: 170 } as const;

/** A stored Monte Carlo run's page: the Deal screen's Monte Carlo view of it (table and histograms), drawn for paper. */
export function PackMonteCarloPage({ dealName, mc, currency }: { dealName: string; mc: PackMonteCarlo; currency: DealCurrency }) {
  const t = useT();
  return (
    <section className="pack-page pack-monte-carlo" data-testid="pack-monte-carlo" aria-label={t('pack.monteCarloRun', { id: mc.runId })}>
      <header className="pack-page-header">
        <span>{dealName}</span>
        <span>{t('pack.monteCarloHeader', { id: mc.runId, hash: mc.inputHash.slice(0, 16) })}</span>
      </header>
      <MonteCarloView result={mc.result} seconds={null} stale={false} chartSize={HISTOGRAM_SIZE} currency={currency} />
    </section>
  );
}
