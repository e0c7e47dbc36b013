import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { saveAssumptionSet } from '../../data/assumptions/store.ts';
import type { AppEvent, AssumptionFile, PoolFile, ProjectionRequest, ProjectionResult } from '../../service/api/contract.ts';
import { checkAssumptions } from '../../service/files/assumption-file.ts';
import { assumptionsJsonSchema, poolJsonSchema } from '../../service/files/json-schemas.ts';
import { readPoolFile } from '../../service/files/pool-file.ts';
import type { Service } from '../../service/service.ts';
import { importReportOf } from '../../service/jobs/job-manager.ts';
import { runAbs } from '../helpers/cli.ts';
import { REPO_ROOT } from '../helpers/repo.ts';
import { projectionError, runProjection, runProjectionJob, useSampleTape } from '../helpers/service.ts';
import { useTempDir } from '../helpers/tmp.ts';

const tempDir = useTempDir();
const EXAMPLE = join(REPO_ROOT, 'templates', 'assumptions', 'consumer-base.json');
const sample = useSampleTape({ loans: 3000, seed: 3 });
let service: Service;
let tapeId: number;

beforeEach(() => {
  service = sample.service();
  tapeId = sample.tapeId();
});

const EXAMPLE_POOL = join(REPO_ROOT, 'docs', 'examples', 'pool-consumer-lines.json');
const exampleJson = (): unknown => JSON.parse(readFileSync(EXAMPLE, 'utf8'));
/** The shipped files as the service reads them. */
const example = (): AssumptionFile => checkAssumptions(exampleJson()).assumptions;
const examplePool = (): PoolFile => readPoolFile(JSON.parse(readFileSync(EXAMPLE_POOL, 'utf8'))).file;

/** The example's pool-wide assumptions alone (no segments), for pools of one unnamed segment. */
const poolWide = (): AssumptionFile => {
  const { segments: _segments, ...rest } = example();
  return rest;
};
const project = (request: ProjectionRequest): Promise<ProjectionResult> => runProjection(service, request);
const projectError = (request: ProjectionRequest): Promise<string> => projectionError(service, request);

