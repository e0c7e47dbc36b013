/**
 * A deal that sets every optional field and takes every variant of every union of the deal schema (each
 * coupon, fee basis and step kind, bands where a level may be by period), so the structure editor shows
 * every control it has. A showcase for the coverage test, not a runnable deal: it holds the printed YSOC
 * schedule and the pool-computed one together, which the engine refuses.
 */
export const EVERY_FIELD_DEAL = {
  name: 'Every field',
  description: 'Every field of the deal schema',
  dates: {
    cutoff: '2026-01-31',
    closing: '2026-02-15',
    firstPaymentDate: '2026-03-26',
    paymentFrequencyMonths: 1,
    firstPeriodCollectionMonths: 2,
    cutoffTime: 'endOfDay',
    legalFinalMaturity: '2030-03-26',
    businessDayConvention: 'following',
    accrualDates: 'scheduledDates',
    calendar: 'CN',
  },
  notes: [
    { id: 'A', name: 'Class A', seniority: 1, originalBalance: 800, coupon: { type: 'fixed', rate: 0.03 }, dayCount: 'ACT/365', expectedMaturity: '2028-03-26', interestOnShortfall: true },
    { id: 'B', seniority: 2, originalBalance: 100, coupon: { type: 'floating', index: [0.02, 0.021], margin: 0.01, floor: 0, cap: 0.08 } },
    { id: 'C', seniority: 3, originalBalance: 50, coupon: { type: 'indexed', index: 'PBOC-1Y', margin: 0.005, floor: 0.01, cap: 0.09, reset: 'periodStart' } },
    { id: 'Sub', seniority: 4, originalBalance: 50, coupon: { type: 'none' } },
  ],
  rateIndices: { 'PBOC-1Y': [{ effective: '2015-10-24', rate: 0.0435 }] },
  fees: [
    { id: 'servicing', basis: { type: 'poolBalance', rateAnnual: 0.01, dayCount: '30/360', accrueOver: 'collectionMonths', firstPeriodDays: 47 }, senior: true, capPerPaymentDate: 50 },
    { id: 'trustee', name: 'Trustee', basis: { type: 'noteBalance', rateAnnual: 0.0005, notes: ['A'], dayCount: 'ACT/360' } },
    { id: 'tax', basis: { type: 'collections', rate: 0.0326, of: ['interest'] } },
    { id: 'rating', basis: { type: 'fixed', amount: 10, everyPeriods: 12 } },
    { id: 'setup', basis: { type: 'oneOff', amount: 5, period: 1 }, senior: false },
  ],
  reserve: {
    initialDeposit: 10,
    target: { basis: 'currentNoteBalance', percent: 0.01, notes: ['A'], floor: 1, cap: 20 },
    covers: { fees: ['servicing'], notes: ['A'] },
    redeemWhenCovered: true,
  },
  triggers: [
    {
      id: 'cdr',
      name: 'Cumulative default',
      metric: 'noteBalanceRatio',
      notes: ['A'],
      breachedWhen: '>',
      threshold: [
        { fromPeriod: 1, toPeriod: 12, threshold: 0.02 },
        { fromPeriod: 13, threshold: 0.05 },
      ],
      curable: true,
      effects: ['sequential', 'endRevolving'],
      averageOver: 3,
      consecutivePeriods: 2,
      warning: 0.01,
    },
  ],
  defaultDefinition: { daysPastDue: 90, writeOff: true, restructured: true, curable: false },
  waterfall: {
    interest: [
      { kind: 'fee', fee: 'servicing' },
      { kind: 'fee', fee: 'servicing', beyondCap: true },
      { kind: 'interest', notes: ['A'] },
      { kind: 'reserveTopUp' },
      { kind: 'pdlCure' },
      { kind: 'repayPrincipalCover' },
      { kind: 'periodicReturn', note: 'Sub', rateAnnual: 0.02, dayCount: 'ACT/365', whileOutstanding: ['A'] },
    ],
    principal: [
      { kind: 'principal', notes: ['A', 'B'], rule: 'proRataThenSequential', triggers: ['cdr'], amount: 'targetOC', ocPercent: 0.1, ocInitialPercent: -0.01, ocFloor: 0.005 },
      { kind: 'principal', notes: ['A'], rule: 'sequential', amount: 'targetBalance', targetBalances: [{ date: '2026-06-26', balance: 700 }] },
      { kind: 'turbo', notes: ['A'] },
      { kind: 'excessServicing', note: 'Sub', tiers: [{ hurdleRate: 0.05, noteShare: 0.8 }], thereafterNoteShare: 0.1 },
      { kind: 'residual', to: 'seller' },
    ],
    principalCovers: { fees: ['servicing'], notes: ['A'] },
  },
  lossAllocation: 'pdl',
  revolving: {
    periods: 12,
    excessSpreadShare: 0.5,
    price: 1,
    purchaseCap: [
      { fromPeriod: 1, toPeriod: 6, amount: 100 },
      { fromPeriod: 7, amount: 50 },
    ],
    eligibility: { maxRemainingTerm: 36, minRate: 0.1, maxSegmentShare: { salaried: 0.6 } },
    profile: [{ segment: 'salaried', product: 'cash', amortization: 'level_payment', rate: 0.18, originalTerm: 12, remainingTerm: 12, share: 1 }],
  },
  cleanUpCall: { poolFactor: 0.1 },
  yieldSupplementOC: { atCutoff: 30, byPeriod: [28, 26], requiredRate: 0.0685, afterNotesPaid: { notes: ['B'], byPeriod: [20], requiredRate: 0.0585 } },
  yieldSupplementOCFromPool: { requiredRate: 0.0725, afterNotesPaid: { notes: ['B'], requiredRate: 0.0625 } },
  yieldSupplementAccount: { initialDeposit: 5, byPeriod: [1, 1] },
  cumulativeRatioDenominator: 'initialPool',
  analytics: { walBasis: '30/360', settlementDate: '2026-02-20' },
  payoutRounding: { faceUnit: 100 },
};
