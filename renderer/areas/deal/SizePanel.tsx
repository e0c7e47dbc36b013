import { useState } from 'react';
import type { BreakevenRequest, DealCheck, DealSizeRequest, DealSizeResult, SizingMethod, TapeRecord } from '../../../service/api/contract.ts';
import { reportError, useApp } from '../../app/context.tsx';
import { updateDealScreen } from '../../app/deal.ts';
import { upsertJob, useWatchedJob } from '../../app/jobs.ts';
import { formatPct } from '../../app/format.ts';
import { ProgressBar } from '../../components/ProgressBar.tsx';
import { CapitalStructureBar } from './CapitalStructureBar.tsx';
import { formatMoney, type DealCurrency } from './model.ts';
import { sizingInputs } from './sizing-request.ts';
import { useT, type Translate } from '../../app/i18n.tsx';
import { tapeName } from '../../app/shipped-names.ts';

function sizingMethods(t: Translate): readonly { readonly value: SizingMethod; readonly label: string }[] {
  return [
    { value: 'scale', label: t('deal.scaleEveryClassKeeping') },
    { value: 'creditEnhancement', label: t('deal.seniorClassForA') },
    { value: 'breakeven', label: t('deal.seniorClassForA2') },
  ];
}

/** A percent field's text (20 for 20%) as a decimal, or null when it is not a number. */
function percentInput(text: string): number | null {
  const x = Number(text.replace('%', '').trim());
  return text.trim() === '' || !Number.isFinite(x) ? null : x / 100;
}

