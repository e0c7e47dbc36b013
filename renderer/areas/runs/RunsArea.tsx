import { useState } from 'react';
import type { RunRecord } from '../../../service/api/contract.ts';
import { reportError, useApp } from '../../app/context.tsx';
import { formatDateTime, formatSeconds } from '../../app/format.ts';
import { notify } from '../../app/notifications.ts';
import { useQuery } from '../../app/query.ts';
import { hrefFor } from '../../app/router.ts';
import { useRuns } from '../../app/runs.ts';
import { DataTable, type Column } from '../../components/DataTable.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { figureText, KIND_LABELS } from './labels.ts';
import { StoredRunView } from './StoredRunView.tsx';

/** Runs: every projection, deal run and breakeven stored in the workspace — reopen one, rename, delete (docs/run-store.md). */
export function RunsArea() {
  const { api, workspace, runsVersion } = useApp();
  const runs = useRuns();
  const [openId, setOpenId] = useState<number | null>(null);
  const opened = useQuery(workspace && openId !== null ? () => api.call('runs.get', { id: openId }) : null, [api, workspace?.path ?? '', String(openId), String(runsVersion)], {
    onError: (error) => reportError('Cannot reopen the run', error),
  });

  // While a rename reloads the opened run, the earlier answer for the same run stays on screen.
  const shown = opened.data ?? (opened.latest?.record.id === openId ? opened.latest : null);

  async function rename(run: RunRecord): Promise<void> {
    const name = window.prompt('New name for this run', run.name);
    if (name === null || name.trim() === '' || name === run.name) return;
    try {
      await api.call('runs.rename', { id: run.id, name });
    } catch (error) {
      reportError('Cannot rename the run', error);
    }
  }

  async function remove(run: RunRecord): Promise<void> {
    if (!window.confirm(`Delete run #${run.id} “${run.name}” from this workspace? Running the same inputs again computes it afresh.`)) return;
    // Closed first: the list's reload must not ask for the run being deleted.
    if (openId === run.id) setOpenId(null);
    try {
      await api.call('runs.delete', { id: run.id });
      notify('success', 'Run deleted', `#${run.id} ${run.name}`);
    } catch (error) {
      reportError('Cannot delete the run', error);
    }
  }

  const columns: Column<RunRecord>[] = [
    { key: 'id', header: 'Run', render: (r) => `#${r.id}`, sortValue: (r) => r.id, align: 'right' },
    { key: 'kind', header: 'Kind', render: (r) => KIND_LABELS[r.kind], sortValue: (r) => r.kind },
    {
      key: 'name',
      header: 'Name',
      render: (r) => (
        <button type="button" className="link-button run-name" onClick={() => setOpenId(r.id)}>
          {r.name}
        </button>
      ),
      sortValue: (r) => r.name,
    },
    { key: 'created', header: 'Computed', render: (r) => formatDateTime(r.createdAt), sortValue: (r) => r.createdAt },
    {
      key: 'figures',
      header: 'Key figures',
      render: (r) => (
        <span className="run-figures">
          {r.figures.map((f) => (
            <span key={f.label}>
              {f.label}: <strong>{figureText(f)}</strong>
            </span>
          ))}
        </span>
      ),
    },
    { key: 'seconds', header: 'Compute time', render: (r) => formatSeconds(r.seconds), sortValue: (r) => r.seconds, align: 'right' },
    {
      key: 'actions',
      header: '',
      render: (r) => (
        <span className="row-actions">
          <button type="button" className="link-button" onClick={() => setOpenId(r.id)}>
            Open
          </button>
          <button type="button" className="link-button" onClick={() => void rename(r)}>
            Rename
          </button>
          <button type="button" className="link-button danger" onClick={() => void remove(r)}>
            Delete
          </button>
        </span>
      ),
    },
  ];

  return (
    <section className="area">
      <header className="area-header">
        <h1>Runs</h1>
        <p className="muted">
          Every projection, deal run, breakeven search, scenario set and grid is stored in this workspace with its inputs and the engine that computed it; running the same inputs again is served from
          here. Amounts in the pool’s currency; rates as percentages.
        </p>
      </header>
      {runs === null ? (
        <p className="muted">Loading…</p>
      ) : runs.length === 0 ? (
        <EmptyState title="No stored runs yet">
          <p>
            Run a deal in <a href={hrefFor('deal')}>Deal</a> or project a pool in <a href={hrefFor('results')}>Results</a>: each run is kept here, to reopen, rename or delete.
          </p>
        </EmptyState>
      ) : (
        <DataTable columns={columns} rows={runs} rowKey={(r) => String(r.id)} testId="runs-table" />
      )}
      {shown && workspace ? <StoredRunView stored={shown} workspacePath={workspace.path} /> : opened.loading && openId !== null ? <p className="muted">Opening run #{openId}…</p> : null}
    </section>
  );
}
