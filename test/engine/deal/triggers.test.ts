import { describe, expect, it } from 'vitest';
import { runDeal, type Deal, type TriggerSpec } from '../../../engine/index.ts';
import { DATES, note, poolOf } from './helpers.ts';

// Trigger metrics are measured on the determination date after each collection period and are in
// force for that period's payment date. Numbers by hand; 30/360 (a month = 1/12 year).

const monitor = (t: Omit<TriggerSpec, 'effects'> & Partial<Pick<TriggerSpec, 'effects'>>): TriggerSpec => ({ effects: [], ...t });

const deal: Deal = {
  dates: DATES,
  notes: [note('A', 1, 800_000, 0.06), note('B', 2, 200_000, 0.12)],
  reserve: { initialDeposit: 10_000, target: { basis: 'initialNoteBalance', percent: 0.02 } },
  triggers: [
    // ≤ 2 % in period 1, ≤ 2.5 % from period 2: breached when above.
    {
      id: 'cdr',
      metric: 'cumulativeDefaultRate',
      breachedWhen: '>',
      threshold: [
        { fromPeriod: 1, toPeriod: 1, threshold: 0.02 },
        { fromPeriod: 2, threshold: 0.025 },
      ],
      effects: [],
    },
    monitor({ id: 'dq60', metric: 'delinquency60Plus', breachedWhen: '>', threshold: 0.015, curable: true }),
    monitor({ id: 'dq90', metric: 'delinquency90Plus', breachedWhen: '>', threshold: 0.004, curable: true }),
    monitor({ id: 'reserve', metric: 'reserveToTarget', breachedWhen: '<', threshold: 0.6, curable: true }),
    monitor({ id: 'factor', metric: 'poolFactor', breachedWhen: '<=', threshold: 0.8, curable: true }),
    monitor({ id: 'spread', metric: 'excessSpreadAverage', breachedWhen: '>', threshold: 0.0479 }),
    monitor({ id: 'ratio', metric: 'noteBalanceRatio', notes: ['A'], breachedWhen: '>', threshold: 0.9, curable: true }),
  ],
  waterfall: {
    interest: [{ kind: 'interest', notes: ['A'] }, { kind: 'interest', notes: ['B'] }, { kind: 'reserveTopUp' }],
    principal: [
      { kind: 'principal', rule: 'proRataThenSequential', triggers: ['cdr'] },
      { kind: 'residual', to: 'seller' },
    ],
  },
};

const rows = [
  { beginningBalance: 1_000_000, interest: 10_000, scheduledPrincipal: 100_000, defaults: 10_000, endingBalance: 890_000, delinquent60Plus: 8_900, delinquent90Plus: 4_450 },
  { beginningBalance: 890_000, interest: 8_900, scheduledPrincipal: 100_000, defaults: 20_000, endingBalance: 770_000, delinquent60Plus: 15_400, delinquent90Plus: 0 },
  { beginningBalance: 770_000, interest: 7_700, scheduledPrincipal: 770_000, endingBalance: 0 },
];

