import { z } from 'zod';
import { messageTable, parseVector, wholeNumber } from '../../engine/index.ts';
import { UserError } from '../../data/errors.ts';
import type { CodedMessage } from '../../engine/messages.ts';
import { readEvents, segmentName } from './event-blocks.ts';
import { EVENTS_SCHEMA, type EventBlock } from './event-schema.ts';
import { ASSUMPTION_RULES, vectorReason } from './assumption-messages.ts';
import { codedIssue, fileError, reservedKeyIssues, type FileIssue } from './file-issues.ts';
import { schemaIssues } from './schema-issues.ts';

/**
 * The scenario-set file (JSON): named scenarios, each a set of changes on top of a base assumption
 * set — multipliers on defaults, roll-in, cures, prepayments and recoveries (the pool's, and per
 * segment), recovery rate and lag, one-off curves in vector notation, and index-rate paths for
 * floating notes. docs/scenarios.md describes every field and rule; the JSON Schema in
 * docs/schemas/scenario-set.schema.json is generated from this (a test keeps them equal).
 */
const factor = (what: string) => z.number().min(0).max(100).optional().describe(`${what} × this factor (1 = unchanged, 0–100)`);

const multipliersSchema = z
  .strictObject({
    default: factor('Every MDR of the default curve (or of a default-timing curve’s solved rates), capped at 100%,'),
    rollIn: factor('The roll from current into 1–30 DPD (capped at what the current row leaves; staying current absorbs the change),'),
    cure: factor('Every cure (delinquent → current), capped at 1; the bucket’s other moves rescaled pro rata so the row sums to 1,'),
    prepayment: factor('Every SMM, capped at 1,'),
    recovery: factor('The recovery rate, capped at 1,'),
  })
  .describe('Stress multipliers (docs/scenarios.md, Multiplier rules). For a pool that defaults through roll rates, defaults are stressed by rollIn');

/** Index fixings as a list (decimals, may be negative) or vector-notation text (percent, e.g. "2.2 for 6, 2.2 ramp 3.2 12"). */
const indexPathSchema = z.union([
  z.array(z.number().min(-1).max(1)).min(1).max(600).describe('Index fixing by payment period, decimal per annum (0.025 = 2.5%); the last held flat'),
  z
    .string()
    .min(1)
    .max(500)
    .describe('Index fixing by payment period in vector-notation steps, percent per annum ("2.5", "2.2 for 6, 2.2 ramp 3.2 12"); no unit, model or `by age`; the last held flat'),
]);

const indexRatesSchema = z
  .strictObject({
    path: indexPathSchema.optional().describe('Replaces the index path of every floating note'),
    shockBps: z.number().min(-2000).max(2000).optional().describe('A parallel shift of every floating note’s index path (after `path`), basis points (100 = 1 percentage point)'),
  })
  .describe('Index rates for floating notes (deal file coupon type "floating"): a new path, a parallel shock, or both; fixed notes are unchanged');

const scenarioSchema = z.strictObject({
  name: z.string().trim().min(1).max(100).describe('The scenario’s name, unique in the set'),
  description: z.string().max(2000).optional(),
  multipliers: z
    .strictObject({
      pool: multipliersSchema.optional().describe('For every loan'),
      segments: z.record(z.string(), multipliersSchema).optional().describe('By the pool’s segment value; each factor multiplies the pool’s (pool × 2 and gig × 1.5 give gig × 3)'),
    })
    .optional(),
  recoveryRate: z.number().min(0).max(1).optional().describe('Replaces the recovery rate of the pool and every segment and rule (decimal); a recovery multiplier then scales it'),
  recoveryLagMonths: wholeNumber('recoveryLagMonths', 0, 120).optional().describe('Replaces the months from charge-off to recovery everywhere'),
  prepayment: z.string().min(1).max(500).optional().describe('Replaces every prepayment curve, vector notation ("150 PSA", "10 CPR"), as abs run --prepay'),
  default: z
    .string()
    .min(1)
    .max(500)
    .optional()
    .describe('Replaces every default curve (and any defaultTiming), vector notation ("2 CDR"), as abs run --default; applied on top of roll-rate charge-offs'),
  indexRates: indexRatesSchema.optional(),
  events: EVENTS_SCHEMA.optional().describe(
    'Event stresses (payment holiday 展期, servicing outage, segment shock), the blocks an assumption file’s `events` takes (docs/assumptions.md, Event stresses), added after the base set’s own',
  ),
});

export const SCENARIO_SET_SCHEMA = z.strictObject({
  $schema: z.string().optional(),
  name: z.string().trim().min(1).max(200).describe('The set’s name'),
  description: z.string().max(5000).optional(),
  base: z
    .string()
    .min(1)
    .max(1000)
    .optional()
    .describe('The base assumption set: a set saved in the workspace by name, or (on the command line) an assumption file, relative to this file. Default: the deal file’s `assumptions`'),
  scenarios: z.array(scenarioSchema).min(1).max(50).describe('The scenarios, run in this order'),
});

export type ScenarioSetFile = z.infer<typeof SCENARIO_SET_SCHEMA>;
export type ScenarioSpec = ScenarioSetFile['scenarios'][number];
export type MultiplierSpec = z.infer<typeof multipliersSchema>;

/** The values a pool's loans take that a scenario may name (its segments). */
export interface ScenarioPoolNames {
  readonly segments: readonly string[];
}

