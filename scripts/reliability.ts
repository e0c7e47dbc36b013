/**
 * `npm run reliability [-- family…] [-- --trials N]`: plays every reliability family
 * (test/reliability/families.ts) at full size, or the named ones, and writes
 * bench-results/reliability-<family>.json with the trials run, survived, each failure with its
 * seed and detail, the outcomes, the inputs tried and the seconds taken. Exit 1 when any trial failed.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { machine } from '../test/bench/harness.ts';
import { execFileSync } from 'node:child_process';
import { FAMILIES, WHOLE_FAMILIES } from '../test/reliability/families.ts';
import { runFamily } from '../test/reliability/harness.ts';

const { values, positionals } = parseArgs({ options: { trials: { type: 'string' }, seed: { type: 'string' } }, allowPositionals: true });
const families = FAMILIES.filter((family) => positionals.length === 0 || positionals.includes(family.name));
const whole = Object.keys(WHOLE_FAMILIES).filter((name) => positionals.length === 0 || positionals.includes(name));
if (families.length === 0 && whole.length === 0) {
  process.stderr.write(`reliability: no family named ${positionals.join(', ')} (families: ${[...FAMILIES.map((f) => f.name), ...Object.keys(WHOLE_FAMILIES)].join(', ')})\n`);
  process.exit(1);
}

const outDir = fileURLToPath(new URL('../bench-results/', import.meta.url));
mkdirSync(outDir, { recursive: true });
let failed = 0;
for (const family of families) {
  process.stdout.write(`reliability ${family.name} …\n`);
  const figures = await runFamily(family, {
    size: 'full',
    ...(values.trials !== undefined ? { trials: Number(values.trials) } : {}),
    ...(values.seed !== undefined ? { seed: Number(values.seed) } : {}),
    onTrial: (index, failure) => {
      if (failure) process.stdout.write(`  trial ${index} (seed ${failure.seed}) FAILED: ${failure.detail.slice(0, 500)}\n`);
    },
  });
  writeFileSync(join(outDir, `reliability-${family.name}.json`), `${JSON.stringify({ ...figures, machine: machine(), at: new Date().toISOString() }, null, 2)}\n`);
  process.stdout.write(`  ${figures.survived}/${figures.trials} survived in ${figures.seconds} s\n`);
  for (const [outcome, count] of Object.entries(figures.outcomes)) process.stdout.write(`    ${String(count).padStart(5)}  ${outcome}\n`);
  failed += figures.failures.length;
}
process.stdout.write(`wrote ${families.length} result file(s) to bench-results/\n`);
// The families with their own trial loop, each in a fresh process (scripts/reliability-whole.ts).
if (whole.length > 0) {
  try {
    execFileSync(process.execPath, [fileURLToPath(new URL('reliability-whole.ts', import.meta.url)), ...whole], { stdio: 'inherit' });
  } catch {
    failed++;
  }
}
process.exitCode = failed > 0 ? 1 : 0;