describe('trigger metrics', () => {
  const result = runDeal(deal, poolOf(1_000_000, rows));
  const value = (period: number, id: string) => result.periods[period - 1]?.triggers.find((t) => t.id === id);

  it('cumulative default rate against a by-period threshold', () => {
    // 10,000 / 1,000,000 = 1 % ≤ 2 %; (10,000 + 20,000) / 1,000,000 = 3 % > 2.5 %.
    expect(value(1, 'cdr')).toEqual({ id: 'cdr', metric: 'cumulativeDefaultRate', value: 0.01, threshold: 0.02, unit: 'ratio', tested: false, breached: false });
    expect(value(2, 'cdr')).toEqual({ id: 'cdr', metric: 'cumulativeDefaultRate', value: 0.03, threshold: 0.025, unit: 'ratio', tested: true, breached: true });
    expect(value(3, 'cdr')?.breached).toBe(true);
    expect(result.cumulativeDefaultRate).toEqual([0.01, 0.03, 0.03]);
  });

  it('delinquency ratios: 61+ and 91+ balances over the pool balance at the period end', () => {
    expect(value(1, 'dq60')).toMatchObject({ value: 8900 / 890_000, breached: false });
    expect(value(2, 'dq60')).toMatchObject({ value: 0.02, breached: true });
    expect(value(3, 'dq60')).toMatchObject({ value: 0, breached: false }); // curable: cured
    expect(value(1, 'dq90')).toMatchObject({ value: 0.005, breached: true });
    expect(value(2, 'dq90')).toMatchObject({ value: 0, breached: false });
  });

  it("reserve to target: the carried balance over this period's target", () => {
    // Target 2 % × 1,000,000 = 20,000. P1: 10,000 / 20,000. P1 tops up 10,000 − 4,000 − 2,000 = 4,000 → 14,000.
    expect(value(1, 'reserve')).toMatchObject({ value: 0.5, breached: true });
    expect(value(2, 'reserve')).toMatchObject({ value: 0.7, breached: false });
  });

  it('pool factor', () => {
    expect(value(1, 'factor')).toMatchObject({ value: 0.89, breached: false });
    expect(value(2, 'factor')).toMatchObject({ value: 0.77, breached: true });
  });

  it('excess spread average over the last three periods, annualised; a non-curable trigger stays breached', () => {
    // P1: (10,000 − 4,000 − 2,000) / 1,000,000 × 12 = 4.8 % > 4.79 %.
    // P2: A 720,000 × 0.5 % = 3,600; B (200,000 − 20,000) × 1 % = 1,800 (P1 wrote nothing down: see below);
    //     (8,900 − 5,400) / 890,000 × 12 = 4.7191…%; average 4.7596 % ≤ 4.79 %, but P1 breached for good.
    expect(value(1, 'spread')).toMatchObject({ value: 0.048, tested: true, breached: true });
    expect(value(2, 'spread')?.value).toBeCloseTo((0.048 + (3500 / 890_000) * 12) / 2, 15);
    expect(value(2, 'spread')).toMatchObject({ tested: false, breached: true });
    expect(result.periods[0]?.excessSpread).toBe(4000);
    expect(result.periods[1]?.excessSpread).toBe(3500);
  });

  it("note balance ratio: the notes' start-of-period balance over the pool balance", () => {
    expect(value(1, 'ratio')).toMatchObject({ value: 800_000 / 890_000, breached: false });
    expect(value(2, 'ratio')).toMatchObject({ value: 720_000 / 770_000, breached: true });
  });

  it('reports the first breach of each trigger', () => {
    expect(result.triggerFirstBreach).toEqual({ cdr: 2, dq60: 2, dq90: 1, reserve: 1, factor: 2, spread: 1, ratio: 2 });
  });

  it('pro rata then sequential: pro rata by balance until the listed trigger breaches', () => {
    // P1 pro rata 8:2 → A 80,000, B 20,000; notes 900,000 vs collateral pool 890,000 + reserve 14,000 → no write-down.
    expect(result.periods[0]?.notes.map((n) => [n.principalPaid, n.writeDown])).toEqual([
      [80_000, 0],
      [20_000, 0],
    ]);
    // P2 sequential: the interest pot's 3,500 tops the reserve up to 17,500; A 100,000;
    // notes 800,000 − (pool 770,000 + reserve 17,500) = 12,500 written off B.
    expect(result.periods[1]?.notes.map((n) => [n.principalPaid, n.writeDown])).toEqual([
      [100_000, 0],
      [0, 12_500],
    ]);
  });
});

const pool = () =>
  poolOf(1_000_000, [
    { beginningBalance: 1_000_000, interest: 10_000, scheduledPrincipal: 100_000, endingBalance: 900_000 },
    { beginningBalance: 900_000, interest: 9_000, scheduledPrincipal: 900_000, endingBalance: 0 },
  ]);
const base = (triggers: TriggerSpec[], extra: Partial<Deal> = {}): Deal => ({
  dates: DATES,
  notes: [note('A', 1, 500_000, 0.06), note('B', 2, 500_000, 0.12)],
  triggers,
  waterfall: {
    interest: [{ kind: 'interest', notes: ['A'] }, { kind: 'interest', notes: ['B'] }, ...(extra.reserve ? [{ kind: 'reserveTopUp' as const }] : [])],
    principal: [
      { kind: 'principal', rule: 'proRata' },
      { kind: 'residual', to: 'seller' },
    ],
  },
  ...extra,
});
const factorBelow = (effects: TriggerSpec['effects']): TriggerSpec => ({ id: 'factor', metric: 'poolFactor', breachedWhen: '<', threshold: 0.95, effects });

