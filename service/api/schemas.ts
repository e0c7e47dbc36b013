import { SCHEDULE_UNITS } from '../../data/schedule/columns.ts';
import { z } from 'zod';
import { DAY_COUNTS } from '../../engine/daycount.ts';
import { EVENTS_SCHEMA } from '../files/event-schema.ts';
import { STRAT_DIMENSIONS, type StratDimensionId } from '../../data/pool/strats.ts';
import { FIELD_SPECS, type CanonicalField } from '../../data/tape/fields.ts';
import { GRID_MAX_AXIS_VALUES, MONTE_CARLO_LIMITS, type AssumptionFile, type DealFile, type Method, type PoolFile, type RequestOf, type ScenarioSetFile } from './contract.ts';

/** Boundary validation of every request: nothing reaches a handler unchecked. */
const noParams = z.strictObject({});
const id = z.number().int().positive();
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD');
const fieldNames = FIELD_SPECS.map((f) => f.field) as [CanonicalField, ...CanonicalField[]];
const stratDimensionIds = STRAT_DIMENSIONS.map((d) => d.id) as [StratDimensionId, ...StratDimensionId[]];
const stratRequest = z.strictObject({
  tapeId: id,
  by: z.union([z.enum(stratDimensionIds), z.templateLiteral(['extra:', z.string().min(1)])]),
  edges: z.array(z.number().finite()).max(50).optional(),
});
const amounts = z.array(z.number().finite().min(0)).max(1200);
const priceYieldRequest = z
  .strictObject({
    note: z.strictObject({
      originalBalance: z.number().finite().positive(),
      closingDate: isoDate,
      paymentsPerYear: z.number().int().min(1).max(12),
      dayCount: z.enum(DAY_COUNTS),
      paymentDates: z.array(isoDate).min(1).max(1200),
      principal: amounts,
      interest: amounts,
      endingBalance: amounts,
      couponRate: z.array(z.number().finite().min(-1).max(1)).max(1200),
    }),
    settlementDate: isoDate,
    convention: z.enum(['annualEffective', 'bondEquivalent', 'mortgageEquivalent', 'chinaInterbank']),
    cleanPrice: z.number().finite().positive('a price is percent of par, above 0 (99.5)').optional(),
    yield: z.number().finite().gt(-1).lt(10, 'a yield is a decimal (0.05 for 5%)').optional(),
  })
  .refine((r) => (r.cleanPrice === undefined) !== (r.yield === undefined), 'give a clean price or a yield, not both')
  .refine(
    (r) => [r.note.principal, r.note.interest, r.note.endingBalance, r.note.couponRate].every((c) => c.length === r.note.paymentDates.length),
    'principal, interest, endingBalance and couponRate need one value per payment date',
  );
/**
 * Files as read (a deal, assumption or pool file) pass as is: their handlers read them in full
 * (readDealFile, checkAssumptions and readAssumptionFile, readPoolFile), so a caller that sends
 * anything else still gets each problem at the file's own JSON path.
 */
