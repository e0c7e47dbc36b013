import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DealFile, GridCell, GridNoteCell, GridRequest, GridResult, JobInfo, ScenarioSetRunRequest, ScenarioSetRunResult } from '../../service/api/contract.ts';
import { readDealFile } from '../../service/files/deal-file.ts';
import { dealRunOf, gridOf, scenarioSetRunOf } from '../../service/jobs/job-manager.ts';
import { runningThreads } from '../../service/jobs/pool/pool-slots.ts';
import { parseGridAxis } from '../../service/runs/grid-axis.ts';
import { cellOverrides, checkAxis } from '../../service/runs/grid-parameters.ts';
import { gridFrontier } from '../../service/runs/grid.ts';
import { runScenarioSet } from '../../service/runs/scenario-set.ts';
import { Service } from '../../service/service.ts';
import { REPO_ROOT } from '../helpers/repo.ts';
import { useSampleTape } from '../helpers/service.ts';
import { useTempDir } from '../helpers/tmp.ts';

const json = (path: string): unknown => JSON.parse(readFileSync(join(REPO_ROOT, path), 'utf8'));
const template = (name: string): DealFile => readDealFile(json(`templates/deals/${name}.json`));
const tempDir = useTempDir();

async function finished(service: Service, started: Promise<{ ok: true; value: JobInfo } | { ok: false; error: { message: string } }>): Promise<JobInfo> {
  const job = await started;
  if (!job.ok) throw new Error(job.error.message);
  return service.jobs.wait(job.value.id);
}

async function grid(service: Service, request: GridRequest): Promise<GridResult> {
  const done = await finished(service, service.call('deal.grid', request));
  const ran = gridOf(done);
  if (!ran) throw new Error(done.error?.message ?? done.state);
  return ran.grid;
}

async function scenarioSet(service: Service, request: ScenarioSetRunRequest): Promise<ScenarioSetRunResult> {
  const done = await finished(service, service.call('deal.runScenarios', request));
  const ran = scenarioSetRunOf(done);
  if (!ran) throw new Error(done.error?.message ?? done.state);
  return ran.scenarios;
}

/** The message of a call that must throw. */
function thrown(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected an error');
}