const bad = (issues: readonly FileIssue[]): ReturnType<typeof fileError> => fileError('Scenario set', issues);

/** A scenario set's rules beyond its shape, by code (engine/messages.ts); a `reason` is the curve reader's own message by code (engine/curves/notation-messages.ts). */
export const SCENARIO_SET_RULES = messageTable('scenarioSet', {
  unreadableIndexPath: (p: { reason: CodedMessage | string }) => (typeof p.reason === 'string' ? p.reason : p.reason.message),
  indexPathForm: (p: { path: string }) => `an index path is steps of percent per annum by payment period ("2.5", "2.2 for 6, 3"): no unit, model or "by age" (got "${p.path}")`,
  duplicateName: (p: { name: string; earlier: number; position: number }) => `"${p.name}" is also the name of scenarios[${p.earlier}]; names must be unique`,
});

/** A notation index path's fixings (decimals by payment period), or the problem at `at`. */
function readIndexPath(path: string, at: string): { values: number[] } | { issue: FileIssue } {
  let notation;
  try {
    notation = parseVector(path);
  } catch (error) {
    return { issue: codedIssue(at, SCENARIO_SET_RULES.say('unreadableIndexPath', { reason: vectorReason(error) })) };
  }
  if (notation.form !== 'curve' || notation.unit !== null || notation.basis !== 'period') {
    return { issue: codedIssue(at, SCENARIO_SET_RULES.say('indexPathForm', { path })) };
  }
  const values: number[] = [];
  for (const step of notation.steps) {
    for (let k = 1; k <= step.months; k++) {
      // A ramp a → b over n periods: a + (b − a)(k − 1)/(n − 1) in its k-th (docs/vector-notation.md).
      const pct = step.kind === 'level' ? step.pct : step.fromPct + ((step.toPct - step.fromPct) * (k - 1)) / (step.months - 1);
      values.push((pct * notation.multiplier) / 100);
    }
  }
  return { values };
}

/** Index fixings by payment period, decimals per annum (a list as written; notation read), or the problem at `at` as an error. */
export function indexPathOf(path: number[] | string, at: string): number[] {
  if (typeof path !== 'string') return path;
  const read = readIndexPath(path, at);
  if ('issue' in read) throw bad([read.issue]);
  return read.values;
}

/**
 * A scenario's event blocks read as an assumption file's are (a holiday's restructured curve, the
 * segment each names against the pool's, when known); months are checked against the base set's
 * horizon when the scenario runs.
 */
function eventIssues(blocks: readonly EventBlock[], at: string, segments: readonly string[] | undefined): FileIssue[] {
  try {
    const specs = readEvents(blocks, Number.POSITIVE_INFINITY, `${at}.events`);
    if (segments !== undefined) for (const spec of specs) segmentName(spec, segments);
    return [];
  } catch (error) {
    // readEvents and segmentName stop at a block's first problem, with its path.
    if (error instanceof UserError && typeof error.details.path === 'string') {
      const first = (error.details.issues as readonly FileIssue[] | undefined)?.[0];
      return [first ?? { path: error.details.path, message: error.message.replace(/^\S+ \S+: /, '') }];
    }
    throw error;
  }
}

/** The problems a parsed set has beyond its shape: duplicate names, curves and index notation that do not read, event segment positions the pool lacks. */
function semanticIssues(file: ScenarioSetFile, names: ScenarioPoolNames | undefined): FileIssue[] {
  const issues: FileIssue[] = [];
  const seen = new Map<string, number>();
  file.scenarios.forEach((scenario, k) => {
    const at = `$.scenarios[${k}]`;
    const earlier = seen.get(scenario.name);
    if (earlier !== undefined) issues.push(codedIssue(`${at}.name`, SCENARIO_SET_RULES.say('duplicateName', { name: scenario.name, earlier, position: earlier + 1 })));
    seen.set(scenario.name, k);
    for (const purpose of ['prepayment', 'default'] as const) {
      const text = scenario[purpose];
      if (text === undefined) continue;
      try {
        parseVector(text, { purpose });
      } catch (error) {
        issues.push(codedIssue(`${at}.${purpose}`, ASSUMPTION_RULES.say('unreadableSpeed', { reason: vectorReason(error) })));
      }
    }
    const path = scenario.indexRates?.path;
    if (typeof path === 'string') {
      const read = readIndexPath(path, `${at}.indexRates.path`);
      if ('issue' in read) issues.push(read.issue);
    }
    // A multiplier or event on a segment the pool lacks applies to no loan: the run warns (service/runs/scenario.ts), it is no error.
    issues.push(...eventIssues(scenario.events ?? [], at, names?.segments));
  });
  return issues;
}

/**
 * Reads a scenario-set file: its shape, then names, vector notation and index paths, and — when a
 * pool's names are given — the segment positions its events name; every problem at its JSON path.
 */
export function readScenarioSet(input: unknown, names?: ScenarioPoolNames): ScenarioSetFile {
  const reserved = reservedKeyIssues(input);
  if (reserved.length > 0) throw bad(reserved);
  const parsed = SCENARIO_SET_SCHEMA.safeParse(input);
  if (!parsed.success) throw bad(schemaIssues(parsed.error, { schema: SCENARIO_SET_SCHEMA, input, file: 'scenarioSetFile' }));
  const issues = semanticIssues(parsed.data, names);
  if (issues.length > 0) throw bad(issues);
  return parsed.data;
}
