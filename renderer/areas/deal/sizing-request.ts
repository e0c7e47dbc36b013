import type { DealRunRequest } from '../../../service/api/contract.ts';

/**
 * What a sizing reads of the run's request: the deal, its pool and its scenario. Not the run-store
 * options (a saved set's name rides in `scenarioName` for the stored run's name; deal.size stores
 * nothing and refuses it) nor a breakeven's stress.
 */
export function sizingInputs(request: DealRunRequest): Pick<DealRunRequest, 'deal' | 'tapeId' | 'mode' | 'assumptions' | 'scenarioOverrides'> {
  const { deal, tapeId, mode, assumptions, scenarioOverrides } = request;
  return { deal, tapeId, mode, assumptions, scenarioOverrides };
}
