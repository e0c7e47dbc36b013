import { describe, expect, it } from 'vitest';
import { exportFileName, fileNamePart, typedFileName } from '../../messages/file-name.ts';
import { formatDateTime } from '../../renderer/app/format.ts';

describe('a typed file name is kept as typed, only made savable', () => {
  it('keeps Chinese, spaces and the extension (the walkthrough’s Save as… names)', () => {
    expect(typedFileName('消费贷变体.json')).toBe('消费贷变体.json');
    expect(typedFileName('我的消费贷 variant B2.json')).toBe('我的消费贷 variant B2.json');
    expect(typedFileName('“base” 样本-problems.csv')).toBe('“base” 样本-problems.csv');
  });

  it('replaces only what a file system forbids: / \\ : * ? " < > | and control characters', () => {
    expect(typedFileName('a/b\\c:d*e?"f"<g>|h.csv')).toBe('a-b-c-d-e-f-g-h.csv');
    expect(typedFileName('a\tb\nc\u007f.json')).toBe('a-b-c-.json');
    expect(typedFileName('a//b.json')).toBe('a-b.json'); // a run is one '-'
  });

  it('trims spaces and dots at the ends, and never gives an empty name', () => {
    expect(typedFileName('  .hidden deal.json.  ')).toBe('hidden deal.json');
    expect(typedFileName('   ')).toBe('export');
    expect(typedFileName('...', 'deal')).toBe('deal');
    expect(typedFileName('/')).toBe('-');
  });
});

describe('a composed file name keeps every letter and digit, in any script', () => {
  it('drops curly quotes, apostrophes, spaces and path characters', () => {
    expect(fileNamePart('“base”', 'x')).toBe('base');
    expect(fileNamePart('the deal file’s assumptions', 'x')).toBe('the-deal-file-s-assumptions');
    expect(fileNamePart('a/b\\c:d*e?"f"<g>|h', 'x')).toBe('a-b-c-d-e-f-g-h');
    expect(fileNamePart('ＡＢＳ１', 'x')).toBe('ABS1'); // full-width forms from a Chinese IME
  });

  it('keeps a Chinese name whole: no part of it is lost, and the fallback is only for a name with no letter or digit', () => {
    expect(fileNamePart('消费贷 2027-1', 'deal')).toBe('消费贷-2027-1');
    expect(fileNamePart('样本池', 'tape')).toBe('样本池');
    expect(fileNamePart('Crédit auto', 'deal')).toBe('Crédit-auto'); // composed accents kept (NFKC, not NFKD)
    expect(fileNamePart('“ ” ’', 'tape')).toBe('tape');
  });

  it('joins parts with an extension', () => {
    expect(exportFileName(['消费贷 2027-1', '“stress”'], 'csv')).toBe('消费贷-2027-1-stress.csv');
    // The walkthrough’s tape 我的贷款_utf8 gave “_utf8-problems.csv” under the ASCII rule.
    expect(exportFileName(['我的贷款_utf8', 'problems'], 'csv', 'tape')).toBe('我的贷款_utf8-problems.csv');
    expect(exportFileName(['“”', '’'], 'csv', 'periods')).toBe('periods.csv');
    expect(/^[\p{L}\p{N}._-]+$/u.test(exportFileName(['“a” b’c', 'd e'], 'json'))).toBe(true);
  });
});

describe('one date-time form', () => {
  it('writes a moment as ISO date and local time to the minute', () => {
    const moment = new Date(2026, 11, 7, 8, 5, 59); // local time, as the screen shows it
    expect(formatDateTime(moment.toISOString())).toBe('2026-12-07 08:05');
    expect(formatDateTime('not a date')).toBe('not a date');
  });
});
