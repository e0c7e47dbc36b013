import { useEffect, useMemo, useState } from 'react';
import { reportError, useApp } from '../../app/context.tsx';
import { upsertJob } from '../../app/jobs.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ProgressBar } from '../../components/ProgressBar.tsx';
import { DealIssues } from '../deal/DealSummary.tsx';
import { DealPicker, PoolChoice, RunNotes } from '../deal/RunChoices.tsx';
import { CompareResults } from './CompareResults.tsx';
import { formOfSet, type ScenarioSetForm } from './form.ts';
import { useCompareJobSlot } from './jobs.ts';
import { SetActions } from './SetActions.tsx';
import { SetEditor } from './SetEditor.tsx';
import { StoredRunsCompare } from './StoredRunsCompare.tsx';
import { BasePicker, SetPicker } from './SetPicker.tsx';
import { compareScreen, updateCompareScreen, useCompareScreen } from './state.ts';
import { useScenarioTemplates, type ScenarioCheckState } from './source.ts';
import { useScenarioSetRun } from './use-set-run.ts';
import { useT } from '../../app/i18n.tsx';

function CheckLine({ state, pending }: { state: ScenarioCheckState; pending: boolean }) {
  const t = useT();
  if (state.status === 'checking') return <p className="check-status muted">{t('compare.checkingTheScenarioSet')}</p>;
  if (state.status === 'unavailable') return <p className="check-status error-text">{t('compare.cannotCheckTheScenario', { message: state.message })}</p>;
  if (state.status === 'invalid') {
    const n = state.issues.length;
    return (
      <p className="check-status error-text" role="status" data-testid="scenario-check">
        ✗ {t('compare.problems', { n })} {t('compare.shownAtTheFields')}
        {pending ? t('compare.checkingAgain') : ''}
      </p>
    );
  }
  return (
    <p className="check-status check-valid" role="status" data-testid="scenario-check">
      {t('compare.validScenarios', { length: state.check.scenarios.length })}
      {state.check.base ? t('compare.onTheSavedBase', { base: state.check.base }) : ''}
      {pending ? t('compare.checkingAgain') : ''}
    </p>
  );
}

function edit(form: ScenarioSetForm): void {
  updateCompareScreen({ form, dirty: true });
}

/** Opens the shipped set written for the chosen deal template (else the first) when the editor is empty. */
function useStartingSet(dealTemplateId: string | null): void {
  const templates = useScenarioTemplates();
  const { form } = useCompareScreen();
  useEffect(() => {
    if (form !== null || templates === null || templates.length === 0) return;
    const template = templates.find((item) => item.dealTemplate === dealTemplateId) ?? templates[0];
    if (template) updateCompareScreen({ source: { kind: 'shipped', id: template.id }, form: formOfSet(template.set), savedName: null, dirty: false });
  }, [form, templates, dealTemplateId]);
}

