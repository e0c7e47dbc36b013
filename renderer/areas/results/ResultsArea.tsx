import { useState } from 'react';
import type { JobInfo, ProjectionMode } from '../../../service/api/contract.ts';
import { openExampleDraft, useAssumptionSets } from '../../app/assumption-sets.ts';
import { DRAFT_CHOICE, selectedAssumptionSet, useAssumptionDraft, useSelectedAssumptionSet } from '../../app/assumptions.ts';
import { useApp } from '../../app/context.tsx';
import { projectionRuns, useProjectionRuns, type ProjectionRun, type ProjectionRuns } from '../../app/projection.ts';
import { hrefFor } from '../../app/router.ts';
import { useSweepJob, type SweepJobMessages } from '../../app/useSweepJob.ts';
import { useSelectedTapeId, useTapes } from '../../app/tapes.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ProgressBar } from '../../components/ProgressBar.tsx';
import { TapePicker } from '../../components/TapePicker.tsx';
import { StoreNote } from '../runs/StoreNote.tsx';
import { ProjectionView } from './ProjectionView.tsx';
import { translate, useT } from '../../app/i18n.tsx';
import { tapeName } from '../../app/shipped-names.ts';

/** The projection's words for how a job ends or cannot be reached; a cancelled run is named by its set and tape. */
const PROJECTION_JOB_MESSAGES: SweepJobMessages<ProjectionRun> = {
  cannotRead: 'results.cannotReadTheProjection',
  cannotStart: 'results.cannotStartTheProjection',
  cannotCancel: 'results.cannotCancel',
  cancelled: 'results.projectionCancelled',
  nothingKept: (run) => translate('results.setOnTape', { set: run.setLabel, tape: run.tapeName }),
  failed: 'results.theProjectionFailed',
};

function updateProjectionRuns(patch: Partial<ProjectionRuns>): void {
  projectionRuns.set({ ...projectionRuns.get(), ...patch });
}

function ResultsHeader() {
  const t = useT();
  return (
    <header className="area-header area-header-row">
      <div>
        <h1>{t('results.results')}</h1>
        <p className="muted">{t('results.thePoolSProjected')}</p>
      </div>
    </header>
  );
}

function NoSetYet({ onExample }: { onExample: () => void }) {
  const t = useT();
  return (
    <EmptyState title={t('results.noAssumptionSetStart')}>
      <p>
        {t('results.aProjectionRunsUnder')} <a href={hrefFor('assumptions')}>{t('results.assumptions')}</a>
        {t('results.saveItAndRun')}
      </p>
      <div className="button-row">
        <button type="button" onClick={onExample}>
          {t('results.startFromTheExample')}
        </button>
      </div>
    </EmptyState>
  );
}

