import { z } from 'zod';
import { STRAT_DIMENSIONS, type StratDimensionId } from '../../data/pool/strats.ts';
import { FIELD_SPECS, type CanonicalField } from '../../data/tape/fields.ts';
import type { AssumptionFile, DealFile, Method, PoolFile, RequestOf } from './contract.ts';

/** Boundary validation of every request: nothing reaches a handler unchecked. */
const noParams = z.strictObject({});
const id = z.number().int().positive();
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD');
const fieldNames = FIELD_SPECS.map((f) => f.field) as [CanonicalField, ...CanonicalField[]];
const stratDimensionIds = STRAT_DIMENSIONS.map((d) => d.id) as [StratDimensionId, ...StratDimensionId[]];
const stratRequest = z.strictObject({
  tapeId: id,
  by: z.enum(stratDimensionIds),
  edges: z.array(z.number().finite()).max(50).optional(),
});
/**
 * Files as read (a deal, assumption or pool file) pass as is: their handlers read them in full
 * (readDealFile, checkAssumptions and readAssumptionFile, readPoolFile), so a caller that sends
 * anything else still gets each problem at the file's own JSON path.
 */
const dealFile = z.custom<DealFile>();
/** Curves in vector notation are read (with their position in the text) when the run is prepared. */
const scenarioOverrides = z.strictObject({
  prepayment: z.string().min(1).max(500).optional(),
  default: z.string().min(1).max(500).optional(),
  defaultMultiplier: z.number().min(0).max(1000).optional(),
});
const assumptionFile = z.custom<AssumptionFile>();
const poolFile = z.custom<PoolFile>();
const runStoreOptions = {
  store: z.boolean().optional(),
  runName: z.string().trim().min(1, 'a run name cannot be empty').max(200).optional(),
  scenarioName: z.string().trim().min(1).max(200).optional(),
};
const headerMapping = z.record(z.string().max(500), z.enum(fieldNames).nullable());

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
  }),
  'runs.list': noParams,
  'runs.get': z.strictObject({ id }),
  'runs.rename': z.strictObject({ id, name: z.string().trim().min(1, 'a run name cannot be empty').max(200) }),
  'runs.delete': z.strictObject({ id }),
  'mapping.list': noParams,
  'mapping.save': z.strictObject({ name: z.string().trim().min(1, 'a mapping needs a name').max(200), mapping: headerMapping }),
  'mapping.delete': z.strictObject({ name: z.string().min(1).max(200) }),
};

export function isMethod(name: unknown): name is Method {
  return typeof name === 'string' && Object.hasOwn(REQUEST_SCHEMAS, name);
}
