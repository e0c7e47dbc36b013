import { dealTemplateName } from '../../app/shipped-names.ts';
import { useMemo, useState } from 'react';
import type { BreakevenRequest, BreakevenResult, DealCheck, DealRunRequest, DealTemplate } from '../../../service/api/contract.ts';
import { useAssumptionSets } from '../../app/assumption-sets.ts';
import { reportError, useApp } from '../../app/context.tsx';
import { dealIdentity, dealScreen, updateDealScreen, useDealScreen, type DealJobRun, type DealScreenState } from '../../app/deal.ts';
import { upsertJob } from '../../app/jobs.ts';
import { useSelectedTapeId, useTapes } from '../../app/tapes.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ProgressBar } from '../../components/ProgressBar.tsx';
import { BreakevenView } from './BreakevenView.tsx';
import { DealSummary } from './DealSummary.tsx';
import { DealEditor } from './editor/DealEditor.tsx';
import { EditorIssues, RunBlocked } from './editor/EditorIssues.tsx';
import { sizingPool } from './editor/sizing-pool.ts';
import { useEditedDeal } from './editor/use-edited-deal.ts';
import { DealRunView } from './DealRunView.tsx';
import { SizeOffer } from './SizePanel.tsx';
import { ProspectusTablesView } from './ProspectusTablesView.tsx';
import { useDealJobSlot } from './jobs.ts';
import { MonteCarloPanel } from './MonteCarloPanel.tsx';
import { GridPanel } from './GridPanel.tsx';
import { formatMoney } from './model.ts';
import { chooseDealRun } from './run-choice.ts';
import { BreakevenChoices, DealPicker, PoolChoice, RunNotes, RunOnChangeChoice, ScenarioPicker } from './RunChoices.tsx';
import { useRunOnChange } from './run-on-change.ts';
import { useDealTemplates, type DealCheckState } from './source.ts';
import { useLanguage, useT } from '../../app/i18n.tsx';

/** The deal's check, and below it the offer to size the notes to the tape when they were written for another pool. */
function CheckLine({ state, sizing }: { state: DealCheckState; sizing: Omit<Parameters<typeof SizeOffer>[0], 'check'> }) {
  const t = useT();
  if (state.status === 'checking') return <p className="check-status muted">{t('deal.checkingTheDeal')}</p>;
  if (state.status === 'unavailable') return <p className="check-status check-invalid error-text">{t('deal.cannotCheckTheDeal', { message: state.message })}</p>;
  if (state.status === 'invalid') return null;
  const { check } = state;
  return (
    <>
      <p className="check-status check-valid" role="status" data-testid="deal-check">
        {t('deal.validNotesInTotal', { notes: check.notes, originalBalance: formatMoney(check.originalBalance, check.deal.currency) })}
        {check.hasPool ? t('deal.hasItsOwnPool') : t('deal.noPoolOfIts')}
        {check.hasAssumptions ? t('deal.hasItsOwnScenario') : t('deal.noScenarioOfIts')}
      </p>
      <SizeOffer check={check} {...sizing} />
    </>
  );
}

/**
 * The structure editor (folded away while a run is shown, until the analyst unfolds or folds it: their
 * choice then holds, so a run arriving on a change does not shut the editor they are typing in) and,
 * below it, the structure in words as the service read it.
 */
function StructurePanels({
  deal,
  inEditor,
  open,
  check,
  pool,
  title,
}: {
  deal: unknown;
  inEditor: boolean;
  open: boolean;
  check: DealCheckState;
  pool: ReturnType<typeof sizingPool>;
  /** The deal's name as the screen says it (a shipped template's in the chosen language). */
  title: string;
}) {
  const t = useT();
  const [chosen, setChosen] = useState<boolean | null>(null);
  const editorOpen = chosen ?? open;
  return (
    <>
      {inEditor ? (
        <details
          className="deal-details"
          open={editorOpen}
          onToggle={(event) => {
            // React setting `open` fires toggle too: only a change it did not make is the analyst's.
            if (event.currentTarget.open !== editorOpen) setChosen(event.currentTarget.open);
          }}
        >
          <summary>{t('deal.structureEditor')}</summary>
          <DealEditor issues={check.status === 'invalid' ? check.issues : []} pool={pool} />
        </details>
      ) : null}
      {deal !== undefined ? (
        <details className="deal-details">
          <summary>{t('deal.structureInWords')}</summary>
          <DealSummary deal={deal} file={check.status === 'valid' ? check.check.deal : null} title={title} />
        </details>
      ) : null}
    </>
  );
}

