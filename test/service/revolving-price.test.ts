import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDealFile } from '../../service/files/deal-file.ts';
import { prepareDeal, runPrepared } from '../../service/runs/prepare-deal.ts';
import { REPO_ROOT } from '../helpers/repo.ts';

// The shipped revolving consumer deal at purchase prices 0.9, 1 and 1.1, without its clean-up call:
// the pool ledger books principal (cash ÷ price), so the pool empties exactly when its cash flows
// stop and its principal adds up, to the cent, to the cutoff balance plus the principal bought
// (docs/deals.md, "Revolving purchases"). Before the fix the ledger booked the cash: at 0.9 it
// reached zero while bought loans still paid, at 1.1 a balance was left after every loan had paid off.

const TEMPLATE = join(REPO_ROOT, 'templates', 'deals', 'cn-consumer-revolving.json');
const cents = (x: number): number => Math.round(x * 100);

function runAtPrice(price: number, extra: Record<string, unknown> = {}) {
  const json = JSON.parse(readFileSync(TEMPLATE, 'utf8')) as Record<string, unknown> & { revolving: Record<string, unknown> };
  const { cleanUpCall: _call, ...rest } = json;
  // A legal final far enough out for the pool's tail (91–180 DPD loans still charging off) to run out.
  const dates = { ...(json.dates as object), legalFinalMaturity: '2040-02-26' };
  const file = readDealFile({ ...rest, dates, revolving: { ...json.revolving, price, ...extra } });
  return runPrepared(prepareDeal(file, null, undefined)).result;
}

describe('the revolving template at a purchase price other than 1', () => {
  for (const price of [0.9, 1, 1.1]) {
    it(`price ${price}: the pool's principal is the cutoff balance plus the principal bought, and it ends with the pool's cash flows`, () => {
      const result = runAtPrice(price);
      const pools = result.periods.map((p) => p.pool);
      const cutoff = pools[0]?.beginningBalance ?? 0;
      // Each revolving date: principal bought = cash paid ÷ price, half-up to cents.
      for (const p of pools) expect(cents(p.principalPurchased)).toBe(Math.round(cents(p.purchasesCash) / price));
      const bought = pools.reduce((sum, p) => sum + cents(p.principalPurchased), 0);
      const principalOut = pools.reduce((sum, p) => sum + cents(p.scheduledPrincipal) + cents(p.prepayments) + cents(p.defaults) + cents(p.cleanUpProceeds), 0);
      expect(principalOut).toBe(cents(cutoff) + bought);
      // The pool is empty from the last period that collects interest or principal from it (recoveries
      // of charged-off loans come later, from outside the pool balance), and not before.
      const lastCash = result.periods.findLast((p) => p.pool.interest + p.pool.scheduledPrincipal + p.pool.prepayments + p.pool.defaults > 0)?.period ?? 0;
      const firstEmpty = result.periods.find((p) => p.pool.endingBalance === 0)?.period;
      expect(firstEmpty).toBe(lastCash);
      // Each period: beginning (with the previous date's principal bought) − principal out = ending.
      result.periods.forEach((p, k) => {
        const boughtBefore = k === 0 ? 0 : cents(result.periods[k - 1]?.pool.principalPurchased ?? 0);
        if (k > 0) expect(cents(p.pool.beginningBalance)).toBe(cents(result.periods[k - 1]?.pool.endingBalance ?? 0) + boughtBefore);
        expect(cents(p.pool.beginningBalance) - cents(p.pool.scheduledPrincipal) - cents(p.pool.prepayments) - cents(p.pool.defaults)).toBe(cents(p.pool.endingBalance));
      });
    });
  }

  it('a segment share limit reads the pool’s balance by segment: gig purchases are cut, the cash is kept and carried', () => {
    const result = runAtPrice(1, { eligibility: { maxSegmentShare: { gig: 0.05 } } });
    const refused = result.periods.filter((p) => p.pool.purchaseRefused.cash > 0);
    expect(refused.length).toBeGreaterThan(0);
    for (const p of refused) expect(p.pool.purchaseRefused.reasons).toEqual(['segmentShare']);
    // What a date keeps joins the next date's principal funds.
    result.periods.slice(1).forEach((p, k) => expect(p.availableFunds.principalCarried).toBe(result.periods[k]?.pool.purchaseRefused.cash));
  });
});
