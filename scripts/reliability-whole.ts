/**
 * `node scripts/reliability-whole.ts [load] [soak] [determinism] [run-store]`: runs the families of
 * the reliability harness that keep their own trial loop (test/reliability/families.ts
 * WHOLE_FAMILIES; docs/reliability.md) at full size, one after another (all when none is named),
 * each in a fresh process (the soak's memory is its own, not what an earlier family left), and
 * writes each one's figures to bench-results/reliability-<family>.json with the machine they ran
 * on. Exit 1 when a family recorded a failure. `npm run reliability` calls it after the crash and
 * fuzz families; run it alone: the soak measures resident memory and takes minutes.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { machine } from '../test/bench/harness.ts';
import { WHOLE_FAMILIES as FAMILIES } from '../test/reliability/families.ts';
import type { FamilyFigures } from '../test/reliability/load-support.ts';
const outDir = fileURLToPath(new URL('../bench-results/', import.meta.url));

const [first, second] = process.argv.slice(2);
// A child runs one family and prints its figures: `--family NAME`.
if (first === '--family' && second !== undefined) {
  const family = FAMILIES[second];
  if (!family) throw new Error(`no family ${second}`);
  process.stdout.write(JSON.stringify(await family('full')));
  process.exit(0);
}

const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !(name in FAMILIES));
if (unknown.length > 0) {
  process.stderr.write(`reliability: no family ${unknown.join(', ')} (families: ${Object.keys(FAMILIES).join(', ')})\n`);
  process.exit(1);
}

mkdirSync(outDir, { recursive: true });
let failed = 0;
for (const name of wanted.length > 0 ? wanted : Object.keys(FAMILIES)) {
  process.stdout.write(`reliability ${name} (full) …\n`);
  const figures = JSON.parse(execFileSync(process.execPath, [fileURLToPath(import.meta.url), '--family', name], { encoding: 'utf8', maxBuffer: 64 * 1024 ** 2 })) as FamilyFigures;
  writeFileSync(join(outDir, `reliability-${name}.json`), `${JSON.stringify({ ...figures, machine: machine(), at: new Date().toISOString() }, null, 2)}\n`);
  process.stdout.write(`  ${figures.survived} of ${figures.trials} trials held in ${figures.seconds} s\n`);
  for (const failure of figures.failures) process.stdout.write(`  FAILED ${failure.trial}: ${failure.problem}\n`);
  if (figures.failures.length > 0) failed++;
}
process.stdout.write(`wrote bench-results/reliability-<family>.json\n`);
process.exitCode = failed > 0 ? 1 : 0;
