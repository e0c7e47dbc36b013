import { useMemo, useState, type ChangeEvent } from 'react';
import type { ProjectionMode } from '../../../service/contract.ts';
import { useAssumptionSets } from '../../app/assumption-sets.ts';
import { reportError, useApp } from '../../app/context.tsx';
import { dealScreen, OWN, updateDealScreen, useDealScreen, type DealJobRun } from '../../app/deal.ts';
import { upsertJob } from '../../app/jobs.ts';
import { hrefFor } from '../../app/router.ts';
import { useSelectedTapeId, useTapes } from '../../app/tapes.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ProgressBar } from '../../components/ProgressBar.tsx';
import { TapePicker } from '../../components/TapePicker.tsx';
import { BreakevenView } from './BreakevenView.tsx';
import { DealIssues, DealSummary } from './DealSummary.tsx';
import { DealRunView } from './DealRunView.tsx';
import { useDealJobSlot } from './jobs.ts';
import { formatMoney } from './model.ts';
import { chooseDealRun } from './run-choice.ts';
import { useDealCheck, useDealTemplates, type DealCheckState } from './source.ts';

const FILE_CHOICE = '\u0000file';

/** Reads a chosen deal file in the window (it is only JSON text) and makes it the deal shown. */
async function openDealFile(event: ChangeEvent<HTMLInputElement>): Promise<void> {
  const file = event.target.files?.[0];
  event.target.value = '';
  if (!file) return;
  try {
    const deal: unknown = JSON.parse(await file.text());
    updateDealScreen({ choice: { kind: 'file', fileName: file.name, deal } });
  } catch (error) {
    reportError(`Cannot read ${file.name}`, error instanceof SyntaxError ? new Error(`not JSON: ${error.message}`) : error);
  }
}

function CheckLine({ state }: { state: DealCheckState }) {
  if (state.status === 'checking') return <p className="check-status muted">Checking the deal…</p>;
  if (state.status === 'unavailable') return <p className="check-status check-invalid error-text">Cannot check the deal: {state.message}</p>;
  if (state.status === 'invalid') return null;
  const { check } = state;
  return (
    <p className="check-status check-valid" role="status" data-testid="deal-check">
      ✓ Valid: {check.notes} notes, {formatMoney(check.originalBalance)} in total
      {check.hasPool ? ' · has its own pool' : ' · no pool of its own (runs on a tape)'}
      {check.hasAssumptions ? ' · has its own scenario' : ' · no scenario of its own (runs under a saved assumption set)'}
    </p>
  );
}

