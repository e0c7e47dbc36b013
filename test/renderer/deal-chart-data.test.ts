import { describe, expect, it } from 'vitest';
import type { DealPeriod, DealRunResult } from '../../service/api/contract.ts';
import { breachLabelPosition, coverageAxisTop, liquiditySeries, pipelineSeries, lossSeries, lossTriggers, noteSeries, valueDiffers } from '../../renderer/areas/deal/chart-data.ts';
import { translator } from '../../renderer/app/i18n.tsx';

/** One period of a hand-made run: a single senior note A, one senior fee, a reserve, a stepped cdr trigger and a 90+ trigger. */
function period(
  k: number,
  x: {
    interest: number;
    penalty: number;
    strip: number;
    seniorDue: number;
    lcr: number | null;
    draws: number;
    reserve: number;
    cdrValue: number;
    cdrThreshold: number;
    dq90: number;
    dq60: number;
    pool: number;
  },
): DealPeriod {
  return {
    period: k,
    accrualStart: `2027-0${k}-01`,
    paymentDate: `2027-0${k + 1}-26`,
    pool: {
      beginningBalance: 0,
      interest: x.interest,
      penaltyInterest: x.penalty,
      scheduledPrincipal: 0,
      prepayments: 0,
      recoveries: 0,
      defaults: 0,
      losses: 0,
      endingBalance: x.pool,
      delinquent60Plus: x.dq60,
      delinquent90Plus: x.dq90,
      servicingFee: x.strip,
      poolFactor: 1,
      purchasesCash: 0,
      principalPurchased: 0,
      purchaseRefused: { cash: 0, reasons: [] },
      cleanUpProceeds: 0,
    },
    servicingStrip: x.strip,
    availableFunds: { interest: 0, principal: 0, principalCarried: 0 },
    fees: [],
    notes: [
      {
        id: 'A',
        beginningBalance: 0,
        couponRate: 0.03,
        interestDue: 250,
        interestPaid: 250,
        interestShortfall: 0,
        principalPaid: 1000 * k,
        writeDown: 0,
        writeDownReimbursed: 0,
        endingBalance: 10_000 - 1000 * k,
        pdlBalance: 0,
        residualPaid: 0,
      },
    ],
    reserve: { beginningBalance: 0, target: 0, release: 0, draws: x.draws, deposits: 0, endingBalance: x.reserve },
    triggers: [
      { id: 'cdr', metric: 'cumulativeDefaultRate', value: x.cdrValue, threshold: x.cdrThreshold, unit: 'ratio', tested: x.cdrValue > x.cdrThreshold, breached: x.cdrValue > x.cdrThreshold },
      { id: 'dq90', metric: 'delinquency90Plus', value: x.dq90 / x.pool, threshold: 0.03, unit: 'ratio', tested: false, breached: false },
      { id: 'short', metric: 'interestShortfall', value: 0, threshold: 1, unit: 'money', tested: false, breached: false },
    ],
    excessSpread: 0,
    liquidityCoverage: x.lcr,
    seniorDue: x.seniorDue,
    revolving: false,
    accelerated: false,
    final: false,
    pdlCured: 0,
    residualToSeller: 0,
    steps: [],
  };
}

const periods = [
  period(1, { interest: 1200.1, penalty: 30.2, strip: 100.1, seniorDue: 565, lcr: 2, draws: 0, reserve: 500, cdrValue: 0.01, cdrThreshold: 0.02, dq90: 100, dq60: 250, pool: 8000 }),
  period(2, { interest: 400, penalty: 0, strip: 50, seniorDue: 700, lcr: 0.5, draws: 350, reserve: 150, cdrValue: 0.03, cdrThreshold: 0.02, dq90: 300, dq60: 400, pool: 6000 }),
  period(3, { interest: 0, penalty: 0, strip: 0, seniorDue: 0, lcr: null, draws: 0, reserve: 150, cdrValue: 0.04, cdrThreshold: 0.05, dq90: 0, dq60: 0, pool: 0 }),
];

const run = {
  periods,
  poolBalance: 10_000,
  cumulativeDefaultRate: [0.01, 0.03, 0.04],
  cumulativeNetLoss: [50, 150, 250],
  triggerFirstBreach: { cdr: 2, dq90: null, short: null },
  tranches: [],
} as unknown as DealRunResult; // only the fields the chart series read

/** A liquidity point with only the two coverage ratios set. */
const point = (interestCoverage: number | null, liquidityCoverage: number | null) => ({
  period: 1,
  date: '2027-01-26',
  interestCollections: 0,
  seniorDue: 0,
  reserveBalance: null,
  reserveDraws: null,
  interestCoverage,
  liquidityCoverage,
});

