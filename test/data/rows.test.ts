import { describe, expect, it } from 'vitest';
import type { CanonicalField } from '../../data/tape/fields.ts';
import { createRowNormalizer, LOAN_COLUMNS, type LoanParams, type RowNormalizer } from '../../data/tape/rows.ts';

/** The row rules on their own, one source row at a time (test/data/import.test.ts runs them through whole tapes). */

const CUTOFF = '2026-09-30';
const REQUIRED: Readonly<Record<string, CanonicalField>> = {
  loan_id: 'loanId',
  origination_date: 'originationDate',
  original_principal: 'originalPrincipal',
  current_principal: 'currentPrincipal',
  original_term: 'originalTerm',
};

function normalizer(more: Readonly<Record<string, CanonicalField>>): RowNormalizer {
  const columns = { ...REQUIRED, ...more };
  const headers = Object.keys(columns);
  return createRowNormalizer({ headers, mapping: headers.map((h) => columns[h] ?? null), cutoffDate: CUTOFF });
}

/** A valid row's value in the `loans` column `column`. */
function value(out: LoanParams, column: (typeof LOAN_COLUMNS)[number]): string | number | null | undefined {
  return out[LOAN_COLUMNS.indexOf(column) - 1];
}

describe('row normalizer: the interest rate', () => {
  it('takes the daily rate × 365 (ACT/365) when only it is given: 0.05% a day is 18.25% a year', () => {
    const out: LoanParams = [];
    expect(normalizer({ daily_rate: 'rateDaily' }).normalize(['L1', '2026-01-15', '6000', '3000', '6', '0.05%'], 2, out)).toBeNull();
    expect(value(out, 'rate_annual')).toBeCloseTo(0.1825, 12);
  });

  it('keeps the annual rate when the daily rate × 365 agrees within 0.5%, and rejects the row when it does not (rate_mismatch)', () => {
    const rows = normalizer({ annual_rate: 'rateAnnual', daily_rate: 'rateDaily' });
    const out: LoanParams = [];
    // 18.25% − 18% = 0.25% ≤ 0.5%: the annual rate stands.
    expect(rows.normalize(['L1', '2026-01-15', '6000', '3000', '6', '18%', '0.05%'], 2, out)).toBeNull();
    expect(value(out, 'rate_annual')).toBe(0.18);
    // 18.25% − 17% = 1.25% > 0.5%.
    expect(rows.normalize(['L2', '2026-01-15', '6000', '3000', '6', '17%', '0.05%'], 3, [])).toEqual([
      {
        row: 3,
        column: 'daily_rate',
        field: 'rateDaily',
        value: '0.05%',
        rule: 'rate_mismatch',
        message: 'row 3, column "daily_rate" (daily rate), value "0.05%": daily rate × 365 = 18.25% disagrees with the annual rate 17.00%',
        code: 'tapeRow.rateMismatch',
        params: { fromDaily: '18.25%', annual: '17.00%' },
      },
    ]);
  });

  it('asks for the rate on the daily column when only it is mapped, and does not report a badly written rate as missing too', () => {
    const rows = normalizer({ daily_rate: 'rateDaily' });
    expect(rows.normalize(['L1', '2026-01-15', '6000', '3000', '6', ''], 2, [])).toEqual([
      {
        row: 2,
        column: 'daily_rate',
        field: 'rateDaily',
        value: '',
        rule: 'required',
        message: 'row 2, column "daily_rate" (daily rate), value "": an interest rate (annual or daily) is required',
        code: 'tapeRow.rateRequired',
        params: {},
      },
    ]);
    expect(rows.normalize(['L2', '2026-01-15', '6000', '3000', '6', 'abc'], 3, [])?.map((p) => p.rule)).toEqual(['format']);
  });

  it('files a rate read whole but outside 0–100% under `range`, as README ("Validation") documents; an unreadable one under `format`', () => {
    const annual = normalizer({ annual_rate: 'rateAnnual' });
    let id = 0; // a new loan id each row: a repeated one is a duplicate
    const problem = (rows: RowNormalizer, rate: string) => rows.normalize([`L${++id}`, '2026-01-15', '6000', '3000', '6', rate], 2, [])?.[0];
    expect(problem(annual, '180%')).toMatchObject({
      rule: 'range',
      message: 'row 2, column "annual_rate" (annual rate), value "180%": rate 180% is outside 0–100%',
      code: 'tapeRow.outOfRange',
    });
    expect(problem(annual, '-5%')).toMatchObject({ rule: 'range', message: expect.stringContaining('rate -5% is negative') as unknown });
    expect(problem(annual, '18x')).toMatchObject({ rule: 'format', code: 'tapeRow.unreadable' });
    // 0.5% a day × 365 = 182.5% a year (ACT/365)
    const daily = normalizer({ daily_rate: 'rateDaily' });
    expect(problem(daily, '0.5%')).toMatchObject({ rule: 'range', message: expect.stringContaining('daily rate 0.5% is 182.5% a year (× 365), outside 0–100%') as unknown });
    expect(problem(daily, '-0.05%')).toMatchObject({ rule: 'range' });
  });
});

