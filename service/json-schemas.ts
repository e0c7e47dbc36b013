import { z } from 'zod';
import { ASSUMPTION_FILE_SCHEMA } from './assumptions.ts';

/** The published JSON Schema of assumption files (docs/schemas/assumptions.schema.json). */
export function assumptionsJsonSchema(): string {
  const schema = {
    ...z.toJSONSchema(ASSUMPTION_FILE_SCHEMA),
    $id: 'https://abs-workbench.local/schemas/assumptions.schema.json',
    title: 'ABS Workbench projection assumptions',
  };
  return `${JSON.stringify(schema, null, 2)}\n`;
}
