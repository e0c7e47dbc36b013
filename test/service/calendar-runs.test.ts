import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DealFile, DealRunRequest, DealRunResult } from '../../service/api/contract.ts';
import { readDealFile } from '../../service/files/deal-file.ts';
import { dealRunOf } from '../../service/jobs/job-manager.ts';
import { Service } from '../../service/service.ts';
import { REPO_ROOT } from '../helpers/repo.ts';
import { useTempDir } from '../helpers/tmp.ts';

// The service loads the calendar a deal file names (service/calendars/) and hands it to the engine.
const tempDir = useTempDir();
const template = (name: string): DealFile => readDealFile(JSON.parse(readFileSync(join(REPO_ROOT, 'templates', 'deals', `${name}.json`), 'utf8')));
const withDates = (file: DealFile, dates: Partial<DealFile['dates']>): DealFile => ({ ...file, dates: { ...file.dates, ...dates } });
let service: Service;

beforeEach(async () => {
  service = new Service({ transport: 'test' });
  await service.call('workspace.open', { path: join(tempDir(), 'ws.sqlite') });
});

afterEach(async () => {
  await service.close();
});

async function run(request: DealRunRequest): Promise<DealRunResult> {
  const job = await service.call('deal.run', request);
  if (!job.ok) throw new Error(job.error.message);
  const done = await service.jobs.wait(job.value.id);
  const ran = dealRunOf(done);
  if (!ran) throw new Error(done.error?.message ?? done.state);
  return ran.run;
}

describe('deal runs on a business-day calendar, through the service', () => {
  it('US auto on US-SIFMA, following: Presidents Day 2027-02-15 → 02-16; Saturday 2027-05-15 → Monday 05-17', async () => {
    const base = await run({ deal: template('us-auto-oc-turbo') });
    const rolled = await run({ deal: withDates(template('us-auto-oc-turbo'), { businessDayConvention: 'following', calendar: 'US-SIFMA' }) });
    expect(base.periods.slice(0, 5).map((p) => p.paymentDate)).toEqual(['2027-01-15', '2027-02-15', '2027-03-15', '2027-04-15', '2027-05-15']);
    expect(rolled.periods.slice(0, 5).map((p) => p.paymentDate)).toEqual(['2027-01-15', '2027-02-16', '2027-03-15', '2027-04-15', '2027-05-17']);
    expect(rolled.periods.length).toBe(base.periods.length);
  });

  it('the China calendar refuses a payment date in a year its file does not cover, naming the date', async () => {
    // cn-consumer-revolving pays from 2027-02-26; templates/calendars/cn.json covers 2017–2026.
    const deal = withDates(template('cn-consumer-revolving'), { businessDayConvention: 'following', calendar: 'CN' });
    const job = await service.call('deal.run', { deal });
    if (!job.ok) throw new Error(job.error.message);
    const done = await service.jobs.wait(job.value.id);
    expect(done.error?.message).toMatch(/does not cover/);
    expect(done.error?.details).toMatchObject({ engineCode: 'CALENDAR_YEAR_NOT_COVERED', date: '2027-02-26', calendar: 'CN', covers: '2017–2026' });
  });
});
