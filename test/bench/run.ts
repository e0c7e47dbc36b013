/**
 * `npm run bench [-- name…]`: runs every test/bench/*.bench.ts (or the named ones: `npm run bench -- grid`) in turn
 * and writes bench-results/<name>.json with the figures and the machine they ran on.
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { machine, type Bench } from './harness.ts';

const here = fileURLToPath(new URL('.', import.meta.url));
const outDir = fileURLToPath(new URL('../../bench-results/', import.meta.url));
const wanted = process.argv.slice(2);

const files = readdirSync(here)
  .filter((file) => file.endsWith('.bench.ts'))
  .filter((file) => wanted.length === 0 || wanted.includes(file.replace(/\.bench\.ts$/, '')))
  .sort();

if (files.length === 0) {
  process.stderr.write(`bench: nothing matches ${wanted.join(', ')}\n`);
  process.exit(1);
}

mkdirSync(outDir, { recursive: true });
let failedBudgets = 0;
for (const file of files) {
  const module = (await import(pathToFileURL(join(here, file)).href)) as { bench: Bench };
  process.stdout.write(`bench ${module.bench.name} …\n`);
  const result = await module.bench.run();
  const record = { ...result, machine: machine(), at: new Date().toISOString() };
  writeFileSync(join(outDir, `${result.name}.json`), `${JSON.stringify(record, null, 2)}\n`);
  for (const [key, value] of Object.entries(result.metrics)) process.stdout.write(`  ${key.padEnd(24)} ${value}\n`);
  for (const b of result.budgets ?? []) {
    const bound = b.min === undefined ? `≤ ${b.max}` : `≥ ${b.min}`;
    process.stdout.write(`  budget: ${b.metric} ${bound} → ${b.ok ? 'ok' : b.min === undefined ? 'OVER BUDGET' : 'UNDER BUDGET'}\n`);
    if (!b.ok) failedBudgets++;
  }
}
process.stdout.write(`wrote ${files.length} result file(s) to bench-results/\n`);
process.exitCode = failedBudgets > 0 ? 1 : 0;
