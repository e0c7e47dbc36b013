import { array, assert, property, string } from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LoanIdIndex } from '../../data/tape/id-index.ts';

describe('LoanIdIndex', () => {
  it('returns 0 for a new id and the first row for a repeat', () => {
    const index = new LoanIdIndex();
    expect(index.firstRowOf('CL001', 2)).toBe(0);
    expect(index.firstRowOf('CL002', 3)).toBe(0);
    expect(index.firstRowOf('CL001', 9)).toBe(2);
    expect(index.firstRowOf('CL001', 12)).toBe(2);
    expect(index.firstRowOf('借据-001', 13)).toBe(0);
    expect(index.firstRowOf('借据-001', 14)).toBe(13);
    expect(index.firstRowOf('', 15)).toBe(0);
    expect(index.firstRowOf('', 16)).toBe(15);
    expect(index.size).toBe(4);
  });

  it('tells apart ids that share a prefix or differ only in length', () => {
    const index = new LoanIdIndex();
    expect(index.firstRowOf('A1', 1)).toBe(0);
    expect(index.firstRowOf('A10', 2)).toBe(0);
    expect(index.firstRowOf('A', 3)).toBe(0);
    expect(index.firstRowOf('A10', 4)).toBe(2);
  });

  it('agrees with a Map over random id streams, across arena and table growth', () => {
    assert(
      property(array(string({ maxLength: 6 }), { maxLength: 3000 }), (ids) => {
        const index = new LoanIdIndex();
        const reference = new Map<string, number>();
        ids.forEach((id, i) => {
          const expected = reference.get(id) ?? 0;
          if (expected === 0) reference.set(id, i + 1);
          expect(index.firstRowOf(id, i + 1)).toBe(expected);
        });
        expect(index.size).toBe(reference.size);
      }),
      { numRuns: 60 },
    );
  });

  it('agrees with a Map when Latin-1, Chinese and astral ids mix (the arena widens from bytes to code units)', () => {
    assert(
      property(array(string({ unit: 'binary', maxLength: 5 }), { maxLength: 2000 }), (ids) => {
        const index = new LoanIdIndex();
        const reference = new Map<string, number>();
        ids.forEach((id, i) => {
          const expected = reference.get(id) ?? 0;
          if (expected === 0) reference.set(id, i + 1);
          expect(index.firstRowOf(id, i + 1)).toBe(expected);
        });
      }),
      { numRuns: 60 },
    );
  });

  it('keeps every id read before the first non-Latin-1 one, across arena growth', () => {
    const index = new LoanIdIndex();
    // 100,000 ids of 13 characters outgrow the first 1 MiB arena; 'é' (U+00E9) still fits a byte.
    for (let i = 0; i < 100_000; i++) expect(index.firstRowOf(`CL${String(i).padStart(10, '0')}é`, i + 2)).toBe(0);
    expect(index.firstRowOf('借据0000000001', 100_002)).toBe(0);
    expect(index.firstRowOf('CL0000099999é', 1)).toBe(100_001);
    expect(index.firstRowOf('CL0000000000é', 1)).toBe(2);
    expect(index.firstRowOf('借据0000000001', 1)).toBe(100_002);
    // Same length, same low bytes: U+501F (借) is not U+001F.
    expect(index.firstRowOf('\u001f', 100_003)).toBe(0);
    expect(index.firstRowOf('\u501f', 100_004)).toBe(0);
    expect(index.size).toBe(100_003);
  });

  it('holds 300,000 distinct ids', () => {
    const index = new LoanIdIndex();
    for (let i = 0; i < 300_000; i++) expect(index.firstRowOf(`CL2026${String(i).padStart(7, '0')}`, i + 2)).toBe(0);
    expect(index.firstRowOf('CL20260123456', 1)).toBe(123_458);
  });
});

describe('LoanIdIndex across its pages', () => {
  it('keeps ids exact where one page ends and the next begins, and ids too long for a page', () => {
    const index = new LoanIdIndex();
    // 81,000 ids of 13 characters fill the first page of 1,048,576 code units (80,659 fit) and go on in the second.
    const ids = Array.from({ length: 81_000 }, (_, i) => `CL${String(i).padStart(11, '0')}`);
    ids.forEach((id, i) => expect(index.firstRowOf(id, i + 2)).toBe(0));
    ids.forEach((id, i) => expect(index.firstRowOf(id, 1)).toBe(i + 2));
    // A prefix or an extension of the id at the page boundary is another id.
    expect(index.firstRowOf('CL0000008065', 90_000)).toBe(0);
    expect(index.firstRowOf('CL00000080659X', 90_001)).toBe(0);
    expect(index.firstRowOf('', 90_002)).toBe(0);
    expect(index.firstRowOf('', 90_003)).toBe(90_002);
    const long = 'L'.repeat(5000);
    expect(index.firstRowOf(long, 90_004)).toBe(0);
    expect(index.firstRowOf(`${long}x`, 90_005)).toBe(0);
    expect(index.firstRowOf(long, 90_006)).toBe(90_004);
    expect(index.size).toBe(81_005);
  });
});
