import { array, constant, constantFrom, double, assert as checkProperty, integer, oneof, property, record } from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatVector, parseVector, plainNumber, type CurveStep, type VectorNotation } from '../../../engine/index.ts';

// formatVector writes the canonical text: steps joined by ", ", then unit, "by age", "x<m>";
// defaults (no unit, by period, x1, flat) are left out. parse(format(v)) must equal v.
describe('formatVector', () => {
  it('writes the canonical form of each notation', () => {
    const cases: readonly (readonly [string, string])[] = [
      ['6', '6'],
      ['2 ramp 6 12', '2 ramp 6 12'],
      ['4 for 12 8', '4 for 12, 8'],
      ['4 for 12 months, 8 flat', '4 for 12, 8'],
      ['1 2 3 4 5 6', '1, 2, 3, 4, 5, 6'],
      ['0.2 ramp 6 30 by age', '0.2 ramp 6 30 by age'],
      ['6 by period', '6'],
    ];
    for (const [text, canonical] of cases) expect(formatVector(parseVector(text))).toBe(canonical);
    expect(formatVector(parseVector('8 x 1.5 by age cpr'))).toBe('8 CPR by age x1.5');
    expect(formatVector(parseVector('150% psa'))).toBe('150 PSA');
    expect(formatVector(parseVector('1.5 ABS ×2'))).toBe('1.5 ABS x2');
    expect(formatVector(parseVector('6 x1'))).toBe('6');
  });

  it('spells numbers without exponents, since the notation has none', () => {
    expect(plainNumber(1.5e-7)).toBe('0.00000015');
    expect(plainNumber(1e-7)).toBe('0.0000001');
    expect(plainNumber(1.234e21)).toBe('1234000000000000000000');
    expect(plainNumber(0.5905)).toBe('0.5905');
    expect(Number(plainNumber(5e-324))).toBe(5e-324);
  });

  it('round-trips: parseVector(formatVector(v)) equals v for any valid vector', () => {
    const pct = double({ min: 0, max: 100, noNaN: true }).map((x) => x + 0); // + 0 turns −0 into 0
    const factor = oneof(
      constant(1),
      double({ min: 0, max: 1e6, noNaN: true }).map((x) => x + 0),
    );
    const step = oneof(
      record({ kind: constant('level' as const), pct, months: integer({ min: 1, max: 24 }) }),
      record({ kind: constant('ramp' as const), fromPct: pct, toPct: pct, months: integer({ min: 2, max: 24 }) }),
    );
    const curve = record({
      form: constant('curve' as const),
      steps: array(step, { minLength: 1, maxLength: 8 }),
      unit: constantFrom(null, 'CPR' as const, 'CDR' as const, 'SMM' as const, 'MDR' as const),
      basis: constantFrom('period' as const, 'age' as const),
      multiplier: factor,
    });
    const standard = oneof(
      record({ form: constant('standard' as const), model: constantFrom('PSA' as const, 'SDA' as const), speed: double({ min: 0, max: 1e4, noNaN: true }).map((x) => x + 0), multiplier: factor }),
      record({ form: constant('standard' as const), model: constant('ABS' as const), speed: pct, multiplier: factor }),
    );
    checkProperty(
      property(oneof(curve, standard), (vector: VectorNotation) => {
        const text = formatVector(vector);
        expect(parseVector(text)).toEqual(vector);
        expect(formatVector(parseVector(text))).toBe(text);
      }),
    );
  });

  it('keeps the steps as typed (4 for 12 is not collapsed to 4)', () => {
    const steps: CurveStep[] = [{ kind: 'level', pct: 4, months: 12 }];
    expect(formatVector({ form: 'curve', steps, unit: null, basis: 'period', multiplier: 1 })).toBe('4 for 12');
  });
});
