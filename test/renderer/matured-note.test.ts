import { beforeAll, describe, expect, it } from 'vitest';
import { TAPE_NOTES } from '../../data/tape/messages.ts';
import { sayCodedIn } from '../../messages/say.ts';
import { loadCatalogue } from '../../renderer/app/catalogues.ts';

// Chinese is a chunk of its own (renderer/app/catalogues.ts): loaded once here, so chooseLanguage switches within its call.
beforeAll(() => loadCatalogue('zh-CN'));

// The import's note on loans past their term at the cutoff, in good English for one loan and for several
// (the catalogues have no plural rules, so the service picks the code by the count), and in Chinese.
describe('the matured-before-cutoff note', () => {
  it('says one loan in the singular and two in the plural, in the service’s English and the catalogue’s', () => {
    const one = TAPE_NOTES.say('maturedBeforeCutoffOne', { cutoffDate: '2026-09-30' });
    const two = TAPE_NOTES.say('maturedBeforeCutoff', { loans: 2, cutoffDate: '2026-09-30' });
    expect(one.message).toBe('1 loan matured before the cutoff 2026-09-30: past its term on the tape (delinquent past maturity, or stale data); the pool summary counts it.');
    expect(two.message).toBe('2 loans matured before the cutoff 2026-09-30: past their term on the tape (delinquent past maturity, or stale data); the pool summary counts them.');
    expect(sayCodedIn('en', one)).toBe(one.message);
    expect(sayCodedIn('en', two)).toBe(two.message);
    expect(sayCodedIn('zh-CN', two)).toBe('2 笔贷款在初始起算日 2026-09-30 前已到期：在资产清单上已过期限（到期后仍逾期，或数据陈旧）；资产池汇总包含这些贷款。');
    expect(sayCodedIn('zh-CN', one)).toBe('1 笔贷款在初始起算日 2026-09-30 前已到期：在资产清单上已过期限（到期后仍逾期，或数据陈旧）；资产池汇总包含该笔贷款。');
  });
});
