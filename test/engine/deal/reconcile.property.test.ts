import { describe, expect, it } from 'vitest';
import {
  CUMULATIVE_RATIO_DENOMINATORS,
  DAY_COUNTS,
  poolColumns,
  poolLedger,
  runDeal,
  type Deal,
  type FeeSpec,
  type NoteSpec,
  type PoolPeriodFlows,
  type Step,
  type TriggerSpec,
  TRIGGER_METRICS,
} from '../../../engine/index.ts';

// Property: for random deals over random pools, every period reconciles to the cent (the engine
// throws RECONCILIATION otherwise) and, re-checked here from the published numbers in integer cents:
// money in = money out, balances never negative, each note's and the reserve's balance roll forward.
// A seeded PRNG (mulberry32) keeps the cases reproducible.

/** The purchase-shortfall metrics, which need a revolving deal (validate.ts). */
const purchaseMetric = (m: TriggerSpec['metric']): boolean => m === 'purchaseShortfall' || m === 'purchaseShortfallAmount';

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Steps without a pro-rata-then-sequential step that names no trigger (the validator rejects those). */
function usable(steps: Step[]): Step[] {
  return steps.filter((s) => !(s.kind === 'principal' && s.rule === 'proRataThenSequential' && (s.triggers ?? []).length === 0));
}

