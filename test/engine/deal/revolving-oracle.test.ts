import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { poolLedger, projectPool, selectLoans, type DealPeriod, type PoolCashFlows, type PoolPeriodFlows } from '../../../engine/index.ts';
import { readDealFile } from '../../../service/files/deal-file.ts';
import { prepareDeal, runPrepared } from '../../../service/runs/prepare-deal.ts';
import { REPO_ROOT } from '../../helpers/repo.ts';

/*
 * Oracle for payment periods 1 and 2 of templates/deals/cn-consumer-revolving.json: every
 * waterfall figure worked out by hand below, in decimal.js at cents (half-up), from the deal's terms
 * and the conventions stated in engine/deal/schema.ts, without the waterfall code (engine/deal/run.ts,
 * steps.ts, state.ts). Unlike the template's regression snapshot, this is an independent check.
 *
 * Inputs, taken as given: the pool's collections of months 1 and 2 — the engine's projection of the
 * template's own pool lines under its own assumptions (the pool engine is checked in
 * test/engine/project) and, for month 2, the loans bought on payment date 1 (the purchase profile
 * projected from month 2, scaled by the purchase computed here; engine/deal/pool-source.ts).
 */

const TEMPLATE = join(REPO_ROOT, 'templates', 'deals', 'cn-consumer-revolving.json');

const D = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
type Money = InstanceType<typeof D>;

/** Rounds to cents, half-up: the trust deed's single rounding of every accrual. */
const cents = (x: Money): Money => x.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
/** A pool amount (yuan, float64) read at cents, half-up on its shortest decimal form. */
const yuan = (x: number): Money => cents(new D(x));
const ZERO = new D(0);
/** A cent amount as the number DealResult holds. */
const n = (x: Money): number => x.toNumber();

/** What one payment date leaves for the next. */
interface Carried {
  readonly A: Money;
  readonly B: Money;
  readonly Sub: Money;
  readonly reserve: Money;
  readonly pdl: Money;
  readonly cumulativeDefaults: Money;
  readonly cumulativePurchases: Money;
}

/** The figures of one period the oracle checks, money as numbers holding exact cents (as DealResult keeps them). */
type Figures = Record<string, number | string | boolean>;

// Cutoff pool: the template's five lines, 182,000,000 + 64,000,000 + 96,000,000 + 21,000,000 + 37,000,000.
const CUTOFF_POOL = new D(400_000_000);

const AT_CLOSING: Carried = {
  A: new D(320_000_000), // A 优先A original balance
  B: new D(36_000_000), // B 优先B original balance
  Sub: new D(44_000_000), // 次级 original balance
  reserve: new D(3_560_000), // reserve initialDeposit, funded at closing
  pdl: ZERO,
  cumulativeDefaults: ZERO,
  cumulativePurchases: ZERO,
};

interface PeriodInputs {
  readonly period: number;
  readonly accrualStart: string;
  readonly paymentDate: string;
  /** Actual days from accrualStart to paymentDate (ACT/365 numerator). */
  readonly days: number;
  /** Pool balance at the start of the collection period (the fee basis). */
  readonly poolBegin: Money;
  /** The collection month's pool amounts (inputs). */
  readonly month: PoolPeriodFlows;
}

/**
 * One revolving payment date of the template, by hand. Every line names its clause; the asserts on
 * the way check that the path taken here (no trigger breached, every step paid in full) is the one
 * the figures call for.
 */
