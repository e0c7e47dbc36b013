import { z } from 'zod';
import { UserError } from '../../data/errors.ts';
import {
  AMORTIZATION_TYPES,
  longRunDelinquency,
  rollRateNotes,
  buildTransitionMatrix,
  DAY_COUNTS,
  DEFAULT_ORDERS,
  DEFAULT_SOURCES,
  EngineError,
  parseVector,
  type AmortizationType,
  type PenaltyWaiver,
  type PoolAssumptions,
  type SegmentAssumptions,
  wholeNumber,
  type CodedMessage,
} from '../../engine/index.ts';
import { eventsForGroups, readEvents, segmentName, type EventSpec } from './event-blocks.ts';
import { EVENTS_SCHEMA } from './event-schema.ts';
import { ASSUMPTION_RULES, rollRateProblem, vectorReason } from './assumption-messages.ts';
import { codedIssue, fileError, reservedKeyIssues, type FileIssue } from './file-issues.ts';
import { schemaIssues } from './schema-issues.ts';

/**
 * The assumption file (JSON) of a projection: horizon, pool-wide assumptions, per-segment
 * overrides keyed by the tape's segment value (salaried, self_employed, gig, …), and ordered
 * override rules matched on segment, product, amortization type and original term. Speeds are
 * written in the vector notation of docs/vector-notation.md ("150 PSA", "5 ramp 15 12 CPR",
 * "2 CDR"); rates and probabilities are decimals. docs/assumptions.md describes every field. The
 * JSON Schema in docs/schemas/ is generated from this (a test keeps them equal).
 */
const probability = z.number().min(0).max(1);
// The monthly buckets past 90 days, and the compact 91–180 row that stands for all three (docs/assumptions.md).
const past90 = { dpd91_120: probability, dpd121_150: probability, dpd151_180: probability, dpd91_180: probability };
const delinquent = { dpd1_30: probability, dpd31_60: probability, dpd61_90: probability, ...past90 };

const rollRatesSchema = z.strictObject({
  rollForward: z.strictObject({ current: probability, ...delinquent }).partial(),
  cure: z.strictObject(delinquent).partial().optional(),
  rollBack: z
    .strictObject({ dpd31_60: probability, dpd61_90: probability, ...past90 })
    .partial()
    .optional(),
  chargeOffAt: z
    .enum(['dpd1_30', 'dpd31_60', 'dpd61_90', 'dpd91_120', 'dpd121_150', 'dpd151_180', 'dpd91_180'])
    .optional()
    .describe('The last delinquent bucket: rolling forward from it is the charge-off. Default dpd151_180 (write-off after 180 days past due); dpd91_180 means the same'),
});

