/**
 * Writes the stored results of the shipped deal templates (test/fixtures/golden/deals/), which
 * test/service/deal-goldens.test.ts compares every run against. Run it only after checking that
 * a change in the figures is intended, and say why in the commit.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { readDealFile } from '../service/deal-file.ts';
import { dealRunResult, prepareDeal } from '../service/deal-run.ts';
import { dealGolden } from '../test/helpers/deal-golden.ts';

for (const name of ['cn-consumer-revolving', 'us-auto-oc-turbo', 'pass-through', 'us-cmo-sequential']) {
  const file = readDealFile(JSON.parse(readFileSync(new URL(`../docs/examples/deals/${name}.json`, import.meta.url), 'utf8')));
  const run = dealRunResult(prepareDeal(file, null, undefined), 'repline', performance.now());
  writeFileSync(new URL(`../test/fixtures/golden/deals/${name}.json`, import.meta.url), `${JSON.stringify(dealGolden(run))}\n`);
  process.stdout.write(`wrote test/fixtures/golden/deals/${name}.json\n`);
}