function handPeriod(before: Carried, inputs: PeriodInputs): { figures: Figures; after: Carried } {
  const { days, poolBegin, month } = inputs;
  // Collections of the month, each amount read at cents.
  const interest = yuan(month.interest);
  const penalty = yuan(month.penaltyInterest);
  const recoveries = yuan(month.recoveries);
  const scheduled = yuan(month.scheduledPrincipal);
  const prepaid = yuan(month.prepayments);
  const defaults = yuan(month.defaults);
  const poolEnd = yuan(month.endingBalance);
  const delinquent90 = yuan(month.delinquent90Plus);
  const notesBegin = before.A.plus(before.B).plus(before.Sub);

  // Coupons (NoteSpec, ACT/365): start-of-period balance × rate × actual days ÷ 365, one rounding half-up to cents.
  const couponA = cents(before.A.times('0.028').times(days).div(365)); // A: fixed 2.8 %
  const couponB = cents(before.B.times('0.042').times(days).div(365)); // B: fixed 4.2 %; Sub: coupon none, no interest
  // Tax (FeeBasis collections): 3.26 % × (interest + penalty interest) of the collection period, half-up:
  // 3 % VAT under the simplified method (财税〔2017〕56号) × 1.12 surcharges ÷ 1.03 (VAT-inclusive income).
  const tax = cents(interest.plus(penalty).times('0.0326'));
  // Other fees (FeeBasis poolBalance, ACT/365): rateAnnual × pool balance at the start of the collection period × days ÷ 365, half-up.
  const trustee = cents(poolBegin.times('0.0005').times(days).div(365)); // trustee, 0.05 %
  const custodian = cents(poolBegin.times('0.0001').times(days).div(365)); // custodian, 0.01 %
  const servicer = cents(poolBegin.times('0.01').times(days).div(365)); // servicer, 1 %
  const rating = new D(8000); // rating surveillance: fixed, the same amount every period
  const feesAccrued = tax.plus(trustee).plus(custodian).plus(servicer).plus(rating);

  // Reserve target (ReserveTarget currentNoteBalance): 1 % × (A + B) at the start of the period, half-up,
  // floor 500,000, no cap, never above the notes' total balance.
  const target = D.min(D.max(cents(before.A.plus(before.B).times('0.01')), new D(500_000)), notesBegin);
  // Release: the balance above the target goes into the interest pot (no trap-excess-spread trigger in force).
  const release = D.max(before.reserve.minus(target), ZERO);

  // Determination date (TriggerSpec metrics). cdr: cumulative gross defaults ÷ (cutoff pool + cumulative
  // purchases) > 2 % in periods 1–6 would end revolving; dq90: 91+ DPD principal ÷ pool end > 3 % would trap.
  const cumulativeDefaults = before.cumulativeDefaults.plus(defaults);
  const cdr = cumulativeDefaults.div(CUTOFF_POOL.plus(before.cumulativePurchases));
  const dq90 = poolEnd.isZero() ? ZERO : delinquent90.div(poolEnd);
  expect(cdr.gt('0.02') || dq90.gt('0.03'), 'no trigger breached: the hand path below is the revolving one').toBe(false);
  // Revolving (RevolvingSpec): periods 1 … 12 and no endRevolving trigger breached.
  expect(inputs.period <= 12).toBe(true);

  // Interest waterfall, the template's order. Pot (Waterfall, separate) = interest + penalty + recoveries + release.
  let pot = interest.plus(penalty).plus(recoveries).plus(release);
  const payInFull = (due: Money): Money => {
    expect(pot.gte(due), 'the interest pot covers the step (no reserve draw)').toBe(true);
    pot = pot.minus(due);
    return due;
  };
  const taxPaid = payInFull(tax); // fee step 1: tax
  const trusteePaid = payInFull(trustee); // fee step 2: trustee
  const custodianPaid = payInFull(custodian); // fee step 3: custodian
  const servicerPaid = payInFull(servicer); // fee step 4: servicer
  const ratingPaid = payInFull(rating); // fee step 5: rating
  const aPaid = payInFull(couponA); // interest step: A
  const bPaid = payInFull(couponB); // interest step: B
  // reserveTopUp: up to target − (balance after the release).
  const reserveAfterRelease = before.reserve.minus(release);
  const topUp = D.min(pot, D.max(target.minus(reserveAfterRelease), ZERO));
  pot = pot.minus(topUp);
  // PDL (lossAllocation pdl): debited with the period's gross defaults, up to the notes' balance not yet debited.
  const pdlDebited = before.pdl.plus(D.min(defaults, D.max(notesBegin.minus(before.pdl), ZERO)));
  // pdlCure: clears the ledger from the interest pot; the cure moves to the principal pot and adds to the principal due.
  const cure = D.min(pot, pdlDebited);
  const pdl = pdlDebited.minus(cure);
  pot = pot.minus(cure);

  // Principal waterfall. Pot = scheduled + prepaid + cure + what the interest waterfall left.
  const principalDue = scheduled.plus(prepaid).plus(cure); // PrincipalAmount principalDue
  let principalPot = scheduled.plus(prepaid).plus(cure).plus(pot);
  // Sequential principal step while revolving: buys loans with the principal due, pays no note principal.
  const purchases = D.min(principalPot, principalDue);
  principalPot = principalPot.minus(purchases);
  // Residual to Sub: all that is left (no write-downs to reimburse, excessSpreadShare 0, no trap).
  const residual = principalPot;

  // Reconciliation: money in = money out, to the cent.
  const moneyIn = interest.plus(penalty).plus(recoveries).plus(scheduled).plus(prepaid).plus(release);
  const moneyOut = feesAccrued.plus(couponA).plus(couponB).plus(topUp).plus(purchases).plus(residual);
  expect(moneyIn.eq(moneyOut), 'hand reconciliation').toBe(true);

  const figures: Figures = {
    accrualStart: inputs.accrualStart,
    paymentDate: inputs.paymentDate,
    revolving: true,
    anyTriggerBreached: false,
    'pool.beginningBalance': n(poolBegin),
    'pool.purchases': n(purchases),
    // The scenario's servicingFeeRate is 0 (the servicer is paid by its fee step), so no strip leaves the interest pot.
    servicingStrip: 0,
    'funds.interest': n(interest.plus(penalty).plus(recoveries)),
    'funds.principal': n(scheduled.plus(prepaid)),
    'fee.tax': n(tax),
    'fee.trustee': n(trustee),
    'fee.custodian': n(custodian),
    'fee.servicer': n(servicer),
    'fee.rating': n(rating),
    'paid.tax': n(taxPaid),
    'paid.trustee': n(trusteePaid),
    'paid.custodian': n(custodianPaid),
    'paid.servicer': n(servicerPaid),
    'paid.rating': n(ratingPaid),
    'A.interestDue': n(couponA),
    'A.interestPaid': n(aPaid),
    'B.interestDue': n(couponB),
    'B.interestPaid': n(bPaid),
    'Sub.interestPaid': 0,
    'A.principalPaid': 0,
    'B.principalPaid': 0,
    'Sub.principalPaid': 0,
    'A.endingBalance': n(before.A),
    'B.endingBalance': n(before.B),
    'Sub.endingBalance': n(before.Sub),
    'Sub.residualPaid': n(residual),
    pdlBalance: n(pdl),
    pdlCured: n(cure),
    'reserve.target': n(target),
    'reserve.release': n(release),
    'reserve.draws': 0,
    'reserve.deposits': n(topUp),
    'reserve.endingBalance': n(reserveAfterRelease.plus(topUp)),
    residualToSeller: 0,
    // Excess spread (DealPeriod): interest + penalty − fees accrued − coupons accrued.
    excessSpread: n(interest.plus(penalty).minus(feesAccrued).minus(couponA).minus(couponB)),
  };
  const after: Carried = {
    ...before,
    reserve: reserveAfterRelease.plus(topUp),
    pdl,
    cumulativeDefaults,
    cumulativePurchases: before.cumulativePurchases.plus(purchases),
  };
  return { figures, after };
}