function SizeTable({ size, currency }: { size: DealSizeResult; currency: DealCurrency }) {
  const t = useT();
  return (
    <table className="data-table size-table" data-testid="size-table">
      <thead>
        <tr>
          <th>{t('deal.note')}</th>
          <th className="num">{t('deal.asWritten')}</th>
          <th className="num">{t('deal.ofPool')}</th>
          <th className="num">{t('deal.ce')}</th>
          <th className="num">{t('deal.sized')}</th>
          <th className="num">{t('deal.ofPool')}</th>
          <th className="num">{t('deal.ce')}</th>
        </tr>
      </thead>
      <tbody>
        {size.after.map((after) => {
          const before = size.before.find((b) => b.id === after.id);
          return (
            <tr key={after.id}>
              <td>{after.name}</td>
              <td className="num">{formatMoney(before?.balance, currency)}</td>
              <td className="num">{formatPct(before?.shareOfPool)}</td>
              <td className="num">{formatPct(before?.creditEnhancement)}</td>
              <td className="num">{formatMoney(after.balance, currency)}</td>
              <td className="num">{formatPct(after.shareOfPool)}</td>
              <td className="num">{formatPct(after.creditEnhancement)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/**
 * Offered when the deal's stated pool differs from the tape it runs on (the template's 400M of
 * notes on an 83M tape): size the notes to the pool — scale keeping %, or the senior class for a
 * target CE or breakeven with the subordinate floor — see the capital structure before and after,
 * and apply the sized deal to the run (docs/sizing.md).
 */
export function SizePanel({ check, request, poolBalance, poolName }: { check: DealCheck; request: BreakevenRequest; poolBalance: number; poolName: string }) {
  const t = useT();
  const { api } = useApp();
  const { currency } = check.deal;
  const [method, setMethod] = useState<SizingMethod>('scale');
  const [target, setTarget] = useState('20');
  const [floor, setFloor] = useState('5');
  const [jobId, setJobId] = useState<string | null>(null);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const job = useWatchedJob(api, jobId, (error) => reportError(t('deal.cannotReadTheSizing'), error));
  const size = job?.state === 'succeeded' && job.result?.kind === 'deal.size' ? job.result.size : null;
  const failed = job?.state === 'failed' ? (job.error?.message ?? t('deal.size.failed')) : job?.state === 'cancelled' ? t('deal.size.cancelled') : null;

  async function start(): Promise<void> {
    const floorShare = percentInput(floor);
    const targetValue = method === 'creditEnhancement' ? percentInput(target) : method === 'breakeven' ? Number(target) : null;
    if (method !== 'scale' && (targetValue === null || !Number.isFinite(targetValue))) {
      setFieldError(method === 'creditEnhancement' ? t('deal.size.giveCe') : t('deal.size.giveMultiple'));
      return;
    }
    if (method !== 'scale' && (floorShare === null || floorShare < 0 || floorShare >= 1)) {
      setFieldError(t('deal.size.giveFloor'));
      return;
    }
    setFieldError(null);
    const sizing: DealSizeRequest = {
      ...sizingInputs(request),
      method,
      ...(method !== 'scale' && targetValue !== null ? { target: targetValue } : {}),
      ...(method !== 'scale' && floorShare !== null ? { floor: floorShare } : {}),
    };
    try {
      const info = await api.call('deal.size', sizing);
      upsertJob(info);
      setJobId(info.id);
    } catch (error) {
      reportError(t('deal.cannotSizeTheDeal'), error);
    }
  }

  async function cancel(): Promise<void> {
    if (jobId === null) return;
    try {
      await api.call('job.cancel', { id: jobId });
    } catch (error) {
      reportError(t('deal.cannotCancelTheSizing'), error);
    }
  }

  function apply(sized: DealSizeResult): void {
    updateDealScreen({ choice: { kind: 'file', fileName: t('deal.sizedFileName', { dealName: sized.dealName, poolName }), deal: sized.deal } });
    setJobId(null);
  }

  return (
    <section className="panel size-panel" aria-label={t('deal.sizeToPool')} data-testid="size-panel">
      <h2>{t('deal.sizeToPool')}</h2>
      <p className="warning-box" role="status">
        {t('deal.theDealSNotes', { statedPoolBalance: formatMoney(check.statedPoolBalance, currency), poolName, poolBalance: formatMoney(poolBalance, currency) })}
      </p>
      <div className="size-choices" role="radiogroup" aria-label={t('deal.sizingMethod')}>
        {sizingMethods(t).map((m) => (
          <label key={m.value} className="radio-label">
            <input type="radio" name="sizing-method" value={m.value} checked={method === m.value} onChange={() => setMethod(m.value)} />
            {m.label}
          </label>
        ))}
      </div>
      {method !== 'scale' ? (
        <div className="size-fields">
          <label>
            {method === 'creditEnhancement' ? t('deal.seniorCeAtClosing') : t('deal.seniorBreakevenTheDefault')}
            <input aria-label={t('deal.sizingTarget')} inputMode="decimal" value={target} onChange={(e) => setTarget(e.target.value)} size={6} />
          </label>
          <label>
            {t('deal.subordinateFloorOfPool')}
            <input aria-label={t('deal.subordinateFloor')} inputMode="decimal" value={floor} onChange={(e) => setFloor(e.target.value)} size={6} />
          </label>
        </div>
      ) : null}
      {fieldError ? <p className="error-text">{fieldError}</p> : null}
      <div className="button-row">
        <button type="button" onClick={() => void start()} disabled={job?.state === 'running'}>
          {t('deal.size')}
        </button>
        {job?.state === 'running' ? (
          <button type="button" className="secondary" onClick={() => void cancel()}>
            {t('deal.cancelSizing')}
          </button>
        ) : null}
      </div>
      {job?.state === 'running' ? <ProgressBar progress={job.progress} label={t('deal.sizingTheNotes')} /> : null}
      {failed ? (
        <p className="error-text" role="alert" data-testid="size-error">
          {failed}
        </p>
      ) : null}
      {size ? (
        <div className="size-result" data-testid="size-result">
          <CapitalStructureBar size={size} currency={currency} />
          <SizeTable size={size} currency={currency} />
          {size.seniorBreakeven ? (
            <p className="muted">
              {t('deal.seniorBreakevenAfterSizing', { id: size.seniorBreakeven.id })} {size.seniorBreakeven.status === 'beyondRange' ? '≥ ' : ''}
              {size.seniorBreakeven.stress.toFixed(3)}× ({t(size.seniorBreakeven.interest === 'timely' ? 'figure.interest.timely' : 'figure.interest.ultimate')})
              {size.seniorBreakeven.limitedByFloor ? t('deal.theSubordinateFloorNot') : ''}
            </p>
          ) : null}
          <div className="button-row">
            <button type="button" onClick={() => apply(size)}>
              {t('deal.applyToTheRun')}
            </button>
          </div>
        </div>
      ) : null}
    </section>
  );
}

/** The sizing offer, shown when the deal runs on a tape whose balance differs from the pool its notes were written for (to the cent). */
export function SizeOffer({ check, request, pool, tape, dealLabel }: { check: DealCheck | null; request: BreakevenRequest | null; pool: 'own' | 'tape'; tape: TapeRecord | null; dealLabel: string }) {
  if (!check || !request || pool !== 'tape' || !tape || Math.abs(tape.currentBalance - check.statedPoolBalance) < 0.005) return null;
  return <SizePanel key={`${dealLabel}:${tape.id}`} check={check} request={request} poolBalance={tape.currentBalance} poolName={tapeName(tape)} />;
}
