import { describe, expect, it } from 'vitest';
import { decrementTable, printedPercent, printedYears, prospectusTables, type CashFlowLeg } from '../../../engine/index.ts';

// Decrement tables as prospectuses print them. Toyota Auto Receivables 2025-A (424(h), 15 Jan 2025,
// "Percent of Initial Note Principal Amount at Various ABS Percentages") prints two decimals;
// Ford Credit and AmeriCredit print whole percents with "*" for an amount greater than zero but less
// than 0.5 % of the initial principal. Every expected figure below is worked by hand.

describe('printedPercent', () => {
  it('prints two decimals, half-up, exactly', () => {
    expect(printedPercent(806_700, 1_000_000, 'twoDecimals')).toBe('80.67');
    // 806,650 ÷ 1,000,000 = 80.665 % exactly → 80.67 (half-up; float64 would make it 80.66499…).
    expect(printedPercent(806_650, 1_000_000, 'twoDecimals')).toBe('80.67');
    expect(printedPercent(40, 1_000_000, 'twoDecimals')).toBe('0.00'); // 0.004 %
    expect(printedPercent(50, 1_000_000, 'twoDecimals')).toBe('0.01'); // 0.005 %
    expect(printedPercent(1_000_000, 1_000_000, 'twoDecimals')).toBe('100.00');
    expect(printedPercent(0, 1_000_000, 'twoDecimals')).toBe('0.00');
  });

  it('prints whole percents with an asterisk for more than 0 and less than 0.5 %', () => {
    expect(printedPercent(4_999.99, 1_000_000, 'wholePercent')).toBe('*'); // 0.499999 %
    expect(printedPercent(0.01, 1_000_000, 'wholePercent')).toBe('*');
    expect(printedPercent(5_000, 1_000_000, 'wholePercent')).toBe('1'); // 0.5 % rounds half-up
    expect(printedPercent(14_999.99, 1_000_000, 'wholePercent')).toBe('1');
    expect(printedPercent(15_000, 1_000_000, 'wholePercent')).toBe('2');
    expect(printedPercent(0, 1_000_000, 'wholePercent')).toBe('0');
  });

  it('prints whole percents "rounded to the nearest whole number" without an asterisk: under 0.5 % is 0 (AmeriCredit 2024-1)', () => {
    expect(printedPercent(4_999.99, 1_000_000, 'wholePercentNoAsterisk')).toBe('0'); // 0.499999 %
    expect(printedPercent(0.01, 1_000_000, 'wholePercentNoAsterisk')).toBe('0');
    expect(printedPercent(5_000, 1_000_000, 'wholePercentNoAsterisk')).toBe('1'); // 0.5 % rounds half-up
    expect(printedPercent(994_999.99, 1_000_000, 'wholePercentNoAsterisk')).toBe('99'); // 99.499999 %
    expect(printedPercent(995_000, 1_000_000, 'wholePercentNoAsterisk')).toBe('100');
  });

  it('prints WAL years half-up to hundredths', () => {
    expect(printedYears(0.12778)).toBe('0.13');
    expect(printedYears(1.425)).toBe('1.43');
  });
});

// A note of 1,000 settled 29 Jan 2025, paying 250, 500 and 250 of principal on 15 Feb, 15 Mar, 15 Apr.
const leg: CashFlowLeg = {
  originalBalance: 1000,
  settlementDate: '2025-01-29',
  paymentsPerYear: 12,
  paymentDates: ['2025-02-15', '2025-03-15', '2025-04-15'],
  principal: [250, 500, 250],
  interest: [0, 0, 0],
};

describe('decrementTable', () => {
  it('has a row at closing and after each payment date through the payoff', () => {
    expect(decrementTable(leg, 'paymentDates', 'twoDecimals').map((r) => [r.date, r.printed])).toEqual([
      ['2025-01-29', '100.00'],
      ['2025-02-15', '75.00'],
      ['2025-03-15', '25.00'],
      ['2025-04-15', '0.00'],
    ]);
  });

  it('at anniversaries reads the balance after the last payment date on or before each', () => {
    // 100, 200, 300, 400 of 1,000 on 15 Jun 2025, 15 Jan 2026, 15 Feb 2026, 15 Mar 2027:
    // 29 Jan 2026 → 700 (70 %), 29 Jan 2027 → 400 (40 %), 29 Jan 2028 → 0.
    const yearly: CashFlowLeg = { ...leg, paymentDates: ['2025-06-15', '2026-01-15', '2026-02-15', '2027-03-15'], principal: [100, 200, 300, 400], interest: [0, 0, 0, 0] };
    expect(decrementTable(yearly, 'anniversaries', 'wholePercent').map((r) => [r.date, r.printed])).toEqual([
      ['2025-01-29', '100'],
      ['2026-01-29', '70'],
      ['2027-01-29', '40'],
      ['2028-01-29', '0'],
    ]);
  });
});

describe('prospectusTables', () => {
  it('gives each class a column per scenario with its WAL, window and the printed grid', () => {
    const fast: CashFlowLeg = { ...leg, paymentDates: ['2025-02-15'], principal: [1000], interest: [0] };
    const [table] = prospectusTables(
      ['A'],
      [
        { label: '0.50% ABS', legs: new Map([['A', leg]]) },
        { label: '1.80% ABS', legs: new Map([['A', fast]]) },
      ],
      { rows: 'paymentDates', precision: 'twoDecimals', walBasis: '30/360' },
    );
    // 30/360 from 29 Jan 2025: 16, 46 and 76 days → WAL = (250 × 16 + 500 × 46 + 250 × 76) ÷ 360 ÷ 1,000 = 0.1278 → 0.13;
    // the fast column: 16/360 = 0.0444 → 0.04.
    expect(table?.columns.map((c) => c.walPrinted)).toEqual(['0.13', '0.04']);
    expect(table?.columns[0]?.principalWindow).toEqual({ first: '2025-02-15', last: '2025-04-15', periods: 3 });
    expect(table?.columns[1]?.expectedFinalPaymentDate).toBe('2025-02-15');
    expect(table?.cells).toEqual([
      ['100.00', '100.00'],
      ['75.00', '0.00'],
      ['25.00', '0.00'],
      ['0.00', '0.00'],
    ]);
  });
});
