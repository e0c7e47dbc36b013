import { describe, expect, it } from 'vitest';
import { SheetNames } from '../../../service/report/sheet-names.ts';

describe('sheet names', () => {
  it('cuts to 31 characters, replaces the characters Excel forbids, and dedupes ignoring case within the limit', () => {
    const names = new SheetNames();
    // 40 characters → the first 31.
    expect(names.name('Accounts and triggers · Stress 1.5x')).toBe('Accounts and triggers · Stress ');
    // Same first 31 characters → " (2)" within 31: 27 characters + " (2)".
    expect(names.name('Accounts and triggers · Stress 2x')).toBe('Accounts and triggers · Str (2)');
    expect(names.name('Accounts and triggers · Stress 3x')).toBe('Accounts and triggers · Str (3)');
    expect(names.name('Pool: A/B [rev]*?')).toBe('Pool_ A_B _rev___');
    expect(names.name('SUMMARY')).toBe('SUMMARY');
    expect(names.name('summary')).toBe('summary (2)');
    expect(names.name("'quoted'")).toBe('quoted');
    expect(names.name('')).toBe('Sheet_');
    expect(names.name('History')).toBe('History_');
    // A surrogate pair is never split: 30 ASCII then 😀 (2 code units) → the 30 ASCII.
    expect(names.name(`${'x'.repeat(30)}😀`)).toBe('x'.repeat(30));
    expect(names.name('资产池现金流 · 压力情景')).toBe('资产池现金流 · 压力情景');
  });
});
