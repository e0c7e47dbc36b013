import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DealCheck, DealFile, DealSizeRequest } from '../../service/api/contract.ts';
import { REQUEST_SCHEMAS } from '../../service/api/schemas.ts';
import { chooseDealRun } from '../../renderer/areas/deal/run-choice.ts';
import { sizingInputs } from '../../renderer/areas/deal/sizing-request.ts';
import { REPO_ROOT } from '../helpers/repo.ts';

// Size to pool on the Deal screen sends the run's deal, pool and scenario to deal.size
// (renderer/areas/deal/SizePanel.tsx). Under a saved assumption set the run request also carries
// the set's name for the stored run (scenarioName), which deal.size — a calculation nothing stores —
// refuses at the API boundary: the sizing failed with "Unrecognized key: scenarioName" whenever a
// saved set was the scenario (found by the whole-loop e2e, test/e2e/loop.test.ts).
// The shipped consumer template (400M of notes), as deal.validate passes it on.
const deal = JSON.parse(readFileSync(join(REPO_ROOT, 'templates', 'deals', 'cn-consumer-revolving.json'), 'utf8')) as DealFile;
const check: DealCheck = { name: deal.name ?? '', notes: 3, originalBalance: 400_000_000, hasPool: true, hasAssumptions: true, statedPoolBalance: 400_000_000, deal };
const base = { name: 'Base', assumptions: { months: 24, pool: { prepayment: '10 CPR' } }, updatedAt: '2026-12-01T00:00:00Z' };

describe('the sizing request sent from the Deal screen', () => {
  const run = chooseDealRun({ check, pool: 'tape', scenario: 'Base', mode: 'repline', tape: { id: 7, name: 'originator-a-2026-09' }, sets: [base] });
  const request = run.request;
  if (request === null) throw new Error('no run request');

  it('under a saved set, the run request names the set for the stored run — and deal.size refuses that name', () => {
    expect(request.scenarioName).toBe('Base');
    const asRun = REQUEST_SCHEMAS['deal.size'].safeParse({ ...request, method: 'scale' });
    expect(asRun.success).toBe(false);
    expect(asRun.error?.issues.map((i) => i.message).join(' ')).toContain('scenarioName');
  });

  it('keeps the deal, the tape, the mode and the saved set’s scenario, and deal.size accepts it', () => {
    const sizing: DealSizeRequest = { ...sizingInputs({ ...request, store: true, runName: 'mine', sizeToPool: true }), method: 'scale' };
    expect(REQUEST_SCHEMAS['deal.size'].safeParse(sizing).success).toBe(true);
    expect(sizing).toMatchObject({ deal, tapeId: 7, mode: 'repline', assumptions: base.assumptions, method: 'scale' });
    expect(Object.keys(JSON.parse(JSON.stringify(sizing)) as object).sort()).toEqual(['assumptions', 'deal', 'method', 'mode', 'tapeId']);
  });
});