describe('pool.project over a tape', () => {
  it('projects the sample tape loan by loan in a job with the example assumptions: balances reconcile every month', async () => {
    const progress: number[] = [];
    service.events.on('event', (event: AppEvent) => {
      if (event.type === 'job.updated' && event.job.kind === 'pool.project' && event.job.progress) progress.push(event.job.progress.done);
    });
    const result = await project({ source: { kind: 'tape', tapeId }, assumptions: example() });
    const { rows, cutoffBalance, loans, segments } = result;
    expect(result).toMatchObject({ mode: 'loan', lines: null, tapeId });
    expect(result.sourceName).toMatch(/^Sample consumer-loan tape/);
    expect(loans).toBe(3000);
    expect(rows).toHaveLength(24);
    expect([...segments].sort()).toEqual(['gig', 'salaried', 'self_employed']);
    expect(rows[0]?.beginningBalance).toBeCloseTo(cutoffBalance, 2);
    for (const r of rows) {
      // beginning = scheduled principal + prepayments + defaults + ending, to the cent (rounded columns)
      expect(Math.abs(r.beginningBalance - (r.scheduledPrincipal + r.prepayments + r.defaults + r.endingBalance))).toBeLessThan(0.05);
      expect(r.endingBalance).toBeGreaterThanOrEqual(0);
    }
    for (let t = 1; t < rows.length; t++) expect(rows[t]?.beginningBalance).toBeCloseTo(rows[t - 1]?.endingBalance ?? NaN, 2);
    const last = rows[rows.length - 1];
    expect(last?.cumulativeDefaultRate).toBeGreaterThan(0);
    expect(last?.cumulativeNetLoss).toBeGreaterThan(0);
    expect(progress.length).toBeGreaterThan(0);
  });

  it('projects the same tape in representative lines within 0.5% of loan level, and reports the lines', async () => {
    const loan = await project({ source: { kind: 'tape', tapeId }, assumptions: example() });
    const lines = await project({ source: { kind: 'tape', tapeId }, assumptions: example(), mode: 'repline' });
    expect(lines.mode).toBe('repline');
    expect(lines.lines?.length).toBeGreaterThan(10);
    expect(lines.lines?.length).toBeLessThan(3000);
    expect(lines.lines?.reduce((n, l) => n + l.loans, 0)).toBe(3000);
    expect(lines.loans).toBe(3000);
    expect(lines.cutoffBalance).toBeCloseTo(loan.cutoffBalance, 1);
    lines.rows.forEach((row, t) => {
      const exact = loan.rows[t];
      if (!exact) throw new Error('rows differ in length');
      const paid = (r: typeof row): number => r.scheduledPrincipal + r.prepayments;
      const interest = (r: typeof row): number => r.interestCollected + r.penaltyInterest;
      if (paid(exact) > 1) expect(Math.abs(paid(row) - paid(exact)) / paid(exact)).toBeLessThan(0.005);
      if (interest(exact) > 1) expect(Math.abs(interest(row) - interest(exact)) / interest(exact)).toBeLessThan(0.005);
    });
  });

  it('names the JSON path of a bad assumption, before the job starts or (segments) when it runs', async () => {
    // Files of the right type that do not read (a typo in a speed, a rate over 1, a segment the
    // tape lacks, a matrix whose rows exceed 1): pool.project reads what it is sent in full.
    const source = { kind: 'tape', tapeId } as const;
    expect(await projectError({ source, assumptions: { months: 12, pool: { prepayment: '2 ramp CPR' } } })).toMatch(/^Assumptions \$\.pool\.prepayment: /);
    expect(await projectError({ source, assumptions: { months: 12, pool: { recoveryRate: 1.5 } } })).toMatch(/^Assumptions \$\.pool\.recoveryRate: /);
    const roll = { months: 12, pool: { rollRates: { rollForward: { current: 0.02, dpd1_30: 0.8, dpd31_60: 0.5, dpd61_90: 0.5, dpd91_180: 0.5 }, cure: { dpd1_30: 0.5 } } } };
    expect(await projectError({ source, assumptions: roll })).toMatch(/^Assumptions \$\.pool\.rollRates: /);
    // Not a file at all, cast to the type it fails (as a caller that lies would send it): the same answer, at the root.
    expect(await projectError({ source, assumptions: 'base.json' as unknown as AssumptionFile })).toMatch(/^Assumptions \$: /);
    expect(await projectError({ source: { kind: 'tape', tapeId: 999 }, assumptions: example() })).toMatch(/tape/i);
  });

  // DESIGN, Numbers: the same inputs give byte-identical results. The wall time is a fact about the job.
  it('keeps the compute time in the job, beside a projection that holds only what its inputs determine', async () => {
    const requests: readonly ProjectionRequest[] = [
      { source: { kind: 'tape', tapeId }, assumptions: example() },
      { source: { kind: 'tape', tapeId }, assumptions: example(), mode: 'repline' },
      { source: { kind: 'lines', pool: examplePool() }, assumptions: example() },
    ];
    for (const request of requests) {
      const first = await runProjectionJob(service, request);
      const second = await runProjectionJob(service, { ...request, store: false }); // computed afresh, not served from the run store
      expect(first.seconds).toBeGreaterThanOrEqual(0);
      expect(first.projection).not.toHaveProperty('seconds');
      expect(JSON.stringify(second.projection)).toBe(JSON.stringify(first.projection));
    }
  });

  it('cancels a loan-level projection job', async () => {
    const big = await service.call('tape.importSample', { loans: 200_000, seed: 5 });
    if (!big.ok) throw new Error(big.error.message);
    const bigId = importReportOf(await service.jobs.wait(big.value.id))?.tapeId ?? 0;
    const job = await service.call('pool.project', { source: { kind: 'tape', tapeId: bigId }, assumptions: { ...example(), months: 360 } });
    if (!job.ok) throw new Error(job.error.message);
    expect(service.jobs.cancel(job.value.id)).toBe(true);
    const done = await service.jobs.wait(job.value.id);
    expect(done.state).toBe('cancelled');
    expect(done.error?.code).toBe('CANCELLED');
  });
});

