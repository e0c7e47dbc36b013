import { z } from 'zod';
import { AMORTIZATION_TYPES, DEAL_SCHEMA, dealIssues, type Deal } from '../../engine/index.ts';
import { ASSUMPTION_FILE_SCHEMA } from './assumption-file.ts';
import { fileError, schemaIssues } from './file-issues.ts';
import { POOL_FILE_SCHEMA } from './pool-file-schema.ts';

/**
 * A deal file (JSON): the engine's deal (engine/deal/schema.ts, the one definition of every field
 * and convention), plus, optionally, its own pool of representative lines (a pool file's shape), the
 * revolving purchase profile and price, and a default assumption set. Money in the pool's currency,
 * rates and percentages as decimals (0.045, not 4.5), dates ISO YYYY-MM-DD. The JSON Schema in
 * docs/schemas/deal.schema.json is generated from this (a test keeps them equal); the rules that
 * span fields (ids that exist, seniority, thresholds, steps that pay every note) are checked by
 * engine/deal/validate.ts, all at once, each with its JSON path.
 */
const rate = z.number().min(0).max(1);

/** What new loans the revolving period buys: lines of the pool-file shape with a share instead of a balance. */
const purchaseLine = z.strictObject({
  segment: z.string().max(100).optional(),
  product: z.string().max(100).optional().describe('Product value, for assumption rules that match on product'),
  amortization: z.enum(AMORTIZATION_TYPES),
  rate: rate.describe('Contract rate (APR), annual decimal'),
  originalTerm: z.number().int().min(1).max(600),
  share: z.number().positive().describe('Share of each purchase (shares are normalised to sum to 1)'),
});

const revolvingBuying = DEAL_SCHEMA.shape.revolving.unwrap().extend({
  price: z.number().positive().max(2).optional().describe('Price paid per yuan of principal bought (0.98 = a 2% discount); default 1'),
  profile: z.array(purchaseLine).min(1).describe('The new loans bought, e.g. the originator’s current production mix'),
});

const ownPool = POOL_FILE_SCHEMA.omit({ cutoffDate: true }).extend({
  cutoffDate: DEAL_SCHEMA.shape.dates.shape.cutoff.optional().describe('Cutoff date of the balances; default the deal’s cutoff'),
});

// The file's own fields around the deal's, in the order the JSON Schema lists them.
const { name, ...dealFields } = DEAL_SCHEMA.shape;
export const DEAL_FILE_SCHEMA = z.strictObject({
  $schema: z.string().optional(),
  name,
  description: z.string().max(5000).optional(),
  ...dealFields,
  revolving: revolvingBuying.optional(),
  pool: ownPool.optional().describe('The deal’s own pool as representative lines (else a tape)'),
  assumptions: ASSUMPTION_FILE_SCHEMA.optional().describe('The base scenario, used when no assumption file is given'),
});

export type DealFile = z.infer<typeof DEAL_FILE_SCHEMA>;

/** The engine's deal from a deal file. */
export function dealOf(file: DealFile): Deal {
  const { $schema: _schema, description: _description, pool: _pool, assumptions: _assumptions, revolving, ...rest } = file;
  const deal: Deal = {
    ...rest,
    ...(revolving ? { revolving: { periods: revolving.periods, ...(revolving.excessSpreadShare !== undefined ? { excessSpreadShare: revolving.excessSpreadShare } : {}) } } : {}),
  };
  return deal;
}

/**
 * Reads a deal file: its shape (the first problem with its JSON path), then every semantic rule
 * (engine/deal/validate.ts: all problems at once, in details.issues, each with its path).
 */
export function readDealFile(input: unknown): DealFile {
  const parsed = DEAL_FILE_SCHEMA.safeParse(input);
  if (!parsed.success) throw fileError('Deal', schemaIssues(parsed.error));
  const file = parsed.data;
  const issues = dealIssues(dealOf(file)).map((issue) => ({ path: `$.${issue.path}`, message: issue.rule }));
  if (issues.length > 0) throw fileError('Deal', issues);
  return file;
}
