import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Service } from '../../service/service.ts';
import { REPO_ROOT } from '../helpers/repo.ts';
import { useTempDir } from '../helpers/tmp.ts';

const tempDir = useTempDir();
const HX5 = join(REPO_ROOT, 'test', 'fixtures', 'schedules', 'hx5-2017-collection-schedule.csv');
let service: Service;

beforeEach(async () => {
  service = new Service({ transport: 'test' });
  expect((await service.call('workspace.open', { path: join(tempDir(), 'ws.sqlite') })).ok).toBe(true);
});

afterEach(async () => {
  await service.close();
});

describe('the schedule API: schedule.import / list / get / delete, and deal files that name a stored schedule', () => {
  it('imports, lists, gets and deletes; a bad file fails as data (file, row, column) and stores nothing', async () => {
    const imported = await service.call('schedule.import', { source: { kind: 'path', path: HX5 }, name: 'hx5', unit: '万元', cutoffDate: '2017-10-01' });
    expect(imported).toMatchObject({ ok: true, value: { name: 'hx5', periods: 23, openingBalance: 15_061_203_600 } });
    const bad = join(tempDir(), 'bad.csv');
    writeFileSync(bad, 'Period End,Opening Balance,Principal,Interest\n2024-01-31,100,50,x\n');
    const failed = await service.call('schedule.import', { source: { kind: 'path', path: bad }, name: 'bad', unit: '元' });
    expect(failed).toMatchObject({ ok: false, error: { code: 'BAD_FILE', details: { file: 'bad.csv', row: 2, column: 'Interest', value: 'x' } } });
    const list = await service.call('schedule.list', {});
    expect(list.ok && list.value.map((s) => s.name)).toEqual(['hx5']);
    const got = await service.call('schedule.get', { name: 'hx5' });
    expect(got.ok && got.value.rows[22]).toEqual({ periodEnd: '2019-10-31', openingBalance: 11_834_000, scheduledPrincipal: 11_834_000, interest: 2_130_100 });
    expect(await service.call('schedule.delete', { name: 'hx5' })).toEqual({ ok: true, value: { deleted: 'hx5' } });
    expect(await service.call('schedule.get', { name: 'hx5' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('deal.validate reads a stored schedule’s rows into the deal; a name not in the workspace is NOT_FOUND', async () => {
    await service.call('schedule.import', { source: { kind: 'path', path: HX5 }, name: 'hx5', unit: '万元', cutoffDate: '2017-10-01' });
    const deal = {
      dates: { cutoff: '2017-10-01', closing: '2017-12-28', firstPaymentDate: '2018-01-26', firstPeriodCollectionMonths: 3, legalFinalMaturity: '2021-11-26' },
      notes: [{ id: 'A', seniority: 1, originalBalance: 15_000_000_000, coupon: { type: 'none' } }],
      waterfall: {
        combined: [
          { kind: 'principal', rule: 'sequential' },
          { kind: 'residual', to: 'A' },
        ],
      },
      schedulePool: { schedule: 'hx5', stress: { default: '2 CDR' } },
    };
    const checked = await service.call('deal.validate', { deal });
    expect(checked.ok && checked.value.deal.schedulePool).toMatchObject({ name: 'hx5', cutoffDate: '2017-10-01', stress: { default: '2 CDR' } });
    expect(checked.ok && checked.value.deal.schedulePool?.rows?.length).toBe(23);
    // The Deal screen runs it on its own pool and its own stress (no tape, no assumption set).
    expect(checked.ok && [checked.value.hasPool, checked.value.hasAssumptions, checked.value.statedPoolBalance]).toEqual([true, true, 15_061_203_600]);
    const missing = await service.call('deal.validate', { deal: { ...deal, schedulePool: { schedule: 'nope' } } });
    expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: 'No schedule named "nope" in the workspace' } });
  });
});
