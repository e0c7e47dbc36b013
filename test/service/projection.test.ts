import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { assumptionsJsonSchema } from '../../service/json-schemas.ts';
import { Service } from '../../service/service.ts';
import { runAbs } from '../helpers/cli.ts';
import { REPO_ROOT } from '../helpers/repo.ts';
import { useTempDir } from '../helpers/tmp.ts';

const tempDir = useTempDir();
const EXAMPLE = join(REPO_ROOT, 'docs', 'examples', 'assumptions-consumer-base.json');
let service: Service;
let tapeId: number;

beforeEach(async () => {
  service = new Service({ transport: 'test' });
  await service.call('workspace.open', { path: join(tempDir(), 'ws.sqlite') });
  const job = await service.call('tape.importSample', { loans: 3000, seed: 3 });
  if (!job.ok) throw new Error(job.error.message);
  tapeId = (await service.jobs.wait(job.value.id)).result?.report.tapeId ?? 0;
});

afterEach(async () => {
  await service.close();
});

describe('pool.project over a tape', () => {
  it('projects the sample tape with the example assumptions: balances reconcile every month', async () => {
    const assumptions: unknown = JSON.parse(readFileSync(EXAMPLE, 'utf8'));
    const result = await service.call('pool.project', { tapeId, assumptions });
    if (!result.ok) throw new Error(result.error.message);
    const { rows, cutoffBalance, loans, segments } = result.value;
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
  });

  it('names the JSON path of a bad assumption', async () => {
    const bad = await service.call('pool.project', { tapeId, assumptions: { months: 12, pool: { prepayment: '2 ramp CPR' } } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(bad.ok ? '' : bad.error.message).toMatch(/^Assumptions \$\.pool\.prepayment: /);
    const range = await service.call('pool.project', { tapeId, assumptions: { months: 12, pool: { recoveryRate: 1.5 } } });
    expect(range.ok ? '' : range.error.message).toMatch(/^Assumptions \$\.pool\.recoveryRate: /);
    const segment = await service.call('pool.project', { tapeId, assumptions: { months: 12, pool: {}, segments: { retired: {} } } });
    expect(segment.ok ? '' : segment.error.message).toContain('the tape has no segment "retired"');
    const roll = await service.call('pool.project', {
      tapeId,
      assumptions: { months: 12, pool: { rollRates: { rollForward: { current: 0.02, dpd1_30: 0.8, dpd31_60: 0.5, dpd61_90: 0.5, dpd91_180: 0.5 }, cure: { dpd1_30: 0.5 } } } },
    });
    expect(roll.ok ? '' : roll.error.message).toMatch(/^Assumptions \$\.pool\.rollRates: /);
  });

  it('abs project prints the monthly table, --csv the full columns', () => {
    const db = join(tempDir(), 'cli.sqlite');
    runAbs(['sample', '--loans', '500', '--out', join(tempDir(), 't.csv')]);
    runAbs(['import', join(tempDir(), 't.csv'), '--db', db, '--quiet']);
    const run = runAbs(['project', '--db', db, '--tape', '1', '--assumptions', EXAMPLE]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Tape 1 · cutoff 2026-09-30 · 500 loans/);
    expect(run.stdout.trim().split('\n')).toHaveLength(2 + 24);
    const csv = runAbs(['project', '--db', db, '--tape', '1', '--assumptions', EXAMPLE, '--csv']);
    expect(csv.stdout.split('\n')[0]).toContain('Overdue total 逾期总额 (¥)');
    expect(runAbs(['project', '--db', db, '--tape', '1'])).toMatchObject({ status: 1, stderr: 'abs project: project needs --assumptions FILE.json\n' });
  });

  it('publishes a JSON Schema in step with the validator', () => {
    expect(readFileSync(join(REPO_ROOT, 'docs', 'schemas', 'assumptions.schema.json'), 'utf8')).toBe(assumptionsJsonSchema());
  });
});
