import { describe, expect, it } from 'vitest';
import { readDealFile } from '../../service/files/deal-file.ts';
import { prepareDeal, runPrepared } from '../../service/runs/prepare-deal.ts';

// Deal files with their own pool lines: the YSOC computed from those lines at a required rate
// (yieldSupplementOCFromPool; docs/deals.md). Pool: a 0 % APR line of 600,000 over 12 months that
// starts in month 2 (startMonth), and a 12 % line of 600,000 over 12 months; no prepayments or
// defaults (0 ABS). At 12 % (j = 1 % a month) the 0 % line's shortfall is, by hand, its balance ×
// (1 − PV per unit), PV per unit of n level payments = ä(1 %, n) ÷ n, deferred one month before it starts:
//   cutoff: 600,000 × (1 − 0.937923123 ÷ 1.01) = 600,000 × 0.071363245 = 42,817.95
//   end of month 1 (not started): 600,000 × (1 − 0.937923123) = 37,246.13
//   end of month 2 (one payment made, 550,000 left, 11 to go): 550,000 × (1 − 0.942511659) = 31,618.59
// The same deal with these amounts as a printed schedule must pay the same.
const base = {
  dates: { cutoff: '2026-01-01', closing: '2026-01-01', firstPaymentDate: '2026-02-01', legalFinalMaturity: '2028-01-01' },
  notes: [{ id: 'A', seniority: 1, originalBalance: 1_100_000, coupon: { type: 'fixed', rate: 0 }, dayCount: '30/360' }],
  waterfall: {
    combined: [
      { kind: 'principal', rule: 'sequential', amount: 'targetOC', ocFloor: 0.01 },
      { kind: 'residual', to: 'seller' },
    ],
  },
  pool: {
    lines: [
      { id: 'low APR, later', amortization: 'level_payment', balance: 600_000, rate: 0, originalTerm: 12, remainingTerm: 12, startMonth: 2 },
      { id: '12 %', amortization: 'level_payment', balance: 600_000, rate: 0.12, originalTerm: 12, remainingTerm: 12 },
    ],
  },
  assumptions: { months: 24, pool: { prepayment: '0 ABS', servicingFeeRate: 0, dayCount: '30/360' } },
};

const run = (extra: Record<string, unknown>) => runPrepared(prepareDeal(readDealFile({ ...base, ...extra }), null, undefined)).result;

describe('a YSOC computed from the deal file’s pool lines', () => {
  it('pays as the printed schedule of the same amounts', () => {
    const computed = run({ yieldSupplementOCFromPool: { requiredRate: 0.12 } });
    const printed = run({ yieldSupplementOC: { atCutoff: 42_817.95, byPeriod: [37_246.13, 31_618.59] } });
    const paid = (result: typeof computed) => result.periods.slice(0, 2).map((p) => p.notes[0]?.principalPaid);
    expect(paid(computed)).toEqual(paid(printed));
    // Month 1 pays only the 12 % line: principal 600,000 × (0.01 / (1 − 1.01^−12)) − 6,000 = 47,309.27;
    // with interest 6,000 the pot is 53,309.27; target notes (1,200,000 − 47,309.27 − 37,246.13) − 1 % × (1,200,000 − 42,817.95)
    // = 1,115,444.60 − 11,571.82 = 1,103,872.78 ≥ 1,100,000: nothing is due to A.
    expect(computed.periods[0]?.notes[0]?.principalPaid).toBe(0);
    expect(computed.periods[0]?.residualToSeller).toBeCloseTo(53_309.27, 2);
    // Month 2: the 12 % line pays 5,526.9073 interest and 47,782.3659 principal, the 0 % line its first 50,000. The pool
    // ledger rounds the running total of principal (47,309.2732 + 47,782.3659 + 50,000 = 145,091.6391 → 145,091.64;
    // docs/deals.md "Pool ledger, to the cent"): pool 1,054,908.36; adjusted pool 1,054,908.36 − 31,618.59 = 1,023,289.77,
    // target notes 1,023,289.77 − 11,571.82 = 1,011,717.95 → A pays 1,100,000 − 1,011,717.95 = 88,282.05.
    expect(computed.periods[1]?.notes[0]?.principalPaid).toBe(88_282.05);
  });

  it('refuses a line below the required rate that is not level payment, at its path', () => {
    const lines = [{ ...base.pool.lines[0], amortization: 'equal_principal' }, base.pool.lines[1]];
    expect(() => run({ pool: { lines }, yieldSupplementOCFromPool: { requiredRate: 0.12 } })).toThrow(
      'Deal $.pool.lines[0].amortization: line 1 (APR 0) is not level payment: the yield supplement OC discounts level monthly payments',
    );
  });
  it('refuses a deal pool line that starts after the deal’s last collection month, at its path', () => {
    // Payment dates 1 Feb 2026 … 1 Jan 2028: 24 monthly periods, so 24 pool months.
    const lines = [base.pool.lines[1], { ...base.pool.lines[0], startMonth: 40 }];
    expect(() => run({ pool: { lines } })).toThrow('Deal $.pool.lines[1].startMonth: the line starts in month 40, after the last projected month (24)');
  });
});