describe('trigger effects', () => {
  it('sequential switches a pro-rata step', () => {
    const result = runDeal(base([factorBelow(['sequential'])]), pool());
    expect(result.periods[0]?.notes.map((n) => n.principalPaid)).toEqual([100_000, 0]);
    const untriggered = runDeal(base([]), pool());
    expect(untriggered.periods[0]?.notes.map((n) => n.principalPaid)).toEqual([50_000, 50_000]);
  });

  it('accelerate: all funds and the reserve to the senior class, interest then principal, then the next', () => {
    const accelerating = base([factorBelow(['accelerate'])], { reserve: { initialDeposit: 10_000, target: { basis: 'initialNoteBalance', percent: 0.01 } } });
    const result = runDeal(accelerating, pool());
    const p1 = result.periods[0];
    // Pot 10,000 + 100,000 + 10,000 released: A interest 2,500, A principal 117,500; nothing left for B's 5,000.
    expect(p1?.accelerated).toBe(true);
    expect(p1?.reserve).toMatchObject({ release: 10_000, deposits: 0, endingBalance: 0 });
    expect(p1?.notes[0]).toMatchObject({ interestPaid: 2500, principalPaid: 117_500, endingBalance: 382_500 });
    expect(p1?.notes[1]).toMatchObject({ interestPaid: 0, interestShortfall: 5000, principalPaid: 0 });
    expect(result.stepPaths).toContain('acceleration[0]');
  });

  it('trap excess spread: the residual stays in the reserve (beyond its target), and the reserve is not released', () => {
    const trapping = base([factorBelow(['trapExcessSpread'])], { reserve: { initialDeposit: 0, target: { basis: 'currentNoteBalance', percent: 0.001 } } });
    const result = runDeal(trapping, pool());
    // 10,000 − A 2,500 − B 5,000 = 2,500: the top-up takes 1,000 (the target), the residual's 1,500 is trapped too.
    expect(result.periods[0]?.reserve).toMatchObject({ target: 1000, deposits: 2500, endingBalance: 2500 });
    expect(result.periods[0]?.residualToSeller).toBe(0);
    // Principal collections still pay the notes: trapping takes excess spread, never principal.
    expect(result.periods[0]?.notes.map((n) => n.principalPaid)).toEqual([50_000, 50_000]);
    // At the final period the reserve is released into available funds as usual.
    expect(result.periods[1]?.reserve).toMatchObject({ release: 2500, endingBalance: 0 });
    const free = runDeal(base([], { reserve: { initialDeposit: 0, target: { basis: 'currentNoteBalance', percent: 0.001 } } }), pool());
    expect(free.periods[0]?.reserve).toMatchObject({ deposits: 1000, endingBalance: 1000 });
    expect(free.periods[0]?.residualToSeller).toBe(1500);
  });
});

describe('trapping in a combined waterfall', () => {
  it('a top-up step placed before principal deposits only up to its target, so principal collections still reach the notes', () => {
    const combined: Deal = {
      dates: DATES,
      notes: [note('A', 1, 1_000_000, 0.06)],
      reserve: { initialDeposit: 0, target: { basis: 'currentNoteBalance', percent: 0.001 } },
      triggers: [factorBelow(['trapExcessSpread'])],
      waterfall: { combined: [{ kind: 'interest', notes: ['A'] }, { kind: 'reserveTopUp' }, { kind: 'principal', rule: 'sequential' }, { kind: 'residual', to: 'seller' }] },
    };
    const p1 = runDeal(combined, pool()).periods[0];
    // Pot 110,000: A interest 5,000; top-up to the target 1,000; principal due 100,000; residual 4,000 trapped.
    expect(p1?.notes[0]).toMatchObject({ interestPaid: 5000, principalPaid: 100_000 });
    expect(p1?.reserve).toMatchObject({ deposits: 5000, endingBalance: 5000 });
    expect(p1?.residualToSeller).toBe(0);
  });
});
