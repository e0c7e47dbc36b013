import { z } from 'zod';
import { AMORTIZATION_TYPES, DAY_COUNTS, dealIssues, SELLER, TRIGGER_EFFECTS, TRIGGER_METRICS, type Deal } from '../engine/index.ts';
import { ASSUMPTION_FILE_SCHEMA } from './assumptions.ts';
import { fileError, schemaIssues } from './file-issues.ts';
import { POOL_FILE_SCHEMA } from './pool-file.ts';

/**
 * A deal file (JSON): the deal as the trust deed states it (engine/deal/types.ts documents every
 * field and convention), plus, optionally, its own pool of representative lines (a pool file's
 * shape), the revolving purchase profile and a default assumption set. Money in the pool's
 * currency, rates and percentages as decimals (0.045, not 4.5), dates ISO YYYY-MM-DD. The JSON
 * Schema in docs/schemas/deal.schema.json is generated from this (a test keeps them equal); the
 * rules that span fields (ids that exist, seniority, thresholds, steps that pay every note) are
 * checked by engine/deal/validate.ts, all at once, each with its JSON path.
 */
const money = z.number().min(0);
const rate = z.number().min(0).max(1);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD');
const dayCount = z.enum(DAY_COUNTS);
const ids = z.array(z.string().min(1)).min(1);

const coupon = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('fixed'), rate: rate.describe('Coupon, annual decimal') }),
  z.strictObject({
    type: z.literal('floating'),
    index: z.array(z.number().min(-1).max(1)).min(1).describe('Index fixing by payment period (decimal); the last is held flat'),
    margin: z.number().min(-1).max(1),
    floor: z.number().min(-1).max(1).optional(),
    cap: z.number().min(-1).max(1).optional(),
  }),
  z.strictObject({ type: z.literal('none') }).describe('No coupon: an equity / residual note (次级)'),
]);

const note = z.strictObject({
  id: z.string().min(1).max(100),
  name: z.string().max(200).optional(),
  seniority: z.number().int().min(1).describe('1 = most senior; equal ranks form one class'),
  originalBalance: money,
  coupon,
  dayCount: dayCount.optional().describe('Coupon accrual; default ACT/365'),
  interestOnShortfall: z.boolean().optional().describe('Carried interest shortfall accrues interest at the coupon; default false'),
});

const feeBasis = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('poolBalance'), rateAnnual: rate, dayCount: dayCount.optional() }),
  z.strictObject({ type: z.literal('noteBalance'), rateAnnual: rate, notes: ids.optional(), dayCount: dayCount.optional() }),
  z.strictObject({ type: z.literal('fixed'), amount: money.describe('Due every payment period') }),
  z.strictObject({ type: z.literal('oneOff'), amount: money, period: z.number().int().min(1).optional() }),
]);

const fee = z.strictObject({ id: z.string().min(1).max(100), name: z.string().max(200).optional(), basis: feeBasis, senior: z.boolean().optional() });

const reserve = z.strictObject({
  initialDeposit: money,
  target: z.strictObject({
    basis: z.enum(['currentNoteBalance', 'initialNoteBalance']),
    percent: z.number().min(0).describe('Decimal; at most 1 (100%)'),
    notes: ids.optional(),
    floor: money.optional(),
    cap: money.optional(),
  }),
  covers: z.strictObject({ fees: z.array(z.string().min(1)).optional(), notes: z.array(z.string().min(1)).optional() }).optional(),
});

const threshold = z.union([
  z.number(),
  z.array(z.strictObject({ fromPeriod: z.number().int().min(1), toPeriod: z.number().int().min(1).optional(), threshold: z.number() })).min(1),
]);

const trigger = z.strictObject({
  id: z.string().min(1).max(100),
  name: z.string().max(200).optional(),
  metric: z.enum(TRIGGER_METRICS),
  notes: ids.optional(),
  breachedWhen: z.enum(['>', '>=', '<', '<=']),
  threshold: threshold.describe('A number, or bands by payment period ("≤ 5% in periods 1–12, ≤ 8% after")'),
  curable: z.boolean().optional(),
  effects: z.array(z.enum(TRIGGER_EFFECTS)).min(1),
});