describe('grid axes', () => {
  it('reads start:end:step inclusively and value lists in the order given', () => {
    // 0.5 to 4 by 0.5: 0.5, 1, 1.5, 2, 2.5, 3, 3.5, 4 — eight values.
    expect(parseGridAxis('defaultMult=0.5:4:0.5')).toEqual({ parameter: 'defaultMult', values: [0.5, 1, 1.5, 2, 2.5, 3, 3.5, 4] });
    // 0.1 steps land on 0.2 and 0.3 exactly (not 0.30000000000000004).
    expect(parseGridAxis('recoveryRate=0.1:0.3:0.1').values).toEqual([0.1, 0.2, 0.3]);
    expect(parseGridAxis('prepayMult=1.5, 0.5,1')).toEqual({ parameter: 'prepayMult', values: [1.5, 0.5, 1] });
    expect(parseGridAxis('cdr=2:2:1').values).toEqual([2]);
  });

  it('refuses a bad axis, saying why', () => {
    expect(thrown(() => parseGridAxis('defaultMult'))).toMatch(/grid axis 'defaultMult': expected name=start:end:step or name=v1,v2,… \(parameters: defaultMult, prepayMult/);
    expect(thrown(() => parseGridAxis('defaultMultiplier=1,2'))).toBe(
      "grid axis 'defaultMultiplier=1,2': 'defaultMultiplier' is not a grid parameter (parameters: defaultMult, prepayMult, cureMult, rollInMult, recoveryMult, recoveryRate, recoveryLag, cdr, cpr, indexShockBps, outageShare, outageMonth)",
    );
    expect(thrown(() => parseGridAxis('cdr=1:5:0'))).toBe("grid axis 'cdr=1:5:0': the step must be greater than 0, got 0");
    expect(thrown(() => parseGridAxis('cdr=5:1:1'))).toBe("grid axis 'cdr=5:1:1': the end 1 is below the start 5");
    expect(thrown(() => parseGridAxis('cdr=1:2:0.3'))).toBe("grid axis 'cdr=1:2:0.3': 1 to 2 is not a whole number of steps of 0.3 (3.3333 steps)");
    expect(thrown(() => parseGridAxis('cdr=1:x:1'))).toBe("grid axis 'cdr=1:x:1': end 'x' is not a number");
    expect(thrown(() => parseGridAxis('cdr=1:2'))).toBe("grid axis 'cdr=1:2': a range is start:end:step, got 2 parts");
    expect(thrown(() => parseGridAxis('cdr=1,,2'))).toBe("grid axis 'cdr=1,,2': value '' is not a number");
    expect(thrown(() => parseGridAxis('cdr='))).toBe("grid axis 'cdr=': no values after =");
    expect(thrown(() => parseGridAxis('cdr=0:300:1'))).toBe("grid axis 'cdr=0:300:1': 301 values; an axis takes at most 200");
    // Values are checked against the parameter's range at their path.
    expect(thrown(() => checkAxis({ parameter: 'recoveryRate', values: [0.5, 1.5] }, 'columns'))).toBe('recoveryRate (recovery rate (decimal)) must be a number from 0 to 1, got 1.5');
    expect(thrown(() => checkAxis({ parameter: 'recoveryLag', values: [1.5] }, 'rows'))).toBe('recoveryLag (recovery lag (months)) must be a whole number from 0 to 120, got 1.5');
    expect(thrown(() => checkAxis({ parameter: 'cdr', values: [1, 1] }, 'rows'))).toBe("the grid's rows (cdr) repeat a value");
  });

  it('puts each parameter where a single run takes it, over the run’s own overrides', () => {
    const base = { multipliers: { pool: { cure: 0.5 } }, prepayment: '100 PSA' };
    expect(
      cellOverrides(
        base,
        [
          ['defaultMult', 2],
          ['prepayMult', 1.5],
        ],
        undefined,
      ),
    ).toEqual({ defaultMultiplier: 2, prepayment: '100 PSA', multipliers: { pool: { cure: 0.5, prepayment: 1.5 } } });
    expect(
      cellOverrides(
        {},
        [
          ['cdr', 5],
          ['cpr', 12.5],
        ],
        undefined,
      ),
    ).toEqual({ default: '5 CDR', prepayment: '12.5 CPR' });
    expect(
      cellOverrides(
        { indexRates: { path: [0.02] } },
        [
          ['indexShockBps', -50],
          ['recoveryLag', 6],
        ],
        undefined,
      ),
    ).toEqual({ indexRates: { path: [0.02], shockBps: -50 }, recoveryLagMonths: 6 });
    // Both outage axes fill one outage block: the defaults (days 31, cureShare 1) under the request's fields.
    expect(
      cellOverrides(
        {},
        [
          ['outageShare', 0.4],
          ['outageMonth', 3],
        ],
        { days: 15 },
      ),
    ).toEqual({ events: [{ type: 'outage', month: 3, days: 15, share: 0.4, cureShare: 1 }] });
  });
});

const note = (principalLost: boolean, timely: number | null): GridNoteCell => ({
  lossRate: principalLost ? 0.1 : 0,
  walYears: 1,
  yield: 0.03,
  interestShortfall: 0,
  timelyShortfallPeriod: timely,
  maxInterestShortfall: timely === null ? 0 : 1,
  principalLost,
});
const cell = (...notes: GridNoteCell[]): GridCell => ({ cumulativeDefaultRate: 0, cumulativeNetLossRate: 0, notes, warnings: [] });

describe('the frontier', () => {
  it('is, for each row value, the smallest column value where the note loses principal or misses timely interest', () => {
    // Columns given out of order: 3, 1, 2. Row 0: principal lost at 3 and 2 → 2; interest missed at 3 only → 3.
    // Row 1: lost nowhere → null; interest missed at 1 and 2 → 1.
    const notes = [{ id: 'A', name: 'A', seniority: 1, coupon: '3% fixed', walBasis: 'ACT/365' as const }];
    const cells = [
      [cell(note(true, 4)), cell(note(false, null)), cell(note(true, null))],
      [cell(note(false, null)), cell(note(false, 7)), cell(note(false, 2))],
    ];
    expect(gridFrontier(notes, cells, { parameter: 'prepayMult', values: [3, 1, 2] })).toEqual([{ noteId: 'A', principalLoss: [2, null], timelyInterest: [3, 1] }]);
  });
});

describe('deal.grid (a job on the worker pool)', () => {
  const deal = template('cn-consumer-revolving');
  const rows = { parameter: 'defaultMult', values: [1, 4] } as const;
  const columns = { parameter: 'prepayMult', values: [0.5, 1.5] } as const;

  it('a cell is the single deal run with the same overrides, figure for figure; the frontier reads the cells', async () => {
    const service = new Service({ transport: 'test' });
    try {
      const result = await grid(service, { deal, rows, columns, jobs: 2 });
      expect(result.cells).toHaveLength(2);
      expect(result.notes.map((n) => n.id)).toEqual(deal.notes.map((n) => n.id));
      const overrides = cellOverrides(
        {},
        [
          ['defaultMult', 4],
          ['prepayMult', 1.5],
        ],
        undefined,
      );
      const single = dealRunOf(await finished(service, service.call('deal.run', { deal, scenarioOverrides: overrides })));
      const figures = (single?.run.tranches ?? []).map((t) => ({ lossRate: t.lossRate, walYears: t.walYears, yield: t.irr ?? t.yieldAtParAnnualEffective, interestShortfall: t.interestShortfall }));
      const cellFigures = (result.cells[1]?.[1]?.notes ?? []).map(({ lossRate, walYears, yield: y, interestShortfall }) => ({ lossRate, walYears, yield: y, interestShortfall }));
      expect(JSON.stringify(cellFigures)).toBe(JSON.stringify(figures));
      // The subordinate note (residual) absorbs the loss at 4× defaults (28.43% in the CLI's table); the frontier says where.
      const sub = result.notes.findIndex((n) => n.seniority === Math.max(...result.notes.map((x) => x.seniority)));
      expect(result.cells[1]?.[1]?.notes[sub]?.principalLost).toBe(true);
      expect(result.frontier[sub]?.principalLoss).toEqual([null, 0.5]);
    } finally {
      await service.close();
    }
  });

  it('gives the same bytes for 1, 2 and 3 workers; a scenario set too, equal to the one-thread run', { timeout: 90_000 }, async () => {
    const service = new Service({ transport: 'test' });
    try {
      const grids = [];
      for (const jobs of [1, 2, 3])
        grids.push(JSON.stringify(await grid(service, { deal, rows: { parameter: 'cdr', values: [2, 8, 20] }, columns: { parameter: 'recoveryRate', values: [0, 0.5] }, jobs })));
      expect(grids[1]).toBe(grids[0]);
      expect(grids[2]).toBe(grids[0]);
      const set = json('templates/scenarios/cn-consumer-revolving.json') as ScenarioSetRunRequest['scenarios'];
      const sets = [];
      for (const jobs of [1, 2, 3]) sets.push(JSON.stringify(await scenarioSet(service, { deal, scenarios: set, jobs })));
      expect(sets[1]).toBe(sets[0]);
      expect(sets[2]).toBe(sets[0]);
      expect(sets[0]).toBe(JSON.stringify(runScenarioSet({ file: deal, tapeInput: null, mode: 'repline', base: undefined, overrides: {}, set })));
    } finally {
      await service.close();
    }
  });

  it('an outage axis: share 0 fails no debits (the deal’s own run); debits that never cure cost the pool', { timeout: 90_000 }, async () => {
    const service = new Service({ transport: 'test' });
    try {
      const result = await grid(service, {
        deal,
        rows: { parameter: 'outageShare', values: [0, 1] },
        columns: { parameter: 'outageMonth', values: [2] },
        outage: { days: 31, cureShare: 0 },
      });
      const own = dealRunOf(await finished(service, service.call('deal.run', { deal })));
      expect(result.cells[0]?.[0]?.notes.map((n) => n.lossRate)).toEqual(own?.run.tranches.map((t) => t.lossRate));
      expect(result.cells[0]?.[0]?.cumulativeDefaultRate).toBe(own?.run.cumulativeDefaultRate.at(-1));
      expect(result.cells[1]?.[0]?.cumulativeDefaultRate ?? 0).toBeGreaterThan(result.cells[0]?.[0]?.cumulativeDefaultRate ?? Infinity);
      const stray = await service.call('deal.grid', { deal, rows, columns, outage: { days: 5 } });
      expect(stray.ok ? null : stray.error.details?.['path']).toBe('$.outage');
    } finally {
      await service.close();
    }
  });

  it('refuses the same parameter on both axes and a value out of range before any run', async () => {
    const service = new Service({ transport: 'test' });
    try {
      const same = await service.call('deal.grid', { deal, rows, columns: { parameter: 'defaultMult', values: [2] } });
      expect(same.ok ? null : same.error.message).toBe("the grid's rows and columns both vary defaultMult: choose two parameters");
      const bad = await service.call('deal.grid', { deal, rows, columns: { parameter: 'outageMonth', values: [0] } });
      expect(bad.ok ? null : bad.error.details?.['path']).toBe('$.columns.values[0]');
    } finally {
      await service.close();
    }
  });
});

describe('sweeps in the run store; cancel', () => {
  const deal = template('cn-consumer-revolving');
  it('stores a grid and a scenario set with their inputs, serves identical reruns from the store, and a cancelled grid stores nothing', { timeout: 90_000 }, async () => {
    const service = new Service({ transport: 'test' });
    try {
      const opened = await service.call('workspace.open', { path: join(tempDir(), 'ws.sqlite') });
      if (!opened.ok) throw new Error(opened.error.message);
      const request: GridRequest = { deal, rows: { parameter: 'defaultMult', values: [1, 3] }, columns: { parameter: 'cureMult', values: [0.5, 1] } };
      const first = gridOf(await finished(service, service.call('deal.grid', request)));
      const again = gridOf(await finished(service, service.call('deal.grid', { ...request, jobs: 1 })));
      expect(first?.stored?.fromStore).toBe(false);
      expect(again?.stored).toMatchObject({ fromStore: true, runId: first?.stored?.runId });
      expect(JSON.stringify(again?.grid)).toBe(JSON.stringify(first?.grid));
      const set = json('templates/scenarios/cn-consumer-revolving.json') as ScenarioSetRunRequest['scenarios'];
      const withBreakevens: ScenarioSetRunRequest = { deal, scenarios: { ...set, scenarios: set.scenarios.slice(0, 2) }, breakevens: { by: 'multiplier' } };
      const ranSet = scenarioSetRunOf(await finished(service, service.call('deal.runScenarios', withBreakevens)));
      // Each coupon note's breakeven under each scenario: the deal's breakeven job with that scenario's overrides.
      const stressed = set.scenarios[1];
      const be = await finished(service, service.call('deal.breakeven', { deal, scenarioOverrides: { multipliers: stressed?.multipliers ?? {} }, store: false }));
      expect(ranSet?.scenarios.scenarios[1]?.breakeven?.rows).toEqual(be.result?.kind === 'deal.breakeven' ? be.result.breakeven.rows : null);
      const listed = await service.call('runs.list', {});
      if (!listed.ok) throw new Error(listed.error.message);
      expect(listed.value.map((r) => r.kind)).toEqual(['scenarios', 'grid']);
      expect(listed.value[1]?.figures[0]).toEqual({ label: 'Cells (defaultMult × cureMult)', value: 4, unit: 'count' });
      const stored = await service.call('runs.get', { id: listed.value[0]?.id ?? 0 });
      expect(stored.ok && stored.value.result.kind === 'deal.runScenarios' ? JSON.stringify(stored.value.result.scenarios) : null).toBe(JSON.stringify(ranSet?.scenarios));

      const big: GridRequest = { deal, rows: { parameter: 'defaultMult', values: [1, 2, 3, 4, 5] }, columns: { parameter: 'prepayMult', values: [0.5, 1, 1.5, 2] }, jobs: 2 };
      const started = await service.call('deal.grid', big);
      if (!started.ok) throw new Error(started.error.message);
      while ((service.jobs.get(started.value.id)?.progress?.done ?? 0) < 1) await new Promise((resolve) => setTimeout(resolve, 10));
      await service.call('job.cancel', { id: started.value.id });
      const cancelled = await service.jobs.wait(started.value.id);
      expect(cancelled.state).toBe('cancelled');
      expect(cancelled.error?.code).toBe('CANCELLED');
      expect(runningThreads()).toBe(0);
      const after = await service.call('runs.list', {});
      expect(after.ok ? after.value.length : null).toBe(2);
    } finally {
      await service.close();
    }
  });
});

describe('a grid on a tape', () => {
  const sample = useSampleTape({ loans: 500, seed: 7 });
  it('each pool thread reads the tape’s loans; a loan-level cell is the loan-level deal run with its overrides', { timeout: 120_000 }, async () => {
    const service = sample.service();
    const deal = template('cn-consumer-revolving');
    const tapeId = sample.tapeId();
    const result = await grid(service, { deal, tapeId, mode: 'loan', rows: { parameter: 'cdr', values: [5] }, columns: { parameter: 'recoveryLag', values: [0, 12] }, store: false, jobs: 2 });
    expect(result.mode).toBe('loan');
    const overrides = cellOverrides(
      {},
      [
        ['cdr', 5],
        ['recoveryLag', 12],
      ],
      undefined,
    );
    expect(overrides).toEqual({ default: '5 CDR', recoveryLagMonths: 12 });
    const single = dealRunOf(await finished(service, service.call('deal.run', { deal, tapeId, mode: 'loan', scenarioOverrides: overrides, store: false })));
    expect(result.cells[0]?.[1]?.notes.map((n) => n.walYears)).toEqual(single?.run.tranches.map((t) => t.walYears));
    expect(result.cells[0]?.[1]?.cumulativeDefaultRate).toBe(single?.run.cumulativeDefaultRate.at(-1));
  });
});
