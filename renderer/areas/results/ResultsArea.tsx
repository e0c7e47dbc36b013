import { useEffect, useState } from 'react';
import type { JobInfo, JobResultOf, ProjectionMode } from '../../../service/api/contract.ts';
import { ApiCallError } from '../../api/client.ts';
import { openExampleDraft, useAssumptionSets } from '../../app/assumption-sets.ts';
import { DRAFT_CHOICE, selectedAssumptionSet, useAssumptionDraft, useSelectedAssumptionSet } from '../../app/assumptions.ts';
import { reportError, useApp } from '../../app/context.tsx';
import { formatCount } from '../../app/format.ts';
import { upsertJob, useWatchedJob } from '../../app/jobs.ts';
import { notify } from '../../app/notifications.ts';
import { projectionRuns, useProjectionRuns, type ProjectionRun } from '../../app/projection.ts';
import { hrefFor } from '../../app/router.ts';
import { useSelectedTapeId, useTapes } from '../../app/tapes.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ProgressBar } from '../../components/ProgressBar.tsx';
import { TapePicker } from '../../components/TapePicker.tsx';
import { StoreNote } from '../runs/StoreNote.tsx';
import { ProjectionView } from './ProjectionView.tsx';

/** Job ids whose end was already announced (the screen may mount again over a finished job). */
const announced = new Set<string>();

function announce(job: JobInfo, label: string): void {
  if (announced.has(job.id) || job.state === 'running') return;
  announced.add(job.id);
  if (job.state === 'cancelled') notify('info', 'Projection cancelled', label);
  else if (job.state === 'failed') reportError('The projection failed', job.error ? new ApiCallError(job.error) : new Error('no reason given'));
}

/** A projection job and, once it succeeded, its result with the time it took. */
function useProjection(run: ProjectionRun | null): { job: JobInfo | null; result: JobResultOf<'pool.project'> | null } {
  const { api } = useApp();
  const job = useWatchedJob(api, run?.jobId ?? null, (error) => reportError('Cannot read the projection', error));
  const result = job?.state === 'succeeded' && job.result?.kind === 'pool.project' ? job.result : null;
  return { job, result };
}

function ResultsHeader() {
  return (
    <header className="area-header area-header-row">
      <div>
        <h1>Results</h1>
        <p className="muted">
          The pool’s projected cash flows, month by month from the cutoff date. Amounts in yuan (¥); CPR and CDR annual, SMM and MDR monthly; cumulative rates of the cutoff balance.
        </p>
      </div>
    </header>
  );
}

function NoSetYet({ onExample }: { onExample: () => void }) {
  return (
    <EmptyState title="No assumption set — start from the example">
      <p>
        A projection runs under a named assumption set: prepayment and default speeds, roll rates, recoveries. Start from the shipped consumer-loan example in{' '}
        <a href={hrefFor('assumptions')}>Assumptions</a>, save it, and run it here.
      </p>
      <div className="button-row">
        <button type="button" onClick={onExample}>
          Start from the example
        </button>
      </div>
    </EmptyState>
  );
}

