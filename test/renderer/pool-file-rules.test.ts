import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sayCoded } from '../../renderer/app/coded.ts';
import type { FileIssue } from '../../renderer/app/issues.ts';
import { chooseLanguage } from '../../renderer/app/language.ts';
import { readPoolFile } from '../../service/files/pool-file.ts';
import { loadCatalogue } from '../../renderer/app/catalogues.ts';

// Chinese is a chunk of its own (renderer/app/catalogues.ts): loaded once here, so chooseLanguage switches within its call.
beforeAll(() => loadCatalogue('zh-CN'));

/** The pool file's rules beyond its shape, from the real reader, said in English and in Chinese at their JSON path. */

const LINE = { balance: 1_000_000, originalTerm: 24, remainingTerm: 18, rate: 0.15, amortization: 'level_payment' };

function issueOf(line: Record<string, unknown>, cutoffDate = '2026-06-30'): FileIssue {
  try {
    readPoolFile({ cutoffDate, lines: [{ ...LINE, ...line }] });
  } catch (error) {
    const found = (error as { details?: { issues?: FileIssue[] } }).details?.issues?.[0];
    if (found) return found;
  }
  throw new Error('the pool file was read');
}

function both(issue: FileIssue): [string, string] {
  const english = sayCoded(issue);
  void chooseLanguage('zh-CN');
  const chinese = sayCoded(issue);
  void chooseLanguage('en');
  return [english, chinese];
}

describe('the pool file’s rules by code', () => {
  afterEach(() => chooseLanguage('en'));

  it('a remaining term above the original, at its path; the CLI’s English unchanged', () => {
    const issue = issueOf({ remainingTerm: 30 });
    expect(issue).toMatchObject({ path: '$.lines[0].remainingTerm', code: 'poolFile.remainingAboveOriginal', message: 'remaining term 30 exceeds the original term 24' });
    expect(both(issue)).toEqual(['The remaining term 30 exceeds the original term 24.', '剩余期数 30 超过总期数 24。']);
  });

  it('an overdue principal above the balance: amounts as money', () => {
    const issue = issueOf({ overduePrincipal: 1_200_000, state: 'dpd1_30' });
    expect(issue.message).toBe('overdue principal 1200000 exceeds the balance 1000000');
    expect(both(issue)).toEqual(['The overdue principal ¥1,200,000.00 exceeds the balance ¥1,000,000.00.', '逾期本金 ¥1,200,000.00 超过余额 ¥1,000,000.00。']);
  });

  it('a fee rate on a line that is not flat_fee, and a cutoff that is not a calendar date', () => {
    const fee = issueOf({ rate: undefined, feeRateMonthly: 0.006 });
    expect(fee.path).toBe('$.lines[0].feeRateMonthly');
    expect(both(fee)).toEqual([
      'A fee rate is the charge of a flat_fee (等本等息) line; this line is level_payment: give its rate (APR).',
      '费率仅用于等本等息（flat_fee）贷款组；该贷款组为 level_payment：请给出其利率（APR）。',
    ]);
    expect(both(issueOf({}, '2026-02-30'))).toEqual(['"2026-02-30" is not a calendar date.', '“2026-02-30”不是有效日期。']);
  });
});
