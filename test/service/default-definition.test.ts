import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDealFile } from '../../service/files/deal-file.ts';
import { prepareDeal, runPrepared } from '../../service/runs/prepare-deal.ts';
import { REPO_ROOT } from '../helpers/repo.ts';

// A deal's default definition end to end: the deal file → the pool projection (loan lines,
// revolving purchases) or the schedule pool → the cumulative default rate the triggers read.
const raw = (name: string): Record<string, unknown> => JSON.parse(readFileSync(join(REPO_ROOT, 'templates', 'deals', `${name}.json`), 'utf8')) as Record<string, unknown>;
const hexiang = { daysPastDue: 90, writeOff: true, restructured: true, curable: false };
const rates = (name: string, definition?: object): number[] => {
  const file = readDealFile(definition === undefined ? raw(name) : { ...raw(name), defaultDefinition: definition });
  return runPrepared(prepareDeal(file, null, undefined)).result.cumulativeDefaultRate.slice();
};

describe('defaultDefinition in a deal run', () => {
  it('revolving consumer deal: a 180-day definition counts the write-offs (the gross rate); 90 days counts the same loans earlier', () => {
    const gross = rates('cn-consumer-revolving');
    const at180 = rates('cn-consumer-revolving', { ...hexiang, daysPastDue: 180 });
    expect(at180.length).toBe(gross.length);
    at180.forEach((rate, i) => expect(rate).toBeCloseTo(gross[i] ?? Number.NaN, 9));
    // The pool is current at cutoff: the first loans pass 90 days in month 4 (1–30, 31–60, 61–90,
    // 91–120) and are charged off after 180 days in month 7; a loan counts at its whole principal
    // when it passes 90 days, so the 90-day rate starts three payment dates earlier and stays at
    // least the gross rate (what cures from 91+ is counted too).
    const at90 = rates('cn-consumer-revolving', hexiang);
    expect(gross.findIndex((rate) => rate > 0)).toBe(6);
    expect(at90.findIndex((rate) => rate > 0)).toBe(3);
    at90.forEach((rate, i) => expect(rate).toBeGreaterThanOrEqual((gross[i] ?? 0) - 1e-12));
    // Curable counts a cured loan again when it re-enters 91+: never less than non-curable.
    rates('cn-consumer-revolving', { ...hexiang, curable: true }).forEach((rate, i) => expect(rate).toBeGreaterThanOrEqual((at90[i] ?? 0) - 1e-12));
  });

  it('schedule pool: the schedule’s defaults are the definition’s — the rate is unchanged', () => {
    expect(rates('cn-credit-card-installment', hexiang)).toEqual(rates('cn-credit-card-installment'));
  });

  it('refuses a definition under a scenario with event stresses, at the deal field', () => {
    const template = raw('cn-consumer-revolving');
    const file = readDealFile({ ...template, defaultDefinition: hexiang });
    const scenario = { ...(template['assumptions'] as Record<string, unknown>), events: [{ type: 'paymentHoliday', share: 0.1, fromMonth: 2, months: 3, interest: 'waived' }] };
    expect(() => prepareDeal(file, null, scenario)).toThrow(/\$\.defaultDefinition: a default definition is not counted under event stresses/);
  });

  it('names the field of a threshold off the buckets', () => {
    expect(() => readDealFile({ ...raw('cn-consumer-revolving'), defaultDefinition: { ...hexiang, daysPastDue: 100 } })).toThrow(/defaultDefinition\.daysPastDue[\s\S]*30, 60, 90, 120, 150, 180/);
  });
});
