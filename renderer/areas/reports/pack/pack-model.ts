import type { InvestorPack, ScenarioSetRunResult } from '../../../../service/api/contract.ts';
import { translate } from '../../../app/i18n.tsx';
import { runName } from '../../../app/run-name.ts';

export type PackScenario = InvestorPack['scenarios'][number];

/**
 * A4 landscape less 10 mm margins is 277 × 190 mm, about 1047 × 718 CSS pixels (96 px per inch):
 * three charts side by side across the page.
 */
export const PACK_CHART_SIZE = { width: 336, height: 300 } as const;

/**
 * The pack as the Compare screen's scenario-set result, so the comparison page is the Compare
 * screen's side-by-side table (compareRows), figure for figure. Every scenario is of one deal and
 * one pool (report.pack refuses otherwise), so the first run's pool figures are the pack's.
 */
export function packAsSet(pack: InvestorPack): ScenarioSetRunResult {
  const first = pack.scenarios[0]?.run;
  return {
    setName: pack.dealName,
    dealName: pack.dealName,
    poolName: pack.poolName,
    mode: first?.mode ?? 'repline',
    cutoffDate: pack.cutoffDate,
    closingDate: pack.closingDate,
    poolBalance: pack.poolBalance,
    cumulativeRatioDenominator: first?.cumulativeRatioDenominator ?? 'initialPool',
    // a stored run's generated name in the pack's language (its typed name as typed)
    scenarios: pack.scenarios.map((s) => ({ ...s, name: runName(s) })),
  };
}

/** A scenario's title on its page and in the comparison's header: its name, and the stored run it is. */
export function scenarioTitle(scenario: PackScenario): string {
  return scenario.runId === null ? scenario.name : translate('pack.scenarioOfRun', { name: runName(scenario), id: scenario.runId });
}