function randomCase(seed: number): { deal: Deal; rows: Partial<PoolPeriodFlows>[]; unit: Partial<PoolPeriodFlows>[]; cutoff: number } {
  const rnd = mulberry32(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const money = (max: number) => Math.round(rnd() * max * 100) / 100;
  const months = 3 + Math.floor(rnd() * 30);
  const cutoff = 1_000_000 + money(9_000_000);
  const rows: Partial<PoolPeriodFlows>[] = [];
  let balance = cutoff;
  for (let m = 1; m <= months; m++) {
    const last = m === months;
    const scheduled = last ? balance * rnd() : balance * rnd() * 0.1;
    const prepaid = (balance - scheduled) * rnd() * 0.05;
    const defaults = (balance - scheduled - prepaid) * rnd() * rnd() * 0.05;
    const end = balance - scheduled - prepaid - defaults;
    rows.push({
      beginningBalance: balance,
      interest: balance * rnd() * 0.015,
      penaltyInterest: rnd() < 0.3 ? money(500) : 0,
      scheduledPrincipal: scheduled,
      prepayments: prepaid,
      defaults,
      losses: defaults * 0.6,
      recoveries: rnd() < 0.5 ? defaults * rnd() : 0,
      endingBalance: end,
      delinquent60Plus: end * rnd() * 0.05,
      delinquent90Plus: end * rnd() * 0.02,
      servicingFee: balance * 0.001,
    });
    balance = end;
  }
  const unit = [
    { beginningBalance: 1, interest: 0.011, scheduledPrincipal: 0.3, prepayments: 0.02, defaults: 0.01, endingBalance: 0.67 },
    { beginningBalance: 0.67, interest: 0.007, scheduledPrincipal: 0.67, endingBalance: 0 },
  ];

  const noteCount = 1 + Math.floor(rnd() * 4);
  const ids = Array.from({ length: noteCount }, (_, i) => `N${i}`);
  let remaining = cutoff * (0.8 + rnd() * 0.25);
  const notes: NoteSpec[] = ids.map((id, i) => {
    const share = i === noteCount - 1 ? remaining : Math.round(remaining * (0.3 + rnd() * 0.5) * 100) / 100;
    remaining -= share;
    const coupon: NoteSpec['coupon'] =
      rnd() < 0.2
        ? { type: 'none' }
        : rnd() < 0.5
          ? { type: 'fixed', rate: Math.round(rnd() * 1000) / 10_000 }
          : { type: 'floating', index: [0.02, 0.025, 0.03].slice(0, 1 + Math.floor(rnd() * 3)), margin: 0.01, floor: 0.01, cap: 0.06 };
    return { id, seniority: 1 + Math.min(i, Math.floor(rnd() * 3)), originalBalance: Math.max(0, Math.round(share * 100) / 100), coupon, dayCount: pick(DAY_COUNTS), interestOnShortfall: rnd() < 0.5 };
  });
  const fees: FeeSpec[] = [];
  if (rnd() < 0.7) fees.push({ id: 'servicer', basis: { type: 'poolBalance', rateAnnual: 0.01 } });
  if (rnd() < 0.5) fees.push({ id: 'trustee', basis: { type: 'fixed', amount: money(2000) }, senior: rnd() < 0.5 });
  if (rnd() < 0.3) fees.push({ id: 'setup', basis: { type: 'oneOff', amount: money(50_000), period: 1 + Math.floor(rnd() * 3) } });
  if (rnd() < 0.3) fees.push({ id: 'agent', basis: { type: 'noteBalance', rateAnnual: 0.002, dayCount: '30/360' } });
  const pdl = rnd() < 0.5;
  const hasReserve = rnd() < 0.6;
  const triggers: TriggerSpec[] = [];
  for (let t = 0; t < Math.floor(rnd() * 4); t++) {
    const metric = pick(hasReserve ? TRIGGER_METRICS : TRIGGER_METRICS.filter((m) => m !== 'reserveToTarget'));
    triggers.push({
      id: `T${t}`,
      metric,
      ...(metric === 'noteBalanceRatio' || metric === 'interestShortfall' || metric === 'expectedMaturityShortfall' ? { notes: [pick(ids)] } : {}),
      breachedWhen: pick(['>', '>=', '<', '<='] as const),
      threshold:
        rnd() < 0.5
          ? rnd()
          : [
              { fromPeriod: 1, toPeriod: 3, threshold: rnd() },
              { fromPeriod: 4, threshold: rnd() },
            ],
      curable: rnd() < 0.5,
      ...(rnd() < 0.3 ? { averageOver: 1 + Math.floor(rnd() * 3) } : {}),
      ...(rnd() < 0.3 ? { consecutivePeriods: 1 + Math.floor(rnd() * 3) } : {}),
      ...(rnd() < 0.3 ? { warning: rnd() } : {}),
      effects: [pick(['sequential', 'endRevolving', 'accelerate', 'trapExcessSpread'] as const)],
    });
  }
  const interestSteps: Step[] = [
    ...fees.map((f): Step => ({ kind: 'fee', fee: f.id })),
    ...(rnd() < 0.5 ? [{ kind: 'interest', notes: ids } as Step] : ids.map((id): Step => ({ kind: 'interest', notes: [id] }))),
    ...(hasReserve && rnd() < 0.8 ? [{ kind: 'reserveTopUp' } as Step] : []),
    ...(pdl ? [{ kind: 'pdlCure' } as Step] : []),
  ];
  const rule = pick(['sequential', 'proRata', 'proRataThenSequential'] as const);
  const principalSteps: Step[] = [
    {
      kind: 'principal',
      rule,
      ...(rule === 'proRataThenSequential' ? { triggers: triggers.length > 0 ? [triggers[0]?.id ?? 'T0'] : [] } : {}),
      amount: pick(['principalDue', 'principalDue', 'available', 'targetOC'] as const),
      ocPercent: 0.1,
      ocFloor: 0.01,
    },
    ...(rnd() < 0.3 ? [{ kind: 'turbo' } as Step] : []),
    { kind: 'residual', to: rnd() < 0.5 ? 'seller' : (ids.at(-1) ?? 'seller') },
  ];
  const fixedPrincipal = usable(principalSteps).length === principalSteps.length ? principalSteps : [{ kind: 'principal', rule: 'sequential' } as Step, ...principalSteps.slice(1)];
  const waterfall: Deal['waterfall'] = rnd() < 0.5 ? { combined: [...interestSteps, ...fixedPrincipal] } : { interest: interestSteps, principal: fixedPrincipal };
  const frequency = rnd() < 0.7 ? 1 : 3;
  const buysLoans = fixedPrincipal.some((step) => step.kind === 'principal' && (step.amount ?? 'principalDue') === 'principalDue');
  // Revolving only with a principal step paying the principal due: the step that buys loans; a cap
  // sometimes, so that purchases are refused and the purchase-shortfall metrics move.
  const revolving =
    rnd() < 0.3 && buysLoans ? { periods: 1 + Math.floor(rnd() * 4), excessSpreadShare: rnd() < 0.5 ? 0 : 0.5, ...(rnd() < 0.5 ? { purchaseCap: money(cutoff * 0.02) } : {}) } : undefined;
  // The purchase-shortfall metrics need a revolving deal (validate.ts): elsewhere they read the pool factor.
  const dealTriggers = revolving === undefined ? triggers.map((t) => (purchaseMetric(t.metric) ? { ...t, metric: 'poolFactor' as const } : t)) : triggers;
  return {
    cutoff,
    rows,
    unit,
    deal: {
      dates: { cutoff: '2026-01-01', closing: '2026-01-10', firstPaymentDate: '2026-02-26', legalFinalMaturity: rnd() < 0.2 ? '2027-01-01' : '2040-01-01', paymentFrequencyMonths: frequency },
      notes,
      fees,
      ...(hasReserve
        ? {
            reserve: {
              initialDeposit: money(cutoff * 0.02),
              target: { basis: pick(['currentNoteBalance', 'initialNoteBalance'] as const), percent: rnd() * 0.05, ...(rnd() < 0.5 ? { floor: money(10_000) } : {}) },
            },
          }
        : {}),
      triggers: dealTriggers,
      cumulativeRatioDenominator: pick(CUMULATIVE_RATIO_DENOMINATORS),
      lossAllocation: pdl ? 'pdl' : 'writeDown',
      ...(revolving === undefined ? {} : { revolving }),
      ...(rnd() < 0.3 ? { cleanUpCall: { poolFactor: 0.1 + rnd() * 0.3 } } : {}),
      // Payout rounding per 100 of face sometimes: the truncation's remainder is carried, and must still reconcile.
      ...(rnd() < 0.3 ? { payoutRounding: { faceUnit: 100 } } : {}),
      waterfall,
    },
  };
}

const c = (x: number) => Math.round(x * 100);

describe('reconciliation over random deals', () => {
  it('every period of 300 random deals reconciles to the cent', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const { deal, rows, unit, cutoff } = randomCase(seed);
      const result = runDeal(
        deal,
        poolLedger(poolColumns(cutoff, rows), () => poolColumns(1, unit)),
      );
      expect(result.periods.length, `seed ${seed}`).toBeGreaterThan(0);
      for (const p of result.periods) {
        const where = `seed ${seed} period ${p.period}`;
        const release = p.reserve?.release ?? 0;
        const draws = p.reserve?.draws ?? 0;
        const moneyIn = c(p.availableFunds.interest) + c(p.availableFunds.principal) + c(release) + c(draws);
        let moneyOut = c(p.pool.purchasesCash) + c(p.pool.purchaseRefused.cash) + c(p.principalRoundingCarried ?? 0) + c(p.residualToSeller) + c(p.reserve?.deposits ?? 0);
        for (const f of p.fees) {
          moneyOut += c(f.paid);
          expect(c(f.due), where).toBe(c(f.paid) + c(f.unpaid));
          expect(f.unpaid, where).toBeGreaterThanOrEqual(0);
        }
        for (const n of p.notes) {
          moneyOut += c(n.interestPaid) + c(n.principalPaid) + c(n.residualPaid);
          expect(n.endingBalance, where).toBeGreaterThanOrEqual(0);
          expect(n.interestShortfall, where).toBeGreaterThanOrEqual(0);
          expect(c(n.beginningBalance) - c(n.principalPaid) + c(n.writeDownReimbursed) - c(n.writeDown), where).toBe(c(n.endingBalance));
          expect(n.pdlBalance, where).toBeLessThanOrEqual(n.endingBalance);
        }
        expect(moneyIn, where).toBe(moneyOut);
        if (p.reserve) {
          expect(c(p.reserve.beginningBalance) - c(release) - c(draws) + c(p.reserve.deposits), where).toBe(c(p.reserve.endingBalance));
          expect(p.reserve.endingBalance, where).toBeGreaterThanOrEqual(0);
        }
      }
      const last = result.periods.at(-1);
      expect(last?.final, `seed ${seed}`).toBe(true);
      expect(last?.notes.every((n) => n.endingBalance === 0)).toBe(true);
    }
  });

  it('write-down mode: no note ends with a loss while residual money is paid in or after the period its unreimbursed write-downs began', () => {
    // Residual money = the seller's residual + residuals paid to notes other than the one at a loss.
    // Revolving deals are left out: while revolving only principalDue steps buy loans (see RevolvingSpec).
    let checked = 0;
    for (let seed = 1; seed <= 300; seed++) {
      const { deal, rows, unit, cutoff } = randomCase(seed);
      if ((deal.lossAllocation ?? 'writeDown') !== 'writeDown' || deal.revolving !== undefined) continue;
      const result = runDeal(
        deal,
        poolLedger(poolColumns(cutoff, rows), () => poolColumns(1, unit)),
      );
      for (const leg of result.legs) {
        const loss = c(leg.writeDown.reduce((a, b) => a + b, 0));
        if (loss <= 0) continue;
        // From the write-down that was never reimbursed: the period after the note last had nothing written off.
        let outstanding = 0;
        let first = 0;
        result.periods.forEach((p, t) => {
          const row = p.notes.find((n) => n.id === leg.id);
          outstanding += c(row?.writeDown ?? 0) - c(row?.writeDownReimbursed ?? 0);
          if (outstanding === 0) first = t + 1;
        });
        const residual = result.periods.slice(first).reduce((sum, p) => sum + c(p.residualToSeller) + p.notes.reduce((s, n) => s + (n.id === leg.id ? 0 : c(n.residualPaid)), 0), 0);
        expect(residual, `seed ${seed} note ${leg.id} loss ${loss / 100} from period ${first + 1}`).toBe(0);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(10);
  });
});
