import { useSyncExternalStore } from 'react';
import type { DealFile, FileDraft, ProjectionMode } from '../../service/api/contract.ts';
import { Store } from './store.ts';
import { scopedToWorkspace } from './workspace-scope.ts';

/** The deal the Deal screen runs: a shipped template, or a deal file the analyst opened (read by deal.validate). */
export type DealChoice = { readonly kind: 'template'; readonly id: string } | { readonly kind: 'file'; readonly fileName: string; readonly deal: FileDraft };

/**
 * Which deal a choice is: a template by its id, a file by its name. Edits in the structure editor,
 * or the same file opened again, are the same deal (its results stay, marked out of date); another
 * template or file is another deal, and no result computed for one is shown for the other.
 */
export function dealIdentity(choice: DealChoice): string {
  return choice.kind === 'template' ? `template:${choice.id}` : `file:${choice.fileName}`;
}

/**
 * The scenario a run used, as a choice rather than words: its caption says it in the language shown
 * (a language switch says it again; areas/deal/run-choice.ts scenarioChoiceLabel). A stored run
 * reopened brings its own words (`said`), which its view already says in the language shown.
 */
export type ScenarioChoice = { readonly kind: 'schedule' } | { readonly kind: 'own' } | { readonly kind: 'saved'; readonly name: string } | { readonly kind: 'said'; readonly text: string };

/** What a deal job ran: enough to caption its result and to tell when the screen's choices moved on. */
export interface DealJobRun {
  readonly jobId: string;
  readonly workspacePath: string | null;
  readonly dealLabel: string;
  readonly poolLabel: string;
  /** The scenario as chosen: the caption says it in the language shown, not the one of the run. */
  readonly scenario: ScenarioChoice;
  readonly mode: ProjectionMode | null;
  /** The request's deal, pool and scenario as JSON: a different one makes the shown result out of date. */
  readonly inputsKey: string;
  /** The deal it ran (dealIdentity): the Deal screen shows its result only while that deal is chosen. */
  readonly deal: string;
  /** The currency the deal file states its amounts in (undefined: none stated). */
  readonly currency: DealFile['currency'];
}

export interface DealScreenState {
  readonly choice: DealChoice;
  /** The deal file's own pool lines, or the tape chosen in the tape picker (selectedTapeId). */
  readonly pool: 'own' | 'tape';
  readonly mode: ProjectionMode;
  /** 'own' = the deal file's assumptions; else a saved assumption set's name. */
  readonly scenario: string;
  readonly breakevenBy: 'multiplier' | 'cdr';
  /** What a note must receive to pass: by seniority (timely for seniority 1, ultimate for the others), or one test for every note. */
  readonly breakevenInterest: 'bySeniority' | 'timely' | 'ultimate';
  /** The run started last, and the last one that succeeded (shown, also while a newer one runs). */
  readonly latestRun: DealJobRun | null;
  readonly shownRun: DealJobRun | null;
  readonly latestBreakeven: DealJobRun | null;
  readonly shownBreakeven: DealJobRun | null;
  /** Run again by itself whenever the deal, pool or scenario changes (a deal in representative lines runs in well under a second). */
  readonly runOnChange: boolean;
}

const DEFAULT_TEMPLATE = 'cn-consumer-revolving';
export const OWN = 'own';

/** Kept outside the screen, so a run goes on, and its result stays, while the analyst looks elsewhere. */
export const dealScreen = new Store<DealScreenState>({
  choice: { kind: 'template', id: DEFAULT_TEMPLATE },
  pool: OWN,
  mode: 'repline',
  scenario: OWN,
  breakevenBy: 'multiplier',
  breakevenInterest: 'bySeniority',
  latestRun: null,
  shownRun: null,
  latestBreakeven: null,
  shownBreakeven: null,
  runOnChange: false,
});

/**
 * Another workspace: the deal (a template, the analyst's file) and the ways of running it stay;
 * the tape and the saved set it ran on were that workspace's, and so are its runs (stored there,
 * "Stored as run #3"): back to the deal's own pool and assumptions, nothing shown.
 */
scopedToWorkspace({
  forget: () => updateDealScreen({ pool: OWN, scenario: OWN, latestRun: null, shownRun: null, latestBreakeven: null, shownBreakeven: null }),
});

export function updateDealScreen(patch: Partial<DealScreenState>): void {
  dealScreen.set({ ...dealScreen.get(), ...patch });
}

export function useDealScreen(): DealScreenState {
  return useSyncExternalStore(dealScreen.subscribe, dealScreen.get);
}