/** Deal: run a deal (a shipped template or a deal file) on its own pool or a tape, under a scenario; read tranches, periods and breakevens. */
export function DealArea() {
  const { api, workspace } = useApp();
  const screen = useDealScreen();
  const templates = useDealTemplates();
  const tapes = useTapes();
  const tapeId = useSelectedTapeId();
  const sets = useAssumptionSets();
  const [starting, setStarting] = useState(false);

  const { choice } = screen;
  const template = choice.kind === 'template' ? templates?.find((t) => t.id === choice.id) : undefined;
  const deal: unknown = choice.kind === 'file' ? choice.deal : template?.deal;
  const check = useDealCheck(deal);
  const checked = check.status === 'valid' ? check.check : null;
  const valid = checked !== null;
  const hasPool = checked?.hasPool ?? false;
  const hasAssumptions = checked?.hasAssumptions ?? false;

  const tape = tapes?.find((t) => t.id === tapeId) ?? null;
  // The pool and scenario actually used, and the request that runs them.
  const used = useMemo(
    () => chooseDealRun({ check: checked, pool: screen.pool, scenario: screen.scenario, mode: screen.mode, tape, sets }),
    [checked, screen.pool, screen.scenario, screen.mode, tape, sets],
  );
  const { request } = used;
  const inputsKey = useMemo(() => (request ? JSON.stringify(request) : ''), [request]);

  const runs = useDealJobSlot('run');
  const breakevenJobs = useDealJobSlot('breakeven');
  const inThisWorkspace = (info: DealJobRun | null) => info !== null && (info.workspacePath === null || info.workspacePath === workspace?.path);
  const running = runs.latestJob?.state === 'running' && inThisWorkspace(runs.latest);
  const solving = breakevenJobs.latestJob?.state === 'running' && inThisWorkspace(breakevenJobs.latest);

  const dealLabel = checked ? checked.name : screen.choice.kind === 'file' ? screen.choice.fileName : (template?.name ?? 'deal');

  async function start(task: 'run' | 'breakeven'): Promise<void> {
    if (!request) return;
    setStarting(true);
    try {
      const job = task === 'run' ? await api.call('deal.run', request) : await api.call('deal.breakeven', { ...request, by: dealScreen.get().breakevenBy });
      upsertJob(job);
      const info: DealJobRun = {
        jobId: job.id,
        workspacePath: used.pool === 'tape' ? (workspace?.path ?? null) : null,
        dealLabel,
        poolLabel: used.poolLabel,
        scenarioLabel: used.scenarioLabel,
        mode: used.pool === 'tape' ? screen.mode : null,
        inputsKey: task === 'run' ? inputsKey : `${inputsKey} by ${dealScreen.get().breakevenBy}`,
      };
      updateDealScreen(task === 'run' ? { latestRun: info } : { latestBreakeven: info });
    } catch (error) {
      reportError(task === 'run' ? 'Cannot start the deal run' : 'Cannot start the breakevens', error);
    } finally {
      setStarting(false);
    }
  }

  async function cancel(): Promise<void> {
    for (const info of [running ? runs.latest : null, solving ? breakevenJobs.latest : null]) {
      if (!info) continue;
      try {
        await api.call('job.cancel', { id: info.jobId });
      } catch (error) {
        reportError('Cannot cancel', error);
      }
    }
  }

  function chooseDeal(value: string): void {
    if (value === FILE_CHOICE) return;
    updateDealScreen({ choice: { kind: 'template', id: value } });
  }

  const choiceValue = screen.choice.kind === 'file' ? FILE_CHOICE : screen.choice.id;
  const busy = running || solving || starting;
  const shownRun = runs.shownState.run;
  const shownBreakeven = breakevenJobs.shownState.breakeven;
  const runShown = runs.shown && shownRun && inThisWorkspace(runs.shown) ? { info: runs.shown, run: shownRun } : null;
  const breakevenShown = breakevenJobs.shown && shownBreakeven && inThisWorkspace(breakevenJobs.shown) ? { info: breakevenJobs.shown, result: shownBreakeven } : null;
  const runOutOfDate = runShown !== null && !running && runShown.info.inputsKey !== inputsKey;
  const breakevenOutOfDate = breakevenShown !== null && !solving && breakevenShown.info.inputsKey !== `${inputsKey} by ${screen.breakevenBy}`;
  const noTapes = tapes !== null && tapes.length === 0;

  const breakevens = breakevenShown ? (
    <>
      {breakevenOutOfDate ? (
        <p className="warning-box" role="status" data-testid="breakeven-out-of-date">
          These breakevens were solved for another deal, pool, scenario or stress — run <strong>Breakevens</strong> again to bring them up to date.
        </p>
      ) : null}
      <BreakevenView result={breakevenShown.result} stale={solving} />
    </>
  ) : null;

  return (
    <section className="area deal-area">
      <header className="area-header">
        <h1>Deal</h1>
        <p className="muted">
          Run a deal — a shipped template or your own deal file — on its own pool or a tape, under a scenario: tranche WAL, window, yield, duration, loss and
          credit enhancement, every period of the waterfall reconciled to the cent, and breakevens. Structure editing comes later; deal files are described in{' '}
          <code>docs/deals.md</code>.
        </p>
      </header>

      <div className="panel run-panel deal-run-panel" role="group" aria-label="Deal run">
        <label className="tape-picker">
          Deal
          <select aria-label="Deal" value={choiceValue} onChange={(e) => chooseDeal(e.target.value)} disabled={!templates}>
            {templates === null ? <option value={choiceValue}>loading…</option> : null}
            {(templates ?? []).map((t) => (
              <option key={t.id} value={t.id}>
                Template: {t.name}
              </option>
            ))}
            {screen.choice.kind === 'file' ? <option value={FILE_CHOICE}>File: {screen.choice.fileName}</option> : null}
          </select>
        </label>
        <label className="file-button secondary">
          Open deal file…
          <input type="file" accept=".json,application/json" aria-label="Open deal file" className="visually-hidden" onChange={(e) => void openDealFile(e)} />
        </label>
        <fieldset className="mode-choice pool-choice">
          <legend>Pool</legend>
          <label>
            <input type="radio" name="deal-pool" checked={used.pool === 'own'} disabled={!hasPool} onChange={() => updateDealScreen({ pool: 'own' })} /> Deal’s own lines
          </label>
          <label>
            <input type="radio" name="deal-pool" checked={used.pool === 'tape'} disabled={!tape} onChange={() => updateDealScreen({ pool: 'tape' })} /> A tape
          </label>
        </fieldset>
        <TapePicker tapes={tapes} tapeId={tapeId} />
        <fieldset className="mode-choice" disabled={used.pool !== 'tape'}>
          <legend>Tape mode</legend>
          {(
            [
              ['repline', 'Representative lines'],
              ['loan', 'Loan level'],
            ] as const satisfies readonly (readonly [ProjectionMode, string])[]
          ).map(([mode, label]) => (
            <label key={mode}>
              <input type="radio" name="deal-mode" checked={screen.mode === mode} onChange={() => updateDealScreen({ mode })} /> {label}
            </label>
          ))}
        </fieldset>
        <label className="tape-picker">
          Scenario
          <select aria-label="Scenario" value={used.scenario ?? ''} onChange={(e) => updateDealScreen({ scenario: e.target.value })} disabled={!hasAssumptions && (sets ?? []).length === 0}>
            {hasAssumptions ? <option value={OWN}>Deal file’s assumptions</option> : null}
            {!hasAssumptions && (sets ?? []).length === 0 ? <option value="">{valid ? 'none — save an assumption set' : '—'}</option> : null}
            {(sets ?? []).map((s) => (
              <option key={s.name} value={s.name}>
                Saved set: {s.name}
              </option>
            ))}
          </select>
        </label>
        <div className="button-row run-buttons">
          <button type="button" onClick={() => void start('run')} disabled={!request || busy}>
            Run
          </button>
          <button type="button" className="secondary" onClick={() => void cancel()} disabled={!running && !solving}>
            Cancel
          </button>
          <label className="breakeven-by">
            <span className="sr-label">Breakeven stress</span>
            <select aria-label="Breakeven stress" value={screen.breakevenBy} onChange={(e) => updateDealScreen({ breakevenBy: e.target.value === 'cdr' ? 'cdr' : 'multiplier' })}>
              <option value="multiplier">by default multiplier</option>
              <option value="cdr">by constant CDR</option>
            </select>
          </label>
          <button type="button" className="secondary" onClick={() => void start('breakeven')} disabled={!request || busy}>
            Breakevens
          </button>
        </div>
        {noTapes ? (
          <p className="muted small run-panel-note">
            <strong>Empty workspace — import a tape</strong> in <a href={hrefFor('tapes')}>Tapes</a> to run a deal on your own loans; meanwhile the templates run
            on their own representative lines.
          </p>
        ) : null}
        {valid && !hasPool && !tape ? <p className="error-text small run-panel-note">This deal has no pool of its own: choose a tape.</p> : null}
        {valid && !used.scenarioReady ? (
          <p className="error-text small run-panel-note">
            This deal has no scenario of its own: save an assumption set in <a href={hrefFor('assumptions')}>Assumptions</a>.
          </p>
        ) : null}
      </div>

      {check.status === 'invalid' ? <DealIssues issues={check.issues} /> : <CheckLine state={check} />}

      {running && runs.latest ? (
        <div className="job-watcher">
          <ProgressBar progress={runs.latestJob?.progress ?? null} label={`Running ${runs.latest.dealLabel} on ${runs.latest.poolLabel}`} />
        </div>
      ) : null}
      {solving && breakevenJobs.latest ? (
        <div className="job-watcher">
          <ProgressBar progress={breakevenJobs.latestJob?.progress ?? null} label={`Solving the breakevens of ${breakevenJobs.latest.dealLabel}`} />
        </div>
      ) : null}

      {deal !== undefined ? (
        <details className="deal-details" open={!runShown}>
          <summary>Deal structure</summary>
          <DealSummary deal={deal} file={checked?.deal ?? template?.deal ?? null} />
        </details>
      ) : null}

      {runShown ? (
        <>
          {runOutOfDate ? (
            <p className="warning-box" role="status" data-testid="deal-out-of-date">
              The deal, pool or scenario chosen above differ from this run’s — <strong>Run</strong> again to bring the results up to date.
            </p>
          ) : null}
          <DealRunView info={runShown.info} run={runShown.run} stale={running}>
            {breakevens}
          </DealRunView>
        </>
      ) : (
        <>
          {breakevens}
          {!running && valid ? (
            <EmptyState title="Nothing run yet">
              <p>
                Choose the pool and the scenario, then <strong>Run</strong>: the pool is projected, the waterfall runs period by period to the cent, and each note’s
                analytics follow. <strong>Breakevens</strong> solves the largest default stress each note survives.
              </p>
            </EmptyState>
          ) : null}
        </>
      )}
    </section>
  );
}
