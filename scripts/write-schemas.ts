/** Writes the published JSON Schemas (docs/schemas/) from the zod schemas that validate the files. */
import { writeFileSync } from 'node:fs';
import { assumptionsJsonSchema, dealJsonSchema, poolJsonSchema, scenarioSetJsonSchema } from '../service/files/json-schemas.ts';

writeFileSync(new URL('../docs/schemas/assumptions.schema.json', import.meta.url), assumptionsJsonSchema());
process.stdout.write('wrote docs/schemas/assumptions.schema.json\n');
writeFileSync(new URL('../docs/schemas/pool.schema.json', import.meta.url), poolJsonSchema());
process.stdout.write('wrote docs/schemas/pool.schema.json\n');
writeFileSync(new URL('../docs/schemas/deal.schema.json', import.meta.url), dealJsonSchema());
process.stdout.write('wrote docs/schemas/deal.schema.json\n');
writeFileSync(new URL('../docs/schemas/scenario-set.schema.json', import.meta.url), scenarioSetJsonSchema());
process.stdout.write('wrote docs/schemas/scenario-set.schema.json\n');