/** Results: run a tape's pool projection under an assumption set, loan by loan or by representative lines, and read it. */
export function ResultsArea() {
  const { api, workspace } = useApp();
  const tapes = useTapes();
  const tapeId = useSelectedTapeId();
  const sets = useAssumptionSets();
  const draft = useAssumptionDraft();
  const chosen = useSelectedAssumptionSet();
  const runs = useProjectionRuns();
  const [mode, setMode] = useState<ProjectionMode>(runs.latest?.mode ?? 'loan');
  const [starting, setStarting] = useState(false);

  const latest = useProjection(runs.latest);
  const sameRun = runs.shown?.jobId === runs.latest?.jobId;
  const other = useProjection(sameRun ? null : runs.shown);
  const shownResult = sameRun ? latest.result : other.result;
  const running = latest.job?.state === 'running' && runs.latest?.workspacePath === workspace?.path;

  // A run that ends: show it when it succeeded, announce it otherwise.
  useEffect(() => {
    const run = runs.latest;
    const job = latest.job;
    if (!run || !job || job.state === 'running') return;
    if (job.state === 'succeeded' && latest.result && runs.shown?.jobId !== run.jobId) projectionRuns.set({ latest: run, shown: run });
    announce(job, `${run.setLabel} on ${run.tapeName}`);
  }, [runs, latest.job, latest.result]);

  const draftOffered = draft !== null && (draft.savedName === null || draft.dirty);
  const choice = chosen === DRAFT_CHOICE ? (draftOffered ? DRAFT_CHOICE : null) : sets?.some((s) => s.name === chosen) ? chosen : null;
  const effectiveChoice = choice ?? sets?.[0]?.name ?? (draftOffered ? DRAFT_CHOICE : null);
  const tape = tapes?.find((t) => t.id === tapeId) ?? null;

  const chosenSet = effectiveChoice === DRAFT_CHOICE ? undefined : sets?.find((s) => s.name === effectiveChoice);
  const chosenFile: unknown = effectiveChoice === DRAFT_CHOICE ? draft?.file : chosenSet?.assumptions;

  async function startRun(): Promise<void> {
    if (!tape || !workspace || effectiveChoice === null) return;
    const file = chosenFile;
    if (file === undefined) return;
    const setLabel = effectiveChoice === DRAFT_CHOICE ? `${draft?.name || 'new set'} (unsaved)` : effectiveChoice;
    setStarting(true);
    try {
      // A saved set was read when listed; the editor's draft is any JSON, read first (a bad draft fails here, at its JSON path).
      const assumptions = chosenSet ? chosenSet.assumptions : (await api.call('assumptions.check', { assumptions: file })).assumptions;
      const job = await api.call('pool.project', { source: { kind: 'tape', tapeId: tape.id }, assumptions, mode, scenarioName: setLabel });
      upsertJob(job);
      projectionRuns.set({
        ...projectionRuns.get(),
        latest: { jobId: job.id, workspacePath: workspace.path, tapeId: tape.id, tapeName: tape.name, setLabel, mode, assumptionsJson: JSON.stringify(file) },
      });
    } catch (error) {
      reportError('Cannot start the projection', error);
    } finally {
      setStarting(false);
    }
  }

  async function cancel(): Promise<void> {
    if (!runs.latest) return;
    try {
      await api.call('job.cancel', { id: runs.latest.jobId });
    } catch (error) {
      reportError('Cannot cancel', error);
    }
  }

  async function startFromExample(): Promise<void> {
    if (await openExampleDraft(api, sets)) window.location.hash = hrefFor('assumptions');
  }

  if (tapes !== null && tapes.length === 0) {
    return (
      <section className="area">
        <ResultsHeader />
        <EmptyState title="Empty workspace — import a tape">
          <p>
            A projection needs a loan tape. Import one, or load the bundled sample, in <a href={hrefFor('tapes')}>Tapes</a>, then come back here.
          </p>
        </EmptyState>
      </section>
    );
  }

  const noSet = sets !== null && sets.length === 0 && !draftOffered;
  const shownRun = runs.shown?.workspacePath === workspace?.path && tapes?.some((t) => t.id === runs.shown?.tapeId) ? runs.shown : null;
  // The shown result no longer matches what Run would compute: another tape, mode or assumption set, or an edited set.
  const outOfDate = shownRun !== null && !running && (shownRun.tapeId !== tape?.id || shownRun.mode !== mode || chosenFile === undefined || shownRun.assumptionsJson !== JSON.stringify(chosenFile));

  return (
    <section className="area results-area">
      <ResultsHeader />
      <div className="panel run-panel" role="group" aria-label="Projection run">
        <TapePicker tapes={tapes} tapeId={tapeId} />
        <label className="tape-picker">
          Assumption set
          <select aria-label="Assumption set" value={effectiveChoice ?? ''} onChange={(e) => selectedAssumptionSet.set(e.target.value)} disabled={noSet}>
            {noSet ? <option value="">none saved</option> : null}
            {(sets ?? []).map((s) => (
              <option key={s.name} value={s.name}>
                {s.name}
                {draft?.savedName === s.name && draft.dirty ? ' (saved version)' : ''}
              </option>
            ))}
            {draftOffered ? <option value={DRAFT_CHOICE}>{`${draft.name || 'new set'} (unsaved editor draft)`}</option> : null}
          </select>
        </label>
        <fieldset className="mode-choice">
          <legend>Mode</legend>
          <label>
            <input type="radio" name="projection-mode" checked={mode === 'loan'} onChange={() => setMode('loan')} /> Loan level
          </label>
          <label title="Loans grouped by segment, amortization, state, terms, rate and age; within 0.5% of loan level, in milliseconds">
            <input type="radio" name="projection-mode" checked={mode === 'repline'} onChange={() => setMode('repline')} /> Representative lines
          </label>
        </fieldset>
        <div className="button-row run-buttons">
          <button type="button" onClick={() => void startRun()} disabled={!tape || effectiveChoice === null || running || starting}>
            Run
          </button>
          <button type="button" className="secondary" onClick={() => void cancel()} disabled={!running}>
            Cancel
          </button>
        </div>
      </div>

      {running && runs.latest ? (
        <div className="job-watcher">
          <ProgressBar
            progress={latest.job?.progress ?? null}
            label={`Projecting ${runs.latest.tapeName} under “${runs.latest.setLabel}” (${runs.latest.mode === 'loan' ? 'loan level' : 'representative lines'})`}
          />
        </div>
      ) : null}

      {noSet ? (
        <NoSetYet onExample={() => void startFromExample()} />
      ) : shownRun && shownResult ? (
        <>
          {outOfDate ? (
            <p className="warning-box" role="status" data-testid="out-of-date">
              The tape, mode or assumptions chosen above differ from this run’s — <strong>Run</strong> again to bring the results up to date.
            </p>
          ) : null}
          <StoreNote stored={shownResult.stored} />
          <ProjectionView run={shownRun} result={shownResult.projection} seconds={shownResult.seconds} stale={running} />
        </>
      ) : !running ? (
        <EmptyState title="Nothing run yet">
          <p>
            Choose the tape, the assumption set and the mode, then <strong>Run</strong>. Loan level projects each of the tape’s
            {tape ? ` ${formatCount(tape.rowsImported)}` : ''} loans (seconds for a large tape, with progress and Cancel); representative lines group alike loans and take milliseconds.
          </p>
        </EmptyState>
      ) : null}
    </section>
  );
}
