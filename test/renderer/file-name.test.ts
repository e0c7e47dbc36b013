import { describe, expect, it } from 'vitest';
import { asciiFileName, exportFileName, fileNamePart } from '../../messages/file-name.ts';
import { formatDateTime } from '../../renderer/app/format.ts';

describe('exported file names are plain ASCII', () => {
  it('drops curly quotes, apostrophes, spaces and path characters', () => {
    expect(fileNamePart('“base”', 'x')).toBe('base');
    expect(fileNamePart('the deal file’s assumptions', 'x')).toBe('the-deal-file-s-assumptions');
    expect(fileNamePart('a/b\\c:d*e?"f"<g>|h', 'x')).toBe('a-b-c-d-e-f-g-h');
    expect(fileNamePart('ＡＢＳ１', 'x')).toBe('ABS1'); // full-width forms from a Chinese IME
  });

  it('keeps what is ASCII of a Chinese name, or falls back', () => {
    expect(fileNamePart('消费贷 2027-1', 'deal')).toBe('2027-1');
    expect(fileNamePart('样本池', 'tape')).toBe('tape');
  });

  it('joins parts with an extension, every character printable ASCII', () => {
    const name = exportFileName(['消费贷 2027-1', '“stress”'], 'csv');
    expect(name).toBe('2027-1-stress.csv');
    expect(exportFileName(['样本池', '“基准”'], 'csv', 'periods')).toBe('periods.csv');
    expect(/^[\x21-\x7e]+$/.test(exportFileName(['“a” b’c', 'd e'], 'json'))).toBe(true);
  });
});

describe('whole names made safe at the download, and one date-time form', () => {
  it('keeps the extension', () => {
    expect(asciiFileName('样本池-rejected-rows.csv')).toBe('rejected-rows.csv');
    expect(asciiFileName('“base”.json')).toBe('base.json');
    expect(asciiFileName('消费贷.csv')).toBe('export.csv');
  });

  it('writes a moment as ISO date and local time to the minute', () => {
    const moment = new Date(2026, 11, 7, 8, 5, 59); // local time, as the screen shows it
    expect(formatDateTime(moment.toISOString())).toBe('2026-12-07 08:05');
    expect(formatDateTime('not a date')).toBe('not a date');
  });
});
