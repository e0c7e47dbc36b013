/**
 * `node scripts/reliability-load.ts [load] [soak] [determinism]`: runs the load, soak and
 * determinism families of the reliability harness (test/reliability/, docs/reliability-load.md)
 * at full size, one after another (all three when none is named), each in a fresh process (the
 * soak's memory is its own, not what an earlier family left), and writes each one's figures to
 * bench-results/reliability-<family>.json with the machine they ran on. Exit 1 when a family
 * recorded a failure. Run it alone: the soak measures resident memory and takes minutes.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { machine } from '../test/bench/harness.ts';
import type { FamilyFigures, FamilySize } from '../test/reliability/load-support.ts';
import { run as determinism } from '../test/reliability/determinism.ts';
import { run as load } from '../test/reliability/load.ts';
import { run as soak } from '../test/reliability/soak.ts';

const FAMILIES: Readonly<Record<string, (size: FamilySize) => Promise<FamilyFigures>>> = { load, soak, determinism };
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
  process.stderr.write(`reliability-load: no family ${unknown.join(', ')} (families: ${Object.keys(FAMILIES).join(', ')})\n`);
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
