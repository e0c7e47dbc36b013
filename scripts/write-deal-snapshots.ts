/**
 * Writes the regression snapshots of the shipped deal templates (test/fixtures/snapshots/deals/):
 * the engine's own output, stored to catch unintended change; not an independent check.
 * test/service/deal-snapshots.test.ts compares every run against them. Run it only after checking
 * that a change in the figures is intended, and say why in the commit.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { readDealFile } from '../service/files/deal-file.ts';
import { dealRunResult } from '../service/runs/deal-run.ts';
import { prepareDeal } from '../service/runs/prepare-deal.ts';
import { dealSnapshot } from '../test/helpers/deal-snapshot.ts';

for (const name of ['cn-consumer-revolving', 'us-auto-oc-turbo', 'pass-through', 'us-cmo-sequential', 'cn-credit-card-installment']) {
  const file = readDealFile(JSON.parse(readFileSync(new URL(`../templates/deals/${name}.json`, import.meta.url), 'utf8')));
  const run = dealRunResult(prepareDeal(file, null, undefined), 'repline');
  writeFileSync(new URL(`../test/fixtures/snapshots/deals/${name}.json`, import.meta.url), `${JSON.stringify(dealSnapshot(run))}\n`);
  process.stdout.write(`wrote test/fixtures/snapshots/deals/${name}.json\n`);
}