describe('Deal chart series, by hand', () => {
  it('liquidity: interest collections against senior due, with interest and liquidity coverage', () => {
    const [p1, p2, p3] = liquiditySeries(run);
    // 1,200.10 + 30.20 − 100.10 = 1,130.20; ÷ 565 = 2.0003539…
    expect(p1).toMatchObject({ date: '2027-02-26', interestCollections: 1130.2, seniorDue: 565, reserveBalance: 500, reserveDraws: 0, liquidityCoverage: 2 });
    expect(p1?.interestCoverage).toBeCloseTo(1130.2 / 565, 12);
    // 400 − 50 = 350 against 700: 0.5×, the reserve drew 350.
    expect(p2).toMatchObject({ interestCollections: 350, interestCoverage: 0.5, reserveDraws: 350, reserveBalance: 150 });
    // Nothing due: no ratio (not infinity, not zero).
    expect(p3).toMatchObject({ interestCoverage: null, liquidityCoverage: null });
  });

  it('coverage on paper: the axis stops at 3 × the median, rounded up to a half, when a period runs above it', () => {
    // Values 1.2, 1.4, 1.5, 1.6, 1.3, 900 (nulls skipped): sorted median (1.4 + 1.5) / 2 = 1.45; 3 × 1.45 = 4.35 → 4.5; one period above.
    expect(coverageAxisTop([point(1.2, 1.4), point(1.5, null), point(1.6, 1.3), point(900, null)])).toEqual({ top: 4.5, periodsAbove: 1 });
    // Median 0.5 → 1.5, lifted to the 2× floor; 2.5 is above it.
    expect(coverageAxisTop([point(0.4, 0.5), point(0.6, 2.5), point(0.5, null)])).toEqual({ top: 2, periodsAbove: 1 });
    // Nothing above 3 × the median: no cut; no ratios at all: no cut.
    expect(coverageAxisTop([point(1, 1.1), point(1.2, null)])).toBeNull();
    expect(coverageAxisTop([point(null, null)])).toBeNull();
  });

  it('losses: default and net loss rates, 90+ ratio, thresholds by period, the breach date', () => {
    const [p1, p2, p3] = lossSeries(run);
    expect(p1).toMatchObject({ cumulativeDefaultRate: 0.01, cumulativeNetLossRate: 0.005, delinquency90Plus: 100 / 8000, 'threshold:cdr': 0.02, 'threshold:dq90': 0.03 });
    expect(p2).toMatchObject({ cumulativeNetLossRate: 0.015, delinquency90Plus: 0.05 });
    expect(p3?.['threshold:cdr']).toBe(0.05); // the stepped threshold of period 3
    expect(p3?.delinquency90Plus).toBeNull(); // empty pool: no ratio
    // Only ratio triggers of loss metrics; the money trigger is not drawn on a % axis.
    expect(lossTriggers(run)).toEqual([{ id: 'cdr', metric: 'cumulativeDefaultRate', breachPeriod: 2, breachDate: '2027-03-26' }]);
    // The cdr trigger tests exactly the plotted default rate: only its threshold is drawn.
    expect(valueDiffers(lossSeries(run), 'cdr', 'cumulativeDefaultRate')).toBe(false);
    expect(valueDiffers(lossSeries(run), 'cdr', null)).toBe(true);
  });

  it('notes', () => {
    const [n1, n2] = noteSeries(run);
    expect(n1).toMatchObject({ date: '2027-02-26', 'balance:A': 9000, 'principal:A': 1000, 'interest:A': 250 });
    expect(n2?.['balance:A']).toBe(8000);
  });

  it('the delinquency pipeline: every state and 逾期总额 from the run, on the payment date', () => {
    const states = [
      { current: 7000, dpd1_30: 500, dpd31_60: 250, dpd61_90: 150, dpd91_180: 100, overdueTotal: 420.5 },
      { current: 5000, dpd1_30: 400, dpd31_60: 200, dpd61_90: 100, dpd91_180: 300, overdueTotal: 515 },
      { current: 0, dpd1_30: 0, dpd31_60: 0, dpd61_90: 0, dpd91_180: 0, overdueTotal: 0 },
    ];
    const carried = { ...run, delinquencyStateBasis: 'rollRate', periods: periods.map((p, k) => ({ ...p, pool: { ...p.pool, delinquencyStates: states[k] } })) } as DealRunResult;
    const pipeline = pipelineSeries(carried, translator('en'));
    expect(pipeline.rows[1]).toEqual({ period: 2, date: '2027-03-26', ...states[1] });
    expect(pipeline.states.map((s) => s.key)).toEqual(['current', 'dpd1_30', 'dpd31_60', 'dpd61_90', 'dpd91_180']);
    expect(pipeline.overdue).toBe(true);
    expect(pipeline.unknown).toBeNull();
    // A schedule pool: its one delinquent column is 61+, drawn as such over the rest; 逾期总额 unknown.
    const schedule = pipelineSeries({ ...carried, delinquencyStateBasis: 'schedule' }, translator('en'));
    expect(schedule.states).toEqual([
      { key: 'current', name: 'Not 61+ (current and 1–60 dpd)' },
      { key: 'dpd61_90', name: '61+ dpd' },
    ]);
    expect(schedule.overdue).toBe(false);
    expect(schedule.unknown).toContain('1–30, 31–60');
  });

  it('a run stored before the states were carried: 61–90 = 61+ − 91+, below 61 the rest', () => {
    const pipeline = pipelineSeries(run, translator('en'));
    // Period 1: 61–90 = 250 − 100 = 150; 91+ = 100; below 61 = 8,000 − 250 = 7,750.
    expect(pipeline.rows[0]).toEqual({ period: 1, date: '2027-02-26', current: 7750, dpd1_30: 0, dpd31_60: 0, dpd61_90: 150, dpd91_180: 100, overdueTotal: 0 });
    expect(pipeline.states.map((s) => s.name)).toEqual(['Below 61 dpd', '61–90 dpd', '91+ dpd']);
    expect(pipeline.overdue).toBe(false);
  });
});

describe('a breach marker’s label', () => {
  // Five payment dates: the middle one is index 2 of 0..4, the axis's half-way point.
  const dates = ['2027-02-26', '2027-03-26', '2027-04-26', '2027-05-26', '2027-06-26'];
  it('runs right from the line in the first half of the axis, so an early breach stays clear of the y axis', () => {
    expect(breachLabelPosition(dates, '2027-02-26')).toBe('insideTopLeft');
    expect(breachLabelPosition(dates, '2027-03-26')).toBe('insideTopLeft');
  });
  it('runs left from the line from the middle on, so a late breach stays inside the plot', () => {
    expect(breachLabelPosition(dates, '2027-04-26')).toBe('insideTopRight');
    expect(breachLabelPosition(dates, '2027-06-26')).toBe('insideTopRight');
  });
});