const step = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('fee'), fee: z.string().min(1) }),
  z.strictObject({ kind: z.literal('interest'), notes: ids }),
  z.strictObject({ kind: z.literal('reserveTopUp') }),
  z.strictObject({
    kind: z.literal('principal'),
    notes: ids.optional(),
    rule: z.enum(['sequential', 'proRata', 'proRataThenSequential']),
    triggers: ids.optional(),
    amount: z.enum(['principalDue', 'available', 'targetOC']).optional(),
    ocPercent: rate.optional(),
    ocFloor: rate.optional(),
  }),
  z.strictObject({ kind: z.literal('pdlCure') }),
  z.strictObject({ kind: z.literal('turbo'), notes: ids.optional() }),
  z.strictObject({ kind: z.literal('residual'), to: z.string().min(1).describe(`A note id, or "${SELLER}"`) }),
]);

const steps = z.array(step).min(1);

/** What new loans the revolving period buys: lines of the pool-file shape with a share instead of a balance. */
const purchaseLine = z.strictObject({
  segment: z.string().max(100).optional(),
  product: z.string().max(100).optional().describe('Product value, for assumption rules that match on product'),
  amortization: z.enum(AMORTIZATION_TYPES),
  rate: rate.describe('Contract rate (APR), annual decimal'),
  originalTerm: z.number().int().min(1).max(600),
  share: z.number().positive().describe('Share of each purchase (shares are normalised to sum to 1)'),
});

const revolvingSchema = z.strictObject({
  periods: z.number().int().min(1).describe('Payment periods 1 … N revolve'),
  excessSpreadShare: rate.optional().describe('Share of each residual also spent on new loans; default 0'),
  price: z.number().positive().max(2).optional().describe('Price paid per yuan of principal bought (0.98 = a 2% discount); default 1'),
  profile: z.array(purchaseLine).min(1).describe('The new loans bought, e.g. the originator’s current production mix'),
});

export const DEAL_FILE_SCHEMA = z.strictObject({
  $schema: z.string().optional(),
  name: z.string().max(200).optional(),
  description: z.string().max(5000).optional(),
  dates: z.strictObject({
    cutoff: isoDate,
    closing: isoDate,
    firstPaymentDate: isoDate,
    paymentFrequencyMonths: z.number().int().min(1).max(12).optional(),
    legalFinalMaturity: isoDate,
  }),
  notes: z.array(note).min(1),
  fees: z.array(fee).optional(),
  reserve: reserve.optional(),
  triggers: z.array(trigger).optional(),
  waterfall: z.union([z.strictObject({ combined: steps }), z.strictObject({ interest: steps, principal: steps })]),
  lossAllocation: z.enum(['writeDown', 'pdl']).optional(),
  revolving: revolvingSchema.optional(),
  cleanUpCall: z.strictObject({ poolFactor: rate }).optional(),
  pool: POOL_FILE_SCHEMA.omit({ cutoffDate: true }).extend({ cutoffDate: isoDate.optional() }).optional().describe('The deal’s own pool as representative lines (else a tape)'),
  assumptions: ASSUMPTION_FILE_SCHEMA.optional().describe('The base scenario, used when no assumption file is given'),
});

export type DealFile = z.infer<typeof DEAL_FILE_SCHEMA>;


/** The engine's deal from a deal file. */
export function dealOf(file: DealFile): Deal {
  const { $schema: _schema, description: _description, pool: _pool, assumptions: _assumptions, revolving, ...rest } = file;
  const deal: Deal = { ...rest, ...(revolving ? { revolving: { periods: revolving.periods, ...(revolving.excessSpreadShare !== undefined ? { excessSpreadShare: revolving.excessSpreadShare } : {}) } } : {}) };
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
