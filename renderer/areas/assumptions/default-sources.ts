import { getIn } from './model.ts';

/**
 * Whether a set's own default curve (`default` or `defaultTiming`) goes unapplied: the set (or the
 * pool it inherits from) has roll rates and does not say `defaultSources: "both"`, so its defaults
 * are the roll-rate charge-offs alone (docs/assumptions.md, "One default source"). The same rule
 * assumptions.check writes as a note (service/files/assumption-file.ts, notesOf).
 */
export function defaultCurveNotApplied(spec: unknown, inherits: unknown): boolean {
  const curve = getIn(spec, ['default']) ?? getIn(spec, ['defaultTiming']);
  const rollRates = getIn(spec, ['rollRates']) ?? getIn(inherits, ['rollRates']);
  const sources = getIn(spec, ['defaultSources']) ?? getIn(inherits, ['defaultSources']);
  return curve !== undefined && rollRates !== undefined && sources !== 'both';
}

/** Whether the set takes defaults from roll rates, its own or the pool's: then it has a choice of default sources. */
export function hasRollRates(spec: unknown, inherits: unknown): boolean {
  return (getIn(spec, ['rollRates']) ?? getIn(inherits, ['rollRates'])) !== undefined;
}
