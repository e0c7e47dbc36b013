import CN_CONSUMER from '../../../templates/scenarios/cn-consumer-revolving.json' with { type: 'json' };
import CN_CREDIT_CARD from '../../../templates/scenarios/cn-credit-card-installment.json' with { type: 'json' };
import PASS_THROUGH from '../../../templates/scenarios/pass-through.json' with { type: 'json' };
import US_AUTO from '../../../templates/scenarios/us-auto-oc-turbo.json' with { type: 'json' };
import US_CMO from '../../../templates/scenarios/us-cmo-sequential.json' with { type: 'json' };
import { readScenarioSet } from '../../files/scenario-file.ts';
import type { ScenarioSetTemplate } from '../contract.ts';

// Bundled into the app as deal.templates' deals are (the packaged app ships no templates/ folder);
// each set is named like the deal template it was written for (docs/scenarios.md, The shipped sets).
const SHIPPED: readonly (readonly [string, unknown])[] = [
  ['cn-consumer-revolving', CN_CONSUMER],
  ['cn-credit-card-installment', CN_CREDIT_CARD],
  ['us-auto-oc-turbo', US_AUTO],
  ['pass-through', PASS_THROUGH],
  ['us-cmo-sequential', US_CMO],
];

/** The shipped scenario sets, each read as any scenario-set file is (its `$schema` pointer dropped: it points into the repository). */
export function scenariosTemplates(): readonly ScenarioSetTemplate[] {
  return SHIPPED.map(([id, file]) => {
    const { $schema: _pointer, ...set } = readScenarioSet(file);
    return { id, dealTemplate: id, name: set.name, description: set.description ?? null, set };
  });
}