const dealFile = z.custom<DealFile>();
const factor = z.number().min(0).max(100).optional();
const stressFactors = z.strictObject({ default: factor, rollIn: factor, cure: factor, prepayment: factor, recovery: factor });
/** Curves in vector notation are read (with their position in the text) when the run is prepared. */
const scenarioOverrides = z.strictObject({
  prepayment: z.string().min(1).max(500).optional(),
  default: z.string().min(1).max(500).optional(),
  defaultMultiplier: z.number().min(0).max(1000).optional(),
  multipliers: z.strictObject({ pool: stressFactors.optional(), segments: z.record(z.string().max(100), stressFactors).optional() }).optional(),
  recoveryRate: z.number().min(0).max(1).optional(),
  recoveryLagMonths: z.number().int().min(0).max(120).optional(),
  indexRates: z.strictObject({ path: z.array(z.number().min(-1).max(1)).min(1).max(600).optional(), shockBps: z.number().min(-2000).max(2000).optional() }).optional(),
  events: EVENTS_SCHEMA.optional(),
});
const assumptionFile = z.custom<AssumptionFile>();
/** A sweep's worker threads (docs/sweeps.md); not an input of the run. */
const sweepJobs = z.number().int().min(1).max(256).optional();
const gridAxis = z.strictObject({
  parameter: z.enum(['defaultMult', 'prepayMult', 'cureMult', 'rollInMult', 'recoveryMult', 'recoveryRate', 'recoveryLag', 'cdr', 'cpr', 'indexShockBps', 'outageShare', 'outageMonth']),
  values: z.array(z.number()).min(1).max(GRID_MAX_AXIS_VALUES),
});
/** The outage a grid's outage axes vary: the fields of an outage event block (docs/assumptions.md), each optional. */
const gridOutage = z.strictObject({
  segment: z.string().min(1).max(100).optional(),
  month: z.number().int().min(1).max(600).optional(),
  days: z.number().int().min(1).max(31).optional(),
  share: z.number().min(0).max(1).optional(),
  cureShare: z.number().min(0).max(1).optional(),
  waivePenalty: z.boolean().optional(),
});
const poolFile = z.custom<PoolFile>();
const runStoreOptions = {
  store: z.boolean().optional(),
  runName: z.string().trim().min(1, 'a run name cannot be empty').max(200).optional(),
  scenarioName: z.string().trim().min(1).max(200).optional(),
};
const headerMapping = z.record(z.string().max(500), z.enum(fieldNames).nullable());
/** A tape source's plausibility limits (data/tape/rows/limits.ts checks how they fit together). */
const plausibilityLimits = z.strictObject({
  maxAmount: z.number().positive().max(1e15).optional(),
  minDate: isoDate.optional(),
  maxDate: isoDate.optional(),
  scoreMin: z.number().min(0).max(1e6).optional(),
  scoreMax: z.number().positive().max(1e6).optional(),
});

const tapeSource = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('path'), path: z.string().trim().min(1, 'a file path is required').max(4096) }),
  z.strictObject({ kind: z.literal('upload'), uploadId: z.string().min(1).max(100) }),
]);

const readOptions = {
  source: tapeSource,
  encoding: z.string().max(40).optional(),
  delimiter: z.enum([',', '\t', ';', '|']).optional(),
  sheet: z.string().max(200).optional(),
  mapping: headerMapping.optional(),
  mappingName: z.string().max(200).optional(),
};

const staticPoolFiles = z
  .array(
    z.strictObject({
      source: tapeSource,
      encoding: z.string().max(40).optional(),
      metric: z.enum(['cumulativeDefault', 'cumulativePrepayment', 'dpd1_30', 'dpd31_60', 'dpd61_90']).optional(),
    }),
  )
  .min(1, 'a static pool needs at least one file')
  .max(20);