const segmentSchema = z.strictObject({
  defaultSources: z
    .enum(DEFAULT_SOURCES)
    .optional()
    .describe('With both a default curve and roll rates: "one" (the default) applies the roll-rate charge-offs only; "both" also applies the curve to current loans'),
  defaultOrder: z
    .enum(DEFAULT_ORDERS)
    .optional()
    .describe(
      'When current loans default at the MDR: "beginning" (the default, SIFMA Standard Formulas) on the beginning balance, paying nothing that month; "afterScheduled" after paying the month’s interest and scheduled principal',
    ),
  prepayment: z.string().min(1).max(500).optional().describe('Prepayment speed in vector notation, e.g. "10 CPR", "150 PSA"'),
  default: z.string().min(1).max(500).optional().describe('Default speed of performing loans, e.g. "2 CDR", "100 SDA"'),
  defaultTiming: z
    .strictObject({
      cumulativeDefaultRate: z.number().min(0).max(1).describe('Total defaults as a decimal of the cutoff balance (0.08 = 8%)'),
      timingPct: z.array(z.number().min(0)).min(1).max(600).describe('Share of the total defaulting in each timing period, percent (rescaled to 100)'),
      monthsPerPeriod: wholeNumber('monthsPerPeriod', 1, 120).describe('Months per timing period: 12 for an annual curve, 1 for a monthly one'),
    })
    .optional()
    .describe('Instead of `default`: a cumulative default rate spread over time by a timing curve (the MDRs producing it are solved)'),
  rollRates: rollRatesSchema.optional().describe('Monthly roll-rate (transition) probabilities over the delinquency buckets'),
  recoveryRate: probability.optional().describe('Share of defaulted principal recovered (decimal)'),
  recoveryLagMonths: wholeNumber('recoveryLagMonths', 0, 120).optional(),
  penaltyMultiple: z.number().min(0).max(10).optional().describe('Penalty interest (罚息) as a multiple of the contract rate'),
  penaltyCompounding: z.boolean().optional().describe('复利: overdue interest also accrues penalty interest at the penalty rate (银发〔2003〕251号); default false, penalty on overdue principal only'),
  borrowerCostCap: z
    .number()
    .min(0)
    .max(10)
    .nullable()
    .optional()
    .describe(
      'Cap on the borrower’s annualised cost, annual decimal (0.24 = 24%): each month a delinquent loan’s contract interest plus penalty and compound interest may not exceed cap × year fraction × its unpaid principal; the penalty above it is forgone. Default null: no cap',
    ),
  penaltyWaiver: z
    .strictObject({
      restructured: z.boolean().optional().describe('Restructured loans (the tape’s 是否重组) pay no penalty interest'),
      outage: z.boolean().optional().describe('Loans whose auto-debit failed in an outage event pay no penalty interest on that installment, unless the event’s waivePenalty says otherwise'),
    })
    .optional()
    .describe('Which loans pay no penalty interest'),
  servicingFeeRate: z.number().min(0).max(0.2).optional().describe('Servicing strip, annual decimal'),
  dayCount: z
    .enum(DAY_COUNTS)
    .optional()
    .describe(
      'Interest accrual: 30/360 (Bond Basis: APR/12 a month, the default), 30/360 US, 30E/360 or 30E/360 ISDA (the 30/360 variants, which part only at month ends: docs/deals.md, Day counts), ACT/365 (daily on actual days: Chinese consumer loans) or ACT/360',
    ),
});

/** One value, or a list of values any of which matches. */
function oneOrList<T extends z.ZodType>(value: T) {
  return z.union([value, z.array(value).min(1).max(1000)]);
}

const matchSchema = z
  .strictObject({
    segment: oneOrList(z.string().max(100)).optional().describe('The pool’s borrower segment value(s), as `segments` keys name them; a value the pool does not have is an error'),
    product: oneOrList(z.string().max(200)).optional().describe('The pool’s product value(s) as on the tape, e.g. "cash_loan", "现金贷"; a value the pool does not have is an error'),
    amortization: oneOrList(z.enum(AMORTIZATION_TYPES)).optional().describe('level_payment (等额本息), equal_principal (等额本金), interest_only (先息后本), flat_fee (等本等息)'),
    originalTerm: oneOrList(wholeNumber('originalTerm', 1, 600))
      .optional()
      .describe('Original term(s) in whole months, e.g. [3, 6]'),
  })
  .describe('Which loans the rule applies to: every key given must match (AND); a key given a list matches any of its values (OR); {} matches every loan');

const overrideSchema = segmentSchema
  .extend({ match: matchSchema })
  .describe('Assumptions for the loans the rule matches, merged field by field over the pool, their segment’s and earlier rules’ assumptions');

/** Where a set came from when a tool wrote it (docs/static-pool.md): kept with the set, not used by the projection. */
const sourceSchema = z
  .strictObject({
    kind: z.literal('staticPool').describe('Fitted from an originator’s static-pool (vintage, 静态池) history by `abs static-pool` or staticPool.fit'),
    files: z.array(z.string().min(1).max(500)).min(1).max(20).describe('The file names the history was read from'),
    vintages: z
      .array(z.string().regex(/^\d{4}-\d{2}$/, 'expected an origination month as YYYY-MM'))
      .min(1)
      .max(1200)
      .describe('The origination months (YYYY-MM) the fit used'),
    fittedAt: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/, 'expected an ISO 8601 UTC time')
      .describe('When the fit was made (ISO 8601, UTC)'),
    method: z.string().min(1).max(2000).describe('The fitting methods and the parameters they took (term, rate, amortisation, thresholds)'),
    fitError: z
      .strictObject({
        cumulativeDefaultRmse: z.number().min(0).max(1).describe('RMSE of fitted vs observed cumulative default rate over every vintage × month, decimal'),
        cumulativePrepaymentRmse: z.number().min(0).max(1).nullable().describe('The same for the cumulative prepayment rate; null without prepayment history'),
      })
      .optional()
      .describe('How far the fitted curves are from the history'),
  })
  .describe('Where the set came from (optional; the projection does not read it)');