/** The breakeven request: the run's deal, pool and scenario under the chosen stress and test. */
function breakevenRequest(request: DealRunRequest, state: DealScreenState): BreakevenRequest {
  return { ...request, by: state.breakevenBy, ...(state.breakevenInterest === 'bySeniority' ? {} : { interest: state.breakevenInterest }) };
}

/** What a shown breakeven result was solved for: another key makes it out of date. */
const breakevenKey = (inputsKey: string, state: DealScreenState): string => `${inputsKey} by ${state.breakevenBy} ${state.breakevenInterest}`;

/** The breakevens shown, with a note when the choices above moved on since they were solved. */
function ShownBreakevens({ result, seconds, outOfDate, solving }: { result: BreakevenResult; seconds: number; outOfDate: boolean; solving: boolean }) {
  const t = useT();
  return (
    <>
      {outOfDate ? (
        <p className="warning-box" role="status" data-testid="breakeven-out-of-date">
          {t('deal.theseBreakevensWereSolved')} <strong>{t('deal.breakevens')}</strong> {t('deal.againToBringThem')}
        </p>
      ) : null}
      <BreakevenView result={result} seconds={seconds} stale={solving} />
    </>
  );
}

/** The sweeps on the deal being run (`dealKey`: which deal it is, dealIdentity): Monte Carlo tranche loss and the sensitivity grid. */
function SweepPanels({ deal, dealKey, inputsKey }: { deal: DealRunRequest | null; dealKey: string; inputsKey: string }) {
  return (
    <>
      <MonteCarloPanel deal={deal} dealKey={dealKey} inputsKey={inputsKey} />
      <GridPanel deal={deal} dealKey={dealKey} />
    </>
  );
}

/** The screen's title and what it does, with where deal files are described. */
function DealHeader() {
  const t = useT();
  return (
    <header className="area-header">
      <h1>{t('deal.deal')}</h1>
      <p className="muted">
        {t('deal.runADealA')} <code>{t('deal.docsDealsMd')}</code>
        {t('common.bracketCloseSentence')}
      </p>
    </header>
  );
}

/** Deal: run a deal (a shipped template or a deal file) on its own pool or a tape, under a scenario; read tranches, periods and breakevens. */
/** The deal's latest valid check, kept while the same deal (by file name) is invalid or being checked again; another deal starts afresh. */
function useLastValidCheck(checked: DealCheck | null, dealName: string): DealCheck | null {
  const [last, setLast] = useState<{ dealName: string; check: DealCheck } | null>(null);
  if (checked !== null && (last?.check !== checked || last.dealName !== dealName)) setLast({ dealName, check: checked });
  return checked ?? (last?.dealName === dealName ? last.check : null);
}

/** A deal under a shipped template's own name (the template, or a file made from it, e.g. sized to a tape) reads that template's name in the chosen language; null for any other. */
function shippedDealLabel(template: DealTemplate | undefined, templates: readonly DealTemplate[] | null | undefined, checked: DealCheck | null): string | null {
  const namesake = template ?? (checked ? templates?.find((item) => item.name === checked.name) : undefined);
  return namesake !== undefined && (checked === null || checked.name === namesake.name) ? dealTemplateName(namesake) : null;
}