describe('pool files of representative lines', () => {
  it('projects the example pool file without a workspace tape', async () => {
    const result = await project({ source: { kind: 'lines', pool: examplePool() }, assumptions: example() });
    expect(result).toMatchObject({ tapeId: null, mode: 'repline', sourceName: 'Consumer-loan pool, representative lines', cutoffDate: '2026-09-30' });
    expect(result.lines).toHaveLength(7);
    expect(result.lines?.[0]).toMatchObject({ label: 'Salaried cash loans, 12 m', segment: 'salaried', loans: 21500, balance: 182000000 });
    expect(result.loans).toBe(21500 + 12800 + 9100 + 4300 + 8700 + 480 + 260);
    expect(result.cutoffBalance).toBe(182000000 + 64000000 + 96000000 + 21000000 + 35000000 + 4200000 + 1300000);
    // The 1–30 and 31–60 DPD lines start delinquent.
    expect((result.rows[0]?.dpd1_30 ?? 0) + (result.rows[0]?.dpd31_60 ?? 0) + (result.rows[0]?.dpd61_90 ?? 0)).toBeGreaterThan(0);
  });

  it('pool.check reads a pool file as a projection would and sums it up; its answer is what pool.project takes', async () => {
    const json: unknown = JSON.parse(readFileSync(EXAMPLE_POOL, 'utf8'));
    const checked = await service.call('pool.check', { pool: json });
    if (!checked.ok) throw new Error(checked.error.message);
    // Σ of the example's seven lines; the rate weighted by balance: Σ rate × balance = 79,427,800 over 403,500,000.
    expect(checked.value).toEqual({
      name: 'Consumer-loan pool, representative lines',
      cutoffDate: '2026-09-30',
      lines: 7,
      loans: 21500 + 12800 + 9100 + 4300 + 8700 + 480 + 260,
      balance: 403_500_000,
      weightedAverageRate: expect.closeTo(79_427_800 / 403_500_000, 12),
      segments: ['salaried', 'self_employed', 'gig'],
      pool: json,
    });
    const checkedAssumptions = await service.call('assumptions.check', { assumptions: exampleJson() });
    if (!checkedAssumptions.ok) throw new Error(checkedAssumptions.error.message);
    const fromChecks = await project({ source: { kind: 'lines', pool: checked.value.pool }, assumptions: checkedAssumptions.value.assumptions });
    const fromFiles = await project({ source: { kind: 'lines', pool: examplePool() }, assumptions: example() });
    expect(fromChecks).toEqual(fromFiles);
    // A bad file answers at the check, with the problem's JSON path and rule.
    const line = { amortization: 'level_payment', balance: 1000, rate: 0.18, originalTerm: 12, remainingTerm: 6 };
    expect(await service.call('pool.check', { pool: { cutoffDate: '2026-09-30', lines: [line, { ...line, remainingTerm: 13 }] } })).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST', message: 'Pool $.lines[1].remainingTerm: remaining term 13 exceeds the original term 12', details: { path: '$.lines[1].remainingTerm' } },
    });
    expect(await service.call('pool.check', { pool: 'lines.json' })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', details: { path: '$' } } });
  });

  it('names the JSON path and the rule of a bad line', async () => {
    const assumptions = example();
    const line = { amortization: 'level_payment', balance: 1000, rate: 0.18, originalTerm: 12, remainingTerm: 6 };
    // Deliberately bad files, cast to the type they fail: pool.project reads what it is sent in full, as a caller that lies would find.
    const bad = async (pool: unknown): Promise<string> => projectError({ source: { kind: 'lines', pool: pool as PoolFile }, assumptions });
    expect(await bad({ cutoffDate: '2026-09-30', lines: [line, { ...line, remainingTerm: 13 }] })).toBe('Pool $.lines[1].remainingTerm: remaining term 13 exceeds the original term 12');
    expect(await bad({ cutoffDate: '2026-09-30', lines: [{ ...line, rate: 18 }] })).toMatch(/^Pool \$\.lines\[0\]\.rate: /);
    expect(await bad({ cutoffDate: '2026-09-30', lines: [{ ...line, amortization: 'balloon' }] })).toMatch(/^Pool \$\.lines\[0\]\.amortization: /);
    expect(await bad({ cutoffDate: '2026-02-30', lines: [line] })).toBe('Pool $.cutoffDate: "2026-02-30" is not a calendar date');
    expect(await bad({ cutoffDate: '2026-09-30', lines: [{ ...line, overduePrincipal: 10 }] })).toBe(
      'Pool $.lines[0].state: a current line has no overdue principal or interest: give its delinquency state',
    );
    // An unknown key at its own path; with no field near its spelling, the fields the file could still have.
    expect(await bad({ cutoffDate: '2026-09-30', lines: [line], extra: 1 })).toBe('Pool $.extra: not a field of a pool file (the fields not yet written: name)');
    // A line with its own start month must start within the projection and be current (docs/deals.md, "Lines that start later").
    expect(await projectError({ source: { kind: 'lines', pool: { cutoffDate: '2026-09-30', lines: [line, { ...line, startMonth: 30 }] } as PoolFile }, assumptions: poolWide() })).toBe(
      `Pool $.lines[1].startMonth: the line starts in month 30, after the last projected month (${assumptions.months})`,
    );
    expect(await bad({ cutoffDate: '2026-09-30', lines: [{ ...line, startMonth: 2, state: 'dpd1_30', overduePrincipal: 10 }] })).toBe(
      'Pool $.lines[0].startMonth: a line that starts in month 2 is held untouched until then, so it must be current with nothing overdue',
    );
    expect(await bad({ cutoffDate: '2026-09-30', lines: [{ ...line, startMonth: 0 }] })).toMatch(/^Pool \$\.lines\[0\]\.startMonth: /);
  });

  it('projects a line with a later start month: untouched until then, its flows from then on', async () => {
    const assumptions = poolWide();
    const early = { amortization: 'level_payment', balance: 100_000, rate: 0.18, originalTerm: 12, remainingTerm: 12 } as const;
    const late = { ...early, balance: 50_000, startMonth: 3 };
    const both = await project({ source: { kind: 'lines', pool: { cutoffDate: '2026-09-30', lines: [early, late] } }, assumptions });
    const earlyAlone = await project({ source: { kind: 'lines', pool: { cutoffDate: '2026-09-30', lines: [early] } }, assumptions });
    const lateAlone = await project({ source: { kind: 'lines', pool: { cutoffDate: '2026-09-30', lines: [{ ...early, balance: 50_000 }] } }, assumptions });
    expect(both.cutoffBalance).toBe(150_000);
    // Months 1–2: only the early line pays; the late one's 50,000 sits in the pool (current).
    for (const k of [0, 1]) {
      expect(both.rows[k]?.scheduledPrincipal).toBeCloseTo(earlyAlone.rows[k]?.scheduledPrincipal ?? Number.NaN, 2);
      expect(both.rows[k]?.endingBalance).toBeCloseTo((earlyAlone.rows[k]?.endingBalance ?? Number.NaN) + 50_000, 2);
    }
    // Month 3 on: the late line's month 1, 2, … (its seasoning and curves as from its own cutoff).
    expect(both.rows[2]?.scheduledPrincipal).toBeCloseTo((earlyAlone.rows[2]?.scheduledPrincipal ?? 0) + (lateAlone.rows[0]?.scheduledPrincipal ?? Number.NaN), 1);
  });
});

