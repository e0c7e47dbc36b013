import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDealFile } from '../../service/deal-file.ts';
import { dealRunResult, prepareDeal } from '../../service/deal-run.ts';
import { dealGolden } from '../helpers/deal-golden.ts';
import { REPO_ROOT } from '../helpers/repo.ts';

const TEMPLATES = ['cn-consumer-revolving', 'us-auto-oc-turbo', 'pass-through', 'us-cmo-sequential'];

describe('the shipped deal templates against their stored results', () => {
  it.each(TEMPLATES)('%s gives the stored tranche analytics and period balances, to the cent', (name) => {
    const file = readDealFile(JSON.parse(readFileSync(join(REPO_ROOT, 'docs', 'examples', 'deals', `${name}.json`), 'utf8')));
    const run = dealRunResult(prepareDeal(file, null, undefined), 'repline', performance.now());
    const stored: unknown = JSON.parse(readFileSync(join(REPO_ROOT, 'test', 'fixtures', 'golden', 'deals', `${name}.json`), 'utf8'));
    // Stored by scripts/write-deal-goldens.ts; a difference is a change in the engine's figures.
    expect(JSON.parse(JSON.stringify(dealGolden(run)))).toEqual(stored);
  });
});
