import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AssumptionFile, PoolFile, ProjectionResult } from '../../service/api/contract.ts';
import { checkAssumptions } from '../../service/files/assumption-file.ts';
import { readPoolFile } from '../../service/files/pool-file.ts';
import { projectionCsv } from '../../service/runs/projection.ts';
import { Service } from '../../service/service.ts';
import { REPO_ROOT } from '../helpers/repo.ts';
import { runProjection, useSampleTape } from '../helpers/service.ts';

const example = (): AssumptionFile => checkAssumptions(JSON.parse(readFileSync(join(REPO_ROOT, 'templates', 'assumptions', 'consumer-base.json'), 'utf8'))).assumptions;
const sum = (result: ProjectionResult, key: 'penaltyInterest' | 'penaltyForgone'): number => result.rows.reduce((total, row) => total + row[key], 0);

describe('penalty interest options in the assumption file', () => {
  it('accepts the outage waiver (the default of an outage event’s waivePenalty) and refuses a bad cap at its JSON path', () => {
    const outage = { months: 12, pool: { penaltyMultiple: 1.5, penaltyWaiver: { outage: true } } };
    expect(checkAssumptions(outage).assumptions.pool.penaltyWaiver).toEqual({ outage: true });
    expect(() => checkAssumptions({ months: 12, pool: { penaltyWaiver: { outage: 'yes' } } })).toThrow(/^Assumptions \$\.pool\.penaltyWaiver\.outage: /);
    expect(() => checkAssumptions({ months: 12, pool: { borrowerCostCap: -0.1 } })).toThrow(/^Assumptions \$\.pool\.borrowerCostCap: /);
    // Accepted: the restructured waiver, 复利 and a cap, each merged like penaltyMultiple.
    const ok = { months: 12, pool: { penaltyCompounding: true, borrowerCostCap: 0.24, penaltyWaiver: { restructured: true, outage: false } } };
    expect(checkAssumptions(ok).assumptions.pool).toMatchObject(ok.pool);
  });

  describe('over the sample tape', () => {
    const sample = useSampleTape({ loans: 3000, seed: 3 });
    let service: Service;
    beforeEach(() => {
      service = sample.service();
    });
    const project = (pool: AssumptionFile['pool']): Promise<ProjectionResult> => {
      const file = example();
      return runProjection(service, { source: { kind: 'tape', tapeId: sample.tapeId() }, assumptions: { ...file, months: 24, pool: { ...file.pool, ...pool } } });
    };

    it('the tape’s 是否重组 flag reaches the projection: waiving restructured loans’ penalty lowers it; 复利 raises it; a cap binds and is reported', async () => {
      const plain = await project({});
      const waived = await project({ penaltyWaiver: { restructured: true } });
      const compounding = await project({ penaltyCompounding: true });
      // The cap at 12% is below most of the tape's contract rates (8–24%) times 1.5: it binds in delinquent months.
      const capped = await project({ borrowerCostCap: 0.12 });
      expect(sum(plain, 'penaltyInterest')).toBeGreaterThan(0);
      expect(sum(waived, 'penaltyInterest')).toBeLessThan(sum(plain, 'penaltyInterest'));
      expect(sum(compounding, 'penaltyInterest')).toBeGreaterThan(sum(plain, 'penaltyInterest'));
      expect(sum(plain, 'penaltyForgone')).toBe(0);
      expect(sum(capped, 'penaltyForgone')).toBeGreaterThan(0);
      expect(sum(capped, 'penaltyInterest')).toBeLessThan(sum(plain, 'penaltyInterest'));
      // Everything else is untouched: penalty is collected on top of interest and principal.
      expect(capped.rows.map((row) => row.endingBalance)).toEqual(plain.rows.map((row) => row.endingBalance));
      expect(projectionCsv(capped).split('\n')[0]).toContain('Penalty forgone to the cost cap (¥)');
    });
  });
});

describe('a pool file line’s restructuredShare reaches the restructured penalty waiver', () => {
  // One line wholly overdue at cutoff (1–30 DPD: ¥1,000 principal and ¥50 interest due and unpaid,
  // nothing left to fall due) that pays nothing in month 1 (rolls to 31–60) and cures in month 2,
  // paying its arrears and the penalty of both months. Contract rate 12%, penalty multiple 1.5:
  // 18% a year, 30/360 → 1.5% × 1,000 = 15 a month, 30 collected at the cure (银发〔2003〕251号).
  // With the waiver the line pays (1 − restructuredShare) of it: share 0.25 → 0.75 × 30 = 22.50.
  // (61–90 rolls on, never entered here, so that the set has one long-run state: assumption files report it.)
  const line = { amortization: 'level_payment', balance: 1000, rate: 0.12, originalTerm: 12, remainingTerm: 0, state: 'dpd1_30', overduePrincipal: 1000, overdueInterest: 50 } as const;
  const pool = (restructuredShare?: number): PoolFile => ({ cutoffDate: '2026-01-31', lines: [{ ...line, ...(restructuredShare === undefined ? {} : { restructuredShare }) }] });
  const rollRates = { rollForward: { current: 0, dpd1_30: 1, dpd31_60: 0, dpd61_90: 1, dpd91_180: 1 }, cure: { dpd31_60: 1 } };
  const assumptions = (waive: boolean): AssumptionFile =>
    checkAssumptions({ months: 2, pool: { rollRates, penaltyMultiple: 1.5, ...(waive ? { penaltyWaiver: { restructured: true } } : {}) } }).assumptions;
  let service: Service;
  beforeEach(() => {
    service = new Service({ transport: 'test' });
  });
  afterEach(async () => {
    await service.close();
  });
  const penalty = async (share: number | undefined, waive: boolean): Promise<number[]> =>
    (await runProjection(service, { source: { kind: 'lines', pool: pool(share) }, assumptions: assumptions(waive) })).rows.map((row) => row.penaltyInterest);

  it('share 0.25 with the waiver: 22.50; share 1: nothing; no share (default 0): 30; without the waiver: 30', async () => {
    expect(await penalty(0.25, true)).toEqual([0, 22.5]);
    expect(await penalty(1, true)).toEqual([0, 0]);
    expect(await penalty(undefined, true)).toEqual([0, 30]);
    expect(await penalty(1, false)).toEqual([0, 30]);
  });

  it('a share outside 0–1 is refused at its JSON path', () => {
    expect(() => readPoolFile(pool(1.2))).toThrow(/^Pool \$\.lines\[0\]\.restructuredShare: /);
    expect(() => readPoolFile(pool(-0.1))).toThrow(/^Pool \$\.lines\[0\]\.restructuredShare: /);
  });
});
