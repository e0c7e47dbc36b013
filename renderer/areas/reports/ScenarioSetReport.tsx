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
import { finished, saveDownload, xlsxFilters } from './report-job.ts';
import { useLanguage, useT } from '../../app/i18n.tsx';
import type { Language } from '../../app/language.ts';

/** The set's run as report.excel takes it: deal, pool, base and set (a set's runs are stored under their own names). */
function reportRequest(request: ScenarioSetRunRequest, language: Language): ReportExcelRequest {
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
  const t = useT();
  const { check, screen } = run;
  if (screen.form === null) return <p className="muted small">{t('reports.set.chooseASet')}</p>;
  if (check.state.status === 'checking' || check.pending) return <p className="muted small">{t('compare.checkingTheScenarioSet')}</p>;
  if (check.state.status === 'unavailable') return <p className="error-text small">{t('compare.cannotCheckTheScenario', { message: check.state.message })}</p>;
  if (check.state.status === 'invalid') {
    const n = check.state.issues.length;
    return (
      <p className="error-text small" role="status">
        {t('reports.set.problems', { n })} <a href={hrefFor('compare')}>{t('nav.compare')}</a>
      </p>
    );
  }
  return (
    <p className="check-valid small" role="status" data-testid="report-set-check">
      {t('reports.set.valid', { name: check.state.check.name, scenarios: check.state.check.scenarios.join(', ') })}
    </p>
  );
}

/**
 * Reports of a scenario set (docs/reports.md): the deal, pool, base and set chosen as in Compare (the
 * same choices, shared with it), every scenario run as a stored deal run, then written as one
 * workbook; the investor pack of those runs opens from the line under it.
 */
export function ScenarioSetReport() {
  const t = useT();
  const { api, workspace } = useApp();
  const run = useScenarioSetRun();
  const { templates, setTemplates, saved, tapes, tapeId, tape, sets, choice, checked, used, screen, request } = run;
  // The workbook's language follows the UI's until the analyst picks one here.
  const uiLanguage = useLanguage();
  const [chosenLanguage, setLanguage] = useState<Language | null>(null);
  const language = chosenLanguage ?? uiLanguage;
  const [busy, setBusy] = useState(false);
  const [last, setLast] = useState<ReportExcelResult | null>(null);

  async function exportSet(): Promise<void> {
    if (request === null) return;
    const desktop = api.transport.desktop;
    const outPath = desktop ? await desktop.chooseSaveFile({ title: t('reports.saveTheExcelTranche'), defaultName: t('reports.trancheReportName'), filters: xlsxFilters() }) : undefined;
    if (outPath === null) return;
    setBusy(true);
    try {
      const job = await finished(api, await api.call('report.excel', { ...reportRequest(request, language), ...(outPath ? { outPath } : {}) }));
      if (job.state !== 'succeeded' || job.result?.kind !== 'report.excel') throw new Error(job.error?.message ?? t('reports.reportState', { state: job.state }));
      const { report } = job.result;
      await saveDownload(api, report);
      setLast(report);
      notify('success', t('reports.excelReportWritten'), t('reports.set.written', { file: report.path ?? report.fileName, n: report.scenarios.length }));
    } catch (error) {
      reportError(t('reports.set.cannotWrite'), error);
    } finally {
      setBusy(false);
    }
  }

  const storedIds = last?.scenarios.map((s) => s.runId) ?? [];
  const packIds = storedIds.every((id) => id !== null) ? storedIds.filter((id) => id !== null) : [];
  return (
    <section className="panel report-set-panel" aria-labelledby="report-set-heading">
      <h2 id="report-set-heading">{t('reports.set.heading')}</h2>
      <p className="muted">{t('reports.set.intro')}</p>
      <div className="run-panel deal-run-panel" role="group" aria-label={t('reports.set.group')}>
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
          {t('reports.language')}{' '}
          <select aria-label={t('reports.set.languageOfReport')} value={language} onChange={(e) => setLanguage(e.target.value === 'zh-CN' ? 'zh-CN' : 'en')}>
            <option value="en">{t('reports.english')}</option>
            <option value="zh-CN">{t('reports.中文简体')}</option>
          </select>
        </label>
        <button type="button" className="primary" disabled={busy || request === null} onClick={() => void exportSet()}>
          {busy ? t('reports.set.runningAndWriting') : api.transport.desktop ? t('reports.set.exportToExcel') : t('reports.set.download')}
        </button>
      </div>
      {last ? (
        <p className="muted" data-testid="report-set-written">
          {t('reports.set.wrote', {
            file: last.path ?? last.fileName,
            sheets: last.sheets.length,
            scenarios: last.scenarios.map((s) => (s.runId === null ? s.name : t('pack.scenarioOfRun', { name: s.name, id: s.runId }))).join(', '),
          })}{' '}
          {packIds.length > 0 && workspace ? (
            <a href={packHref(packIds, language)} data-testid="open-set-pack">
              {t('reports.set.openPack')}
            </a>
          ) : null}
        </p>
      ) : null}
    </section>
  );
}
