import { useMemo, useState } from 'react';
import type { RunRecord, StoredRun } from '../../../service/api/contract.ts';
import { reportError, useApp } from '../../app/context.tsx';
import { formatDateTime } from '../../app/format.ts';
import { useQuery } from '../../app/query.ts';
import { useRuns } from '../../app/runs.ts';
import { KIND_LABELS } from '../runs/labels.ts';
import { GridHeatmaps } from './GridHeatmap.tsx';
import { MonteCarloCompare } from './MonteCarloCompare.tsx';
import { OverlayCharts } from './OverlayCharts.tsx';
import { SideBySideTable } from './SideBySideTable.tsx';
import { updateCompareScreen, useCompareScreen } from './state.ts';
import { COMPARABLE_KINDS, storedColumns } from './stored-columns.ts';
import { compareRows } from './table.ts';
import { translate, useT } from '../../app/i18n.tsx';
import { inputFingerprints, runName } from '../../app/run-name.ts';
import { RunFingerprint } from '../../components/RunFingerprint.tsx';

/** Picks or drops a run; the order picked is the columns' order, the first the base. */
function toggle(ids: readonly number[], id: number): readonly number[] {
  return ids.includes(id) ? ids.filter((x) => x !== id) : [...ids, id];
}

function RunPicker({ runs, picked, fingerprints }: { runs: readonly RunRecord[]; picked: readonly number[]; fingerprints: ReadonlyMap<number, string> }) {
  const t = useT();
  // The base column: the first deal run or scenario set picked (grids and Monte Carlo runs show on their own).
  const baseId = picked.find((id) => runs.some((r) => r.id === id && (r.kind === 'deal' || r.kind === 'scenarios')));
  return (
    <fieldset className="stored-run-picker" data-testid="stored-run-picker">
      <legend>{t('stored.legend')}</legend>
      <ul className="stored-run-list">
        {runs.map((r) => {
          return (
            <li key={r.id}>
              <label>
                <input type="checkbox" checked={picked.includes(r.id)} onChange={() => updateCompareScreen({ storedRunIds: toggle(picked, r.id) })} />#{r.id} · {t(KIND_LABELS[r.kind])} · {runName(r)}
                <RunFingerprint fingerprint={fingerprints.get(r.id)} /> <span className="muted small">({formatDateTime(r.createdAt)})</span>
                {r.id === baseId ? <strong className="small">{t('stored.baseColumn')}</strong> : null}
              </label>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}

/** What the picked runs show: deal runs and scenario sets side by side (and overlaid on dates), grids as heatmaps, Monte Carlo runs as histograms. */
function PickedRuns({ stored }: { stored: readonly StoredRun[] }) {
  const t = useT();
  const columns = useMemo(() => storedColumns(stored, t), [stored, t]);
  const rows = useMemo(() => (columns ? compareRows(columns.set, t, columns.currencies) : []), [columns, t]);
  return (
    <div className="stored-compare" data-testid="stored-compare">
      {columns ? (
        <>
          <h3>{t('stored.sideBySideHeading')}</h3>
          <SideBySideTable run={columns.set} rows={rows} label={t('stored.sideBySide')} testId="stored-compare-table" />
          <OverlayCharts run={columns.set} currencies={columns.currencies} />
        </>
      ) : null}
      {stored.map(({ record, result }) =>
        result.kind === 'deal.grid' ? (
          <GridHeatmaps key={record.id} grid={result.grid} title={t('stored.gridTitle', { id: record.id, name: runName(record) })} />
        ) : result.kind === 'deal.monteCarlo' ? (
          <MonteCarloCompare key={record.id} result={result.monteCarlo} title={t('stored.mcTitle', { id: record.id, name: runName(record) })} />
        ) : null,
      )}
    </div>
  );
}

/** Compare stored runs: pick any of the workspace's deal runs, scenario sets, grids and Monte Carlo runs (Runs screen, docs/run-store.md). */
export function StoredRunsCompare() {
  const t = useT();
  const { api, workspace, runsVersion } = useApp();
  const runs = useRuns();
  const { storedRunIds } = useCompareScreen();
  const comparable = useMemo(() => (runs ?? []).filter((r) => COMPARABLE_KINDS.has(r.kind)), [runs]);
  // Alike names told apart across every stored run, as the Runs screen does.
  const fingerprints = useMemo(() => inputFingerprints(runs ?? []), [runs]);
  // A run deleted since it was picked drops out of the list.
  const picked = useMemo(() => storedRunIds.filter((id) => comparable.some((r) => r.id === id)), [storedRunIds, comparable]);
  const opened = useQuery(
    workspace && picked.length > 0 ? () => Promise.all(picked.map((id) => api.call('runs.get', { id }))) : null,
    [api, workspace?.path ?? '', picked.join(','), String(runsVersion)],
    { onError: (error) => reportError(translate('stored.cannotOpen'), error) },
  );
  const answer = opened.data ?? opened.latest;
  // An earlier answer for other picks is not shown meanwhile.
  // Open to begin with when runs are picked; then as the analyst leaves it (dropping the last pick keeps the list open).
  const [open, setOpen] = useState(picked.length > 0);
  const stored = answer && answer.length === picked.length && answer.every((s, i) => s.record.id === picked[i]) ? answer : null;
  return (
    <details className="panel stored-runs-panel" open={open} onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>
        <strong>{t('stored.summary')}</strong> <span className="muted">{picked.length === 0 ? t('stored.nonePicked') : t('stored.picked', { n: picked.length })}</span>
      </summary>
      {runs === null ? (
        <p className="muted">{t('stored.loading')}</p>
      ) : comparable.length === 0 ? (
        <p className="muted">{t('stored.none')}</p>
      ) : (
        <RunPicker runs={comparable} picked={picked} fingerprints={fingerprints} />
      )}
      {stored ? <PickedRuns stored={stored} /> : picked.length > 0 ? <p className="muted">{t('stored.opening')}</p> : null}
    </details>
  );
}
