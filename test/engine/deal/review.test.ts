import { describe, expect, it } from 'vitest';
import { poolColumns, poolLedger, runDeal } from '../../../engine/index.ts';
import { poolOf, twoNoteDeal } from './helpers.ts';

// Review of economically wrong behaviour: each case computed by hand. twoNoteDeal: A 800,000 at 6 %,
// B 200,000 at 12 %, 30/360 (a month = 1/12 year), combined waterfall: A interest, B interest,
// sequential principal (principalDue), residual to the seller; write-down loss allocation.

describe('write-down mode: excess spread covers losses before the residual', () => {
  // Month 1: interest 10,000, scheduled 50,000, defaults 3,000 → 947,000. Month 2: everything repaid.
  const pool = poolOf(1_000_000, [
    { beginningBalance: 1_000_000, interest: 10_000, scheduledPrincipal: 50_000, defaults: 3_000, endingBalance: 947_000 },
    { beginningBalance: 947_000, interest: 9_470, scheduledPrincipal: 947_000, endingBalance: 0 },
  ]);
  const result = runDeal(twoNoteDeal(), pool);
  const [p1, p2] = result.periods;

  it('period 1: principal due = notes 1,000,000 − pool 947,000 = 53,000 > collections 50,000; no write-down while the seller is paid', () => {
    // Pot 60,000 − A 4,000 − B 2,000 = 54,000 → A 53,000; 1,000 to the seller; notes 947,000 = pool.
    expect(p1?.notes.map((n) => [n.interestPaid, n.principalPaid, n.writeDown, n.endingBalance])).toEqual([
      [4000, 53_000, 0, 747_000],
      [2000, 0, 0, 200_000],
    ]);
    expect(p1?.residualToSeller).toBe(1000);
  });

  it('period 2 (final): A 747,000 × 0.5 % = 3,735, B 2,000; both repaid; 9,470 − 5,735 = 3,735 to the seller', () => {
    expect(p2?.notes.map((n) => [n.interestPaid, n.principalPaid, n.writeDown, n.endingBalance])).toEqual([
      [3735, 747_000, 0, 0],
      [2000, 200_000, 0, 0],
    ]);
    expect(p2?.residualToSeller).toBe(3735);
  });
});

describe('write-down mode: the reserve is collateral, not written off while it waits to be released', () => {
  // Reserve 10,000 (target 1 % of the original notes = 10,000). Month 1: interest 10,000, scheduled
  // 50,000, defaults 12,000 → 938,000; month 2: everything repaid.
  const deal = twoNoteDeal({ reserve: { initialDeposit: 10_000, target: { basis: 'initialNoteBalance', percent: 0.01 } } });
  const pool = poolOf(1_000_000, [
    { beginningBalance: 1_000_000, interest: 10_000, scheduledPrincipal: 50_000, defaults: 12_000, endingBalance: 938_000 },
    { beginningBalance: 938_000, interest: 9_380, scheduledPrincipal: 938_000, endingBalance: 0 },
  ]);
  const result = runDeal(deal, pool);
  const [p1, p2] = result.periods;

  it('period 1: principal due = 1,000,000 − (938,000 + 10,000) = 52,000; notes 948,000 = pool + reserve, nothing written down', () => {
    // Pot 60,000 − 6,000 interest = 54,000 → A 52,000, seller 2,000.
    expect(p1?.notes.map((n) => [n.principalPaid, n.writeDown, n.endingBalance])).toEqual([
      [52_000, 0, 748_000],
      [0, 0, 200_000],
    ]);
    expect(p1?.residualToSeller).toBe(2000);
    expect(p1?.reserve?.endingBalance).toBe(10_000);
  });

  it('period 2 (final): the released reserve repays B in full; the seller gets only what is left', () => {
    // Pot 9,380 + 938,000 + reserve 10,000 = 957,380; A 748,000 × 0.5 % = 3,740, B 2,000;
    // principal 948,000; seller 957,380 − 5,740 − 948,000 = 3,640.
    expect(p2?.reserve?.release).toBe(10_000);
    expect(p2?.notes.map((n) => [n.interestPaid, n.principalPaid, n.writeDown])).toEqual([
      [3740, 748_000, 0],
      [2000, 200_000, 0],
    ]);
    expect(p2?.residualToSeller).toBe(3640);
    expect(result.legs.map((leg) => leg.writeDown.reduce((a, b) => a + b, 0))).toEqual([0, 0]);
  });
});

