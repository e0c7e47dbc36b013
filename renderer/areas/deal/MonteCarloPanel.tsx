import { useEffect, useState, useSyncExternalStore } from 'react';
import type { DealRunRequest } from '../../../service/api/contract.ts';
import { reportError, useApp } from '../../app/context.tsx';
import { upsertJob, useWatchedJob } from '../../app/jobs.ts';
import { notify } from '../../app/notifications.ts';
import { ProgressBar } from '../../components/ProgressBar.tsx';
import { monteCarloForm, monteCarloRequest, updateMonteCarloForm, type MonteCarloForm } from './monte-carlo-form.ts';
import { MonteCarloView } from './MonteCarloView.tsx';
import { translate, useT } from '../../app/i18n.tsx';

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

/**
 * The Deal screen's Monte Carlo: the lifetime default's distribution, paths and seed; runs as a job
 * with progress and cancel on the deal, pool and scenario chosen above; shows the per-note table and
 * histograms (docs/monte-carlo.md).
 */
export function MonteCarloPanel({ deal, inputsKey }: { deal: DealRunRequest | null; inputsKey: string }) {
  const t = useT();
  const { api } = useApp();
  const form = useSyncExternalStore(monteCarloForm.subscribe, monteCarloForm.get);
  const [starting, setStarting] = useState(false);
  const latest = useWatchedJob(api, form.latest?.jobId ?? null, (error) => reportError(t('deal.cannotReadTheMonte'), error));
  const shownJob = useWatchedJob(api, form.shown?.jobId ?? null, (error) => reportError(t('deal.cannotReadTheMonte'), error));
  const running = latest?.state === 'running';
  const asked = deal ? monteCarloRequest(form, deal) : null;
  const key = asked && 'request' in asked ? `${inputsKey} ${JSON.stringify(asked.request)}` : '';

  useEffect(() => {
    if (!latest || !form.latest || latest.state === 'running') return;
    if (latest.state === 'succeeded' && form.shown?.jobId !== form.latest.jobId) updateMonteCarloForm({ shown: form.latest });
    if (latest.state === 'cancelled' && form.shown?.jobId !== form.latest.jobId) notify('info', translate('deal.monteCarloCancelled'), translate('deal.nothingWasKept'));
  }, [latest, form.latest, form.shown]);

  async function start(): Promise<void> {
    if (!asked || !('request' in asked)) return;
    setStarting(true);
    try {
      const job = await api.call('deal.monteCarlo', asked.request);
      upsertJob(job);
      updateMonteCarloForm({ latest: { jobId: job.id, key } });
    } catch (error) {
      reportError(t('deal.cannotStartTheMonte'), error);
    } finally {
      setStarting(false);
    }
  }

  async function cancel(): Promise<void> {
    if (!form.latest) return;
    try {
      await api.call('job.cancel', { id: form.latest.jobId });
    } catch (error) {
      reportError(t('deal.cannotCancel'), error);
    }
  }

  const result = shownJob?.state === 'succeeded' && shownJob.result?.kind === 'deal.monteCarlo' ? shownJob.result : null;
  const outOfDate = result !== null && !running && form.shown?.key !== key;
  return (
    <section className="panel monte-carlo-panel" aria-label={t('deal.monteCarlo')} data-testid="monte-carlo-panel">
      <h2>{t('deal.monteCarlo')}</h2>
      <div className="run-panel">
        <DistributionInputs form={form} />
        <div className="button-row run-buttons">
          <button type="button" onClick={() => void start()} disabled={!asked || 'problem' in asked || running || starting}>
            {t('deal.runMonteCarlo')}
          </button>
          {running ? (
            <button type="button" className="secondary" onClick={() => void cancel()}>
              {t('deal.cancelMonteCarlo')}
            </button>
          ) : null}
        </div>
      </div>
      {asked && 'problem' in asked ? (
        <p className="error-text" role="alert" data-testid="mc-problem">
          {asked.problem}
        </p>
      ) : null}
      <p className="muted small">{t('deal.eachPathDrawsThe')}</p>
      {running ? <ProgressBar progress={latest.progress ?? null} label={t('deal.monteCarloPaths')} /> : null}
      {outOfDate ? (
        <p className="warning-box" role="status" data-testid="mc-out-of-date">
          {t('deal.thisMonteCarloRan')}
        </p>
      ) : null}
      {result ? <MonteCarloView result={result.monteCarlo} seconds={result.seconds} stale={running} /> : null}
    </section>
  );
}
