import { useMemo, useState } from 'react';
import type { RunRecord } from '../../../service/api/contract.ts';
import { reportError, useApp } from '../../app/context.tsx';
import { formatDateTime, formatSeconds } from '../../app/format.ts';
import { notify } from '../../app/notifications.ts';
import { useQuery } from '../../app/query.ts';
import { hrefFor } from '../../app/router.ts';
import { useRuns } from '../../app/runs.ts';
import { DataTable, type Column } from '../../components/DataTable.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { InlineRename } from '../../components/InlineRename.tsx';
import { figureText, KIND_LABELS } from './labels.ts';
import { figureLabel } from './figure-label.ts';
import { StoredRunView } from './StoredRunView.tsx';
import { useT } from '../../app/i18n.tsx';
import { inputFingerprints, runName } from '../../app/run-name.ts';
import { RunFingerprint } from '../../components/RunFingerprint.tsx';

/** Runs: every projection, deal run and breakeven stored in the workspace — reopen one, rename, delete (docs/run-store.md). */
export function RunsArea() {
  const t = useT();
  const { api, workspace, runsVersion } = useApp();
  const runs = useRuns();
  const fingerprints = useMemo(() => inputFingerprints(runs ?? []), [runs]);
  const [openId, setOpenId] = useState<number | null>(null);
  const [renamingId, setRenamingId] = useState<number | null>(null);
  const opened = useQuery(workspace && openId !== null ? () => api.call('runs.get', { id: openId }) : null, [api, workspace?.path ?? '', String(openId), String(runsVersion)], {
    onError: (error) => reportError(t('runs.cannotReopenTheRun'), error),
  });

  // While a rename reloads the opened run, the earlier answer for the same run stays on screen.
  const shown = opened.data ?? (opened.latest?.record.id === openId ? opened.latest : null);

  async function rename(run: RunRecord, name: string): Promise<void> {
    await api.call('runs.rename', { id: run.id, name });
  }

  async function remove(run: RunRecord): Promise<void> {
    if (!window.confirm(t('runs.confirm.delete', { id: run.id, name: runName(run) }))) return;
    // Closed first: the list's reload must not ask for the run being deleted.
    if (openId === run.id) setOpenId(null);
    try {
      await api.call('runs.delete', { id: run.id });
      notify('success', t('runs.runDeleted'), `#${run.id} ${runName(run)}`);
    } catch (error) {
      reportError(t('runs.cannotDeleteTheRun'), error);
    }
  }

  const columns: Column<RunRecord>[] = [
    { key: 'id', header: t('runs.run'), render: (r) => `#${r.id}`, sortValue: (r) => r.id, align: 'right' },
    { key: 'kind', header: t('runs.kind'), render: (r) => t(KIND_LABELS[r.kind]), sortValue: (r) => r.kind },
    {
      key: 'name',
      header: t('runs.name'),
      render: (r) =>
        renamingId === r.id ? (
          <InlineRename name={runName(r)} label={t('runs.newName')} failure={t('runs.cannotRenameTheRun')} onSave={(name) => rename(r, name)} onClose={() => setRenamingId(null)} />
        ) : (
          <>
            <button type="button" className="link-button run-name" onClick={() => setOpenId(r.id)}>
              {runName(r)}
            </button>
            <RunFingerprint fingerprint={fingerprints.get(r.id)} />
          </>
        ),
      sortValue: (r) => runName(r),
    },
    { key: 'created', header: t('runs.computed'), render: (r) => formatDateTime(r.createdAt), sortValue: (r) => r.createdAt },
    {
      key: 'figures',
      header: t('runs.keyFigures'),
      render: (r) => (
        <span className="run-figures">
          {r.figures.map((f) => (
            <span key={f.label}>
              {figureLabel(f.label)}: <strong>{figureText(f)}</strong>
            </span>
          ))}
        </span>
      ),
    },
    { key: 'seconds', header: t('runs.computeTime'), render: (r) => formatSeconds(r.seconds), sortValue: (r) => r.seconds, align: 'right' },
    {
      key: 'actions',
      header: '',
      render: (r) => (
        <span className="row-actions">
          <button type="button" className="link-button" onClick={() => setOpenId(r.id)}>
            {t('runs.open')}
          </button>
          <button type="button" className="link-button" aria-expanded={renamingId === r.id} onClick={() => setRenamingId(r.id)}>
            {t('runs.rename')}
          </button>
          <button type="button" className="link-button danger" onClick={() => void remove(r)}>
            {t('runs.delete')}
          </button>
        </span>
      ),
    },
  ];

  return (
    <section className="area">
      <header className="area-header">
        <h1>{t('runs.runs')}</h1>
        <p className="muted">{t('runs.everyProjectionDealRun')}</p>
      </header>
      {runs === null ? (
        <p className="muted">{t('runs.loading')}</p>
      ) : runs.length === 0 ? (
        <EmptyState title={t('runs.noStoredRunsYet')}>
          <p>
            {t('runs.runADealIn')} <a href={hrefFor('deal')}>{t('runs.deal')}</a> {t('runs.orProjectAPool')} <a href={hrefFor('results')}>{t('runs.results')}</a>
            {t('runs.eachRunIsKept')}
          </p>
        </EmptyState>
      ) : (
        <DataTable columns={columns} rows={runs} rowKey={(r) => String(r.id)} testId="runs-table" />
      )}
      {shown && workspace ? <StoredRunView stored={shown} workspacePath={workspace.path} /> : opened.loading && openId !== null ? <p className="muted">{t('runs.openingRun', { openId })}</p> : null}
    </section>
  );
}
