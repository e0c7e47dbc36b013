import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { draftOfFile, jsonPath, setField, type FieldPath, type Json } from '../../../renderer/areas/deal/editor/draft.ts';
import { DEFINITION_DAYS as ENGINE_DEFINITION_DAYS } from '../../../engine/project/definition-defaults.ts';
import { kindOfPath, plainMessage } from '../../../renderer/areas/deal/editor/messages.ts';
import { DEFINITION_DAYS } from '../../../renderer/areas/deal/editor/options.ts';
import { readDealFile } from '../../../service/files/deal-file.ts';
import type { FileIssue } from '../../../renderer/app/issues.ts';
import { REPO_ROOT } from '../../helpers/repo.ts';

const creditCard = (): Json => JSON.parse(readFileSync(join(REPO_ROOT, 'templates', 'deals', 'cn-credit-card-installment.json'), 'utf8')) as Json;

/** The service's real check of the credit-card template with some changes: the issue at one path, in the words its field shows. */
function plainAt(changes: readonly [FieldPath, Json][], at: FieldPath): string {
  let deal = draftOfFile(creditCard());
  for (const [path, value] of changes) deal = setField(deal, path, value);
  let issues: FileIssue[] = [];
  try {
    readDealFile(deal);
  } catch (error) {
    issues = (error as { details: { issues: FileIssue[] } }).details.issues;
  }
  const issue = issues.find((i) => i.path === jsonPath(at));
  expect(issue, `an issue at ${jsonPath(at)}`).toBeDefined();
  return issue ? plainMessage(issue, kindOfPath(issue.path)) : '';
}

it('offers the default definition’s days past due the engine accepts', () => expect(DEFINITION_DAYS).toEqual([...ENGINE_DEFINITION_DAYS]));

describe('deal editor: the new fields’ problems in plain words (never zod’s wording or a raw path)', () => {
  it('an excess-servicing tier above 100 %', () => {
    const principal = { kind: 'principal', notes: ['A', 'B', 'Sub'], rule: 'sequential', amount: 'available' };
    const split = { kind: 'excessServicing', note: 'Sub', tiers: [{ hurdleRate: 1.5, noteShare: 0.8 }] };
    const steps = [principal, split, { kind: 'residual', to: 'Sub' }];
    expect(plainAt([[['waterfall', 'principal'], steps]], ['waterfall', 'principal', 1, 'tiers', 0, 'hurdleRate'])).toBe('Enter a percentage between 0% and 100%.');
  });
  it('a negative cap per payment date', () => {
    expect(plainAt([[['fees', 0, 'capPerPaymentDate'], -1]], ['fees', 0, 'capPerPaymentDate'])).toBe('Enter an amount of 0 or more.');
  });
  it('an expected maturity that is not on the calendar', () => {
    expect(plainAt([[['notes', 0, 'expectedMaturity'], '2027-02-30']], ['notes', 0, 'expectedMaturity'])).toBe('This is not a date on the calendar: enter YYYY-MM-DD.');
  });
  it('text in the collection months of the first period', () => {
    expect(plainAt([[['dates', 'firstPeriodCollectionMonths'], 'two']], ['dates', 'firstPeriodCollectionMonths'])).toBe('Enter a whole number from 1 to 24.');
  });
});
