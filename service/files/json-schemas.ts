import { z } from 'zod';
import { ASSUMPTION_FILE_SCHEMA } from './assumption-file.ts';
import { DEAL_FILE_SCHEMA } from './deal-file.ts';
import { POOL_FILE_SCHEMA } from './pool-file-schema.ts';
import { SCENARIO_SET_SCHEMA } from './scenario-file.ts';

/** A file format's JSON Schema as published in docs/schemas/FILE: generated from its zod schema, with its id and title. */
function publishedSchema(schema: z.ZodType, file: string, title: string): string {
  return `${JSON.stringify({ ...z.toJSONSchema(schema), $id: `https://abs-workbench.local/schemas/${file}`, title }, null, 2)}\n`;
}

/** The published JSON Schema of assumption files (docs/schemas/assumptions.schema.json). */
export function assumptionsJsonSchema(): string {
  return publishedSchema(ASSUMPTION_FILE_SCHEMA, 'assumptions.schema.json', 'ABS Workbench projection assumptions');
}

/** The published JSON Schema of pool files of representative lines (docs/schemas/pool.schema.json). */
export function poolJsonSchema(): string {
  return publishedSchema(POOL_FILE_SCHEMA, 'pool.schema.json', 'ABS Workbench pool of representative lines');
}

/** The published JSON Schema of deal files (docs/schemas/deal.schema.json). */
export function dealJsonSchema(): string {
  return publishedSchema(DEAL_FILE_SCHEMA, 'deal.schema.json', 'ABS Workbench deal');
}

/** The published JSON Schema of scenario-set files (docs/schemas/scenario-set.schema.json). */
export function scenarioSetJsonSchema(): string {
  return publishedSchema(SCENARIO_SET_SCHEMA, 'scenario-set.schema.json', 'ABS Workbench scenario set');
}
