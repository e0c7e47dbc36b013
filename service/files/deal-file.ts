import { z } from 'zod';
import { DEAL_SCHEMA, dealIssues, messageTable, type Deal } from '../../engine/index.ts';
import { ASSUMPTION_FILE_SCHEMA } from './assumption-file.ts';
import { codedIssue, fileError, reservedKeyIssues, type FileIssue } from './file-issues.ts';
import { schemaIssues } from './schema-issues.ts';
import { POOL_FILE_SCHEMA } from './pool-file-schema.ts';
import { SCHEDULE_POOL_SCHEMA } from './schedule-pool-schema.ts';

/**
 * A deal file (JSON): the engine's deal (engine/deal/schema.ts, the one definition of every field
 * and convention), plus, optionally, its own pool of representative lines (a pool file's shape) and a
 * default assumption set; a revolving period must give its purchase profile. Money in the pool's currency,
 * rates and percentages as decimals (0.045, not 4.5), dates ISO YYYY-MM-DD. The JSON Schema in
 * docs/schemas/deal.schema.json is generated from this (a test keeps them equal); the rules that
 * span fields (ids that exist, seniority, thresholds, steps that pay every note) are checked by
 * engine/deal/validate.ts, all at once, each with its JSON path.
 *
 * The engine's revolving period, whose purchase profile a deal file must give (the service projects its lines).
 */
const revolvingBuying = DEAL_SCHEMA.shape.revolving.unwrap().extend({
  profile: DEAL_SCHEMA.shape.revolving.unwrap().shape.profile.unwrap(),
});

const ownPool = POOL_FILE_SCHEMA.omit({ cutoffDate: true }).extend({
  cutoffDate: DEAL_SCHEMA.shape.dates.shape.cutoff.optional().describe('Cutoff date of the balances; default the deal’s cutoff'),
});

/** The currencies a deal file may state its amounts in (ISO 4217): the Excel report names it, the engine computes the same whatever it is. */
export const DEAL_CURRENCIES = ['CNY', 'USD'] as const;

// The file's own fields around the deal's, in the order the JSON Schema lists them.
const { name, ...dealFields } = DEAL_SCHEMA.shape;
export const DEAL_FILE_SCHEMA = z.strictObject({
  $schema: z.string().optional(),
  name,
  description: z.string().max(5000).optional(),
  currency: z.enum(DEAL_CURRENCIES).optional().describe('Currency of every amount in the file (ISO 4217): CNY (人民币元) or USD; the reports name it (absent: "the deal currency")'),
  ...dealFields,
  revolving: revolvingBuying.optional(),
  pool: ownPool.optional().describe('The deal’s own pool as representative lines (else a tape)'),
  assumptions: ASSUMPTION_FILE_SCHEMA.optional().describe('The base scenario, used when no assumption file is given'),
  schedulePool: SCHEDULE_POOL_SCHEMA.optional().describe('The deal’s pool as a projected collection schedule with a stress overlay (docs/schedule-pools.md), instead of loans or lines'),
});

export type DealFile = z.infer<typeof DEAL_FILE_SCHEMA>;

/** The engine's deal from a deal file (the revolving period with its price, cap, criteria and profile). */
export function dealOf(file: DealFile): Deal {
  const { $schema: _schema, description: _description, currency: _currency, pool: _pool, assumptions: _assumptions, schedulePool: _schedulePool, ...deal } = file;
  return deal;
}

/**
 * Reads a deal file: its shape (every problem, an unknown key with the field it likely meant), then
 * every semantic rule (engine/deal/validate.ts); all problems at once, in details.issues, each with its path.
 */
export function readDealFile(input: unknown): DealFile {
  const reserved = reservedKeyIssues(input);
  if (reserved.length > 0) throw fileError('Deal', reserved);
  const parsed = DEAL_FILE_SCHEMA.safeParse(input);
  if (!parsed.success) throw fileError('Deal', schemaIssues(parsed.error, { schema: DEAL_FILE_SCHEMA, input, file: 'dealFile' }));
  const file = parsed.data;
  const issues = [
    ...dealIssues(dealOf(file)).map((issue): FileIssue => (issue.coded ? codedIssue(`$.${issue.path}`, issue.coded) : { path: `$.${issue.path}`, message: issue.rule })),
    ...schedulePoolIssues(file),
  ];
  if (issues.length > 0) throw fileError('Deal', issues);
  return file;
}

/** A deal file's rules about its own pool (beside the engine's deal rules). */
export const DEAL_FILE_RULES = messageTable('dealFile', {
  linesAndSchedule: () => 'give the pool either as lines (`pool`) or as a schedule (`schedulePool`), not both',
  rowsAndStoredSchedule: () => 'give the schedule’s rows or the name of a stored schedule, not both',
  noScheduleRows: () => 'give the schedule’s rows, or `schedule`: the name of a schedule imported into the workspace',
  storedScheduleNeedsWorkspace: (p: { schedule: string }) => `"${p.schedule}" is a schedule stored in a workspace: run the deal with that workspace open (--db), which reads its rows`,
  scheduleWithAssumptions: () => 'a schedule pool is stressed by `schedulePool.stress`, not by an assumption set',
  scheduleCannotRevolve: () => 'a schedule pool cannot revolve: it has no loans to buy (write the revolving pool as lines)',
});

/** A schedule pool is the deal's whole pool: not beside lines, not under a revolving period (it has no loans to buy). */
function schedulePoolIssues(file: DealFile): FileIssue[] {
  if (file.schedulePool === undefined) return [];
  const say = DEAL_FILE_RULES.say;
  const issues: FileIssue[] = [];
  if (file.pool !== undefined) issues.push(codedIssue('$.schedulePool', say('linesAndSchedule')));
  const { rows, schedule } = file.schedulePool;
  if (rows !== undefined && schedule !== undefined) issues.push(codedIssue('$.schedulePool.schedule', say('rowsAndStoredSchedule')));
  if (rows === undefined && schedule === undefined) issues.push(codedIssue('$.schedulePool.rows', say('noScheduleRows')));
  if (rows === undefined && schedule !== undefined) issues.push(codedIssue('$.schedulePool.schedule', say('storedScheduleNeedsWorkspace', { schedule })));
  if (file.assumptions !== undefined) issues.push(codedIssue('$.assumptions', say('scheduleWithAssumptions')));
  if (file.revolving !== undefined) issues.push(codedIssue('$.schedulePool', say('scheduleCannotRevolve')));
  return issues;
}
