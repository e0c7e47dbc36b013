import { describe, expect, it } from 'vitest';
import { parseVector, vectorPurpose, type CurveNotation, type CurveStep } from '../../../engine/index.ts';

// Notation (docs/vector-notation.md): numbers are percent; steps `v`, `v for n`, `a ramp b n`
// laid end to end, the last value held flat; then optional flat, unit, `by age|period`, `x m`.
const curve = (steps: CurveStep[], extra: Partial<CurveNotation> = {}): CurveNotation => ({
  form: 'curve',
  steps,
  unit: null,
  basis: 'period',
  multiplier: 1,
  ...extra,
});
const level = (pct: number, months = 1): CurveStep => ({ kind: 'level', pct, months });
const ramp = (fromPct: number, toPct: number, months: number): CurveStep => ({ kind: 'ramp', fromPct, toPct, months });

describe('parseVector', () => {
  it('reads a lone number as a constant rate in percent', () => {
    expect(parseVector('6')).toEqual(curve([level(6)]));
    expect(parseVector('  0.25 ')).toEqual(curve([level(0.25)]));
    expect(parseVector('6%')).toEqual(curve([level(6)]));
  });

  it('reads ramps, levels for n months and explicit lists', () => {
    expect(parseVector('2 ramp 6 12')).toEqual(curve([ramp(2, 6, 12)]));
    expect(parseVector('4 for 12, 8')).toEqual(curve([level(4, 12), level(8)]));
    expect(parseVector('4 for 12 8')).toEqual(curve([level(4, 12), level(8)])); // the comma is optional
    expect(parseVector('4 for 12 months, 8')).toEqual(curve([level(4, 12), level(8)]));
    expect(parseVector('1 2 3 4 5 6')).toEqual(curve([1, 2, 3, 4, 5, 6].map((v) => level(v))));
    expect(parseVector('1, 2, 3')).toEqual(curve([level(1), level(2), level(3)]));
    expect(parseVector('0.2 ramp 6 30, 6 for 6, 5')).toEqual(curve([ramp(0.2, 6, 30), level(6, 6), level(5)]));
  });

  it('reads unit, basis, flat and multiplier suffixes in any order, case-insensitively', () => {
    expect(parseVector('8 CPR')).toEqual(curve([level(8)], { unit: 'CPR' }));
    expect(parseVector('3 cdr')).toEqual(curve([level(3)], { unit: 'CDR' }));
    expect(parseVector('0.5 SMM')).toEqual(curve([level(0.5)], { unit: 'SMM' }));
    expect(parseVector('0.2 ramp 6 30 by age')).toEqual(curve([ramp(0.2, 6, 30)], { basis: 'age' }));
    expect(parseVector('2 ramp 6 12 flat')).toEqual(curve([ramp(2, 6, 12)]));
    expect(parseVector('4 for 12, 8 x1.5')).toEqual(curve([level(4, 12), level(8)], { multiplier: 1.5 }));
    expect(parseVector('4 for 12, 8 x 1.5')).toEqual(parseVector('4 for 12, 8 ×1.5'));
    expect(parseVector('6 x1.5 by period CPR')).toEqual(curve([level(6)], { unit: 'CPR', multiplier: 1.5 }));
    expect(parseVector('6 by age MDR x0')).toEqual(curve([level(6)], { unit: 'MDR', basis: 'age', multiplier: 0 }));
  });

  it('reads benchmark models: PSA and SDA speeds in percent of the benchmark, ABS in percent a month', () => {
    expect(parseVector('150 PSA')).toEqual({ form: 'standard', model: 'PSA', speed: 150, multiplier: 1 });
    expect(parseVector('100 sda')).toEqual({ form: 'standard', model: 'SDA', speed: 100, multiplier: 1 });
    expect(parseVector('1.5 ABS')).toEqual({ form: 'standard', model: 'ABS', speed: 1.5, multiplier: 1 });
    expect(parseVector('150% PSA')).toEqual(parseVector('150 PSA'));
    expect(parseVector('150PSA')).toEqual(parseVector('150 PSA'));
    expect(parseVector('100 PSA x1.5')).toEqual({ form: 'standard', model: 'PSA', speed: 100, multiplier: 1.5 });
  });

  it('accepts the full-width comma and percent a Chinese input method types', () => {
    expect(parseVector('4 for 12，8％')).toEqual(curve([level(4, 12), level(8)]));
  });

  it('checks the purpose when asked, and says which purpose a vector has', () => {
    expect(parseVector('150 PSA', { purpose: 'prepayment' }).form).toBe('standard');
    expect(parseVector('6', { purpose: 'default' }).form).toBe('curve'); // bare curves serve either
    expect(vectorPurpose(parseVector('6'))).toBeNull();
    expect(vectorPurpose(parseVector('6 SMM'))).toBe('prepayment');
    expect(vectorPurpose(parseVector('6 MDR'))).toBe('default');
    expect(vectorPurpose(parseVector('100 SDA'))).toBe('default');
    expect(vectorPurpose(parseVector('1.5 ABS'))).toBe('prepayment');
  });
});