export const ASSUMPTION_FILE_SCHEMA = z.strictObject({
  months: wholeNumber('months', 1, 600).describe('Projection horizon in months, 1–600 (the longest original term a loan may have, and the most months a deal run projects)'),
  source: sourceSchema.optional(),
  pool: segmentSchema,
  segments: z.record(z.string(), segmentSchema).optional().describe('Overrides by the tape’s segment value'),
  overrides: z
    .array(overrideSchema)
    .max(100)
    .optional()
    .describe(
      'Ordered override rules. A loan’s assumptions are the pool’s, then its segment’s (`segments`), then those of every rule whose `match` it satisfies in file order, each merged field by field: a field a later rule gives replaces the earlier value, fields it omits keep theirs (docs/assumptions.md)',
    ),
  events: EVENTS_SCHEMA.optional().describe(
    'Event stresses on top of the assumptions: payment holidays (展期), servicing outages, segment shocks (docs/assumptions.md, "Event stresses"); events of the same month apply in file order',
  ),
});

export type AssumptionFile = z.infer<typeof ASSUMPTION_FILE_SCHEMA>;
type SegmentFile = z.infer<typeof segmentSchema>;

/** The values a pool's loans take, which `segments` keys and override matches may name. */
export interface PoolNames {
  readonly segments: readonly string[];
  readonly products: readonly string[];
}

/** An override rule as read: the values each key matches (absent: any), and its assumptions. */
export interface OverrideRule {
  readonly segment: ReadonlySet<string> | null;
  readonly product: ReadonlySet<string> | null;
  readonly amortization: ReadonlySet<AmortizationType> | null;
  readonly originalTerm: ReadonlySet<number> | null;
  readonly assumptions: SegmentAssumptions;
}

/** A validated assumption file: evaluated assumptions for the pool, by segment name, and the rules in file order. */
export interface Assumptions {
  readonly months: number;
  readonly pool: SegmentAssumptions;
  readonly segments: ReadonlyMap<string, SegmentAssumptions>;
  readonly overrides: readonly OverrideRule[];
  /** The event stresses in file order, their segments as named in the file. */
  readonly events: readonly EventSpec[];
  /** Names the file gives that the pool has not (none when read without the pool's names): they apply to no loan. */
  readonly unmatched: readonly UnmatchedName[];
}

/** A segment or product the file (or a scenario's multipliers and events) names and the pool has not: no loan is in it, so its assumptions are not used. */
export interface UnmatchedName {
  /** JSON path of what names it: `$.segments.gig`, `$.overrides[0].match.segment`, `$.events[1].segment`. */
  readonly path: string;
  readonly kind: 'segment' | 'product';
  readonly name: string;
}

function bad(path: string, coded: CodedMessage, details: Record<string, unknown> = {}): UserError {
  return fileError('Assumptions', [codedIssue(path, coded)], details);
}

