import { useState } from 'react';
import type { TapeRecord } from '../../../service/api/contract.ts';
import { reportError, useApp } from '../../app/context.tsx';
import { formatCount, formatDateTime, formatYuan } from '../../app/format.ts';
import { upsertJob } from '../../app/jobs.ts';
import { notify } from '../../app/notifications.ts';
import { hrefFor, navigate, useSubRoute } from '../../app/router.ts';
import { selectedTapeId, useTapes } from '../../app/tapes.ts';
import { DataTable, type Column } from '../../components/DataTable.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ImportWizard } from './ImportWizard.tsx';
import { JobWatcher } from './JobWatcher.tsx';
import { RejectsView } from './RejectsView.tsx';

const SAMPLE_LOANS = 10_000;

const setImporting = (open: boolean): void => navigate('tapes', open ? 'import' : '');

/** Tapes: import (file or the bundled sample), list, rename, delete, review rejected rows. */
export function TapesArea() {
  const { api } = useApp();
  const tapes = useTapes();
  // The wizard lives at #/tapes/import: the side bar's Tapes link (#/tapes) leaves it.
  const importing = useSubRoute() === 'import';
  const [sampleJob, setSampleJob] = useState<string | null>(null);
  const [rejectsOf, setRejectsOf] = useState<TapeRecord | null>(null);

  async function loadSample(): Promise<void> {
    try {
      const job = await api.call('tape.importSample', { loans: SAMPLE_LOANS });
      upsertJob(job);
      setSampleJob(job.id);
    } catch (error) {
      reportError('Cannot load the sample tape', error);
    }
  }

  async function rename(tape: TapeRecord): Promise<void> {
    const name = window.prompt('New name for this tape', tape.name);
    if (name === null || name.trim() === '' || name === tape.name) return;
    try {
      await api.call('tape.rename', { id: tape.id, name });
    } catch (error) {
      reportError('Cannot rename the tape', error);
    }
  }

  async function remove(tape: TapeRecord): Promise<void> {
    if (!window.confirm(`Delete tape "${tape.name}" and its ${formatCount(tape.rowsImported)} loans from this workspace?`)) return;
    try {
      await api.call('tape.delete', { id: tape.id });
      notify('success', 'Tape deleted', tape.name);
    } catch (error) {
      reportError('Cannot delete the tape', error);
    }
  }

  if (importing) return <ImportWizard onClose={() => setImporting(false)} />;
  if (rejectsOf) return <RejectsView tape={rejectsOf} onClose={() => setRejectsOf(null)} />;

  const columns: Column<TapeRecord>[] = [
    { key: 'id', header: 'ID', render: (t) => t.id, sortValue: (t) => t.id, align: 'right' },
    {
      key: 'name',
      header: 'Name',
      render: (t) => (
        <a href={hrefFor('pool')} onClick={() => selectedTapeId.set(t.id)}>
          {t.name}
        </a>
      ),
      sortValue: (t) => t.name,
    },
    { key: 'file', header: 'Source file', render: (t) => <span className="mono">{t.sourceFile}</span>, sortValue: (t) => t.sourceFile },
    { key: 'cutoff', header: 'Cutoff', render: (t) => t.cutoffDate, sortValue: (t) => t.cutoffDate },
    { key: 'loans', header: 'Loans', render: (t) => formatCount(t.rowsImported), sortValue: (t) => t.rowsImported, align: 'right' },
    { key: 'balance', header: 'Current balance (¥)', render: (t) => formatYuan(t.currentBalance), sortValue: (t) => t.currentBalance, align: 'right' },
    {
      key: 'rejected',
      header: 'Rejected rows',
      render: (t) =>
        t.rowsRejected > 0 ? (
          <button type="button" className="link-button" onClick={() => setRejectsOf(t)}>
            {formatCount(t.rowsRejected)}
          </button>
        ) : (
          '0'
        ),
      sortValue: (t) => t.rowsRejected,
      align: 'right',
    },
    { key: 'imported', header: 'Imported', render: (t) => formatDateTime(t.importedAt), sortValue: (t) => t.importedAt },
    {
      key: 'actions',
      header: '',
      render: (t) => (
        <span className="row-actions">
          <button type="button" className="link-button" onClick={() => void rename(t)}>
            Rename
          </button>
          <button type="button" className="link-button danger" onClick={() => void remove(t)}>
            Delete
          </button>
        </span>
      ),
    },
  ];

  return (
    <section className="area">
      <header className="area-header area-header-row">
        <div>
          <h1>Tapes</h1>
          <p className="muted">Loan tapes in this workspace. Amounts in yuan (¥); cutoff dates as YYYY-MM-DD.</p>
        </div>
        <button type="button" onClick={() => setImporting(true)}>
          Import a tape…
        </button>
      </header>
      {sampleJob ? <JobWatcher jobId={sampleJob} label="Loading the sample tape" onDone={() => setSampleJob(null)} /> : null}
      {tapes === null ? (
        <p className="muted">Loading…</p>
      ) : tapes.length === 0 ? (
        <EmptyState title="Empty workspace — import a tape">
          <p>
            Import a loan tape (CSV or XLSX; UTF-8 or GBK; Chinese or English headers), or start with the bundled sample: a synthetic pool of {formatCount(SAMPLE_LOANS)} Chinese consumer loans (cash
            and installment loans, 3–36 months, salaried / self-employed / gig borrowers).
          </p>
          <div className="button-row">
            <button type="button" onClick={() => void loadSample()} disabled={sampleJob !== null}>
              Load the sample tape
            </button>
            <button type="button" className="secondary" onClick={() => setImporting(true)}>
              Import a tape…
            </button>
          </div>
        </EmptyState>
      ) : (
        <DataTable columns={columns} rows={tapes} rowKey={(t) => String(t.id)} testId="tapes-table" />
      )}
    </section>
  );
}
