import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readAssumptionFile } from '../../service/files/assumption-file.ts';
import { readDealFile } from '../../service/files/deal-file.ts';
import { planGrid, runGridCell, type GridPlan } from '../../service/runs/grid.ts';
import { cellOverrides } from '../../service/runs/grid-parameters.ts';
import { dealPool, scenarioReader } from '../../service/runs/prepare-deal.ts';
import { poolAttributes } from '../../service/runs/projection.ts';
import { REPO_ROOT } from '../helpers/repo.ts';

// A sweep reads its base assumption file once per thread (scenarioReader): every cell of a grid, or
// scenario of a set, reads the same file against the same pool. What it keeps must be what reading
// again gives, and a cell run on it the cell run without it.

const template = (): unknown => JSON.parse(readFileSync(join(REPO_ROOT, 'templates/deals/cn-consumer-revolving.json'), 'utf8'));

describe('a sweep’s scenario reader', () => {
  it('keeps what it read per file and pool names, and reads again for other names or another file', () => {
    const file = readDealFile(template());
    const pool = poolAttributes(dealPool(file, null));
    const names = { segments: pool.segmentNames, products: pool.productNames };
    const read = scenarioReader();
    const first = read(file.assumptions, names);
    expect(first).toEqual(readAssumptionFile(file.assumptions, names));
    expect(read(file.assumptions, { segments: [...names.segments], products: [...names.products] })).toBe(first);
    // Other names: read again, against them (the file's segments the pool has not are listed as unmatched).
    const other = read(file.assumptions, { segments: ['only_this'], products: [] });
    expect(other).not.toBe(first);
    expect(other.unmatched.map((u) => u.name)).toEqual(expect.arrayContaining(['self_employed', 'gig']));
    expect(first.unmatched).toEqual([]);
    // Another file object with the same content: read on its own.
    const copy = structuredClone(file.assumptions);
    expect(read(copy, names)).not.toBe(first);
    expect(read(copy, names)).toEqual(first);
  });

  it('refuses a bad file every time it is asked (a failed read is not kept)', () => {
    const read = scenarioReader();
    const bad = { months: 'twelve' };
    const names = { segments: [''], products: [] };
    expect(() => read(bad, names)).toThrow();
    expect(() => read(bad, names)).toThrow();
  });

  it('gives a grid cell the same figures as reading the file in the cell', () => {
    const file = readDealFile(template());
    const kept = planGrid(file, null, 'repline', undefined);
    const plan: GridPlan = { ...kept, readScenario: readAssumptionFile };
    for (const cell of [
      [
        ['defaultMult', 2],
        ['prepayMult', 0.5],
      ],
      [
        ['defaultMult', 3.5],
        ['prepayMult', 1.5],
      ],
      [
        ['defaultMult', 2],
        ['prepayMult', 0.5],
      ],
    ] as const) {
      const overrides = cellOverrides({}, cell, undefined);
      expect(JSON.stringify(runGridCell(kept, overrides))).toBe(JSON.stringify(runGridCell(plan, overrides)));
    }
  });
});
