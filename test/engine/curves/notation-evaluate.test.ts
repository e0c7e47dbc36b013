import { assert as checkProperty, constantFrom, double, integer, oneof, property, tuple } from 'fast-check';
import { describe, expect, it } from 'vitest';
import { absSmm, evaluateVector, mdrFromCdr, notationRateVector, parseVector, psaSmm, sdaMdr, smmFromCpr, type CurveNotation } from '../../../engine/index.ts';

const monthly = (text: string, months: number, ageMonths = 0): number[] => [...evaluateVector(parseVector(text), months, ageMonths)];
const curveRates = (text: string): readonly number[] => notationRateVector(parseVector(text) as CurveNotation).rates;

describe('evaluateVector', () => {
  it('6 is a constant 6% CPR: every month an SMM of 1 − 0.94^(1/12)', () => {
    expect(monthly('6', 3)).toEqual([smmFromCpr(0.06), smmFromCpr(0.06), smmFromCpr(0.06)]);
  });

  it('2 ramp 6 12 starts at 2% in month 1 and reaches 6% in month 12, steps of 4/11%, then holds 6%', () => {
    // Month k of an n-month ramp from a to b: a + (b − a)(k − 1)/(n − 1).
    const rates = curveRates('2 ramp 6 12');
    expect(rates).toHaveLength(12);
    expect(rates[0]).toBe(0.02);
    // Month 2 is 2 + 4/11 = 2.363636…%, resolved to 12 decimal places of a percent (percentToDecimal).
    expect(rates[1]).toBe(0.02363636363636);
    expect(rates[1]).toBeCloseTo(0.02 + 0.04 / 11, 14);
    expect(rates[11]).toBe(0.06);
    expect(monthly('2 ramp 6 12', 14).slice(11)).toEqual([smmFromCpr(0.06), smmFromCpr(0.06), smmFromCpr(0.06)]);
  });

  it('4 for 12, 8 is 4% for months 1–12 then 8% from month 13', () => {
    const smm = monthly('4 for 12, 8', 24);
    expect(smm.slice(0, 12).every((s) => s === smmFromCpr(0.04))).toBe(true);
    expect(smm.slice(12).every((s) => s === smmFromCpr(0.08))).toBe(true);
  });

  it('an explicit list gives one rate per month, the last held', () => {
    expect(curveRates('1 2 3 4 5 6')).toEqual([0.01, 0.02, 0.03, 0.04, 0.05, 0.06]);
    expect(monthly('1 2 3', 5)).toEqual([0.01, 0.02, 0.03, 0.03, 0.03].map(smmFromCpr));
  });

  it('0.2 ramp 6 30 by age reproduces 100 PSA bit for bit, for new and seasoned loans', () => {
    for (const age of [0, 7, 29, 45]) {
      expect(monthly('0.2 ramp 6 30 by age', 60, age)).toEqual(monthly('100 PSA', 60, age));
    }
    // Month 1 of a new loan is age 1: 0.2% CPR.
    expect(monthly('100 PSA', 1)[0]).toBe(smmFromCpr(0.002));
  });

  it('the SDA shape written as steps reproduces 100 SDA bit for bit', () => {
    // 0.02 → 0.6 over ages 1–30, 0.6 for ages 31–60, 0.5905 → 0.03 over ages 61–120 (−0.0095 a month).
    const steps = '0.02 ramp 0.6 30, 0.6 for 30, 0.5905 ramp 0.03 60 CDR by age';
    expect(monthly(steps, 150, 3)).toEqual(monthly('100 SDA', 150, 3));
  });

  it('PSA, SDA and ABS read age a + t: month t of a loan aged a at cutoff', () => {
    // Loans aged 10: month 1 is age 11, month 25 is age 35.
    expect(monthly('150 PSA', 25, 10)[0]).toBe(psaSmm(11, 150));
    expect(monthly('150 PSA', 25, 10)[24]).toBe(psaSmm(35, 150));
    expect(monthly('200 SDA', 2, 59)).toEqual([sdaMdr(60, 200), sdaMdr(61, 200)]);
    expect(monthly('1.5 ABS', 2, 10)).toEqual([absSmm(0.015, 11), absSmm(0.015, 12)]);
  });

  it('a period curve ignores the age; a by-age curve shifts by it', () => {
    expect(monthly('1 2 3', 2, 1)).toEqual([0.01, 0.02].map(smmFromCpr));
    expect(monthly('1 2 3 by age', 2, 1)).toEqual([0.02, 0.03].map(smmFromCpr));
  });

  it('SMM and MDR units are monthly rates used as they are', () => {
    expect(monthly('0.5 SMM', 2)).toEqual([0.005, 0.005]);
    expect(monthly('0.25 MDR', 1)).toEqual([0.0025]);
    expect(monthly('3 CDR', 1)).toEqual([mdrFromCdr(0.03)]);
  });

  it('x m multiplies the quoted rate (CPR, the PSA speed, the ABS speed), capped at 100%', () => {
    expect(monthly('100 PSA x1.5', 40, 0)).toEqual(monthly('150 PSA', 40, 0));
    expect(curveRates('4 for 12, 8 x1.5')[0]).toBeCloseTo(0.06, 15);
    expect(curveRates('4 for 12, 8 x1.5')[12]).toBeCloseTo(0.12, 15);
    expect(curveRates('80 x2')).toEqual([1]);
    expect(monthly('6 x0', 2)).toEqual([0, 0]);
    expect(monthly('1 ABS x2', 1)).toEqual([absSmm(0.02, 1)]);
  });

  it('gives rates in [0, 1] for any vector, horizon and age', () => {
    const pct = double({ min: 0, max: 100, noNaN: true });
    const text = oneof(
      tuple(pct, pct, integer({ min: 2, max: 60 })).map(([a, b, n]) => `${a.toFixed(6)} ramp ${b.toFixed(6)} ${n}`),
      tuple(pct, integer({ min: 1, max: 60 }), pct).map(([a, n, b]) => `${a.toFixed(6)} for ${n}, ${b.toFixed(6)} CPR`),
      tuple(pct, constantFrom('SMM', 'MDR', 'CDR')).map(([a, unit]) => `${a.toFixed(6)} ${unit}`),
      double({ min: 0, max: 5000, noNaN: true }).map((s) => `${s.toFixed(3)} PSA`),
      double({ min: 0, max: 5000, noNaN: true }).map((s) => `${s.toFixed(3)} SDA`),
      pct.map((s) => `${s.toFixed(6)} ABS`),
    );
    const multiplier = double({ min: 0, max: 10, noNaN: true }).map((m) => ` x${m.toFixed(4)}`);
    checkProperty(
      property(text, multiplier, integer({ min: 0, max: 400 }), integer({ min: 0, max: 360 }), (body, factor, months, age) => {
        const rates = evaluateVector(parseVector(body + factor), months, age);
        expect(rates).toHaveLength(months);
        for (const rate of rates) {
          expect(rate).toBeGreaterThanOrEqual(0);
          expect(rate).toBeLessThanOrEqual(1);
        }
      }),
    );
  });
});