describe('row normalizer: what a valid row derives', () => {
  it('counts the age in whole months to the cutoff (a month once its day is reached) and a blank remaining term from it', () => {
    const rows = normalizer({ annual_rate: 'rateAnnual', remaining_term: 'remainingTerm' });
    const out: LoanParams = [];
    // 2026-01-15 → 2026-09-30: the 15th of September is reached, 8 months; 12 − 8 = 4 remaining.
    expect(rows.normalize(['L1', '2026-01-15', '6000', '3000', '12', '15%', ''], 2, out)).toBeNull();
    expect([value(out, 'age_months'), value(out, 'remaining_term')]).toEqual([8, 4]);
    // 2026-01-31 → 2026-09-30: September has no 31st, so only 7 months; a given remaining term stands.
    out.length = 0;
    expect(rows.normalize(['L2', '2026-01-31', '6000', '3000', '12', '15%', '6'], 3, out)).toBeNull();
    expect([value(out, 'age_months'), value(out, 'remaining_term')]).toEqual([7, 6]);
  });
});

describe("row normalizer: the order of a row's problems", () => {
  it('lists the loan id first, then each cell in column order, then the rules between figures', () => {
    const rows = normalizer({ annual_rate: 'rateAnnual' });
    expect(rows.normalize(['L1', '2026-01-15', '6000', '3000', '6', '15%'], 2, [])).toBeNull();
    const problems = rows.normalize(['L1', '2026-10-15', '6000', '7000', 'x', '15%'], 3, []);
    expect(problems?.map((p) => p.rule)).toEqual(['duplicate', 'format', 'current_exceeds_original', 'after_cutoff']);
    expect(problems?.[0]?.message).toBe('row 3, column "loan_id" (loan id), value "L1": duplicate loan id, first seen on row 2');
  });
});

describe('row normalizer: a long cell in a message', () => {
  it('shows the first 60 characters and the length of a 1 MB cell, not the whole cell (the fuzz harness found a 1 MB message)', () => {
    const rows = normalizer({ annual_rate: 'rateAnnual' });
    const cell = 'x'.repeat(1 << 20);
    const problems = rows.normalize(['L1', '2026-01-15', cell, '3000', '6', '15%'], 2, []);
    expect(problems?.[0]?.message).toBe(`row 2, column "original_principal" (original principal), value "${'x'.repeat(60)}…" (1,048,576 characters): not a number`);
    // The problem keeps the whole cell as data (the rejects CSV gives it back); only the message is short.
    expect(problems?.[0]?.value).toBe(cell);
  });

  it('repeats a value of up to 80 characters whole', () => {
    const cell = 'y'.repeat(80);
    const problems = normalizer({ annual_rate: 'rateAnnual' }).normalize(['L1', '2026-01-15', cell, '3000', '6', '15%'], 2, []);
    expect(problems?.[0]?.message).toContain(`value "${cell}": `);
  });
});
