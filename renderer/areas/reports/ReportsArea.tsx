import { useState } from 'react';
import type { ReportExcelResult, RunRecord } from '../../../service/api/contract.ts';
import { reportError, useApp } from '../../app/context.tsx';
import { formatDateTime } from '../../app/format.ts';
import { notify } from '../../app/notifications.ts';
import { hrefFor } from '../../app/router.ts';
import { useRuns } from '../../app/runs.ts';
import { DataTable, type Column } from '../../components/DataTable.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { figureText, KIND_LABELS } from '../runs/labels.ts';
import { packHref } from './pack/pack-route.ts';
import { finished, saveDownload, XLSX_FILTERS } from './report-job.ts';
import { ScenarioSetReport } from './ScenarioSetReport.tsx';

/** Reports: pick stored deal runs (and their breakevens), a language, and export the Excel tranche workbook (docs/reports.md). */
export function ReportsArea() {
  const { api } = useApp();
  const runs = useRuns();
  const [chosen, setChosen] = useState<ReadonlySet<number>>(new Set());
  const [language, setLanguage] = useState<'en' | 'zh-CN'>('en');
  const [busy, setBusy] = useState(false);
  const [last, setLast] = useState<ReportExcelResult | null>(null);
  const reportable = (runs ?? []).filter((r) => r.kind === 'deal' || r.kind === 'breakeven' || r.kind === 'grid' || r.kind === 'monte-carlo');

  function toggle(id: number): void {
    const next = new Set(chosen);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setChosen(next);
  }

  // In the order the list shows them (newest first), read back oldest first: the analyst's run order.
  const runIds = reportable
    .filter((r) => chosen.has(r.id))
    .map((r) => r.id)
    .toReversed();

  /** Desktop: the pack printed to PDF by the main process (a hidden window, printToPDF) where the analyst chooses. */
  async function savePackPdf(): Promise<void> {
    const desktop = api.transport.desktop;
    if (!desktop) return;
    setBusy(true);
    try {
      const path = await desktop.savePackPdf({ runIds, defaultName: 'investor pack.pdf' });
      if (path !== null) notify('success', 'Investor pack saved', path);
    } catch (error) {
      reportError('Cannot save the investor pack as PDF', error);
    } finally {
      setBusy(false);
    }
  }

  async function exportReport(): Promise<void> {
    const desktop = api.transport.desktop;
    const outPath = desktop ? await desktop.chooseSaveFile({ title: 'Save the Excel tranche report', defaultName: 'tranche report.xlsx', filters: XLSX_FILTERS }) : undefined;
    if (outPath === null) return;
    setBusy(true);
    try {
      const job = await finished(api, await api.call('report.excel', { runIds, language, ...(outPath ? { outPath } : {}) }));
      if (job.state !== 'succeeded' || job.result?.kind !== 'report.excel') throw new Error(job.error?.message ?? `The report ${job.state}`);
      const { report } = job.result;
      await saveDownload(api, report);
      setLast(report);
      notify('success', 'Excel report written', `${report.path ?? report.fileName} · ${report.sheets.length} sheets`);
    } catch (error) {
      reportError('Cannot write the Excel report', error);
    } finally {
      setBusy(false);
    }
  }

  const columns: Column<RunRecord>[] = [
    {
      key: 'pick',
      header: 'In report',
      render: (r) => <input type="checkbox" aria-label={`Include run #${r.id}`} checked={chosen.has(r.id)} onChange={() => toggle(r.id)} />,
    },
    { key: 'id', header: 'Run', render: (r) => `#${r.id}`, sortValue: (r) => r.id, align: 'right' },
    { key: 'kind', header: 'Kind', render: (r) => KIND_LABELS[r.kind] },
    { key: 'name', header: 'Name', render: (r) => r.name },
    { key: 'created', header: 'Computed', render: (r) => formatDateTime(r.createdAt) },
    { key: 'figures', header: 'Key figures', render: (r) => r.figures.map((f) => `${f.label}: ${figureText(f)}`).join(' · ') },
  ];

  return (
    <section className="area">
      <header className="area-header">
        <h1>Reports</h1>
        <p className="muted">
          The Excel tranche workbook of stored deal runs: a summary with each scenario’s tranche table, the scenarios side by side, every assumption, the pool’s and each note’s cash flows, accounts
          and triggers, and the tape’s strats. Each chosen deal run is a scenario; a breakeven run adds its breakevens to the deal run of the same inputs. Every run must be of one deal and one pool.
        </p>
      </header>
      {runs === null ? (
        <p className="muted">Loading…</p>
      ) : reportable.length === 0 ? (
        <EmptyState title="No stored deal runs yet">
          <p>
            Run a deal in <a href={hrefFor('deal')}>Deal</a>: each run is stored in the workspace and can be reported here.
          </p>
        </EmptyState>
      ) : (
        <>
          <DataTable columns={columns} rows={reportable} rowKey={(r) => String(r.id)} testId="report-runs" />
          <div className="row-actions report-actions">
            <label>
              Language{' '}
              <select aria-label="Report language" value={language} onChange={(e) => setLanguage(e.target.value === 'zh-CN' ? 'zh-CN' : 'en')}>
                <option value="en">English</option>
                <option value="zh-CN">中文 (简体)</option>
              </select>
            </label>
            <button type="button" className="primary" disabled={busy || chosen.size === 0} onClick={() => void exportReport()}>
              {busy ? 'Writing…' : api.transport.desktop ? 'Export to Excel…' : 'Download Excel report'}
            </button>
            {runIds.length === 0 ? null : (
              <a className="button" href={packHref(runIds)} data-testid="open-pack">
                Open investor pack
              </a>
            )}
            {api.transport.desktop ? (
              <button type="button" disabled={busy || runIds.length === 0} onClick={() => void savePackPdf()}>
                Save investor pack as PDF…
              </button>
            ) : null}
          </div>
        </>
      )}
      {last ? (
        <p className="muted" data-testid="report-written">
          Wrote {last.path ?? last.fileName} ({last.sheets.length} sheets: {last.sheets.join(', ')}) — scenarios {last.scenarios.map((s) => (s.runId === null ? s.name : `#${s.runId}`)).join(', ')}.
        </p>
      ) : null}
      <ScenarioSetReport />
    </section>
  );
}
