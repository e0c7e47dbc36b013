import { z } from 'zod';
import { UserError } from '../data/errors.ts';
import {
  buildTransitionMatrix,
  DAY_COUNTS,
  EngineError,
  parseVector,
  type PoolAssumptions,
  type SegmentAssumptions,
} from '../engine/index.ts';

/**
 * The assumption file (JSON) of a projection: horizon, pool-wide assumptions and per-segment
 * overrides keyed by the tape's segment value (salaried, self_employed, gig, …). Speeds are
 * written in the vector notation of docs/vector-notation.md ("150 PSA", "5 ramp 15 12 CPR",
 * "2 CDR"); rates and probabilities are decimals. The JSON Schema in docs/schemas/ is generated
 * from this (a test keeps them equal).
 */
const probability = z.number().min(0).max(1);
const delinquent = { dpd1_30: probability, dpd31_60: probability, dpd61_90: probability, dpd91_180: probability };

const rollRatesSchema = z.strictObject({
  rollForward: z.strictObject({ current: probability, ...delinquent }).partial(),
  cure: z.strictObject(delinquent).partial().optional(),
  rollBack: z.strictObject({ dpd31_60: probability, dpd61_90: probability, dpd91_180: probability }).partial().optional(),
  chargeOffAt: z.enum(['dpd1_30', 'dpd31_60', 'dpd61_90', 'dpd91_180']).optional(),
});

const segmentSchema = z.strictObject({
  prepayment: z.string().min(1).max(500).optional().describe('Prepayment speed in vector notation, e.g. "10 CPR", "150 PSA"'),
  default: z.string().min(1).max(500).optional().describe('Default speed of performing loans, e.g. "2 CDR", "100 SDA"'),
  rollRates: rollRatesSchema.optional().describe('Monthly roll-rate (transition) probabilities over the delinquency buckets'),
  recoveryRate: probability.optional().describe('Share of defaulted principal recovered (decimal)'),
  recoveryLagMonths: z.number().int().min(0).max(120).optional(),
  penaltyMultiple: z.number().min(0).max(10).optional().describe('Penalty interest (罚息) as a multiple of the contract rate'),
  servicingFeeRate: z.number().min(0).max(0.2).optional().describe('Servicing strip, annual decimal'),
  dayCount: z
    .enum(DAY_COUNTS)
    .optional()
    .describe('Interest accrual: 30/360 (APR/12 a month, the default), ACT/365 (daily on actual days: Chinese consumer loans) or ACT/360'),
});

export const ASSUMPTION_FILE_SCHEMA = z.strictObject({
  months: z.number().int().min(1).max(480).describe('Projection horizon in months'),
  pool: segmentSchema,
  segments: z.record(z.string(), segmentSchema).optional().describe('Overrides by the tape’s segment value'),
});

export type AssumptionFile = z.infer<typeof ASSUMPTION_FILE_SCHEMA>;
type SegmentFile = z.infer<typeof segmentSchema>;

function bad(path: string, message: string, details: Record<string, unknown> = {}): UserError {
  return new UserError('BAD_REQUEST', `Assumptions ${path}: ${message}`, { path, ...details });
}

function toSegment(spec: SegmentFile, path: string): SegmentAssumptions {
  const vector = (text: string | undefined, field: 'prepayment' | 'default'): SegmentAssumptions['prepayment'] => {
    if (text === undefined) return undefined;
    try {
      return { kind: 'notation', notation: parseVector(text, { purpose: field === 'prepayment' ? 'prepayment' : 'default' }) };
    } catch (error) {
      throw bad(`${path}.${field}`, error instanceof Error ? error.message : String(error), { value: text });
    }
  };
  let rollRates: Float64Array | null = null;
  if (spec.rollRates) {
    try {
      rollRates = buildTransitionMatrix(spec.rollRates);
    } catch (error) {
      if (!(error instanceof EngineError)) throw error;
      throw bad(`${path}.rollRates`, `${error.message} (${JSON.stringify(error.details)})`);
    }
  }
  const prepayment = vector(spec.prepayment, 'prepayment');
  const defaults = vector(spec.default, 'default');
  return {
    ...(prepayment ? { prepayment } : {}),
    ...(defaults ? { default: defaults } : {}),
    ...(spec.rollRates ? { rollRates } : {}),
    ...(spec.recoveryRate !== undefined ? { recoveryRate: spec.recoveryRate } : {}),
    ...(spec.recoveryLagMonths !== undefined ? { recoveryLagMonths: spec.recoveryLagMonths } : {}),
    ...(spec.penaltyMultiple !== undefined ? { penaltyMultiple: spec.penaltyMultiple } : {}),
    ...(spec.servicingFeeRate !== undefined ? { servicingFeeRate: spec.servicingFeeRate } : {}),
    ...(spec.dayCount !== undefined ? { dayCount: spec.dayCount } : {}),
  };
}

function parseFile(input: unknown): AssumptionFile {
  const parsed = ASSUMPTION_FILE_SCHEMA.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = ['$', ...(issue?.path ?? []).map(String)].join('.');
    throw bad(path, issue?.message ?? 'invalid', { issues: parsed.error.issues.map((i) => ({ path: ['$', ...i.path.map(String)].join('.'), message: i.message })) });
  }
  return parsed.data;
}

function checkSegmentNames(file: AssumptionFile, segmentNames: readonly string[]): void {
  const known = new Set(segmentNames);
  for (const name of Object.keys(file.segments ?? {})) {
    if (!known.has(name)) {
      throw bad(`$.segments.${name}`, `the pool has no segment "${name}" (its segments: ${segmentNames.filter(Boolean).join(', ') || 'none'})`);
    }
  }
}

/**
 * Validates an assumption file in depth (shape, vector notation, roll-rate matrices), and its
 * segment keys against a pool's segments when given; errors name the JSON path.
 */
export function checkAssumptions(input: unknown, segmentNames?: readonly string[]): { months: number; segments: string[] } {
  const file = parseFile(input);
  if (segmentNames !== undefined) checkSegmentNames(file, segmentNames);
  toSegment(file.pool, '$.pool');
  for (const [name, spec] of Object.entries(file.segments ?? {})) toSegment(spec, `$.segments.${name}`);
  return { months: file.months, segments: Object.keys(file.segments ?? {}) };
}

/** Validates an assumption file (errors name the JSON path) and maps segments to the pool's codes. */
export function readAssumptions(input: unknown, segmentNames: readonly string[]): { months: number; assumptions: PoolAssumptions } {
  const file = parseFile(input);
  checkSegmentNames(file, segmentNames);
  const segments = segmentNames.map((name) => {
    const spec = file.segments?.[name];
    return spec ? toSegment(spec, `$.segments.${name}`) : undefined;
  });
  return { months: file.months, assumptions: { pool: toSegment(file.pool, '$.pool'), segments } };
}
