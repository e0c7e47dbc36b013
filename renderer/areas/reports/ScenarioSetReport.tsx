import { useState } from 'react';
import type { ReportExcelRequest, ReportExcelResult, ScenarioSetRunRequest } from '../../../service/api/contract.ts';
import { reportError, useApp } from '../../app/context.tsx';
import { notify } from '../../app/notifications.ts';
import { hrefFor } from '../../app/router.ts';
import { OpenSetFileButton } from '../compare/SetFile.tsx';
import { BasePicker, SetPicker } from '../compare/SetPicker.tsx';
import { useScenarioSetRun } from '../compare/use-set-run.ts';
import { DealPicker, PoolChoice, RunNotes } from '../deal/RunChoices.tsx';
import { packHref } from './pack/pack-route.ts';
import { finished, saveDownload, XLSX_FILTERS } from './report-job.ts';

/** The set's run as report.excel takes it: deal, pool, base and set (a set's runs are stored under their own names). */
function reportRequest(request: ScenarioSetRunRequest, language: 'en' | 'zh-CN'): ReportExcelRequest {
  return {
    deal: request.deal,
    scenarios: request.scenarios,
    ...(request.tapeId !== undefined ? { tapeId: request.tapeId } : {}),
    ...(request.mode !== undefined ? { mode: request.mode } : {}),
    ...(request.assumptions !== undefined ? { assumptions: request.assumptions } : {}),
    ...(request.scenarioOverrides !== undefined ? { scenarioOverrides: request.scenarioOverrides } : {}),
    language,
  };
}

/** The set's state in one line: checking, its problems (edited in Compare), or its scenarios. */
function SetStatus({ run }: { run: ReturnType<typeof useScenarioSetRun> }) {
  const { check, screen } = run;
  if (screen.form === null) return <p className="muted small">Choose a shipped or saved set, or open a set file.</p>;
  if (check.state.status === 'checking' || check.pending) return <p className="muted small">Checking the scenario set…</p>;
  if (check.state.status === 'unavailable') return <p className="error-text small">Cannot check the scenario set: {check.state.message}</p>;
  if (check.state.status === 'invalid') {
    return (
      <p className="error-text small" role="status">
        ✗ The set has {check.state.issues.length} problem{check.state.issues.length === 1 ? '' : 's'}: fix {check.state.issues.length === 1 ? 'it' : 'them'} in <a href={hrefFor('compare')}>Compare</a>
        .
      </p>
    );
  }
  return (
    <p className="check-valid small" role="status" data-testid="report-set-check">
      ✓ “{check.state.check.name}”: {check.state.check.scenarios.join(', ')}
    </p>
  );
}

/**
 * Reports of a scenario set (docs/reports.md): the deal, pool, base and set chosen as in Compare (the
 * same choices, shared with it), every scenario run as a stored deal run, then written as one
 * workbook; the investor pack of those runs opens from the line under it.
 */
export function ScenarioSetReport() {
  const { api, workspace } = useApp();
  const run = useScenarioSetRun();
  const { templates, setTemplates, saved, tapes, tapeId, tape, sets, choice, checked, used, screen, request } = run;
  const [language, setLanguage] = useState<'en' | 'zh-CN'>('en');
  const [busy, setBusy] = useState(false);
  const [last, setLast] = useState<ReportExcelResult | null>(null);

  async function exportSet(): Promise<void> {
    if (request === null) return;
    const desktop = api.transport.desktop;
    const outPath = desktop ? await desktop.chooseSaveFile({ title: 'Save the Excel tranche report', defaultName: 'tranche report.xlsx', filters: XLSX_FILTERS }) : undefined;
    if (outPath === null) return;
    setBusy(true);
    try {
      const job = await finished(api, await api.call('report.excel', { ...reportRequest(request, language), ...(outPath ? { outPath } : {}) }));
      if (job.state !== 'succeeded' || job.result?.kind !== 'report.excel') throw new Error(job.error?.message ?? `The report ${job.state}`);
      const { report } = job.result;
      await saveDownload(api, report);
      setLast(report);
      notify('success', 'Excel report written', `${report.path ?? report.fileName} · ${report.scenarios.length} scenarios`);
    } catch (error) {
      reportError('Cannot write the Excel report of the scenario set', error);
    } finally {
      setBusy(false);
    }
  }

  const storedIds = last?.scenarios.map((s) => s.runId) ?? [];
  const packIds = storedIds.every((id) => id !== null) ? storedIds.filter((id) => id !== null) : [];
  return (
    <section className="panel report-set-panel" aria-labelledby="report-set-heading">
      <h2 id="report-set-heading">A scenario set</h2>
      <p className="muted">
        Every scenario of the set runs on the deal, pool and base chosen here — the same choices as Compare — and is stored in the workspace as a deal run (a scenario run before is served from the
        store); the workbook reports them all, one scenario per column of its comparison sheet.
      </p>
      <div className="run-panel deal-run-panel" role="group" aria-label="Scenario set to report">
        <DealPicker templates={templates} choice={choice} />
        <PoolChoice used={used} hasPool={checked?.hasPool ?? false} tapes={tapes} tapeId={tapeId} tape={tape} mode={run.deal.mode} />
        <BasePicker used={used} hasAssumptions={checked?.hasAssumptions ?? false} sets={sets} />
        <SetPicker templates={setTemplates} saved={saved} source={screen.source} dirty={screen.dirty} />
        <OpenSetFileButton />
        <RunNotes noTapes={tapes !== null && tapes.length === 0} valid={checked !== null} hasPool={checked?.hasPool ?? false} tape={tape} used={used} />
      </div>
      <SetStatus run={run} />
      <div className="row-actions report-actions">
        <label>
          Language{' '}
          <select aria-label="Language of the set’s report" value={language} onChange={(e) => setLanguage(e.target.value === 'zh-CN' ? 'zh-CN' : 'en')}>
            <option value="en">English</option>
            <option value="zh-CN">中文 (简体)</option>
          </select>
        </label>
        <button type="button" className="primary" disabled={busy || request === null} onClick={() => void exportSet()}>
          {busy ? 'Running and writing…' : api.transport.desktop ? 'Export the set to Excel…' : 'Download the set’s Excel report'}
        </button>
      </div>
      {last ? (
        <p className="muted" data-testid="report-set-written">
          Wrote {last.path ?? last.fileName} ({last.sheets.length} sheets) — scenarios {last.scenarios.map((s) => (s.runId === null ? s.name : `${s.name} (run #${s.runId})`)).join(', ')}.{' '}
          {packIds.length > 0 && workspace ? (
            <a href={packHref(packIds)} data-testid="open-set-pack">
              Open their investor pack
            </a>
          ) : null}
        </p>
      ) : null}
    </section>
  );
}
