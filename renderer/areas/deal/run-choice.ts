import type { AssumptionSetRecord, BreakevenRequest, DealCheck, ProjectionMode, TapeRecord } from '../../../service/api/contract.ts';
import { OWN, type ScenarioChoice } from '../../app/deal.ts';
import { translate as shownLanguage, translator, type Translate } from '../../app/i18n.tsx';
import type { Language } from '../../app/language.ts';

/** What the Deal screen knows when the analyst presses Run or Breakevens. */
export interface RunChoiceInputs {
  /** The service's check of the deal shown: null unless valid. A run sends the deal as the check read it. */
  readonly check: DealCheck | null;
  /**
   * The last valid check of the same deal, while an edit leaves it momentarily invalid (a note no
   * principal step pays yet): the pool and scenario choices keep what it said of the deal's own
   * pool and scenario, rather than falling to the tape and the first saved set; Run stays off.
   */
  readonly lastValid?: DealCheck | null;
  /** The analyst's choices: the deal's own lines or a tape; OWN (the deal's scenario) or a saved set's name; how a tape is projected. */
  readonly pool: 'own' | 'tape';
  readonly scenario: string;
  readonly mode: ProjectionMode;
  /** The tape in the tape picker (none in an empty workspace), and the saved assumption sets by name (null while loading). */
  readonly tape: Pick<TapeRecord, 'id' | 'name'> | null;
  readonly sets: readonly AssumptionSetRecord[] | null;
  /** The language of the caption's labels (the shown language without one). */
  readonly language?: Language;
}

/** The scenario's words for a run's caption: the schedule's stress, the deal file's assumptions, the saved set's name, or a stored run's own words. */
export function scenarioChoiceLabel(choice: ScenarioChoice, say: Translate = shownLanguage): string {
  if (choice.kind === 'said') return choice.text;
  if (choice.kind === 'schedule') return say('choice.scenario.schedule');
  return choice.kind === 'own' ? say('runs.base.dealFile') : say('choice.scenario.saved', { name: choice.name });
}

/** The pool and scenario a run actually uses, and the request that runs them. */
export interface RunChoice {
  readonly pool: 'own' | 'tape';
  /** OWN, a saved set's name, or null: the deal has no scenario of its own and none is saved. */
  readonly scenario: string | null;
  readonly poolReady: boolean;
  readonly scenarioReady: boolean;
  /** What Run sends (Breakevens adds its stress); null while the deal is invalid or lacks a pool or a scenario. */
  readonly request: BreakevenRequest | null;
  /** For the run's caption: "the deal’s own lines" or the tape and its mode; the deal's assumptions or the set's name. */
  readonly poolLabel: string;
  readonly scenarioLabel: string;
  readonly scenarioChoice: ScenarioChoice;
}

/**
 * The deal file's own pool when chosen and present (also when there is no tape to fall back on),
 * else the tape; the saved set named when it still exists, else the deal's own scenario, else the
 * first saved set.
 */
export function chooseDealRun(inputs: RunChoiceInputs): RunChoice {
  const { check, mode, tape, sets } = inputs;
  const translate = inputs.language === undefined ? shownLanguage : translator(inputs.language);
  const known = check ?? inputs.lastValid ?? null;
  const hasPool = known?.hasPool ?? false;
  const hasAssumptions = known?.hasAssumptions ?? false;
  // A schedule pool is the deal's whole pool and its stress the whole scenario (docs/schedule-pools.md): no tape, no saved set.
  const schedule = known?.deal.schedulePool !== undefined;
  const pool = schedule || (inputs.pool === 'own' && (hasPool || !tape)) ? 'own' : 'tape';
  const named = !schedule && inputs.scenario !== OWN ? sets?.find((s) => s.name === inputs.scenario) : undefined;
  const scenario = named ? named.name : hasAssumptions ? OWN : (sets?.[0]?.name ?? null);
  const scenarioFile = scenario === OWN || scenario === null ? undefined : sets?.find((s) => s.name === scenario)?.assumptions;
  const scenarioChoice: ScenarioChoice = schedule ? { kind: 'schedule' } : scenario === OWN ? { kind: 'own' } : { kind: 'saved', name: scenario ?? '' };
  const poolReady = pool === 'own' ? hasPool : tape !== null;
  const scenarioReady = scenario !== null;
  const request: BreakevenRequest | null =
    check === null || !poolReady || !scenarioReady
      ? null
      : {
          deal: check.deal,
          ...(pool === 'tape' && tape ? { tapeId: tape.id, mode } : {}),
          // The set's name names the stored run (docs/run-store.md); it is not an input of the run.
          ...(scenarioFile !== undefined && scenario !== null ? { assumptions: scenarioFile, scenarioName: scenario } : {}),
        };
  return {
    pool,
    scenario,
    poolReady,
    scenarioReady,
    request,
    poolLabel: schedule
      ? translate('choice.pool.schedule')
      : pool === 'own'
        ? translate('choice.pool.own')
        : translate('choice.pool.tape', { tape: tape?.name ?? translate('choice.pool.tapeFallback'), mode: translate(mode === 'loan' ? 'choice.mode.loan' : 'choice.mode.lines') }),
    scenarioLabel: scenarioChoiceLabel(scenarioChoice, translate),
    scenarioChoice,
  };
}