function toSegment(spec: SegmentFile, path: string): SegmentAssumptions {
  const vector = (text: string | undefined, field: 'prepayment' | 'default'): SegmentAssumptions['prepayment'] => {
    if (text === undefined) return undefined;
    try {
      return { kind: 'notation', notation: parseVector(text, { purpose: field === 'prepayment' ? 'prepayment' : 'default' }) };
    } catch (error) {
      throw bad(`${path}.${field}`, ASSUMPTION_RULES.say('unreadableSpeed', { reason: vectorReason(error) }), { value: text });
    }
  };
  let rollRates: Float64Array | null = null;
  if (spec.rollRates) {
    try {
      rollRates = buildTransitionMatrix(spec.rollRates);
    } catch (error) {
      if (!(error instanceof EngineError)) throw error;
      throw bad(`${path}.rollRates`, rollRateProblem(error.code, error.details, error.message));
    }
  }
  const prepayment = vector(spec.prepayment, 'prepayment');
  const defaults = vector(spec.default, 'default');
  if (defaults && spec.defaultTiming) throw bad(`${path}.defaultTiming`, ASSUMPTION_RULES.say('defaultTwice'));
  if (spec.defaultTiming && !spec.defaultTiming.timingPct.some((share) => share > 0)) throw bad(`${path}.defaultTiming.timingPct`, ASSUMPTION_RULES.say('timingSharesZero'));
  return {
    ...(spec.defaultSources !== undefined ? { defaultSources: spec.defaultSources } : {}),
    ...(spec.defaultOrder !== undefined ? { defaultOrder: spec.defaultOrder } : {}),
    ...(prepayment ? { prepayment } : {}),
    ...(defaults ? { default: defaults } : {}),
    ...(spec.defaultTiming ? { defaultTiming: spec.defaultTiming } : {}),
    ...(spec.rollRates ? { rollRates } : {}),
    ...(spec.recoveryRate !== undefined ? { recoveryRate: spec.recoveryRate } : {}),
    ...(spec.recoveryLagMonths !== undefined ? { recoveryLagMonths: spec.recoveryLagMonths } : {}),
    ...(spec.penaltyMultiple !== undefined ? { penaltyMultiple: spec.penaltyMultiple } : {}),
    ...(spec.penaltyCompounding !== undefined ? { penaltyCompounding: spec.penaltyCompounding } : {}),
    ...(spec.borrowerCostCap !== undefined ? { borrowerCostCap: spec.borrowerCostCap } : {}),
    ...(spec.penaltyWaiver !== undefined ? { penaltyWaiver: penaltyWaiver(spec.penaltyWaiver) } : {}),
    ...(spec.servicingFeeRate !== undefined ? { servicingFeeRate: spec.servicingFeeRate } : {}),
    ...(spec.dayCount !== undefined ? { dayCount: spec.dayCount } : {}),
  };
}

/** The waiver as the engine takes it (`outage`: the default of an outage event's waivePenalty). */
function penaltyWaiver(spec: NonNullable<SegmentFile['penaltyWaiver']>): PenaltyWaiver {
  return {
    ...(spec.restructured !== undefined ? { restructured: spec.restructured } : {}),
    ...(spec.outage !== undefined ? { outage: spec.outage } : {}),
  };
}

function parseFile(input: unknown): AssumptionFile {
  const reserved = reservedKeyIssues(input);
  if (reserved.length > 0) throw fileError('Assumptions', reserved);
  const parsed = ASSUMPTION_FILE_SCHEMA.safeParse(input);
  if (!parsed.success) {
    throw fileError('Assumptions', schemaIssues(parsed.error, { schema: ASSUMPTION_FILE_SCHEMA, input, file: 'assumptionFile' }));
  }
  return parsed.data;
}

const listOf = <T>(value: T | readonly T[] | undefined): readonly T[] | null => (value === undefined ? null : Array.isArray(value) ? value : [value as T]);

function setOf<T>(value: T | readonly T[] | undefined): ReadonlySet<T> | null {
  const list = listOf(value);
  return list === null ? null : new Set(list);
}

/** The pool's values of a key, for an error message. */
const valuesText = (names: readonly string[]): string => names.filter(Boolean).join(', ') || 'none';

/**
 * The segment keys, override matches and event segments that name a value the pool has not. Such
 * a name applies to no loan (a loan of a segment the file does not name takes the pool's set), so
 * it is no error: a run goes ahead and says which (unmatchedWarnings), so that a typo shows.
 */
function unmatchedNames(file: AssumptionFile, events: readonly EventSpec[], names: PoolNames): UnmatchedName[] {
  const segments = new Set(names.segments);
  const products = new Set(names.products);
  const out: UnmatchedName[] = [];
  for (const name of Object.keys(file.segments ?? {})) if (!segments.has(name)) out.push({ path: `$.segments.${name}`, kind: 'segment', name });
  (file.overrides ?? []).forEach((rule, k) => {
    for (const name of listOf(rule.match.segment) ?? []) if (!segments.has(name)) out.push({ path: `$.overrides[${k}].match.segment`, kind: 'segment', name });
    for (const name of listOf(rule.match.product) ?? []) if (!products.has(name)) out.push({ path: `$.overrides[${k}].match.product`, kind: 'product', name });
  });
  for (const spec of events) if (typeof spec.segment === 'string' && !segments.has(spec.segment)) out.push({ path: `${spec.path}.segment`, kind: 'segment', name: spec.segment });
  return out;
}

