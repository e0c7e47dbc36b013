import { array, assert, property, string } from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LoanIdIndex } from '../../data/tape/id-index.ts';

/** FNV-1a 32-bit over UTF-16 code units, from its definition (offset basis 0x811C9DC5, prime 0x01000193). */
function fnv1a(id: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

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
  it('tells apart ids with the same FNV-1a hash, ids differing only in their first character, and ids either side of 4,096 characters', () => {
    // FNV-1a 32-bit (offset basis 0x811C9DC5, prime 0x01000193) of CL00000916628 and of
    // CL00001054066 is 0x19978372 for both, checked here by the formula itself.
    expect(fnv1a('CL00000916628')).toBe(0x19978372);
    expect(fnv1a('CL00001054066')).toBe(0x19978372);
    const index = new LoanIdIndex();
    expect(index.firstRowOf('CL00000916628', 2)).toBe(0);
    expect(index.firstRowOf('CL00001054066', 3)).toBe(0);
    expect(index.firstRowOf('CL00001054066', 4)).toBe(3);
    expect(index.firstRowOf('CL00000916628', 5)).toBe(2);
    // Compared from the end: ids that differ only at the start are still told apart.
    const tail = '0'.repeat(4095);
    expect(index.firstRowOf(`A${tail}`, 6)).toBe(0); // 4,096 characters: in the pages
    expect(index.firstRowOf(`B${tail}`, 7)).toBe(0);
    expect(index.firstRowOf(`A${tail}0`, 8)).toBe(0); // 4,097: in the Map beside
    expect(index.firstRowOf(`B${tail}0`, 9)).toBe(0);
    expect(index.firstRowOf(`B${tail}`, 10)).toBe(7);
    expect(index.firstRowOf(`A${tail}0`, 11)).toBe(8);
    expect(index.size).toBe(6);
  });

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
