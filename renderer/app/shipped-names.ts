/**
 * What the app ships, named in the chosen language: the deal templates and scenario sets by their
 * stable id (the catalogue's shipped.deal.<id> / shipped.scenarioSet.<id>; the English entries are
 * the files' own names), and the sample tape while it keeps the name it was stored under
 * (messages/sample-tape.ts). What is stored stays as it is; a name the analyst gave shows as given.
 */
import { shippedSampleOf } from '../../messages/sample-tape.ts';
import { formatCount } from '../../messages/numbers.ts';
import { isMessageKey, translate } from './i18n.tsx';

function shippedName(key: string, stored: string): string {
  return isMessageKey(key) ? translate(key) : stored;
}

/** A shipped deal template's name (deal.templates); a template this build's catalogue does not know shows its file's name. */
export function dealTemplateName(template: { readonly id: string; readonly name: string }): string {
  return shippedName(`shipped.deal.${template.id}`, template.name);
}

/** A shipped scenario set's name (scenarioSet.templates), as dealTemplateName. */
export function scenarioSetTemplateName(template: { readonly id: string; readonly name: string }): string {
  return shippedName(`shipped.scenarioSet.${template.id}`, template.name);
}

/** A tape's name as shown: the sample under its stored name in the chosen language, any other as stored. */
export function tapeName(tape: { readonly name: string; readonly sourceFile: string }): string {
  const sample = shippedSampleOf(tape);
  return sample ? translate('tapes.sampleName', { loans: formatCount(sample.loans), seed: sample.seed }) : tape.name;
}
