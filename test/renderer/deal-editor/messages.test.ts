import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { draftOfFile, jsonPath, setField, type FieldPath, type Json } from '../../../renderer/areas/deal/editor/draft.ts';
import { issuesByPath, kindOfPath, plainMessage } from '../../../renderer/areas/deal/editor/messages.ts';
import { loadCatalogue } from '../../../renderer/app/catalogues.ts';
import { chooseLanguage } from '../../../renderer/app/language.ts';
import { readDealFile } from '../../../service/files/deal-file.ts';
import type { FileIssue } from '../../../renderer/app/issues.ts';
import { REPO_ROOT } from '../../helpers/repo.ts';

/** The issues the service's real check reports for the consumer template with one change. */
function issuesOf(path: FieldPath, value: Json): FileIssue[] {
  const deal = setField(draftOfFile(JSON.parse(readFileSync(join(REPO_ROOT, 'templates', 'deals', 'cn-consumer-revolving.json'), 'utf8'))), path, value);
  try {
    readDealFile(deal);
  } catch (error) {
    return (error as { details: { issues: FileIssue[] } }).details.issues;
  }
  throw new Error('the deal was read');
}

function plainAt(path: FieldPath, value: Json, kind: Parameters<typeof plainMessage>[1], at = jsonPath(path)): string {
  const issue = issuesOf(path, value).find((i) => i.path === at);
  if (!issue) throw new Error(`no issue at ${at}`);
  return plainMessage(issue, kind);
}

describe('deal editor: the service’s messages in plain words', () => {
  it('a coupon above 100 % or below 0', () => {
    expect(plainAt(['notes', 0, 'coupon', 'rate'], 1.5, 'percent')).toBe('Enter a percentage between 0% and 100%.');
    expect(plainAt(['notes', 0, 'coupon', 'rate'], -0.01, 'percent')).toBe('Enter a percentage between 0% and 100%.');
  });
  it('text where a number belongs', () => {
    expect(plainAt(['notes', 0, 'coupon', 'rate'], '2,8x', 'percent')).toBe('Enter a percentage, e.g. 4.5.');
    expect(plainAt(['notes', 1, 'originalBalance'], 'lots', 'money')).toBe('Enter an amount, e.g. 320000000.');
  });
  it('a negative amount, a price of 0, a fraction of a period', () => {
    expect(plainAt(['notes', 1, 'originalBalance'], -5, 'money')).toBe('Enter an amount of 0 or more.');
    expect(plainAt(['revolving', 'price'], 0, 'plain')).toBe('Enter a number above 0.');
    expect(plainAt(['revolving', 'periods'], 1.5, 'whole')).toBe('Enter a whole number of at least 1.');
  });
  it('a date that is not on the calendar, and dates out of order (the deal rule, kept, as a sentence)', () => {
    expect(plainAt(['dates', 'closing'], '2027-02-30', 'date')).toBe('This is not a date on the calendar: enter YYYY-MM-DD.');
    expect(plainAt(['dates', 'closing'], '2026-01-01', 'date')).toBe('Closing must be on or after the cutoff date.');
  });
  it('a blank id and an unknown note named by a step', () => {
    expect(plainAt(['notes', 0, 'id'], '', 'id')).toBe('Enter an id: it cannot be blank.');
    expect(plainAt(['waterfall', 'principal', 0, 'notes'], ['A', 'Z'], 'list', '$.waterfall.principal[0].notes[1]')).toBe("Unknown note 'Z'.");
  });
  it('a deal rule naming fields by their keys, in words', () => {
    const bands = [
      { fromPeriod: 1, threshold: 0.02 },
      { fromPeriod: 7, threshold: 0.05 },
    ];
    expect(plainAt(['triggers', 0, 'threshold'], bands, 'whole', '$.triggers[0].threshold[0].toPeriod')).toBe('Every band but the last needs a whole to period ≥ its from period.');
    expect(plainAt(['lossAllocation'], 'writeDown', 'choice', '$.waterfall.interest[8]')).toBe("A PDL cure step needs loss allocation 'pdl'.");
  });
  it('never shows zod’s own wording', () => {
    const changes: [FieldPath, Json][] = [
      [['cleanUpCall', 'poolFactor'], 2],
      [['triggers', 1, 'breachedWhen'], '=>'],
      [['notes', 0, 'coupon'], { type: 'fixd' }],
    ];
    for (const [path, value] of changes) {
      for (const issue of issuesOf(path, value)) expect(plainMessage(issue, 'choice')).not.toMatch(/expected|Invalid|Too (big|small)/);
    }
  });
});

describe('deal editor: month-end payment dates and the legal final maturity', () => {
  beforeAll(() => loadCatalogue('zh-CN'));
  afterEach(() => chooseLanguage('en'));

  it('says at the legal final maturity’s field, in English and in Chinese, that it must be a month end', () => {
    // The consumer template pays on the 26th: its first payment date is refused at the flag, its legal final (2030-02-26) at its own field.
    const issues = issuesOf(['dates', 'endOfMonth'], true);
    expect(issues.map((issue) => issue.path)).toEqual(['$.dates.endOfMonth', '$.dates.legalFinalMaturity']);
    const atLegalFinal = issuesByPath(issues).get(jsonPath(['dates', 'legalFinalMaturity'])) ?? [];
    expect(atLegalFinal.map((issue) => plainMessage(issue, 'date'))).toEqual([
      'End-of-month payment dates put every payment date on a month end: the legal final maturity (2030-02-26) must be the last day of its month too, so that it is the final payment date (30E/360 ISDA reads it as the termination date).',
    ]);
    void chooseLanguage('zh-CN');
    expect(atLegalFinal.map((issue) => plainMessage(issue, 'date'))).toEqual([
      '月末兑付规则使每个兑付日都在月末：法定到期日（2030-02-26）也必须是当月最后一天，使其成为最后一个兑付日（30E/360 ISDA 以其为终止日）。',
    ]);
  });
});

/** The consumer template with Class A's `coupon` renamed `coupn`, each problem as the list shows it: its words, then its path. */
function listed(): string[] {
  const deal = JSON.parse(readFileSync(join(REPO_ROOT, 'templates', 'deals', 'cn-consumer-revolving.json'), 'utf8')) as { notes: Record<string, unknown>[] };
  const [classA] = deal.notes;
  if (!classA) throw new Error('the template has notes');
  classA['coupn'] = classA['coupon'];
  delete classA['coupon'];
  try {
    readDealFile(deal);
  } catch (error) {
    return (error as { details: { issues: FileIssue[] } }).details.issues.map((issue) => `${plainMessage(issue, kindOfPath(issue.path))} ${issue.path}`);
  }
  throw new Error('the deal was read');
}

describe('deal editor: a deal file opened with a misspelt key (the list above the editor)', () => {
  beforeAll(() => loadCatalogue('zh-CN'));
  afterEach(() => chooseLanguage('en'));

  it('names the key as written, the field it meant, and the field missing: in English and in Chinese', () => {
    // Before: "This field is not part of a deal file: remove it. $.notes[0]" and "Choose one of the options. $.notes[0].coupon".
    expect(listed()).toEqual(['“coupn” is not a field of a note: did you mean “coupon”? $.notes[0].coupn', '“coupon” is missing: a note must have it. $.notes[0].coupon']);
    void chooseLanguage('zh-CN');
    expect(listed()).toEqual(['“coupn”不是证券的字段：是否应为“coupon”？ $.notes[0].coupn', '缺少“coupon”：证券必须有此字段。 $.notes[0].coupon']);
  });
});
