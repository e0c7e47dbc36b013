import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { noteSchedule } from '../../renderer/areas/deal/note-schedule.ts';
import { dealPriceYield } from '../../service/api/handlers/deal.ts';
import { readDealFile } from '../../service/files/deal-file.ts';
import { dealRunResult } from '../../service/runs/deal-run.ts';
import { prepareDeal } from '../../service/runs/prepare-deal.ts';
import { REPO_ROOT } from '../helpers/repo.ts';

// The price/yield panel builds a note's schedule from a run (renderer/areas/deal/note-schedule.ts)
// and asks deal.priceYield. The textbook four-class CMO on its own pool: class A, 7.5% fixed, 30/360,
// closing 2026-12-25, first payment 2027-01-25.
const file = readDealFile(JSON.parse(readFileSync(join(REPO_ROOT, 'templates', 'deals', 'us-cmo-sequential.json'), 'utf8')));
const run = dealRunResult(prepareDeal(file, null, undefined), 'repline');
const schedule = noteSchedule(run, file, 'A');
if (!schedule) throw new Error('no schedule for A');
const tranche = run.tranches.find((t) => t.id === 'A');

const atParAtClosing = (convention: 'annualEffective' | 'bondEquivalent' | 'mortgageEquivalent' | 'chinaInterbank') =>
  dealPriceYield({ note: schedule, settlementDate: '2026-12-25', convention, cleanPrice: 100 });

describe('a note’s schedule from a run, priced on a settlement date', () => {
  it('at closing and a clean price of 100 the yields are the tranche table’s yields at par', () => {
    expect(atParAtClosing('annualEffective').yield).toBeCloseTo(tranche?.yieldAtParAnnualEffective ?? Number.NaN, 9);
    expect(atParAtClosing('bondEquivalent').yield).toBeCloseTo(tranche?.yieldAtParBondEquivalent ?? Number.NaN, 9);
    expect(atParAtClosing('mortgageEquivalent').yield).toBeCloseTo(tranche?.yieldAtParMortgageEquivalent ?? Number.NaN, 9);
    expect(atParAtClosing('chinaInterbank').yield).toBeCloseTo(tranche?.yieldAtParChinaInterbank ?? Number.NaN, 9);
    expect(atParAtClosing('chinaInterbank').accrued).toBe(0);
  });

  it('accrues 30/360 from closing: 25 Dec → 10 Jan is 360 − 330 − 15 = 15 days, 7.5% × 15/360 = 0.3125% of face', () => {
    const py = dealPriceYield({ note: schedule, settlementDate: '2027-01-10', convention: 'bondEquivalent', cleanPrice: 99 });
    expect(py.accrualDays).toBe(15);
    expect(py.accruedPct).toBeCloseTo(0.3125, 12);
    expect(py.face).toBe(tranche?.originalBalance);
    expect(py.dirtyPrice).toBeCloseTo(99.3125, 12);
  });

  it('after the first payment: face is A’s balance after it, accrual from 25 Jan (15 days to 10 Feb)', () => {
    const py = dealPriceYield({ note: schedule, settlementDate: '2027-02-10', convention: 'annualEffective', cleanPrice: 100 });
    expect(py.previousPaymentDate).toBe('2027-01-25');
    expect(py.face).toBe(run.periods[0]?.notes.find((n) => n.id === 'A')?.endingBalance);
    expect(py.accrued).toBeCloseTo((py.face * 0.075 * 15) / 360, 6);
  });
});
