import { describe, expect, it } from 'vitest';
import { engineErrorCode } from '../../helpers/engine.ts';
import { allocateLoanArrays, amortizationCode, buildTransitionMatrix, delinquencyCode, projectPool, roundToCents, type LoanArrays, type PoolAssumptions } from '../../../engine/index.ts';

/** One ¥1,000 interest-only loan at 0%, 60 months left: no principal or interest falls due in the horizon, so each fraction's balance is mass × 1,000. */
function oneLoan(): LoanArrays {
  const loans = allocateLoanArrays(1);
  loans.currentPrincipal[0] = 1_000;
  loans.originalPrincipal[0] = 1_000;
  loans.rateAnnual[0] = 0;
  loans.remainingTerm[0] = 60;
  loans.originalTerm[0] = 60;
  loans.amortization[0] = amortizationCode('interest_only');
  loans.delinquency[0] = delinquencyCode('current');
  return loans;
}

const list = (column: Float64Array | undefined): number[] => Array.from(column ?? []);

/**
 * Every loan rolls one bucket a month, except 91–120, where half cures (back to current) and half
 * rolls on to 121–150, 151–180 and the charge-off after 180 days.
 */
const reRoll: PoolAssumptions = {
  pool: {
    rollRates: buildTransitionMatrix({
      rollForward: { current: 1, dpd1_30: 1, dpd31_60: 1, dpd61_90: 1, dpd91_120: 0.5, dpd121_150: 1, dpd151_180: 1 },
      cure: { dpd91_120: 0.5 },
    }),
  },
};

describe('defaults by the deal’s default definition (和享2017-5 circular, definition (64), pp. 112–113)', () => {
  // Hand: mass 1 is 1–30, 31–60, 61–90 at months 1–3 and 91–120 at month 4. Month 5: 0.5 cured
  // (current), 0.5 in 121–150; month 6: 0.5 in 1–30, 0.5 in 151–180; month 7: 0.5 in 31–60, 0.5
  // charged off (gross default 500); month 8: 0.5 in 61–90; month 9: 0.5 in 91–120 again; month 10:
  // 0.25 current, 0.25 in 121–150; month 11: 0.25 in 1–30 and 151–180; month 12: 0.25 charged off (250).
  const months = 12;

  it('non-curable 90 days: the loan counts once, at 1,000 in month 4, three months before its first charge-off', () => {
    const flows = roundToCents(projectPool(oneLoan(), reRoll, { months, defaultDefinition: { daysPastDue: 90, curable: false } }));
    expect(list(flows.defaults)).toEqual([0, 0, 0, 0, 0, 0, 500, 0, 0, 0, 0, 250]);
    expect(list(flows.definitionDefaults)).toEqual([0, 0, 0, 1_000, 0, 0, 0, 0, 0, 0, 0, 0]);
  });

  it('curable 90 days: the cured half counts again when it re-enters 91–120 (1,000 in month 4, 500 in month 9)', () => {
    const flows = roundToCents(projectPool(oneLoan(), reRoll, { months, defaultDefinition: { daysPastDue: 90, curable: true } }));
    expect(list(flows.definitionDefaults)).toEqual([0, 0, 0, 1_000, 0, 0, 0, 0, 500, 0, 0, 0]);
  });

  it('180 days: only the write-offs count, the same as the gross defaults; 30 days: the loan counts in month 2', () => {
    const at180 = roundToCents(projectPool(oneLoan(), reRoll, { months, defaultDefinition: { daysPastDue: 180, curable: false } }));
    expect(list(at180.definitionDefaults)).toEqual([0, 0, 0, 0, 0, 0, 500, 0, 0, 0, 0, 250]);
    const at30 = roundToCents(projectPool(oneLoan(), reRoll, { months, defaultDefinition: { daysPastDue: 30, curable: false } }));
    expect(list(at30.definitionDefaults)).toEqual([0, 1_000, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
  });

  it('restructured at cutoff: a line 25% restructured counts 250 in month 1, the other 750 when it passes 90 days in month 4', () => {
    const loans = oneLoan();
    loans.restructured[0] = 0.25;
    const counted = roundToCents(projectPool(loans, reRoll, { months, defaultDefinition: { daysPastDue: 90, curable: false, restructured: true } }));
    expect(list(counted.definitionDefaults)).toEqual([250, 0, 0, 750, 0, 0, 0, 0, 0, 0, 0, 0]);
    const ignored = roundToCents(projectPool(loans, reRoll, { months, defaultDefinition: { daysPastDue: 90, curable: false } }));
    expect(list(ignored.definitionDefaults)).toEqual([0, 0, 0, 1_000, 0, 0, 0, 0, 0, 0, 0, 0]);
  });

  it('counting changes no cash flow: the pool with a definition projects as without one', () => {
    const plain = roundToCents(projectPool(oneLoan(), reRoll, { months }));
    const counted = roundToCents(projectPool(oneLoan(), reRoll, { months, defaultDefinition: { daysPastDue: 90, curable: false } }));
    expect(plain.definitionDefaults).toBeUndefined();
    for (const key of ['defaults', 'endingBalance', 'interestCollected', 'scheduledPrincipal', 'prepayments', 'recoveries'] as const) {
      expect(list(counted[key])).toEqual(list(plain[key]));
    }
  });

  it('a default-curve default is a write-off: without roll rates the definition counts exactly the gross defaults', () => {
    // MDR 1% a month on a current loan that never goes delinquent: month k defaults 1,000 × 0.99^(k−1) × 1%, counted at that balance.
    const flows = projectPool(oneLoan(), { pool: { default: { kind: 'monthly', rates: [0.01] } } }, { months, defaultDefinition: { daysPastDue: 90, curable: false } });
    const mdr = 0.01;
    for (let k = 0; k < months; k++) {
      expect(flows.definitionDefaults?.[k]).toBeCloseTo(1_000 * (1 - mdr) ** k * mdr, 9);
      expect(flows.definitionDefaults?.[k]).toBeCloseTo(flows.defaults[k] ?? 0, 9);
    }
  });

  it('a cumulative default timing (solved without the count) is counted whole: 6% of ¥1,000 over the year = 60', () => {
    const timing = { cumulativeDefaultRate: 0.06, timingPct: [100], monthsPerPeriod: 12 };
    const flows = projectPool(oneLoan(), { pool: { defaultTiming: timing } }, { months, defaultDefinition: { daysPastDue: 90, curable: false } });
    expect(list(flows.definitionDefaults).reduce((a, b) => a + b, 0)).toBeCloseTo(60, 6);
    expect(list(flows.definitionDefaults).map((x) => x.toFixed(6))).toEqual(list(flows.defaults).map((x) => x.toFixed(6)));
  });

  it('refuses a threshold that is not a bucket boundary and a definition under event stresses', () => {
    expect(engineErrorCode(() => projectPool(oneLoan(), reRoll, { months, defaultDefinition: { daysPastDue: 45, curable: false } }))).toBe('DEFAULT_DEFINITION');
    const holiday = { type: 'paymentHoliday', segments: null, share: 1, fromMonth: 2, months: 3, interest: 'waived' } as const;
    const stressed: PoolAssumptions = { ...reRoll, events: [holiday] };
    expect(engineErrorCode(() => projectPool(oneLoan(), stressed, { months, defaultDefinition: { daysPastDue: 90, curable: false } }))).toBe('DEFAULT_DEFINITION');
  });
});
