import { useMemo, useState } from 'react';
import type { ReportExcelResult, RunRecord } from '../../../service/api/contract.ts';
import { reportError, useApp } from '../../app/context.tsx';
import { formatDateTime } from '../../app/format.ts';
import { notify } from '../../app/notifications.ts';
import { hrefFor } from '../../app/router.ts';
import { useRuns } from '../../app/runs.ts';
import { DataTable, type Column } from '../../components/DataTable.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { figureText, KIND_LABELS } from '../runs/labels.ts';
import { figureLabel } from '../runs/figure-label.ts';
import { useLanguage, useT } from '../../app/i18n.tsx';
import type { Language } from '../../app/language.ts';
import { packHref } from './pack/pack-route.ts';
import { finished, saveDownload, xlsxFilters } from './report-job.ts';
import { ScenarioSetReport } from './ScenarioSetReport.tsx';
import { inputFingerprints, runName } from '../../app/run-name.ts';
import { RunFingerprint } from '../../components/RunFingerprint.tsx';

/** Reports: pick stored deal runs (and their breakevens), a language, and export the Excel tranche workbook (docs/reports.md). */
export function ReportsArea() {
  const t = useT();
  const { api } = useApp();
  const runs = useRuns();
  const [chosen, setChosen] = useState<ReadonlySet<number>>(new Set());
  // The workbook's language follows the UI's until the analyst picks one here.
  const uiLanguage = useLanguage();
  const [chosenLanguage, setLanguage] = useState<Language | null>(null);
  const language = chosenLanguage ?? uiLanguage;
  const [busy, setBusy] = useState(false);
  const [last, setLast] = useState<ReportExcelResult | null>(null);
  // Alike names told apart across every stored run, as the Runs screen does.
  const fingerprints = useMemo(() => inputFingerprints(runs ?? []), [runs]);
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
      const path = await desktop.savePackPdf({ runIds, defaultName: t('reports.packPdfName'), language });
      if (path !== null) notify('success', t('reports.packSaved'), path);
    } catch (error) {
      reportError(t('reports.cannotSavePackPdf'), error);
    } finally {
      setBusy(false);
    }
  }

  async function exportReport(): Promise<void> {
    const desktop = api.transport.desktop;
    const outPath = desktop ? await desktop.chooseSaveFile({ title: t('reports.saveTheExcelTranche'), defaultName: t('reports.trancheReportName'), filters: xlsxFilters() }) : undefined;
    if (outPath === null) return;
    setBusy(true);
    try {
      const job = await finished(api, await api.call('report.excel', { runIds, language, ...(outPath ? { outPath } : {}) }));
      if (job.state !== 'succeeded' || job.result?.kind !== 'report.excel') throw new Error(job.error?.message ?? t('reports.reportState', { state: job.state }));
      const { report } = job.result;
      await saveDownload(api, report);
      setLast(report);
      notify('success', t('reports.excelReportWritten'), t('reports.sheets', { value: report.path ?? report.fileName, length: report.sheets.length }));
    } catch (error) {
      reportError(t('reports.cannotWriteTheExcel'), error);
    } finally {
      setBusy(false);
    }
  }

  const columns: Column<RunRecord>[] = [
    {
      key: 'pick',
      header: t('reports.inReport'),
      render: (r) => <input type="checkbox" aria-label={t('reports.includeRun', { id: r.id })} checked={chosen.has(r.id)} onChange={() => toggle(r.id)} />,
    },
    { key: 'id', header: t('reports.run'), render: (r) => `#${r.id}`, sortValue: (r) => r.id, align: 'right' },
    { key: 'kind', header: t('reports.kind'), render: (r) => t(KIND_LABELS[r.kind]) },
    {
      key: 'name',
      header: t('reports.name'),
      render: (r) => (
        <>
          {runName(r)}
          <RunFingerprint fingerprint={fingerprints.get(r.id)} />
        </>
      ),
    },
    { key: 'created', header: t('reports.computed'), render: (r) => formatDateTime(r.createdAt) },
    { key: 'figures', header: t('reports.keyFigures'), render: (r) => r.figures.map((f) => `${figureLabel(f.label)}: ${figureText(f)}`).join(' · ') },
  ];

  return (
    <section className="area">
      <header className="area-header">
        <h1>{t('reports.reports')}</h1>
        <p className="muted">{t('reports.theExcelTrancheWorkbook')}</p>
      </header>
      {runs === null ? (
        <p className="muted">{t('reports.loading')}</p>
      ) : reportable.length === 0 ? (
        <EmptyState title={t('reports.noStoredDealRuns')}>
          <p>
            {t('reports.runADealIn')} <a href={hrefFor('deal')}>{t('reports.deal')}</a>
            {t('reports.eachRunIsStored')}
          </p>
        </EmptyState>
      ) : (
        <>
          <DataTable columns={columns} rows={reportable} rowKey={(r) => String(r.id)} testId="report-runs" />
          <div className="row-actions report-actions">
            <label>
              {t('reports.language')}{' '}
              <select aria-label={t('reports.reportLanguage')} value={language} onChange={(e) => setLanguage(e.target.value === 'zh-CN' ? 'zh-CN' : 'en')}>
                <option value="en">{t('reports.english')}</option>
                <option value="zh-CN">{t('reports.中文简体')}</option>
              </select>
            </label>
            <button type="button" className="primary" disabled={busy || chosen.size === 0} onClick={() => void exportReport()}>
              {busy ? t('reports.writing') : api.transport.desktop ? t('reports.exportToExcel') : t('reports.downloadExcelReport')}
            </button>
            {runIds.length === 0 ? null : (
              <a className="button" href={packHref(runIds, language)} data-testid="open-pack">
                {t('reports.openPack')}
              </a>
            )}
            {api.transport.desktop ? (
              <button type="button" disabled={busy || runIds.length === 0} onClick={() => void savePackPdf()}>
                {t('reports.savePackPdf')}
              </button>
            ) : null}
          </div>
        </>
      )}
      {last ? (
        <p className="muted" data-testid="report-written">
          {t('reports.wroteSheetsScenarios', {
            value: last.path ?? last.fileName,
            length: last.sheets.length,
            join: last.sheets.join(', '),
            join2: last.scenarios.map((s) => (s.runId === null ? s.name : `#${s.runId}`)).join(', '),
          })}
        </p>
      ) : null}
      <ScenarioSetReport />
    </section>
  );
}