/** The same figures read off the engine's period row. */
function engineFigures(row: DealPeriod): Figures {
  const note = (id: string) => {
    const found = row.notes.find((x) => x.id === id);
    if (found === undefined) throw new Error(`no note ${id}`);
    return found;
  };
  const fee = (id: string) => {
    const found = row.fees.find((x) => x.id === id);
    if (found === undefined) throw new Error(`no fee ${id}`);
    return found;
  };
  const [A, B, Sub] = [note('A'), note('B'), note('Sub')];
  const feeIds = ['tax', 'trustee', 'custodian', 'servicer', 'rating'];
  return {
    accrualStart: row.accrualStart,
    paymentDate: row.paymentDate,
    revolving: row.revolving,
    anyTriggerBreached: row.triggers.some((t) => t.breached),
    'pool.beginningBalance': row.pool.beginningBalance,
    'pool.purchases': row.pool.purchasesCash,
    servicingStrip: row.servicingStrip,
    'funds.interest': row.availableFunds.interest,
    'funds.principal': row.availableFunds.principal,
    ...Object.fromEntries(feeIds.map((id) => [`fee.${id}`, fee(id).due])),
    ...Object.fromEntries(feeIds.map((id) => [`paid.${id}`, fee(id).paid])),
    'A.interestDue': A.interestDue,
    'A.interestPaid': A.interestPaid,
    'B.interestDue': B.interestDue,
    'B.interestPaid': B.interestPaid,
    'Sub.interestPaid': Sub.interestPaid,
    'A.principalPaid': A.principalPaid,
    'B.principalPaid': B.principalPaid,
    'Sub.principalPaid': Sub.principalPaid,
    'A.endingBalance': A.endingBalance,
    'B.endingBalance': B.endingBalance,
    'Sub.endingBalance': Sub.endingBalance,
    'Sub.residualPaid': Sub.residualPaid,
    pdlBalance: A.pdlBalance + B.pdlBalance + Sub.pdlBalance,
    pdlCured: row.pdlCured,
    'reserve.target': row.reserve?.target ?? NaN,
    'reserve.release': row.reserve?.release ?? NaN,
    'reserve.draws': row.reserve?.draws ?? NaN,
    'reserve.deposits': row.reserve?.deposits ?? NaN,
    'reserve.endingBalance': row.reserve?.endingBalance ?? NaN,
    residualToSeller: row.residualToSeller,
    excessSpread: row.excessSpread,
  };
}

