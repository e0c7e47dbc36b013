import { useEffect, useState, useSyncExternalStore } from 'react';
import type { DealRunRequest, GridParameter } from '../../../service/api/contract.ts';
import { reportError, useApp } from '../../app/context.tsx';
import { upsertJob, useWatchedJob } from '../../app/jobs.ts';
import { notify } from '../../app/notifications.ts';
import { ProgressBar } from '../../components/ProgressBar.tsx';
import { GRID_PARAMETER_LABELS, GRID_PARAMETERS, gridForm, gridKey, gridRequest, isGridParameter, updateGridForm, type GridForm } from './grid-form.ts';
import { GridView } from './GridView.tsx';

/** One axis: its parameter (the CLI's list) and its values as a range or a list. */
function AxisInputs({
  label,
  parameter,
  values,
  onParameter,
  onValues,
}: {
  label: 'Rows' | 'Columns';
  parameter: GridParameter;
  values: string;
  onParameter: (p: GridParameter) => void;
  onValues: (v: string) => void;
}) {
  return (
    <>
      <label className="tape-picker">
        {label}
        <select aria-label={`${label} parameter`} value={parameter} onChange={(e) => (isGridParameter(e.target.value) ? onParameter(e.target.value) : undefined)}>
          {GRID_PARAMETERS.map((p) => (
            <option key={p} value={p}>
              {p} — {GRID_PARAMETER_LABELS[p]}
            </option>
          ))}
        </select>
      </label>
      <label className="mc-field">
        {label} values
        <input type="text" aria-label={`${label} values`} value={values} placeholder="0.5:4:0.5 or 0.5,1,1.5" onChange={(e) => onValues(e.target.value)} size={14} />
      </label>
    </>
  );
}

function GridInputs({ form }: { form: GridForm }) {
  return (
    <>
      <AxisInputs label="Rows" parameter={form.rowParameter} values={form.rowValues} onParameter={(p) => updateGridForm({ rowParameter: p })} onValues={(v) => updateGridForm({ rowValues: v })} />
      <AxisInputs
        label="Columns"
        parameter={form.columnParameter}
        values={form.columnValues}
        onParameter={(p) => updateGridForm({ columnParameter: p })}
        onValues={(v) => updateGridForm({ columnValues: v })}
      />
      <label className="mc-field">
        Workers
        <input type="text" inputMode="numeric" aria-label="Workers" value={form.workers} placeholder="all cores" onChange={(e) => updateGridForm({ workers: e.target.value })} size={6} />
      </label>
    </>
  );
}

/**
 * The Deal screen's sensitivity grid: two parameters and their values, run as a job on the worker
 * pool (progress, cancel) on the deal, pool and scenario chosen above; the result as per-note tables
 * of loss % and WAL with the frontier marked, stored as a grid run (docs/sweeps.md).
 */
export function GridPanel({ deal }: { deal: DealRunRequest | null }) {
  const { api } = useApp();
  const form = useSyncExternalStore(gridForm.subscribe, gridForm.get);
  const [starting, setStarting] = useState(false);
  const latest = useWatchedJob(api, form.latest?.jobId ?? null, (error) => reportError('Cannot read the grid', error));
  const shownJob = useWatchedJob(api, form.shown?.jobId ?? null, (error) => reportError('Cannot read the grid', error));
  const running = latest?.state === 'running';
  const asked = deal ? gridRequest(form, deal) : null;
  const key = asked && 'request' in asked ? gridKey(asked.request) : '';

  useEffect(() => {
    if (!latest || !form.latest || latest.state === 'running') return;
    if (latest.state === 'succeeded' && form.shown?.jobId !== form.latest.jobId) updateGridForm({ shown: form.latest });
    if (latest.state === 'cancelled' && form.shown?.jobId !== form.latest.jobId) notify('info', 'Grid cancelled', 'Nothing was kept');
  }, [latest, form.latest, form.shown]);

  async function start(): Promise<void> {
    if (!asked || !('request' in asked)) return;
    setStarting(true);
    try {
      const job = await api.call('deal.grid', asked.request);
      upsertJob(job);
      updateGridForm({ latest: { jobId: job.id, key } });
    } catch (error) {
      reportError('Cannot start the grid', error);
    } finally {
      setStarting(false);
    }
  }

  async function cancel(): Promise<void> {
    if (!form.latest) return;
    try {
      await api.call('job.cancel', { id: form.latest.jobId });
    } catch (error) {
      reportError('Cannot cancel', error);
    }
  }

  const result = shownJob?.state === 'succeeded' && shownJob.result?.kind === 'deal.grid' ? shownJob.result : null;
  const outOfDate = result !== null && !running && form.shown?.key !== key;
  const cells = asked && 'request' in asked ? asked.request.rows.values.length * asked.request.columns.values.length : null;
  return (
    <section className="panel grid-panel" aria-label="Sensitivity grid" data-testid="grid-panel">
      <h2>Sensitivity grid</h2>
      <div className="run-panel">
        <GridInputs form={form} />
        <div className="button-row run-buttons">
          <button type="button" onClick={() => void start()} disabled={!asked || 'problem' in asked || running || starting}>
            Run grid
          </button>
          {running ? (
            <button type="button" className="secondary" onClick={() => void cancel()}>
              Cancel grid
            </button>
          ) : null}
        </div>
      </div>
      {asked && 'problem' in asked ? (
        <p className="error-text" role="alert" data-testid="grid-problem">
          {asked.problem}
        </p>
      ) : null}
      <p className="muted small">
        Each cell is the whole deal run with the row’s and the column’s parameter set on top of the scenario chosen above — the same as <code>abs run --grid</code>. Values: a range start:end:step
        (inclusive) or a list v1,v2,…; decimals for rates (0.4 = 40%).{cells !== null ? ` ${cells} cells.` : ''} The result is the same for any number of workers.
      </p>
      {running ? <ProgressBar progress={latest.progress ?? null} label="Grid cells" /> : null}
      {outOfDate ? (
        <p className="warning-box" role="status" data-testid="grid-out-of-date">
          This grid ran another deal, pool, scenario or axes — run it again to bring it up to date.
        </p>
      ) : null}
      {result ? <GridView grid={result.grid} seconds={result.seconds} stored={result.stored} stale={running} /> : null}
    </section>
  );
}