describe('assumption sets', () => {
  it('saves, lists, replaces and deletes named sets; refuses an invalid one and leaves the stored ones as they were', async () => {
    const events: string[] = [];
    service.events.on('event', (event: AppEvent) => events.push(event.type));
    const saved = await service.call('assumptions.save', { name: ' base ', assumptions: example() });
    expect(saved).toMatchObject({ ok: true, value: { name: 'base' } });
    const stress = { ...example(), months: 36 };
    await service.call('assumptions.save', { name: 'stress', assumptions: stress });
    const bad = await service.call('assumptions.save', { name: 'stress', assumptions: { months: 12, pool: { default: '3 CPR' } } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', details: { path: '$.pool.default' } } });
    const list = await service.call('assumptions.list', {});
    expect(list.ok && list.value.map((s) => s.name)).toEqual(['base', 'stress']);
    expect(list.ok && list.value[1]?.assumptions).toEqual(stress);
    expect(await service.call('assumptions.delete', { name: 'base' })).toEqual({ ok: true, value: { deleted: 'base' } });
    expect(await service.call('assumptions.delete', { name: 'base' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(events.filter((e) => e === 'assumptions.changed')).toHaveLength(3);
  });

  it('fails the list when a stored set no longer reads, naming the set and the problem’s JSON path', async () => {
    await service.call('assumptions.save', { name: 'base', assumptions: example() });
    // A set stored by an older version whose rules were looser: written as the store would, without the check.
    saveAssumptionSet(service.requireWorkspace().db, 'old', { months: 12, pool: { prepayment: '2 ramp CPR' } });
    const list = await service.call('assumptions.list', {});
    expect(list).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', details: { name: 'old', path: '$.pool.prepayment' } } });
    expect(list.ok ? '' : list.error.message).toMatch(/^Assumption set "old" no longer reads: Assumptions \$\.pool\.prepayment: /);
  });

  it('checks a set against a tape’s segments and serves the shipped example', async () => {
    const ex = await service.call('assumptions.example', {});
    expect(ex).toEqual({ ok: true, value: exampleJson() });
    expect(await service.call('assumptions.check', { assumptions: exampleJson(), tapeId })).toEqual({
      ok: true,
      value: {
        months: 24,
        segments: ['self_employed', 'gig'],
        assumptions: exampleJson(),
        impliedDelinquency: [
          { path: '$.pool', rollRatesPath: '$.pool.rollRates', delinquentShare: expect.closeTo(0.015, 2) },
          { path: '$.segments.self_employed', rollRatesPath: '$.segments.self_employed.rollRates', delinquentShare: expect.closeTo(0.083, 2) },
          { path: '$.segments.gig', rollRatesPath: '$.segments.gig.rollRates', delinquentShare: expect.closeTo(0.083, 2) },
        ],
        notes: [],
        warnings: [],
      },
    });
    // A segment the tape lacks applies to no loan: a warning by code, not a refusal.
    const unknown = await service.call('assumptions.check', { assumptions: { months: 12, pool: {}, segments: { retired: {} } }, tapeId });
    expect(unknown.ok ? unknown.value.warnings.map((w) => w.params['paths']) : unknown.error.message).toEqual(['$.segments.retired']);
  });
});

describe('abs project and the published schemas', () => {
  it('abs project prints the monthly table, --csv the full columns, --mode repline and --pool', () => {
    const db = join(tempDir(), 'cli.sqlite');
    runAbs(['sample', '--loans', '500', '--out', join(tempDir(), 't.csv')]);
    runAbs(['import', join(tempDir(), 't.csv'), '--db', db, '--quiet']);
    const run = runAbs(['project', '--db', db, '--tape', '1', '--assumptions', EXAMPLE, '--quiet']);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Tape 1 · loan level · cutoff 2026-09-30 · 500 loans/);
    // Header, column names, 24 months, and what the run store did (docs/run-store.md).
    expect(run.stdout.trim().split('\n')).toHaveLength(2 + 24 + 1);
    expect(run.stdout.trim().split('\n').at(-1)).toBe('Projection: stored as run #1 (abs runs show 1)');
    const csv = runAbs(['project', '--db', db, '--tape', '1', '--assumptions', EXAMPLE, '--csv']);
    expect(csv.stdout.split('\n')[0]).toContain('Overdue total 逾期总额 (¥)');
    const lines = runAbs(['project', '--db', db, '--tape', '1', '--assumptions', EXAMPLE, '--mode', 'repline', '--json']);
    expect(JSON.parse(lines.stdout)).toMatchObject({ mode: 'repline', loans: 500 });
    const pool = runAbs(['project', '--pool', EXAMPLE_POOL, '--assumptions', EXAMPLE]);
    expect(pool.status).toBe(0);
    expect(pool.stdout).toMatch(/^Consumer-loan pool, representative lines · 7 representative lines · cutoff 2026-09-30/);
    expect(runAbs(['project', '--db', db, '--tape', '1'])).toMatchObject({ status: 1, stderr: 'abs project: project needs --assumptions FILE.json\n' });
    expect(runAbs(['project', '--pool', EXAMPLE_POOL, '--db', db, '--assumptions', EXAMPLE])).toMatchObject({ status: 1 });
    expect(runAbs(['project', '--db', db, '--tape', '1', '--assumptions', EXAMPLE, '--mode', 'fast']).stderr).toBe("abs project: --mode must be loan or repline, got 'fast'\n");
  }, 60_000);

  it('publishes JSON Schemas in step with the validators, and the examples pass them', () => {
    expect(readFileSync(join(REPO_ROOT, 'docs', 'schemas', 'assumptions.schema.json'), 'utf8')).toBe(assumptionsJsonSchema());
    expect(readFileSync(join(REPO_ROOT, 'docs', 'schemas', 'pool.schema.json'), 'utf8')).toBe(poolJsonSchema());
  });
});
