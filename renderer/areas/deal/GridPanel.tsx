import { useId, useSyncExternalStore } from 'react';
import type { DealRunRequest, GridParameter } from '../../../service/api/contract.ts';
import { useSweepJob, type SweepJobMessages } from '../../app/useSweepJob.ts';
import { ProgressBar } from '../../components/ProgressBar.tsx';
import { SweepRunButtons } from '../../components/SweepRunButtons.tsx';
import { GRID_PARAMETER_LABELS, GRID_PARAMETERS, gridForm, gridKey, gridRequest, isGridParameter, updateGridForm, type GridField, type GridForm } from './grid-form.ts';
import { GridView } from './GridView.tsx';
import { shownForDeal } from './sweep-ref.ts';
import { useT } from '../../app/i18n.tsx';

/** The CLI command the grid panel runs the same as: a command, the same in every language. */
const CLI_GRID = 'abs run --grid';

/** A problem at one of the form's inputs, said under it (Run stays disabled while there is one). */
function FieldProblem({ id, problem }: { id: string; problem: string | null }) {
  return problem === null ? null : (
    <small id={id} className="field-error" role="alert" data-testid="grid-problem">
      {problem}
    </small>
  );
}

/** One axis: its parameter (the CLI's list) and its values as a range or a list; a problem with the values under them. */
function AxisInputs({
  label,
  parameter,
  values,
  problem,
  onParameter,
  onValues,
}: {
  label: string;
  parameter: GridParameter;
  values: string;
  problem: string | null;
  onParameter: (p: GridParameter) => void;
  onValues: (v: string) => void;
}) {
  const t = useT();
  const problemId = useId();
  return (
    <>
      <label className="tape-picker">
        {label}
        <select aria-label={t('grid.parameterOf', { axis: label })} value={parameter} onChange={(e) => (isGridParameter(e.target.value) ? onParameter(e.target.value) : undefined)}>
          {GRID_PARAMETERS.map((p) => (
            <option key={p} value={p}>
              {p} — {t(GRID_PARAMETER_LABELS[p])}
            </option>
          ))}
        </select>
      </label>
      <label className="mc-field">
        {t('grid.valuesOf', { axis: label })}
        <input
          type="text"
          aria-label={t('grid.valuesOf', { axis: label })}
          value={values}
          placeholder={t('grid.valuesPlaceholder')}
          aria-invalid={problem !== null || undefined}
          aria-describedby={problem !== null ? problemId : undefined}
          onChange={(e) => onValues(e.target.value)}
          size={14}
        />
        <FieldProblem id={problemId} problem={problem} />
      </label>
    </>
  );
}

function GridInputs({ form, problem }: { form: GridForm; problem: { readonly problem: string; readonly field?: GridField } | null }) {
  const t = useT();
  const workersProblemId = useId();
  const at = (field: GridField): string | null => (problem?.field === field ? problem.problem : null);
  return (
    <>
      <AxisInputs
        label={t('grid.rows')}
        parameter={form.rowParameter}
        values={form.rowValues}
        problem={at('rows')}
        onParameter={(p) => updateGridForm({ rowParameter: p })}
        onValues={(v) => updateGridForm({ rowValues: v })}
      />
      <AxisInputs
        label={t('grid.columns')}
        parameter={form.columnParameter}
        values={form.columnValues}
        problem={at('columns')}
        onParameter={(p) => updateGridForm({ columnParameter: p })}
        onValues={(v) => updateGridForm({ columnValues: v })}
      />
      <label className="mc-field">
        {t('grid.workers')}
        <input
          type="text"
          inputMode="numeric"
          aria-label={t('grid.workers')}
          value={form.workers}
          placeholder={t('grid.allCores')}
          aria-invalid={at('workers') !== null || undefined}
          aria-describedby={at('workers') !== null ? workersProblemId : undefined}
          onChange={(e) => updateGridForm({ workers: e.target.value })}
          size={6}
        />
        <FieldProblem id={workersProblemId} problem={at('workers')} />
      </label>
    </>
  );
}

const GRID_JOB_MESSAGES: SweepJobMessages = {
  cannotRead: 'grid.cannotRead',
  cannotStart: 'grid.cannotStart',
  cannotCancel: 'grid.cannotCancel',
  cancelled: 'grid.cancelled',
  nothingKept: 'grid.nothingKept',
  failed: 'grid.failed',
};

/**
 * The Deal screen's sensitivity grid: two parameters and their values, run as a job on the worker
 * pool (progress, cancel) on the deal, pool and scenario chosen above; the result as per-note tables
 * of loss % and WAL with the frontier marked, stored as a grid run (docs/sweeps.md). A grid of
 * another deal than `dealKey` (app/deal.ts dealIdentity) is not shown.
 */
export function GridPanel({ deal, dealKey }: { deal: DealRunRequest | null; dealKey: string }) {
  const t = useT();
  const form = useSyncExternalStore(gridForm.subscribe, gridForm.get);
  const job = useSweepJob('deal.grid', form, updateGridForm, GRID_JOB_MESSAGES);
  const { latest, running } = job;
  const ofThisDeal = shownForDeal(form.shown, dealKey);
  const result = ofThisDeal ? job.result : null;
  const asked = deal ? gridRequest(form, deal) : null;
  const key = asked && 'request' in asked ? gridKey(asked.request) : '';

  function start(): void {
    if (asked && 'request' in asked)
      void job.start(
        (api) => api.call('deal.grid', asked.request),
        (jobId) => ({ jobId, key, deal: dealKey }),
      );
  }

  const outOfDate = ofThisDeal && job.outOfDate(key);
  const cells = asked && 'request' in asked ? asked.request.rows.values.length * asked.request.columns.values.length : null;
  return (
    <section className="panel grid-panel" aria-label={t('grid.title')} data-testid="grid-panel">
      <h2>{t('grid.title')}</h2>
      <div className="run-panel">
        <GridInputs form={form} problem={asked && 'problem' in asked ? asked : null} />
        <SweepRunButtons
          runLabel={t('grid.run')}
          cancelLabel={t('grid.cancel')}
          canRun={asked !== null && 'request' in asked && !job.starting}
          running={running}
          onRun={start}
          onCancel={() => void job.cancel()}
        />
      </div>
      {asked && 'problem' in asked && asked.field === undefined ? (
        <p className="error-text" role="alert" data-testid="grid-problem">
          {asked.problem}
        </p>
      ) : null}
      <p className="muted small">
        {t('grid.explainBefore')} <code>{CLI_GRID}</code>
        {t('grid.explainAfter')}
        {cells !== null ? t('grid.cellCount', { n: cells }) : ''}
        {t('grid.sameForAnyWorkers')}
      </p>
      {running ? <ProgressBar progress={latest?.progress ?? null} label={t('grid.cells')} /> : null}
      {outOfDate ? (
        <p className="warning-box" role="status" data-testid="grid-out-of-date">
          {t('grid.outOfDate')}
        </p>
      ) : null}
      {result ? <GridView grid={result.grid} seconds={result.seconds} stored={result.stored} stale={running} /> : null}
    </section>
  );
}