describe('write-down mode: later residual cash reimburses earlier write-downs before the seller', () => {
  // Month 1: defaults 20,000 (recovered 12,000 a month later); month 3: everything repaid.
  const pool = poolOf(1_000_000, [
    { beginningBalance: 1_000_000, interest: 10_000, scheduledPrincipal: 50_000, defaults: 20_000, endingBalance: 930_000 },
    { beginningBalance: 930_000, interest: 9_300, recoveries: 12_000, scheduledPrincipal: 30_000, endingBalance: 900_000 },
    { beginningBalance: 900_000, interest: 9_000, scheduledPrincipal: 900_000, endingBalance: 0 },
  ]);
  const result = runDeal(twoNoteDeal(), pool);
  const [p1, p2, p3] = result.periods;
  const rows = (p: typeof p1) => p?.notes.map((n) => [n.principalPaid, n.writeDown, n.writeDownReimbursed, n.endingBalance]);

  it('period 1: principal due 1,000,000 − 930,000 = 70,000, pot 54,000 → A; B written down 946,000 − 930,000 = 16,000', () => {
    expect(rows(p1)).toEqual([
      [54_000, 0, 0, 746_000],
      [0, 16_000, 0, 184_000],
    ]);
    expect(p1?.residualToSeller).toBe(0);
  });

  it('period 2: the recovery leaves 15,730 after A 30,000: it reimburses B (as principal, balance unchanged), nothing to the seller', () => {
    // Pot 9,300 + 12,000 + 30,000 = 51,300 − A 746,000 × 0.5 % = 3,730 − B 184,000 × 1 % = 1,840 = 45,730.
    expect(rows(p2)).toEqual([
      [30_000, 0, 0, 716_000],
      [15_730, 0, 15_730, 184_000],
    ]);
    expect(p2?.residualToSeller).toBe(0);
  });

  it("period 3 (final): notes repaid, the last 270 of B's write-down reimbursed, then the seller", () => {
    // Pot 909,000 − A 3,580 − B 1,840 − principal 900,000 = 3,580 → B 270, seller 3,310.
    expect(rows(p3)).toEqual([
      [716_000, 0, 0, 0],
      [184_270, 0, 270, 0],
    ]);
    expect(p3?.residualToSeller).toBe(3310);
    // legs: write-downs net of reimbursements (the loss is 0), principal = all principal cash
    expect(result.legs[1]?.writeDown).toEqual([0, 0, 0]);
    expect(result.legs[1]?.principal).toEqual([0, 15_730, 184_270]);
  });
});

describe('revolving: the excess spread share is taken from what is left after reimbursing write-downs', () => {
  // Revolving 2 periods, half of every residual buys loans. Purchased loans: 1 % interest a month,
  // repaid in full in their second month.
  const deal = twoNoteDeal({ revolving: { periods: 2, excessSpreadShare: 0.5 } });
  const base = poolColumns(1_000_000, [
    { beginningBalance: 1_000_000, interest: 10_000, scheduledPrincipal: 50_000, defaults: 100_000, endingBalance: 850_000 },
    { beginningBalance: 850_000, interest: 8500, recoveries: 60_000, endingBalance: 850_000 },
    { beginningBalance: 850_000, interest: 8500, scheduledPrincipal: 850_000, endingBalance: 0 },
  ]);
  const unit = poolColumns(1, [
    { beginningBalance: 1, interest: 0.01, endingBalance: 1 },
    { beginningBalance: 1, interest: 0.01, scheduledPrincipal: 1, endingBalance: 0 },
  ]);
  const result = runDeal(
    deal,
    poolLedger(base, () => unit),
  );
  const [p1, p2, p3] = result.periods;
  const rows = (p: typeof p1) => p?.notes.map((n) => [n.principalPaid, n.writeDown, n.writeDownReimbursed, n.endingBalance]);

  it('period 1: principal due max(50,000, 1,000,000 − 850,000) = 150,000; the pot 54,000 buys loans; B written down 1,000,000 − 904,000 = 96,000', () => {
    expect(p1?.pool.purchasesCash).toBe(54_000);
    expect(rows(p1)).toEqual([
      [0, 0, 0, 800_000],
      [0, 96_000, 0, 104_000],
    ]);
  });

  it('period 2: recoveries 60,000 + interest 8,500 + 540 − A 4,000 − B 1,040 = 64,000 all reimburse B; no purchase from an empty pot', () => {
    expect(rows(p2)).toEqual([
      [0, 0, 0, 800_000],
      [64_000, 0, 64_000, 104_000],
    ]);
    expect(p2?.pool.purchasesCash).toBe(0);
    expect(p2?.residualToSeller).toBe(0);
  });

  it('period 3 (final): 913,040 − 5,040 interest − 904,000 principal = 4,000 reimburses B; B loses 28,000', () => {
    expect(rows(p3)).toEqual([
      [800_000, 0, 0, 0],
      [108_000, 0, 4000, 0],
    ]);
    expect(p3?.residualToSeller).toBe(0);
    expect(result.legs.map((leg) => leg.writeDown.reduce((a, b) => a + b, 0))).toEqual([0, 28_000]);
  });
});