export function DealArea() {
  const t = useT();
  const language = useLanguage();
  const { api, workspace } = useApp();
  const screen = useDealScreen();
  const templates = useDealTemplates();
  const tapes = useTapes();
  const tapeId = useSelectedTapeId();
  const sets = useAssumptionSets();
  const [starting, setStarting] = useState(false);

  const { choice } = screen;
  const template = choice.kind === 'template' ? templates?.find((item) => item.id === choice.id) : undefined;
  const chosen: unknown = choice.kind === 'file' ? choice.deal : template?.deal;
  const chosenName = choice.kind === 'file' ? choice.fileName : `${template?.id ?? 'deal'}.json`;
  const dealKey = dealIdentity(choice);
  // What the screen checks and runs is the structure editor's deal.
  const { deal, inEditor, pending, check } = useEditedDeal(chosen, chosenName);
  const checked = check.status === 'valid' ? check.check : null;
  const lastValid = useLastValidCheck(checked, chosenName);
  const valid = checked !== null;
  // While an edit leaves the deal invalid, its pool and scenario choices stay as its last valid check offered them.
  const hasPool = (checked ?? lastValid)?.hasPool ?? false;
  const hasAssumptions = (checked ?? lastValid)?.hasAssumptions ?? false;

  const tape = tapes?.find((item) => item.id === tapeId) ?? null;
  // The pool and scenario actually used, and the request that runs them.
  const used = useMemo(
    () => chooseDealRun({ check: checked, lastValid, pool: screen.pool, scenario: screen.scenario, mode: screen.mode, tape, sets, language }),
    [checked, lastValid, screen.pool, screen.scenario, screen.mode, tape, sets, language],
  );
  const { request } = used;
  // Said with the screen's t: the memo kept 'the tape' in English after a switch to 中文.
  const sizedAgainst = useMemo(() => sizingPool(deal, used.pool === 'tape' ? tape : null, t), [deal, used.pool, tape, t]);
  const inputsKey = useMemo(() => (request ? JSON.stringify(request) : ''), [request]);

  const runs = useDealJobSlot('run');
  const breakevenJobs = useDealJobSlot('breakeven');
  const inThisWorkspace = (info: DealJobRun | null) => info !== null && (info.workspacePath === null || info.workspacePath === workspace?.path);
  // A result is shown for the deal it was computed for: another deal's rows are not this one's, not even out of date.
  const shownHere = (info: DealJobRun | null) => inThisWorkspace(info) && info?.deal === dealKey;
  const running = runs.latestJob?.state === 'running' && inThisWorkspace(runs.latest);
  const solving = breakevenJobs.latestJob?.state === 'running' && inThisWorkspace(breakevenJobs.latest);

  // A shipped template under its own name is named in the chosen language (shipped-names.ts); a renamed or other deal as written.
  const dealLabel = shippedDealLabel(template, templates, checked) ?? (checked ? checked.name : screen.choice.kind === 'file' ? screen.choice.fileName : (template?.name ?? t('compare.dealFallback')));

  /** Starts the job and remembers what it ran (no component state: "Run on every change" calls it from an effect). */
  async function launch(task: 'run' | 'breakeven'): Promise<void> {
    if (!request) return;
    try {
      const job = task === 'run' ? await api.call('deal.run', request) : await api.call('deal.breakeven', breakevenRequest(request, dealScreen.get()));
      upsertJob(job);
      const info: DealJobRun = {
        jobId: job.id,
        workspacePath: used.pool === 'tape' ? (workspace?.path ?? null) : null,
        dealLabel,
        poolLabel: used.poolLabel,
        scenario: used.scenarioChoice,
        mode: used.pool === 'tape' ? screen.mode : null,
        inputsKey: task === 'run' ? inputsKey : breakevenKey(inputsKey, dealScreen.get()),
        deal: dealKey,
        currency: request.deal.currency,
      };
      updateDealScreen(task === 'run' ? { latestRun: info } : { latestBreakeven: info });
    } catch (error) {
      reportError(task === 'run' ? t('deal.cannotStartTheDeal') : t('deal.cannotStartTheBreakevens'), error);
    }
  }

  function start(task: 'run' | 'breakeven'): Promise<void> {
    setStarting(true);
    return launch(task).finally(() => setStarting(false));
  }

  async function cancel(): Promise<void> {
    for (const info of [running ? runs.latest : null, solving ? breakevenJobs.latest : null]) {
      if (!info) continue;
      try {
        await api.call('job.cancel', { id: info.jobId });
      } catch (error) {
        reportError(t('deal.cannotCancel'), error);
      }
    }
  }

  const busy = running || solving || starting;
  useRunOnChange({ enabled: screen.runOnChange, ready: request !== null && !busy && !pending, inputsKey, lastStartedKey: runs.latest?.inputsKey ?? null, launch: () => launch('run') });
  const shownRun = runs.shownState.run;
  const shownBreakeven = breakevenJobs.shownState.breakeven;
  const runShown = runs.shown && shownRun && shownHere(runs.shown) ? { info: runs.shown, run: shownRun.run, seconds: shownRun.seconds } : null;
  const breakevenShown =
    breakevenJobs.shown && shownBreakeven && shownHere(breakevenJobs.shown) ? { info: breakevenJobs.shown, result: shownBreakeven.breakeven, seconds: shownBreakeven.seconds } : null;
  const runOutOfDate = runShown !== null && !running && runShown.info.inputsKey !== inputsKey;
  const breakevenOutOfDate = breakevenShown !== null && !solving && breakevenShown.info.inputsKey !== breakevenKey(inputsKey, screen);

  const breakevens = breakevenShown ? <ShownBreakevens result={breakevenShown.result} seconds={breakevenShown.seconds} outOfDate={breakevenOutOfDate} solving={solving} /> : null;

  return (
    <section className="area deal-area">
      <DealHeader />

      <div className="panel run-panel deal-run-panel" role="group" aria-label={t('deal.dealRun')}>
        <DealPicker templates={templates} choice={screen.choice} />
        <PoolChoice used={used} hasPool={hasPool} tapes={tapes} tapeId={tapeId} tape={tape} mode={screen.mode} />
        <ScenarioPicker used={used} hasAssumptions={hasAssumptions} valid={valid} sets={sets} />
        <div className="button-row run-buttons">
          <button type="button" onClick={() => void start('run')} disabled={!request || busy || pending}>
            {t('deal.run')}
          </button>
          <button type="button" className="secondary" onClick={() => void cancel()} disabled={!running && !solving}>
            {t('deal.cancel')}
          </button>
          <RunOnChangeChoice checked={screen.runOnChange} />
          <BreakevenChoices by={screen.breakevenBy} interest={screen.breakevenInterest} />
          <button type="button" className="secondary" onClick={() => void start('breakeven')} disabled={!request || busy || pending}>
            {t('deal.breakevens')}
          </button>
        </div>
        {check.status === 'invalid' ? <RunBlocked problems={check.issues.length} /> : null}
        <RunNotes noTapes={tapes !== null && tapes.length === 0} valid={valid} hasPool={hasPool} tape={tape} used={used} />
      </div>

      {check.status === 'invalid' ? <EditorIssues issues={check.issues} deal={deal} /> : <CheckLine state={check} sizing={{ request, pool: used.pool, tape, dealLabel }} />}

      {running && runs.latest ? (
        <div className="job-watcher">
          <ProgressBar progress={runs.latestJob?.progress ?? null} label={t('deal.runningOn', { dealLabel: runs.latest.dealLabel, poolLabel: runs.latest.poolLabel })} />
        </div>
      ) : null}
      {solving && breakevenJobs.latest ? (
        <div className="job-watcher">
          <ProgressBar progress={breakevenJobs.latestJob?.progress ?? null} label={t('deal.solvingTheBreakevensOf', { dealLabel: breakevenJobs.latest.dealLabel })} />
        </div>
      ) : null}

      <StructurePanels title={dealLabel} deal={deal} inEditor={inEditor} open={!runShown} check={check} pool={sizedAgainst} />

      {valid && hasPool && hasAssumptions ? (
        <details className="prospectus-details">
          <summary>{t('deal.prospectusTables')}</summary>
          <ProspectusTablesView deal={deal} />
        </details>
      ) : null}

      {runShown ? (
        <>
          {runOutOfDate ? (
            <p className="warning-box" role="status" data-testid="deal-out-of-date">
              {t('deal.theDealPoolOr')} <strong>{t('deal.run')}</strong> {t('deal.againToBringThe')}
            </p>
          ) : null}
          <DealRunView info={runShown.info} run={runShown.run} seconds={runShown.seconds} stale={running} stored={shownRun?.stored} deal={runOutOfDate ? null : (checked?.deal ?? null)}>
            {breakevens}
          </DealRunView>
        </>
      ) : (
        <>
          {breakevens}
          {!running && valid ? (
            <EmptyState title={t('deal.nothingRunYet')}>
              <p>
                {t('deal.chooseThePoolAnd')} <strong>{t('deal.run')}</strong>
                {t('deal.thePoolIsProjected')} <strong>{t('deal.breakevens')}</strong> {t('deal.solvesTheLargestDefault')}
              </p>
            </EmptyState>
          ) : null}
        </>
      )}
      {valid ? <SweepPanels deal={request} dealKey={dealKey} inputsKey={inputsKey} /> : null}
    </section>
  );
}