/** Runs the template through the engine and works periods 1 and 2 by hand from the same pool months. */
function computeOracle() {
  const file = readDealFile(JSON.parse(readFileSync(TEMPLATE, 'utf8')));
  const prepared = prepareDeal(file, null, undefined);
  const { result, flows } = runPrepared(prepared);
  const profile = prepared.profile;
  if (profile === null) throw new Error('the template has a revolving purchase profile');
  // The loans bought on payment date 1, per yuan of principal of each profile line: the line projected
  // from month 2 under the template's assumptions, as runPrepared projects it.
  const unitCohort = (afterMonth: number, line: number): PoolCashFlows =>
    projectPool(selectLoans(profile, [line]), prepared.assumptions, { months: prepared.months - afterMonth, cutoffDate: prepared.input.cutoffDate, startMonth: afterMonth + 1 });
  const pool = poolLedger(flows, unitCohort);
  // At price 1 the cash spent buys as much principal, split by the profile's shares.
  const shares = (file.revolving?.profile ?? []).map((line) => line.share);
  const totalShare = shares.reduce((a, b) => a + b, 0);

  // Period 1: accrual from closing 2027-01-20 to the first payment date 2027-02-26 = 11 + 26 = 37 days;
  // collection month 1 (January 2027, after the 2026-12-31 cutoff); fees on the cutoff pool.
  const month1 = pool.month(1);
  const p1 = handPeriod(AT_CLOSING, { period: 1, accrualStart: '2027-01-20', paymentDate: '2027-02-26', days: 37, poolBegin: CUTOFF_POOL, month: month1 });
  // Purchases join the pool on the payment date; their flows start with month 2.
  pool.purchase(
    1,
    shares.map((share) => (p1.after.cumulativePurchases.toNumber() * share) / totalShare),
  );
  // Period 2: 2027-02-26 → 2027-03-26 = 28 days; the pool starts at month 1's end plus the loans just bought.
  const month2 = pool.month(2);
  const poolBegin2 = yuan(month1.endingBalance).plus(p1.after.cumulativePurchases);
  const p2 = handPeriod(p1.after, { period: 2, accrualStart: '2027-02-26', paymentDate: '2027-03-26', days: 28, poolBegin: poolBegin2, month: month2 });
  return { result, month1, month2, poolBegin2, p1, p2 };
}

