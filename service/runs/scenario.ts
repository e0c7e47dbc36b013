import type { PoolAssumptions, SegmentAssumptions, StressMultipliers } from '../../engine/index.ts';
import type { IndexRateStress, ScenarioMultipliers, ScenarioOverrides, StressFactors } from '../api/contract.ts';
import type { Assumptions, UnmatchedName } from '../files/assumption-file.ts';
import type { DealFile } from '../files/deal-file.ts';
import { readEvents, segmentName } from '../files/event-blocks.ts';
import type { EventBlock } from '../files/event-schema.ts';
import { indexPathOf, type ScenarioSpec } from '../files/scenario-file.ts';

/** A scenario of a set as the overrides a run takes (prepareDeal): curves, multipliers, recoveries, index rates. */
export function scenarioOverridesOf(scenario: ScenarioSpec, at: string): ScenarioOverrides {
  const { indexRates } = scenario;
  const path = indexRates?.path === undefined ? undefined : indexPathOf(indexRates.path, `${at}.indexRates.path`);
  return {
    ...(scenario.prepayment !== undefined ? { prepayment: scenario.prepayment } : {}),
    ...(scenario.default !== undefined ? { default: scenario.default } : {}),
    ...(scenario.multipliers !== undefined ? { multipliers: scenario.multipliers } : {}),
    ...(scenario.recoveryRate !== undefined ? { recoveryRate: scenario.recoveryRate } : {}),
    ...(scenario.recoveryLagMonths !== undefined ? { recoveryLagMonths: scenario.recoveryLagMonths } : {}),
    ...(scenario.events !== undefined && scenario.events.length > 0 ? { events: scenario.events } : {}),
    ...(indexRates !== undefined ? { indexRates: { ...(path ? { path } : {}), ...(indexRates.shockBps !== undefined ? { shockBps: indexRates.shockBps } : {}) } } : {}),
  };
}

const FACTORS = ['default', 'rollIn', 'cure', 'prepayment', 'recovery'] as const;

/** The pool's factors × a segment's, factor by factor (a factor not given is 1). */
function composed(pool: StressFactors | undefined, segment: StressFactors | undefined): StressMultipliers {
  const out: Record<string, number> = {};
  for (const key of FACTORS) {
    const value = (pool?.[key] ?? 1) * (segment?.[key] ?? 1);
    if (pool?.[key] !== undefined || segment?.[key] !== undefined) out[key] = value;
  }
  return out;
}

/**
 * The read assumption file with a scenario's multipliers on it: the pool's on the pool, each named
 * segment's (× the pool's) on that segment; a segment without its own takes the pool's (engine
 * mergeSegment). Override rules keep them: a rule's assumptions carry no multipliers, so a loan's
 * group takes its segment's. A segment the pool lacks has no loan to stress: its multipliers are
 * not used, and listed in `unmatched` for the run's warning.
 */
export function withMultipliers(assumptions: Assumptions, multipliers: ScenarioMultipliers | undefined, segmentNames: readonly string[]): Assumptions {
  if (multipliers === undefined) return assumptions;
  const segments = new Map(assumptions.segments);
  const unmatched: UnmatchedName[] = [];
  for (const [name, factors] of Object.entries(multipliers.segments ?? {})) {
    if (segmentNames.includes(name)) segments.set(name, { ...segments.get(name), multipliers: composed(multipliers.pool, factors) });
    else unmatched.push({ path: `$.multipliers.segments.${name}`, kind: 'segment', name });
  }
  const pool: SegmentAssumptions = multipliers.pool ? { ...assumptions.pool, multipliers: composed(multipliers.pool, undefined) } : assumptions.pool;
  return { ...assumptions, pool, segments, unmatched: [...assumptions.unmatched, ...unmatched] };
}

/**
 * A scenario's event stresses after the base set's own (each read as an assumption file's block:
 * months within the set's horizon, a segment position one the pool has), at their path among the
 * overrides. An event on a segment the pool lacks changes nothing: listed in `unmatched`.
 */
export function withEvents(assumptions: Assumptions, blocks: readonly EventBlock[] | undefined, segmentNames: readonly string[]): Assumptions {
  if (blocks === undefined || blocks.length === 0) return assumptions;
  const added = readEvents(blocks, assumptions.months, '$.events');
  const unmatched: UnmatchedName[] = [];
  for (const spec of added) {
    const name = segmentName(spec, segmentNames);
    if (name !== null && !segmentNames.includes(name)) unmatched.push({ path: `${spec.path}.segment`, kind: 'segment', name });
  }
  return { ...assumptions, events: [...assumptions.events, ...added], unmatched: [...assumptions.unmatched, ...unmatched] };
}

/** Recovery rate and lag put on the pool and every segment and group (plain replacement; a recovery multiplier then scales the rate). */
export function withRecoveries(assumptions: PoolAssumptions, overrides: ScenarioOverrides): PoolAssumptions {
  const { recoveryRate, recoveryLagMonths } = overrides;
  if (recoveryRate === undefined && recoveryLagMonths === undefined) return assumptions;
  const put = (segment: SegmentAssumptions): SegmentAssumptions => ({
    ...segment,
    ...(recoveryRate !== undefined ? { recoveryRate } : {}),
    ...(recoveryLagMonths !== undefined ? { recoveryLagMonths } : {}),
  });
  // The rest of the set (its event stresses) is kept: only the recovery terms change.
  return { ...assumptions, pool: put(assumptions.pool), segments: (assumptions.segments ?? []).map((segment) => (segment ? put(segment) : undefined)) };
}

/**
 * The deal file with a scenario's index rates on its floating notes: `path` replaces each one's
 * index fixings, then `shockBps` / 10,000 is added to every fixing (a parallel shift; the coupon's
 * floor and cap still apply in the waterfall). Fixed and residual notes are unchanged.
 */
export function withIndexRates(file: DealFile, stress: IndexRateStress | undefined): DealFile {
  if (stress === undefined || (stress.path === undefined && stress.shockBps === undefined)) return file;
  const shift = (stress.shockBps ?? 0) / 10_000;
  const notes = file.notes.map((note) => {
    if (note.coupon.type !== 'floating') return note;
    const index = (stress.path ?? note.coupon.index).map((fixing) => fixing + shift);
    return { ...note, coupon: { ...note.coupon, index } };
  });
  return { ...file, notes };
}
