import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDealFile } from '../../service/files/deal-file.ts';
import { dealRunResult } from '../../service/runs/deal-run.ts';
import { prepareDeal } from '../../service/runs/prepare-deal.ts';
import { dealSnapshot } from '../helpers/deal-snapshot.ts';
import { REPO_ROOT } from '../helpers/repo.ts';

const TEMPLATES = ['cn-consumer-revolving', 'us-auto-oc-turbo', 'pass-through', 'us-cmo-sequential', 'cn-credit-card-installment'];

// Regression snapshot: the engine's own output, stored to catch unintended change; not an
// independent check. Stored by scripts/write-deal-snapshots.ts; a difference is a change in the
// engine's figures, to be explained or fixed, never rewritten blind. The independent checks are
// elsewhere: hand computations (test/engine/deal/revolving-oracle.test.ts works the revolving
// template's first two periods by hand) and published tables (test/fixtures/golden/).
describe('the shipped deal templates against their regression snapshots', () => {
  it.each(TEMPLATES)('%s gives the same tranche analytics and period balances as its regression snapshot, to the cent', (name) => {
    const file = readDealFile(JSON.parse(readFileSync(join(REPO_ROOT, 'templates', 'deals', `${name}.json`), 'utf8')));
    const run = dealRunResult(prepareDeal(file, null, undefined), 'repline');
    const snapshot: unknown = JSON.parse(readFileSync(join(REPO_ROOT, 'test', 'fixtures', 'snapshots', 'deals', `${name}.json`), 'utf8'));
    expect(JSON.parse(JSON.stringify(dealSnapshot(run)))).toEqual(snapshot);
  });
});
