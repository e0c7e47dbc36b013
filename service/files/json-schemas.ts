import { z } from 'zod';
import { ASSUMPTION_FILE_SCHEMA } from './assumption-file.ts';
import { DEAL_FILE_SCHEMA } from './deal-file.ts';
import { POOL_FILE_SCHEMA } from './pool-file-schema.ts';

/** The published JSON Schema of assumption files (docs/schemas/assumptions.schema.json). */
export function assumptionsJsonSchema(): string {
  const schema = {
    ...z.toJSONSchema(ASSUMPTION_FILE_SCHEMA),
    $id: 'https://abs-workbench.local/schemas/assumptions.schema.json',
    title: 'ABS Workbench projection assumptions',
  };
  return `${JSON.stringify(schema, null, 2)}\n`;
}

/** The published JSON Schema of pool files of representative lines (docs/schemas/pool.schema.json). */
export function poolJsonSchema(): string {
  const schema = {
    ...z.toJSONSchema(POOL_FILE_SCHEMA),
    $id: 'https://abs-workbench.local/schemas/pool.schema.json',
    title: 'ABS Workbench pool of representative lines',
  };
  return `${JSON.stringify(schema, null, 2)}\n`;
}

/** The published JSON Schema of deal files (docs/schemas/deal.schema.json). */
export function dealJsonSchema(): string {
  const schema = {
    ...z.toJSONSchema(DEAL_FILE_SCHEMA),
    $id: 'https://abs-workbench.local/schemas/deal.schema.json',
    title: 'ABS Workbench deal',
  };
  return `${JSON.stringify(schema, null, 2)}\n`;
}
