import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { AssumptionFile, ProjectionResult } from '../../service/api/contract.ts';
import { checkAssumptions } from '../../service/files/assumption-file.ts';
import { projectionCsv } from '../../service/runs/projection.ts';
import type { Service } from '../../service/service.ts';
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
