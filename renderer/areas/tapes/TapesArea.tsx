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
import { InlineRename } from '../../components/InlineRename.tsx';
import { ImportWizard } from './ImportWizard.tsx';
import { JobWatcher } from './JobWatcher.tsx';
import { RejectsView } from './RejectsView.tsx';
import { useT } from '../../app/i18n.tsx';
import { tapeName } from '../../app/shipped-names.ts';
import { TapeNotes } from './TapeNotes.tsx';

const SAMPLE_LOANS = 10_000;

const setImporting = (open: boolean): void => navigate('tapes', open ? 'import' : '');

/** Tapes: import (file or the bundled sample), list, rename, delete, review rejected rows. */
export function TapesArea() {
  const t = useT();
  const { api } = useApp();
  const tapes = useTapes();
  // The wizard lives at #/tapes/import: the side bar's Tapes link (#/tapes) leaves it.
  const importing = useSubRoute() === 'import';
  const [sampleJob, setSampleJob] = useState<string | null>(null);
  const [rejectsOf, setRejectsOf] = useState<TapeRecord | null>(null);
  const [renamingId, setRenamingId] = useState<number | null>(null);
  const [notesOf, setNotesOf] = useState<number | null>(null);

  async function loadSample(): Promise<void> {
    try {
      const job = await api.call('tape.importSample', { loans: SAMPLE_LOANS });
      upsertJob(job);
      setSampleJob(job.id);
    } catch (error) {
      reportError(t('tapes.cannotLoadTheSample'), error);
    }
  }

  async function rename(tape: TapeRecord, name: string): Promise<void> {
    await api.call('tape.rename', { id: tape.id, name });
  }

  async function remove(tape: TapeRecord): Promise<void> {
    if (!window.confirm(t('tapes.confirm.delete', { name: tapeName(tape), loans: formatCount(tape.rowsImported) }))) return;
    try {
      await api.call('tape.delete', { id: tape.id });
      notify('success', t('tapes.tapeDeleted'), tapeName(tape));
    } catch (error) {
      reportError(t('tapes.cannotDeleteTheTape'), error);
    }
  }

  // A deleted tape's notes close with it.
  const shownNotes = tapes?.find((tape) => tape.id === notesOf) ?? null;

  if (importing) return <ImportWizard onClose={() => setImporting(false)} />;
  if (rejectsOf) return <RejectsView tape={rejectsOf} onClose={() => setRejectsOf(null)} />;

  const columns: Column<TapeRecord>[] = [
    { key: 'id', header: t('tapes.id'), render: (tape) => tape.id, sortValue: (tape) => tape.id, align: 'right' },
    {
      key: 'name',
      header: t('tapes.name'),
      render: (tape) =>
        renamingId === tape.id ? (
          <InlineRename name={tape.name} label={t('tapes.newName')} failure={t('tapes.cannotRenameTheTape')} onSave={(name) => rename(tape, name)} onClose={() => setRenamingId(null)} />
        ) : (
          <a href={hrefFor('pool')} onClick={() => selectedTapeId.set(tape.id)}>
            {tapeName(tape)}
          </a>
        ),
      sortValue: (tape) => tapeName(tape),
    },
    { key: 'file', header: t('tapes.sourceFile'), render: (tape) => <span className="mono">{tape.sourceFile}</span>, sortValue: (tape) => tape.sourceFile },
    { key: 'cutoff', header: t('tapes.cutoff'), render: (tape) => tape.cutoffDate, sortValue: (tape) => tape.cutoffDate },
    { key: 'loans', header: t('tapes.loans'), render: (tape) => formatCount(tape.rowsImported), sortValue: (tape) => tape.rowsImported, align: 'right' },
    { key: 'balance', header: t('tapes.currentBalance'), render: (tape) => formatYuan(tape.currentBalance), sortValue: (tape) => tape.currentBalance, align: 'right' },
    {
      key: 'rejected',
      header: t('tapes.rejectedRows2'),
      render: (tape) =>
        tape.rowsRejected > 0 ? (
          <button type="button" className="link-button" onClick={() => setRejectsOf(tape)}>
            {formatCount(tape.rowsRejected)}
          </button>
        ) : (
          '0'
        ),
      sortValue: (tape) => tape.rowsRejected,
      align: 'right',
    },
    {
      key: 'notes',
      header: t('tapes.notes'),
      render: (tape) =>
        tape.notes.length > 0 ? (
          <button
            type="button"
            className="link-button"
            aria-expanded={notesOf === tape.id}
            aria-label={t('tapes.notesOf', { name: tapeName(tape) })}
            onClick={() => setNotesOf(notesOf === tape.id ? null : tape.id)}
          >
            {formatCount(tape.notes.length)}
          </button>
        ) : (
          '0'
        ),
      sortValue: (tape) => tape.notes.length,
      align: 'right',
    },
    { key: 'imported', header: t('tapes.imported'), render: (tape) => formatDateTime(tape.importedAt), sortValue: (tape) => tape.importedAt },
    {
      key: 'actions',
      header: '',
      render: (tape) => (
        <span className="row-actions">
          <button type="button" className="link-button" aria-expanded={renamingId === tape.id} onClick={() => setRenamingId(tape.id)}>
            {t('tapes.rename')}
          </button>
          <button type="button" className="link-button danger" onClick={() => void remove(tape)}>
            {t('tapes.delete')}
          </button>
        </span>
      ),
    },
  ];

  return (
    <section className="area">
      <header className="area-header area-header-row">
        <div>
          <h1>{t('tapes.tapes')}</h1>
          <p className="muted">{t('tapes.loanTapesInThis')}</p>
        </div>
        <button type="button" onClick={() => setImporting(true)}>
          {t('tapes.importATape2')}
        </button>
      </header>
      {sampleJob ? <JobWatcher jobId={sampleJob} label={t('tapes.loadingTheSampleTape')} onDone={() => setSampleJob(null)} /> : null}
      {tapes === null ? (
        <p className="muted">{t('tapes.loading')}</p>
      ) : tapes.length === 0 ? (
        <EmptyState title={t('tapes.emptyWorkspaceImportA')}>
          <p>{t('tapes.importALoanTape', { SAMPLE_LOANS: formatCount(SAMPLE_LOANS) })}</p>
          <div className="button-row">
            <button type="button" onClick={() => void loadSample()} disabled={sampleJob !== null}>
              {t('tapes.loadTheSampleTape')}
            </button>
            <button type="button" className="secondary" onClick={() => setImporting(true)}>
              {t('tapes.importATape2')}
            </button>
          </div>
        </EmptyState>
      ) : (
        <>
          <DataTable columns={columns} rows={tapes} rowKey={(tape) => String(tape.id)} testId="tapes-table" />
          {shownNotes ? <TapeNotes tape={shownNotes} onClose={() => setNotesOf(null)} /> : null}
        </>
      )}
    </section>
  );
}
