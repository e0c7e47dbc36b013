import { useMemo } from 'react';
import type { ScenarioSetRunRequest } from '../../../service/api/contract.ts';
import { useAssumptionSets } from '../../app/assumption-sets.ts';
import { useDealScreen } from '../../app/deal.ts';
import { useSelectedTapeId, useTapes } from '../../app/tapes.ts';
import { useDealAsEdited } from '../deal/editor/use-edited-deal.ts';
import { chooseDealRun } from '../deal/run-choice.ts';
import { useDealCheck, useDealTemplates } from '../deal/source.ts';
import { setOfForm } from './form.ts';
import { useCompareScreen } from './state.ts';
import { useSavedScenarioSets, useScenarioCheck, useScenarioTemplates } from './source.ts';
import { useLanguage } from '../../app/i18n.tsx';

/**
 * A scenario set on a deal, as Compare (and Reports) choose it: the Deal screen's deal with its
 * structure editor's edits, its pool and base, and the set open in Compare's editor, checked by the
 * service. `request` is what deal.runScenarios (and a set's report.excel) take, null until every
 * part is valid.
 */
export function useScenarioSetRun() {
  const deal = useDealScreen();
  const screen = useCompareScreen();
  const templates = useDealTemplates();
  const setTemplates = useScenarioTemplates();
  const saved = useSavedScenarioSets();
  const tapes = useTapes();
  const tapeId = useSelectedTapeId();
  const sets = useAssumptionSets();
  const { choice } = deal;
  const language = useLanguage();
  const template = choice.kind === 'template' ? templates?.find((t) => t.id === choice.id) : undefined;
  // The Deal screen's deal with its structure editor's edits: what Compare runs is what the Deal screen runs.
  const dealFile = useDealAsEdited(choice.kind === 'file' ? choice.deal : template?.deal);
  const dealCheck = useDealCheck(dealFile);
  const checked = dealCheck.status === 'valid' ? dealCheck.check : null;
  const tape = tapes?.find((t) => t.id === tapeId) ?? null;
  const used = useMemo(
    () => chooseDealRun({ check: checked, pool: deal.pool, scenario: deal.scenario, mode: deal.mode, tape, sets, language }),
    [checked, deal.pool, deal.scenario, deal.mode, tape, sets, language],
  );

  const set = useMemo(() => (screen.form === null ? null : setOfForm(screen.form)), [screen.form]);
  const check = useScenarioCheck(set, used.pool === 'tape' ? (tape?.id ?? null) : null);
  const setRead = check.state.status === 'valid' && !check.pending ? check.state.check : null;
  const request = useMemo((): ScenarioSetRunRequest | null => (used.request && setRead ? { ...used.request, scenarios: setRead.set } : null), [used.request, setRead]);
  return { deal, dealFile, screen, templates, setTemplates, saved, tapes, tapeId, tape, sets, choice, dealCheck, checked, used, check, setRead, request };
}