/**
 * What a run or a check against a pool says of the names that match no loan: one warning for the
 * segments, one for the products, each naming every one and where the file names it.
 */
export function unmatchedWarnings(unmatched: readonly UnmatchedName[], names: PoolNames): CodedMessage[] {
  const said = (kind: UnmatchedName['kind']): { names: string; paths: string } | null => {
    const of = unmatched.filter((u) => u.kind === kind);
    return of.length === 0 ? null : { names: [...new Set(of.map((u) => u.name))].join(', '), paths: of.map((u) => u.path).join(', ') };
  };
  const [segments, products] = [said('segment'), said('product')];
  return [
    ...(segments ? [ASSUMPTION_RULES.say('unmatchedSegments', { ...segments, segments: valuesText(names.segments) })] : []),
    ...(products ? [ASSUMPTION_RULES.say('unmatchedProducts', { ...products, products: valuesText(names.products) })] : []),
  ];
}

/** The file's speeds in vector notation and its roll-rate matrices, evaluated (problems at their JSON paths). */
function evaluate(file: AssumptionFile): Assumptions {
  return {
    months: file.months,
    pool: toSegment(file.pool, '$.pool'),
    segments: new Map(Object.entries(file.segments ?? {}).map(([name, spec]) => [name, toSegment(spec, `$.segments.${name}`)])),
    overrides: (file.overrides ?? []).map(({ match, ...spec }, k) => ({
      segment: setOf(match.segment),
      product: setOf(match.product),
      amortization: setOf(match.amortization),
      originalTerm: setOf(match.originalTerm),
      assumptions: toSegment(spec, `$.overrides[${k}]`),
    })),
    events: readEvents(file.events ?? [], file.months),
    unmatched: [],
  };
}

/** The file as read and as evaluated: shape, then the names against the pool's (when given), then notation and matrices. */
function readFile(input: unknown, names: PoolNames | undefined): { file: AssumptionFile; read: Assumptions } {
  const file = parseFile(input);
  const read = evaluate(file);
  if (names === undefined) return { file, read };
  // Every event naming a position past the pool's list, at once.
  const positions = read.events.flatMap((spec) => {
    try {
      segmentName(spec, names.segments);
      return [];
    } catch (error) {
      if (error instanceof UserError) return (error.details['issues'] as FileIssue[] | undefined) ?? [];
      throw error;
    }
  });
  if (positions.length > 0) throw fileError('Assumptions', positions);
  return { file, read: { ...read, unmatched: unmatchedNames(file, read.events, names) } };
}

/**
 * Whether an assumption file (valid or not) has an override rule that matches on product: only
 * then does a projection need each loan's product.
 */
