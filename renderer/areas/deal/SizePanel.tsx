import { useState } from 'react';
import type { BreakevenRequest, DealCheck, DealSizeRequest, DealSizeResult, SizingMethod, TapeRecord } from '../../../service/api/contract.ts';
import { reportError, useApp } from '../../app/context.tsx';
import { updateDealScreen } from '../../app/deal.ts';
import { upsertJob, useWatchedJob } from '../../app/jobs.ts';
import { formatPct } from '../../app/format.ts';
import { ProgressBar } from '../../components/ProgressBar.tsx';
import { CapitalStructureBar } from './CapitalStructureBar.tsx';
import { formatMoney } from './model.ts';

const METHODS: readonly { readonly value: SizingMethod; readonly label: string }[] = [
  { value: 'scale', label: 'Scale every class, keeping its % of the pool' },
  { value: 'creditEnhancement', label: 'Senior class for a target CE' },
  { value: 'breakeven', label: 'Senior class for a target breakeven multiple' },
];

/** A percent field's text (20 for 20%) as a decimal, or null when it is not a number. */
function percentInput(text: string): number | null {
  const x = Number(text.replace('%', '').trim());
  return text.trim() === '' || !Number.isFinite(x) ? null : x / 100;
}

function SizeTable({ size }: { size: DealSizeResult }) {
  return (
    <table className="data-table size-table" data-testid="size-table">
      <thead>
        <tr>
          <th>Note</th>
          <th className="num">As written</th>
          <th className="num">% of pool</th>
          <th className="num">CE</th>
          <th className="num">Sized</th>
          <th className="num">% of pool</th>
          <th className="num">CE</th>
        </tr>
      </thead>
      <tbody>
        {size.after.map((after) => {
          const before = size.before.find((b) => b.id === after.id);
          return (
            <tr key={after.id}>
              <td>{after.name}</td>
              <td className="num">{formatMoney(before?.balance)}</td>
              <td className="num">{formatPct(before?.shareOfPool)}</td>
              <td className="num">{formatPct(before?.creditEnhancement)}</td>
              <td className="num">{formatMoney(after.balance)}</td>
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
  const { api } = useApp();
  const [method, setMethod] = useState<SizingMethod>('scale');
  const [target, setTarget] = useState('20');
  const [floor, setFloor] = useState('5');
  const [jobId, setJobId] = useState<string | null>(null);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const job = useWatchedJob(api, jobId, (error) => reportError('Cannot read the sizing', error));
  const size = job?.state === 'succeeded' && job.result?.kind === 'deal.size' ? job.result.size : null;
  const failed = job?.state === 'failed' ? (job.error?.message ?? 'the sizing failed') : job?.state === 'cancelled' ? 'Sizing cancelled: the deal is unchanged.' : null;

  async function start(): Promise<void> {
    const floorShare = percentInput(floor);
    const targetValue = method === 'creditEnhancement' ? percentInput(target) : method === 'breakeven' ? Number(target) : null;
    if (method !== 'scale' && (targetValue === null || !Number.isFinite(targetValue))) {
      setFieldError(method === 'creditEnhancement' ? 'Give the senior CE in percent, e.g. 20' : 'Give the breakeven multiple, e.g. 3');
      return;
    }
    if (method !== 'scale' && (floorShare === null || floorShare < 0 || floorShare >= 1)) {
      setFieldError('Give the subordinate floor in percent of the pool, from 0 to below 100 (5 = the 5% risk retention)');
      return;
    }
    setFieldError(null);
    const sizing: DealSizeRequest = {
      ...request,
      method,
      ...(method !== 'scale' && targetValue !== null ? { target: targetValue } : {}),
      ...(method !== 'scale' && floorShare !== null ? { floor: floorShare } : {}),
    };
    try {
      const info = await api.call('deal.size', sizing);
      upsertJob(info);
      setJobId(info.id);
    } catch (error) {
      reportError('Cannot size the deal', error);
    }
  }

  async function cancel(): Promise<void> {
    if (jobId === null) return;
    try {
      await api.call('job.cancel', { id: jobId });
    } catch (error) {
      reportError('Cannot cancel the sizing', error);
    }
  }

  function apply(sized: DealSizeResult): void {
    updateDealScreen({ choice: { kind: 'file', fileName: `${sized.dealName} — sized to ${poolName}.json`, deal: sized.deal } });
    setJobId(null);
  }

  return (
    <section className="panel size-panel" aria-label="Size to pool" data-testid="size-panel">
      <h2>Size to pool</h2>
      <p className="warning-box" role="status">
        The deal’s notes were written for a pool of {formatMoney(check.statedPoolBalance)}; {poolName} holds {formatMoney(poolBalance)} (deal currency). Size the notes to it before reading the losses.
      </p>
      <div className="size-choices" role="radiogroup" aria-label="Sizing method">
        {METHODS.map((m) => (
          <label key={m.value} className="radio-label">
            <input type="radio" name="sizing-method" value={m.value} checked={method === m.value} onChange={() => setMethod(m.value)} />
            {m.label}
          </label>
        ))}
      </div>
      {method !== 'scale' ? (
        <div className="size-fields">
          <label>
            {method === 'creditEnhancement' ? 'Senior CE at closing (%)' : 'Senior breakeven (× the default curve)'}
            <input aria-label="Sizing target" inputMode="decimal" value={target} onChange={(e) => setTarget(e.target.value)} size={6} />
          </label>
          <label>
            Subordinate floor (% of pool; 5% risk retention)
            <input aria-label="Subordinate floor" inputMode="decimal" value={floor} onChange={(e) => setFloor(e.target.value)} size={6} />
          </label>
        </div>
      ) : null}
      {fieldError ? <p className="error-text">{fieldError}</p> : null}
      <div className="button-row">
        <button type="button" onClick={() => void start()} disabled={job?.state === 'running'}>
          Size
        </button>
        {job?.state === 'running' ? (
          <button type="button" className="secondary" onClick={() => void cancel()}>
            Cancel sizing
          </button>
        ) : null}
      </div>
      {job?.state === 'running' ? <ProgressBar progress={job.progress} label="Sizing the notes" /> : null}
      {failed ? (
        <p className="error-text" role="alert" data-testid="size-error">
          {failed}
        </p>
      ) : null}
      {size ? (
        <div className="size-result" data-testid="size-result">
          <CapitalStructureBar size={size} />
          <SizeTable size={size} />
          {size.seniorBreakeven ? (
            <p className="muted">
              Senior {size.seniorBreakeven.id} breakeven after sizing: {size.seniorBreakeven.status === 'beyondRange' ? '≥ ' : ''}
              {size.seniorBreakeven.stress.toFixed(3)}× ({size.seniorBreakeven.interest})
              {size.seniorBreakeven.limitedByFloor ? ' — the subordinate floor, not the target, limits the senior class' : ''}
            </p>
          ) : null}
          <div className="button-row">
            <button type="button" onClick={() => apply(size)}>
              Apply to the run
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
  return <SizePanel key={`${dealLabel}:${tape.id}`} check={check} request={request} poolBalance={tape.currentBalance} poolName={tape.name} />;
}
