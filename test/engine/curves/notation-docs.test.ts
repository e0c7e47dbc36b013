import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateVector, parseVector, percentToDecimal, smmFromCpr } from '../../../engine/index.ts';
import { REPO_ROOT } from '../../helpers/repo.ts';

// The examples in docs/vector-notation.md are what analysts copy: each must parse, and the worked
// month-by-month table must match what the engine evaluates.
const doc = readFileSync(join(REPO_ROOT, 'docs', 'vector-notation.md'), 'utf8');

/** The vector at the start of each line of a fenced block: text up to two or more spaces. */
function fencedExamples(heading: string): string[] {
  const section = doc.slice(doc.indexOf(heading));
  const block = /```\n([\s\S]*?)```/.exec(section)?.[1] ?? '';
  return block
    .split('\n')
    .map((line) => line.split(/\s{2,}/)[0]?.trim() ?? '')
    .filter((text) => text !== '');
}

const annual = (text: string, months: number): number[] => [...evaluateVector(parseVector(text), months)];
const pct = (values: number[]): number[] => values.map((v) => smmFromCpr(percentToDecimal(v)));

describe('docs/vector-notation.md', () => {
  it('every example in the opening list and in "Examples to copy" parses and evaluates', () => {
    const examples = [...fencedExamples('# Vector notation'), ...fencedExamples('## Examples to copy')];
    expect(examples.length).toBeGreaterThan(15);
    for (const text of examples) {
      const rates = evaluateVector(parseVector(text), 360, 12);
      expect(
        rates.every((r) => r >= 0 && r <= 1),
        text,
      ).toBe(true);
    }
  });

  it('the step table evaluates as documented', () => {
    expect(annual('2 ramp 6 5', 7)).toEqual(pct([2, 3, 4, 5, 6, 6, 6]));
    expect(annual('1 for 2, 2 ramp 4 3, 3', 7)).toEqual(pct([1, 1, 2, 3, 4, 3, 3]));
    expect(annual('4 for 3, 8', 5)).toEqual(pct([4, 4, 4, 8, 8]));
  });
});