export function matchesProduct(input: unknown): boolean {
  const rules = isRecord(input) ? input['overrides'] : undefined;
  return Array.isArray(rules) && rules.some((rule) => isRecord(rule) && isRecord(rule['match']) && rule['match']['product'] !== undefined);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/**
 * The implied long-run share 1+ days past due of a set's roll rates (engine longRunDelinquency:
 * the stationary mix with charge-offs replaced by new current loans), for the pool, each segment
 * (its own roll rates or the pool's) and each override rule that gives roll rates — the figure to
 * set beside the tape's delinquency ratio when calibrating (docs/assumptions.md).
 */
export interface ImpliedDelinquency {
  /** JSON path of the set: `$.pool`, `$.segments.gig`, `$.overrides[2]`. */
  readonly path: string;
  /** JSON path of the roll rates it uses (the segment's own, or the pool's). */
  readonly rollRatesPath: string;
  /** Long-run share of loans 1+ days past due, decimal. */
  readonly delinquentShare: number;
}

/** What an assumption file amounts to: the file as read, its horizon, the segments it overrides, implied delinquency and notes. */
export interface CheckedAssumptions {
  readonly months: number;
  readonly segments: string[];
  readonly assumptions: AssumptionFile;
  readonly impliedDelinquency: ImpliedDelinquency[];
  /** How parts of the file are read that an analyst should know (a field not used, a curve not applied). */
  readonly notes: string[];
  /** Checked against a pool: the segments and products it names that the pool has not (unmatchedWarnings). */
  readonly warnings: CodedMessage[];
}

function implied(path: string, rollRatesPath: string, matrix: Float64Array | null | undefined): ImpliedDelinquency[] {
  return matrix ? [{ path, rollRatesPath, delinquentShare: longRunDelinquency(matrix).delinquentShare }] : [];
}

/** The sets of the file as a loan of each segment sees them (the pool's, each segment's merged over it, each rule's own). */
function impliedAll(file: AssumptionFile, read: Assumptions): ImpliedDelinquency[] {
  const rows = implied('$.pool', '$.pool.rollRates', read.pool.rollRates);
  for (const [name, segment] of read.segments) {
    const own = segment.rollRates !== undefined;
    rows.push(...implied(`$.segments.${name}`, own ? `$.segments.${name}.rollRates` : '$.pool.rollRates', own ? segment.rollRates : read.pool.rollRates));
  }
  (file.overrides ?? []).forEach((rule, k) => {
    if (rule.rollRates) rows.push(...implied(`$.overrides[${k}]`, `$.overrides[${k}].rollRates`, read.overrides[k]?.assumptions.rollRates));
  });
  return rows;
}

/** Notes on the compact 91–180 rows and on default curves that one-source sets do not apply. */
function notesOf(file: AssumptionFile): string[] {
  const notes: string[] = [];
  const sets: [string, SegmentFile][] = [['$.pool', file.pool], ...Object.entries(file.segments ?? {}).map(([name, set]): [string, SegmentFile] => [`$.segments.${name}`, set])];
  for (const [path, set] of sets) {
    if (set.rollRates) notes.push(...rollRateNotes(set.rollRates).map((note) => `${path}.rollRates: ${note}`));
    const merged = path === '$.pool' ? set : { ...file.pool, ...set };
    const curve = set.default !== undefined ? 'default' : set.defaultTiming !== undefined ? 'defaultTiming' : null;
    if (curve !== null && merged.rollRates && merged.defaultSources !== 'both') {
      notes.push(
        `${path}.${curve} is not applied: the set takes its defaults from the roll-rate charge-offs (one default source); set defaultSources to "both" to apply the curve to current loans as well`,
      );
    }
  }
  return notes;
}

/**
 * Reads an assumption file in full (shape, vector notation, roll-rate matrices, and the segments
 * and products it names against a pool's when given; errors name the JSON path): the file as
 * read, its horizon, the segments it overrides, the implied long-run delinquency of its roll rates
 * and notes on how it is read.
 */
export function checkAssumptions(input: unknown, names?: PoolNames): CheckedAssumptions {
  const { file, read } = readFile(input, names);
  return {
    months: read.months,
    segments: [...read.segments.keys()],
    assumptions: file,
    impliedDelinquency: impliedAll(file, read),
    notes: notesOf(file),
    warnings: names === undefined ? [] : unmatchedWarnings(read.unmatched, names),
  };
}

/**
 * Validates an assumption file against a pool's segments and products (errors name the JSON
 * path) and evaluates it; assumptionGroups (service/runs/assumption-groups.ts) maps it onto the pool's
 * loans or lines.
 */
export function readAssumptionFile(input: unknown, names: PoolNames): Assumptions {
  return readFile(input, names).read;
}

/**
 * Validates an assumption file WITHOUT override rules against a pool's segments and maps its
 * segments to the pool's codes: PoolAssumptions for loans whose `segment` codes index
 * segmentNames. A file with `overrides` needs each loan's product, amortization and term: use
 * readAssumptionFile and assumptionGroups.
 */
export function readAssumptions(input: unknown, segmentNames: readonly string[]): { months: number; assumptions: PoolAssumptions } {
  if ((parseFile(input).overrides ?? []).length > 0) {
    throw bad('$.overrides', ASSUMPTION_RULES.say('overridesNotHere'));
  }
  const file = readFile(input, { segments: segmentNames, products: [] }).read;
  const events = eventsForGroups(
    file.events,
    segmentNames,
    segmentNames.map((_, s) => s),
  );
  return { months: file.months, assumptions: { pool: file.pool, segments: segmentNames.map((name) => file.segments.get(name)), ...(events.length > 0 ? { events } : {}) } };
}
