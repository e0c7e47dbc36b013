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

  it('holds 300,000 distinct ids', () => {
    const index = new LoanIdIndex();
    for (let i = 0; i < 300_000; i++) expect(index.firstRowOf(`CL2026${String(i).padStart(7, '0')}`, i + 2)).toBe(0);
    expect(index.firstRowOf('CL20260123456', 1)).toBe(123_458);
  });
});