describe('cn-consumer-revolving template, periods 1 and 2: the engine against a hand computation', () => {
  let cached: ReturnType<typeof computeOracle> | undefined;
  const oracle = (): ReturnType<typeof computeOracle> => (cached ??= computeOracle());

  it('period 1 terms, worked on paper: coupons, fees on the 400,000,000 cutoff pool over 37 days, reserve target', () => {
    const { p1 } = oracle();
    // A: 320,000,000 × 2.8 % × 37 / 365 = 908,273.9726… → 908,273.97; B: 36,000,000 × 4.2 % × 37 / 365 = 153,271.2328… → 153,271.23.
    // Fees: 400,000,000 × 0.05 % × 37/365 = 20,273.972… → 20,273.97; × 0.01 % → 4,054.79; × 1 % → 405,479.45 (tax: 3.26 % of the
    // month's interest + penalty, worked in handPeriod from the collections).
    // Reserve target: 1 % × 356,000,000 = 3,560,000 (above the 500,000 floor) = the initial deposit: nothing released or topped up.
    expect(p1.figures).toMatchObject({
      'A.interestDue': 908_273.97,
      'B.interestDue': 153_271.23,
      'fee.trustee': 20_273.97,
      'fee.custodian': 4054.79,
      'fee.servicer': 405_479.45,
      'fee.rating': 8000,
      'reserve.target': 3_560_000,
      'reserve.release': 0,
      'reserve.deposits': 0,
    });
  });

  it('period 2 terms, worked on paper: 28 days, and the pool back at 400,000,000 after the purchases', () => {
    const { p2, poolBegin2 } = oracle();
    // While revolving, with the whole PDL cured, the purchases replace every yuan of principal that left the
    // pool in month 1 (scheduled + prepaid + defaulted), so the pool starts month 2 at the cutoff balance again.
    expect(poolBegin2.toNumber()).toBe(400_000_000);
    // A: 320,000,000 × 2.8 % × 28 / 365 = 687,342.4657… → 687,342.47; B: 36,000,000 × 4.2 % × 28 / 365 = 115,989.0410… → 115,989.04.
    // Fees: 400,000,000 × 0.05 % × 28/365 = 15,342.465… → 15,342.47; × 0.01 % → 3,068.49; × 1 % → 306,849.32.
    expect(p2.figures).toMatchObject({
      'A.interestDue': 687_342.47,
      'B.interestDue': 115_989.04,
      'fee.trustee': 15_342.47,
      'fee.custodian': 3068.49,
      'fee.servicer': 306_849.32,
      'fee.rating': 8000,
      'reserve.target': 3_560_000,
    });
  });

  it('the engine gives the hand figures of period 1 to the cent', () => {
    const { result, p1 } = oracle();
    expect(engineFigures(result.periods[0] as DealPeriod)).toEqual(p1.figures);
  });

  it('the engine gives the hand figures of period 2 to the cent', () => {
    const { result, p2 } = oracle();
    expect(engineFigures(result.periods[1] as DealPeriod)).toEqual(p2.figures);
  });

  it('the engine reads the same pool months the hand computation took as inputs', () => {
    // Guards the inputs: month 2 includes the loans bought for the hand-computed purchase of period 1.
    const { result, month1, month2 } = oracle();
    for (const [row, month] of [
      [result.periods[0], month1],
      [result.periods[1], month2],
    ] as const) {
      expect(row?.pool).toMatchObject({
        interest: yuan(month.interest).toNumber(),
        penaltyInterest: yuan(month.penaltyInterest).toNumber(),
        scheduledPrincipal: yuan(month.scheduledPrincipal).toNumber(),
        prepayments: yuan(month.prepayments).toNumber(),
        defaults: yuan(month.defaults).toNumber(),
        endingBalance: yuan(month.endingBalance).toNumber(),
      });
    }
  });
});