/** Results: run a tape's pool projection under an assumption set, loan by loan or by representative lines, and read it. */
export function ResultsArea() {
  const t = useT();
  const { api, workspace } = useApp();
  const tapes = useTapes();
  const tapeId = useSelectedTapeId();
  const sets = useAssumptionSets();
  const draft = useAssumptionDraft();
  const chosen = useSelectedAssumptionSet();
  const runs = useProjectionRuns();
  const [mode, setMode] = useState<ProjectionMode>(runs.latest?.mode ?? 'loan');
  const job = useSweepJob('pool.project', runs, updateProjectionRuns, PROJECTION_JOB_MESSAGES);
  const shownResult = job.result;
  const running = job.running && runs.latest?.workspacePath === workspace?.path;

  const draftOffered = draft !== null && (draft.savedName === null || draft.dirty);
  const choice = chosen === DRAFT_CHOICE ? (draftOffered ? DRAFT_CHOICE : null) : sets?.some((s) => s.name === chosen) ? chosen : null;
  const effectiveChoice = choice ?? sets?.[0]?.name ?? (draftOffered ? DRAFT_CHOICE : null);
  const tape = tapes?.find((item) => item.id === tapeId) ?? null;

  const chosenSet = effectiveChoice === DRAFT_CHOICE ? undefined : sets?.find((s) => s.name === effectiveChoice);
  const chosenFile: unknown = effectiveChoice === DRAFT_CHOICE ? draft?.file : chosenSet?.assumptions;

  async function startRun(): Promise<void> {
    if (!tape || !workspace || effectiveChoice === null) return;
    const file = chosenFile;
    if (file === undefined) return;
    const setLabel = effectiveChoice === DRAFT_CHOICE ? translate('results.unsavedSet', { name: draft?.name || translate('results.newSet') }) : effectiveChoice;
    const launch = async (): Promise<JobInfo> => {
      // A saved set was read when listed; the editor's draft is any JSON, read first (a bad draft fails here, at its JSON path).
      const assumptions = chosenSet ? chosenSet.assumptions : (await api.call('assumptions.check', { assumptions: file })).assumptions;
      return api.call('pool.project', { source: { kind: 'tape', tapeId: tape.id }, assumptions, mode, scenarioName: setLabel });
    };
    const assumptionsJson = JSON.stringify(file);
    await job.start(launch, (jobId) => ({ jobId, workspacePath: workspace.path, tapeId: tape.id, tapeName: tapeName(tape), setLabel, mode, assumptionsJson }));
  }

  async function startFromExample(): Promise<void> {
    if (await openExampleDraft(api, sets)) window.location.hash = hrefFor('assumptions');
  }

  if (tapes !== null && tapes.length === 0) {
    return (
      <section className="area">
        <ResultsHeader />
        <EmptyState title={t('results.emptyWorkspaceImportA')}>
          <p>
            {t('results.aProjectionNeedsA')} <a href={hrefFor('tapes')}>{t('results.tapes')}</a>
            {t('results.thenComeBackHere')}
          </p>
        </EmptyState>
      </section>
    );
  }

  const noSet = sets !== null && sets.length === 0 && !draftOffered;
  const shownRun = runs.shown?.workspacePath === workspace?.path && tapes?.some((item) => item.id === runs.shown?.tapeId) ? runs.shown : null;
  // The shown result no longer matches what Run would compute: another tape, mode or assumption set, or an edited set.
  const outOfDate = shownRun !== null && !running && (shownRun.tapeId !== tape?.id || shownRun.mode !== mode || chosenFile === undefined || shownRun.assumptionsJson !== JSON.stringify(chosenFile));

  return (
    <section className="area results-area">
      <ResultsHeader />
      <div className="panel run-panel" role="group" aria-label={t('results.projectionRun')}>
        <TapePicker tapes={tapes} tapeId={tapeId} />
        <label className="tape-picker">
          {t('results.assumptionSet')}
          <select aria-label={t('results.assumptionSet')} value={effectiveChoice ?? ''} onChange={(e) => selectedAssumptionSet.set(e.target.value)} disabled={noSet}>
            {noSet ? <option value="">{t('results.noneSaved')}</option> : null}
            {(sets ?? []).map((s) => (
              <option key={s.name} value={s.name}>
                {s.name}
                {draft?.savedName === s.name && draft.dirty ? t('results.savedVersion') : ''}
              </option>
            ))}
            {draftOffered ? <option value={DRAFT_CHOICE}>{t('results.unsavedEditorDraft', { value: draft.name || t('results.newSet') })}</option> : null}
          </select>
        </label>
        <fieldset className="mode-choice">
          <legend>{t('results.mode')}</legend>
          <label>
            <input type="radio" name="projection-mode" checked={mode === 'loan'} onChange={() => setMode('loan')} /> {t('results.loanLevel')}
          </label>
          <label title={t('results.loansGroupedBySegment2')}>
            <input type="radio" name="projection-mode" checked={mode === 'repline'} onChange={() => setMode('repline')} /> {t('results.representativeLines2')}
          </label>
        </fieldset>
        <div className="button-row run-buttons">
          <button type="button" onClick={() => void startRun()} disabled={!tape || effectiveChoice === null || running || job.starting}>
            {t('results.run')}
          </button>
          <button type="button" className="secondary" onClick={() => void job.cancel()} disabled={!running}>
            {t('results.cancel')}
          </button>
        </div>
      </div>

      {running && runs.latest ? (
        <div className="job-watcher">
          <ProgressBar
            progress={job.latest?.progress ?? null}
            label={t('results.projectingUnder', {
              tapeName: runs.latest.tapeName,
              setLabel: runs.latest.setLabel,
              value: runs.latest.mode === 'loan' ? t('results.mode.loan') : t('results.mode.linesShort'),
            })}
          />
        </div>
      ) : null}

      {noSet ? (
        <NoSetYet onExample={() => void startFromExample()} />
      ) : shownRun && shownResult ? (
        <>
          {outOfDate ? (
            <p className="warning-box" role="status" data-testid="out-of-date">
              {t('results.theTapeModeOr')} <strong>{t('results.run')}</strong> {t('results.againToBringThe')}
            </p>
          ) : null}
          <StoreNote stored={shownResult.stored} />
          <ProjectionView run={shownRun} result={shownResult.projection} seconds={shownResult.seconds} stale={running} />
        </>
      ) : !running ? (
        <EmptyState title={t('results.nothingRunYet')}>
          <p>
            {t('results.chooseTheTapeThe')} <strong>{t('results.run')}</strong>
            {t('results.loanLevelProjectsEach', { loans: tape ? tape.rowsImported : 0 })}
          </p>
        </EmptyState>
      ) : null}
    </section>
  );
}