export const REQUEST_SCHEMAS: { readonly [M in Method]: z.ZodType<RequestOf<M>> } = {
  'app.version': noParams,
  'workspace.info': noParams,
  'workspace.open': z.strictObject({
    path: z.string().trim().min(1, 'a workspace path is required').max(4096),
    create: z.boolean().optional(),
  }),
  'job.get': z.strictObject({ id: z.string().min(1).max(100) }),
  'job.list': noParams,
  'job.cancel': z.strictObject({ id: z.string().min(1).max(100) }),
  'tape.fields': noParams,
  'tape.preview': z.strictObject(readOptions),
  'tape.import': z.strictObject({
    ...readOptions,
    name: z.string().max(200).optional(),
    cutoffDate: isoDate.optional(),
    mode: z.enum(['reject', 'keepValid']),
    allowDuplicate: z.boolean().optional(),
    limits: plausibilityLimits.optional(),
  }),
  'tape.importSample': z.strictObject({
    loans: z.number().int().min(1).max(1_000_000).optional(),
    seed: z
      .number()
      .int()
      .min(0)
      .max(2 ** 31 - 1)
      .optional(),
  }),
  'tape.list': noParams,
  'tape.get': z.strictObject({ id }),
  'tape.rename': z.strictObject({ id, name: z.string().trim().min(1, 'a tape name cannot be empty').max(200) }),
  'tape.delete': z.strictObject({ id }),
  'tape.rejects': z.strictObject({
    id,
    offset: z.number().int().min(0).optional(),
    limit: z.number().int().min(1).max(1000).optional(),
  }),
  'tape.rejectsCsv': z.strictObject({ id }),
  'pool.dimensions': noParams,
  'pool.summary': z.strictObject({ tapeId: id }),
  'pool.strat': stratRequest,
  'pool.stratCsv': stratRequest,
  // Assumption and pool files are validated in depth (with JSON paths) by service/files/assumption-file.ts and service/files/pool-file.ts.
  'pool.check': z.strictObject({ pool: z.unknown() }),
  'pool.project': z.strictObject({
    source: z.discriminatedUnion('kind', [z.strictObject({ kind: z.literal('tape'), tapeId: id }), z.strictObject({ kind: z.literal('lines'), pool: poolFile })]),
    assumptions: assumptionFile,
    mode: z.enum(['loan', 'repline']).optional(),
    ...runStoreOptions,
  }),
  'assumptions.check': z.strictObject({ assumptions: z.unknown(), tapeId: id.optional() }),
  'assumptions.example': noParams,
  'assumptions.list': noParams,
  'assumptions.save': z.strictObject({ name: z.string().trim().min(1, 'an assumption set needs a name').max(200), assumptions: z.unknown() }),
  'assumptions.delete': z.strictObject({ name: z.string().min(1).max(200) }),
  // Deal files are validated in depth (JSON paths, every rule) by service/files/deal-file.ts.
  'deal.templates': noParams,
  'deal.validate': z.strictObject({ deal: z.unknown() }),
  'deal.run': z.strictObject({
    deal: dealFile,
    tapeId: id.optional(),
    mode: z.enum(['loan', 'repline']).optional(),
    assumptions: assumptionFile.optional(),
    scenarioOverrides: scenarioOverrides.optional(),
    ...runStoreOptions,
    sizeToPool: z.boolean().optional(),
  }),
  'deal.breakeven': z.strictObject({
    deal: dealFile,
    tapeId: id.optional(),
    mode: z.enum(['loan', 'repline']).optional(),
    assumptions: assumptionFile.optional(),
    scenarioOverrides: scenarioOverrides.optional(),
    by: z.enum(['multiplier', 'cdr']).optional(),
    interest: z.enum(['timely', 'ultimate']).optional(),
    ...runStoreOptions,
    sizeToPool: z.boolean().optional(),
  }),
  'deal.size': z.strictObject({
    deal: dealFile,
    tapeId: id.optional(),
    mode: z.enum(['loan', 'repline']).optional(),
    assumptions: assumptionFile.optional(),
    scenarioOverrides: scenarioOverrides.optional(),
    pool: poolFile.optional(),
    method: z.enum(['scale', 'creditEnhancement', 'breakeven']),
    target: z.number().finite().optional(),
    floor: z.number().min(0, 'the floor is a share of the pool from 0').lt(1, 'the floor is a decimal share of the pool below 1 (0.05, not 5)').optional(),
    interest: z.enum(['timely', 'ultimate']).optional(),
  }),
  'deal.priceYield': priceYieldRequest,
  'scenarios.check': z.strictObject({ scenarios: z.unknown(), tapeId: id.optional() }),
  'scenarios.list': noParams,
  'scenarios.get': z.strictObject({ name: z.string().min(1).max(200) }),
  'scenarios.save': z.strictObject({ name: z.string().trim().min(1, 'a scenario set needs a name').max(200).optional(), scenarios: z.unknown() }),
  'scenarios.delete': z.strictObject({ name: z.string().min(1).max(200) }),
  'scenarios.templates': noParams,
  'deal.tables': z.strictObject({
    deal: z.unknown(),
    speeds: z.string().trim().min(1, 'give at least one speed, e.g. "0.5,1,1.3,1.5,1.8,2 ABS"').max(2000),
    call: z.enum(['call', 'noCall', 'both']).optional(),
    pool: z.unknown().optional(),
    assumptions: assumptionFile.optional(),
    rows: z.enum(['paymentDates', 'anniversaries']).optional(),
    precision: z.enum(['twoDecimals', 'wholePercent', 'wholePercentNoAsterisk']).optional(),
  }),
  'deal.runScenarios': z.strictObject({
    deal: dealFile,
    tapeId: id.optional(),
    mode: z.enum(['loan', 'repline']).optional(),
    assumptions: assumptionFile.optional(),
    scenarioOverrides: scenarioOverrides.optional(),
    scenarios: z.custom<ScenarioSetFile>(),
    breakevens: z.strictObject({ by: z.enum(['multiplier', 'cdr']).optional(), interest: z.enum(['timely', 'ultimate']).optional() }).optional(),
    jobs: sweepJobs,
    ...runStoreOptions,
  }),
  // Axis values are checked against their parameter's range (service/runs/grid-parameters.ts), each at its path.
  'deal.grid': z.strictObject({
    deal: dealFile,
    tapeId: id.optional(),
    mode: z.enum(['loan', 'repline']).optional(),
    assumptions: assumptionFile.optional(),
    scenarioOverrides: scenarioOverrides.optional(),
    rows: gridAxis,
    columns: gridAxis,
    outage: gridOutage.optional(),
    jobs: sweepJobs,
    ...runStoreOptions,
  }),
  'deal.monteCarlo': z.strictObject({
    deal: dealFile,
    tapeId: id.optional(),
    mode: z.enum(['loan', 'repline']).optional(),
    assumptions: assumptionFile.optional(),
    scenarioOverrides: scenarioOverrides.optional(),
    ...runStoreOptions,
    distribution: z.discriminatedUnion('kind', [
      z.strictObject({
        kind: z.literal('lognormal'),
        mean: z.number().gt(0, 'a lognormal mean lifetime default must be > 0').max(1, 'a lifetime default rate is a decimal ≤ 1 (0.04, not 4)').optional(),
        cv: z.number().min(0).max(MONTE_CARLO_LIMITS.maxCv),
      }),
      z.strictObject({
        kind: z.literal('vasicek'),
        pd: z.number().gt(0).lt(1, 'a default probability is a decimal < 1 (0.04, not 4)'),
        rho: z.number().min(0).lt(1, 'an asset correlation is a decimal < 1'),
      }),
    ]),
    paths: z.number().int().min(1).max(MONTE_CARLO_LIMITS.maxPaths),
    seed: z.number().int().min(0).max(MONTE_CARLO_LIMITS.maxSeed),
    jobs: z.number().int().min(1).max(256).optional(),
    ratingTable: z
      .array(z.strictObject({ rating: z.string().trim().min(1).max(20), maxExpectedLoss: z.number().min(0).max(1) }))
      .min(1)
      .max(50)
      .optional(),
  }),
  'report.excel': z.strictObject({
    deal: dealFile.optional(),
    runIds: z.array(id).min(1).max(50).optional(),
    scenarios: z.custom<ScenarioSetFile>().optional(),
    tapeId: id.optional(),
    mode: z.enum(['loan', 'repline']).optional(),
    assumptions: assumptionFile.optional(),
    scenarioOverrides: scenarioOverrides.optional(),
    language: z.enum(['en', 'zh-CN']).optional(),
    outPath: z.string().trim().min(1, 'an output path cannot be empty').max(4096).optional(),
  }),
  'report.pack': z.strictObject({ runIds: z.array(id).min(1).max(50), language: z.enum(['en', 'zh-CN']).optional() }),
  'runs.list': noParams,
  'runs.get': z.strictObject({ id }),
  'runs.rename': z.strictObject({ id, name: z.string().trim().min(1, 'a run name cannot be empty').max(200) }),
  'runs.delete': z.strictObject({ id }),
  'mapping.list': noParams,
  'mapping.save': z.strictObject({ name: z.string().trim().min(1, 'a mapping needs a name').max(200), mapping: headerMapping, limits: plausibilityLimits.optional() }),
  'mapping.delete': z.strictObject({ name: z.string().min(1).max(200) }),
  'staticPool.preview': z.strictObject({ files: staticPoolFiles }),
  'staticPool.fit': z.strictObject({
    files: staticPoolFiles,
    amortization: z.enum(['level_payment', 'equal_principal', 'flat_fee', 'interest_only']).optional(),
    termMonths: z.number().int().min(1).max(600).optional(),
    rateAnnual: z.number().min(0).max(1).optional(),
    minDevelopedShare: z.number().gt(0).max(1).optional(),
    includeRollRates: z.boolean().optional(),
  }),
  'schedule.import': z.strictObject({
    source: tapeSource,
    name: z.string().trim().min(1, 'a schedule needs a name').max(200),
    unit: z.enum(SCHEDULE_UNITS).optional(),
    cutoffDate: isoDate.optional(),
    sheet: z.string().min(1).max(200).optional(),
    encoding: z.string().max(40).optional(),
  }),
  'schedule.list': noParams,
  'schedule.get': z.strictObject({ name: z.string().min(1).max(200) }),
  'schedule.delete': z.strictObject({ name: z.string().min(1).max(200) }),
};

export function isMethod(name: unknown): name is Method {
  return typeof name === 'string' && Object.hasOwn(REQUEST_SCHEMAS, name);
}
