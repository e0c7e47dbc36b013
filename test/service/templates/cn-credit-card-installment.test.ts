import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readScheduleFile } from '../../../data/schedule/read.ts';
import { flatFeeSchedule } from '../../../engine/index.ts';
import { readDealFile } from '../../../service/files/deal-file.ts';
import { prepareDeal, runPrepared } from '../../../service/runs/prepare-deal.ts';
import { REPO_ROOT } from '../../helpers/repo.ts';

const TEMPLATE = join(REPO_ROOT, 'templates', 'deals', 'cn-credit-card-installment.json');
const SCHEDULE = join(REPO_ROOT, 'templates', 'schedules', 'cn-credit-card-installment.csv');
const template = (): ReturnType<typeof readDealFile> => readDealFile(JSON.parse(readFileSync(TEMPLATE, 'utf8')));

describe('the credit-card installment template (static, schedule pool, sequential, full turbo)', () => {
  it('its rows are the shipped sample schedule, which is the three flat-fee cohorts summed', async () => {
    const read = await readScheduleFile(SCHEDULE);
    expect(read.unit).toBe('元'); // from the headers' （元）
    expect(template().schedulePool?.rows).toEqual(read.rows);
    // By hand, month 1 (January 2027): principal 200,000,000 ÷ 6 = 33,333,333.33 + 600,000,000 ÷ 12 = 50,000,000 + 400,000,000 ÷ 24 = 16,666,666.67
    // = 100,000,000.00; fee 200,000,000 × 0.75% + 600,000,000 × 0.66% + 400,000,000 × 0.60% = 1,500,000 + 3,960,000 + 2,400,000 = 7,860,000;
    // opening balance 133,333,333.34 (4 of 6 left) + 450,000,000 (9 of 12) + 299,999,999.98 (18 of 24) = 883,333,333.32.
    expect(read.rows[0]).toEqual({ periodEnd: '2027-01-31', openingBalance: 883_333_333.32, scheduledPrincipal: 100_000_000, interest: 7_860_000 });
    // The 6-month cohort's last installment (month 4) takes the fen left by rounding: 33,333,333.35, so month 4's principal is 100,000,000.02.
    expect(flatFeeSchedule(200_000_000, 6, 0.0075)[5]?.principal).toBe(33_333_333.35);
    expect(read.rows[3]?.scheduledPrincipal).toBe(100_000_000.02);
  });

  it('period 1 under its base stress (2 CDR, 5 CPR), worked by hand; the excess spread all goes to class A', () => {
    const { result } = runPrepared(prepareDeal(template(), null, undefined));
    const p = result.periods[0];
    const mdr = 1 - 0.98 ** (1 / 12);
    const smm = 1 - 0.95 ** (1 / 12);
    const days = 37; // 2027-01-20 closing → 2027-02-26, ACT/365
    expect(p?.pool.defaults).toBeCloseTo(mdr * 883_333_333.32, 1);
    expect(p?.pool.scheduledPrincipal).toBeCloseTo((1 - mdr) * 100_000_000, 1);
    expect(p?.pool.interest).toBeCloseTo((1 - mdr) * 7_860_000, 1);
    expect(p?.pool.prepayments).toBeCloseTo(smm * (1 - mdr) * 783_333_333.32, 1);
    const fee = (id: string): number => p?.fees.find((f) => f.id === id)?.paid ?? Number.NaN;
    expect(fee('tax')).toBeCloseTo(0.0326 * (p?.pool.interest ?? 0), 2);
    expect(fee('trustee')).toBeCloseTo((0.0005 * 883_333_333.32 * days) / 365, 2);
    expect(fee('servicer')).toBeCloseTo((0.006 * 883_333_333.32 * days) / 365, 2);
    const [a, b, sub] = p?.notes ?? [];
    expect(a?.interestPaid).toBeCloseTo((706_000_000 * 0.023 * days) / 365, 2);
    expect(b?.interestPaid).toBeCloseTo((53_000_000 * 0.029 * days) / 365, 2);
    // Full turbo: A takes the pool's principal and prepayments plus everything the income account has left.
    const income = (p?.pool.interest ?? 0) - fee('tax') - fee('trustee') - fee('servicer') - (a?.interestPaid ?? 0) - (b?.interestPaid ?? 0);
    expect(a?.principalPaid).toBeCloseTo((p?.pool.scheduledPrincipal ?? 0) + (p?.pool.prepayments ?? 0) + income, 2);
    expect([b?.principalPaid, sub?.principalPaid]).toEqual([0, 0]);
  });
});