/** Compare: every scenario of a set on one deal, side by side — pick the deal, pool and base, open and edit a set, save it, run it. */
export function CompareArea() {
  const t = useT();
  const { api, workspace } = useApp();
  const { deal, dealFile, screen, templates, setTemplates, saved, tapes, tapeId, tape, sets, choice, dealCheck, checked, used, check, setRead, request } = useScenarioSetRun();
  const [starting, setStarting] = useState(false);
  useStartingSet(choice.kind === 'template' ? choice.id : null);
  const inputsKey = useMemo(() => (request ? JSON.stringify(request) : ''), [request]);

  const slot = useCompareJobSlot();
  const inThisWorkspace = (path: string | null | undefined) => path === null || path === workspace?.path;
  const running = slot.latestJob?.state === 'running' && inThisWorkspace(slot.latest?.workspacePath);
  const shown = slot.shown && slot.shownResult && inThisWorkspace(slot.shown.workspacePath) ? { info: slot.shown, ...slot.shownResult } : null;
  const outOfDate = shown !== null && !running && shown.info.inputsKey !== inputsKey;

  async function run(): Promise<void> {
    if (!request || !setRead) return;
    setStarting(true);
    try {
      const job = await api.call('deal.runScenarios', request);
      upsertJob(job);
      const baseLabel = used.request?.assumptions ? used.scenarioLabel : setRead.base ? t('compare.setBase', { base: setRead.base }) : used.scenarioLabel;
      updateCompareScreen({
        latestRun: {
          jobId: job.id,
          workspacePath: used.pool === 'tape' ? (workspace?.path ?? null) : null,
          dealLabel: checked?.name ?? t('compare.dealFallback'),
          poolLabel: used.poolLabel,
          baseLabel,
          inputsKey,
          currency: request.deal.currency,
        },
      });
    } catch (error) {
      reportError(t('compare.cannotStartTheScenario'), error);
    } finally {
      setStarting(false);
    }
  }

  async function cancel(): Promise<void> {
    const id = compareScreen.get().latestRun?.jobId;
    if (!id) return;
    try {
      await api.call('job.cancel', { id });
    } catch (error) {
      reportError(t('compare.cannotCancel'), error);
    }
  }

  const issues = check.state.status === 'invalid' ? check.state.issues : [];
  return (
    <section className="area compare-area">
      <header className="area-header">
        <h1>{t('compare.compare')}</h1>
        <p className="muted">
          {t('compare.runEveryScenarioOf')} <code>{t('compare.docsScenariosMd')}</code>.
        </p>
      </header>

      <div className="panel run-panel deal-run-panel" role="group" aria-label={t('compare.scenarioRun')}>
        <DealPicker templates={templates} choice={choice} />
        <PoolChoice used={used} hasPool={checked?.hasPool ?? false} tapes={tapes} tapeId={tapeId} tape={tape} mode={deal.mode} />
        <BasePicker used={used} hasAssumptions={checked?.hasAssumptions ?? false} sets={sets} />
        <SetPicker templates={setTemplates} saved={saved} source={screen.source} dirty={screen.dirty} />
        <div className="button-row run-buttons">
          <button type="button" onClick={() => void run()} disabled={!request || running || starting}>
            {t('compare.run')}
          </button>
          <button type="button" className="secondary" onClick={() => void cancel()} disabled={!running}>
            {t('compare.cancel')}
          </button>
        </div>
        <RunNotes noTapes={tapes !== null && tapes.length === 0} valid={checked !== null} hasPool={checked?.hasPool ?? false} tape={tape} used={used} />
        {setRead?.base && !used.request?.assumptions ? (
          <p className="muted small run-panel-note" data-testid="set-base-note">
            {t('compare.theSetNamesIts', { base: setRead.base })}
          </p>
        ) : null}
      </div>
      {dealCheck.status === 'invalid' ? <DealIssues issues={dealCheck.issues} deal={dealFile} /> : null}

      {screen.form ? (
        <details className="panel scenario-set-panel" open={!shown}>
          <summary>
            <strong>{t('compare.scenarioSet')}</strong>{' '}
            <span className="muted">
              — {screen.form.name || t('compare.unnamed')}
              {t('compare.scenarios', { length: screen.form.rows.length })}
              {screen.savedName ? t('compare.savedAs', { savedName: screen.savedName }) : t('compare.notSaved')}
            </span>
          </summary>
          <CheckLine state={check.state} pending={check.pending} />
          <SetEditor form={screen.form} issues={issues} onChange={edit} />
          <SetActions form={screen.form} savedName={screen.savedName} saved={saved} valid={check.state.status === 'valid'} />
        </details>
      ) : null}

      {running && slot.latest ? (
        <div className="job-watcher">
          <ProgressBar
            progress={slot.latestJob?.progress ?? null}
            label={t('compare.runningScenariosOfOn', { value: screen.form?.rows.length ?? 0, dealLabel: slot.latest.dealLabel, poolLabel: slot.latest.poolLabel })}
          />
        </div>
      ) : null}

      {shown ? (
        <>
          {outOfDate ? (
            <p className="warning-box" role="status" data-testid="compare-out-of-date">
              {t('compare.theDealPoolBase')} <strong>{t('compare.run')}</strong> {t('compare.againToBringThe')}
            </p>
          ) : null}
          <CompareResults info={shown.info} run={shown.run} seconds={shown.seconds} stored={shown.stored} stale={running} />
        </>
      ) : !running ? (
        <EmptyState title={t('compare.nothingRunYet')}>
          <p>
            {t('compare.chooseTheDealIts')} <strong>{t('compare.run')}</strong>
            {t('compare.everyScenarioRunsThe')}
          </p>
        </EmptyState>
      ) : null}

      <StoredRunsCompare />
    </section>
  );
}
