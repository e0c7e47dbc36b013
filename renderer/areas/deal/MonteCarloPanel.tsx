import { useSyncExternalStore } from 'react';
import type { DealRunRequest } from '../../../service/api/contract.ts';
import { useSweepJob, type SweepJobMessages } from '../../app/useSweepJob.ts';
import { ProgressBar } from '../../components/ProgressBar.tsx';
import { SweepRunButtons } from '../../components/SweepRunButtons.tsx';
import { monteCarloForm, monteCarloRequest, updateMonteCarloForm, type MonteCarloForm } from './monte-carlo-form.ts';
import { MonteCarloView } from './MonteCarloView.tsx';
import { shownForDeal } from './sweep-ref.ts';
import { useT } from '../../app/i18n.tsx';

function NumberField({ label, field, form, hint }: { label: string; field: 'mean' | 'cv' | 'pd' | 'rho' | 'paths' | 'seed'; form: MonteCarloForm; hint?: string }) {
  return (
    <label className="mc-field">
      {label}
      <input type="text" inputMode="decimal" aria-label={label} value={form[field]} placeholder={hint} onChange={(e) => updateMonteCarloForm({ [field]: e.target.value })} size={8} />
    </label>
  );
}

/** The distribution's inputs: lognormal (mean, cv) or Vasicek (PD, ρ), then paths and seed. */
function DistributionInputs({ form }: { form: MonteCarloForm }) {
  const t = useT();
  return (
    <>
      <label className="tape-picker">
        {t('deal.lifetimeDefaultDistribution')}
        <select aria-label={t('deal.distribution')} value={form.kind} onChange={(e) => updateMonteCarloForm({ kind: e.target.value === 'vasicek' ? 'vasicek' : 'lognormal' })}>
          <option value="lognormal">{t('deal.lognormalMeanCvMoody')}</option>
          <option value="vasicek">{t('deal.vasicekOneFactorPd')}</option>
        </select>
      </label>
      {form.kind === 'lognormal' ? (
        <>
          <NumberField label={t('deal.meanDecimal')} field="mean" form={form} hint={t('deal.scenarioS')} />
          <NumberField label={t('deal.cv')} field="cv" form={form} />
        </>
      ) : (
        <>
          <NumberField label={t('deal.pdDecimal')} field="pd" form={form} />
          <NumberField label={t('deal.ρ')} field="rho" form={form} />
        </>
      )}
      <NumberField label={t('deal.paths')} field="paths" form={form} />
      <NumberField label={t('deal.seed')} field="seed" form={form} />
    </>
  );
}

const MONTE_CARLO_JOB_MESSAGES: SweepJobMessages = {
  cannotRead: 'deal.cannotReadTheMonte',
  cannotStart: 'deal.cannotStartTheMonte',
  cannotCancel: 'deal.cannotCancel',
  cancelled: 'deal.monteCarloCancelled',
  nothingKept: 'deal.nothingWasKept',
  failed: 'deal.monteCarloFailed',
};

/**
 * The Deal screen's Monte Carlo: the lifetime default's distribution, paths and seed; runs as a job
 * with progress and cancel on the deal, pool and scenario chosen above; shows the per-note table and
 * histograms (docs/monte-carlo.md). A Monte Carlo of another deal than `dealKey` (app/deal.ts dealIdentity) is not shown.
 */
export function MonteCarloPanel({ deal, dealKey, inputsKey }: { deal: DealRunRequest | null; dealKey: string; inputsKey: string }) {
  const t = useT();
  const form = useSyncExternalStore(monteCarloForm.subscribe, monteCarloForm.get);
  const job = useSweepJob('deal.monteCarlo', form, updateMonteCarloForm, MONTE_CARLO_JOB_MESSAGES);
  const { latest, running } = job;
  const ofThisDeal = shownForDeal(form.shown, dealKey);
  const result = ofThisDeal ? job.result : null;
  const asked = deal ? monteCarloRequest(form, deal) : null;
  const key = asked && 'request' in asked ? `${inputsKey} ${JSON.stringify(asked.request)}` : '';

  function start(): void {
    if (asked && 'request' in asked)
      void job.start(
        (api) => api.call('deal.monteCarlo', asked.request),
        (jobId) => ({ jobId, key, deal: dealKey }),
      );
  }

  const outOfDate = ofThisDeal && job.outOfDate(key);
  return (
    <section className="panel monte-carlo-panel" aria-label={t('deal.monteCarlo')} data-testid="monte-carlo-panel">
      <h2>{t('deal.monteCarlo')}</h2>
      <div className="run-panel">
        <DistributionInputs form={form} />
        <SweepRunButtons
          runLabel={t('deal.runMonteCarlo')}
          cancelLabel={t('deal.cancelMonteCarlo')}
          canRun={asked !== null && 'request' in asked && !job.starting}
          running={running}
          onRun={start}
          onCancel={() => void job.cancel()}
        />
      </div>
      {asked && 'problem' in asked ? (
        <p className="error-text" role="alert" data-testid="mc-problem">
          {asked.problem}
        </p>
      ) : null}
      <p className="muted small">{t('deal.eachPathDrawsThe')}</p>
      {running ? <ProgressBar progress={latest?.progress ?? null} label={t('deal.monteCarloPaths')} /> : null}
      {outOfDate ? (
        <p className="warning-box" role="status" data-testid="mc-out-of-date">
          {t('deal.thisMonteCarloRan')}
        </p>
      ) : null}
      {result ? <MonteCarloView result={result.monteCarlo} seconds={result.seconds} stored={result.stored} stale={running} currency={deal?.deal.currency} /> : null}
    </section>
  );
}
