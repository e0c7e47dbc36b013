import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { PoolFile } from '../../service/api/contract.ts';
import { Service } from '../../service/service.ts';
import { startHttpTransport } from '../../service/transport/http.ts';
import { runProjection } from '../helpers/service.ts';
import { generateStaticPool, writeLongCsv } from '../helpers/static-pool-generator.ts';
import { useTempDir } from '../helpers/tmp.ts';

const tempDir = useTempDir('abs-static-service-');
const TIMING = [0, 0, 10, 20, 30, 20, 10, 10];
const VINTAGES = generateStaticPool(
  { lifetimeDefault: 0.05, lifetimeSpread: 0, timingPct: TIMING, cprByAge: [0.12], termMonths: 12, rateAnnual: 0.2, roll: { current: 0.03, dpd1_30: 0.5, dpd31_60: 0.7 } },
  14,
  12,
);
let service: Service | null = null;
afterEach(async () => {
  await service?.close();
  service = null;
});

function poolFile(): string {
  const path = join(tempDir(), '静态池.csv');
  writeLongCsv(path, VINTAGES, 4);
  return path;
}

describe('staticPool.fit and assumptions.save', () => {
  it('fits a file given by path and saves the set with its source, which reads back as an assumption file', async () => {
    service = new Service({ transport: 'test' });
    await service.call('workspace.open', { path: join(tempDir(), 'ws.sqlite') });
    const path = poolFile();
    const fitted = await service.call('staticPool.fit', { files: [{ source: { kind: 'path', path } }], amortization: 'level_payment', termMonths: 12, rateAnnual: 0.2, includeRollRates: true });
    if (!fitted.ok) throw new Error(fitted.error.message);
    const { fit, assumptions, vintages } = fitted.value;
    expect(vintages).toHaveLength(14);
    // Every vintage's lifetime is 5% (no spread), so the pool's is 5% to the rounding of the printed rates.
    expect(fit.lifetimeDefault).toBeCloseTo(0.05, 5);
    expect(fit.cpr[0]).toBeCloseTo(0.12, 4);
    expect(assumptions.source).toMatchObject({ kind: 'staticPool', files: ['静态池.csv'], vintages: VINTAGES.map((v) => v.vintage) });
    // 12% CPR at every month on book 1–11 (month 12 has no balance left); month 11's tiny balance makes the printed rates' rounding show.
    expect(assumptions.pool.prepayment).toMatch(/^12 for 10, (11\.9\d|12\.0\d) CPR by age$/);
    expect(assumptions.pool.defaultTiming?.timingPct.slice(0, 8)).toEqual(TIMING);
    expect(assumptions.pool.rollRates?.chargeOffAt).toBe('dpd61_90');
    expect(assumptions.pool.rollRates?.rollForward.current).toBeCloseTo(0.03, 5);

    const saved = await service.call('assumptions.save', { name: 'Originator A history', assumptions });
    expect(saved.ok, saved.ok ? '' : saved.error.message).toBe(true);
    const listed = await service.call('assumptions.list', {});
    if (!listed.ok) throw new Error(listed.error.message);
    expect(listed.value[0]?.assumptions.source?.method).toMatch(/chain ladder/);
    const checked = await service.call('assumptions.check', { assumptions: listed.value[0]?.assumptions });
    expect(checked.ok).toBe(true);
  });

  it('says what the CPR fit lacks, and passes on the reader’s problems with their row and column', async () => {
    service = new Service({ transport: 'test' });
    const source = { kind: 'path' as const, path: poolFile() };
    const noRate = await service.call('staticPool.fit', { files: [{ source }], amortization: 'level_payment', termMonths: 12 });
    expect(noRate).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', details: { field: 'rateAnnual' } } });
    const bad = join(tempDir(), 'bad.csv');
    writeFileSync(bad, '放款月份,初始本金,账龄,累计违约率\n2024-01,100,1,0.02\n2024-01,100,2,0.01\n');
    const preview = await service.call('staticPool.preview', { files: [{ source: { kind: 'path', path: bad } }] });
    expect(preview).toMatchObject({ ok: false, error: { code: 'BAD_FILE', details: { problems: [{ file: 'bad.csv', row: 3, column: '累计违约率' }] } } });
  });
});

describe('the fitted set, projected', () => {
  it('gives back on a pool of new loans the history it was fitted from: 5% lifetime default and 12% CPR', async () => {
    service = new Service({ transport: 'test' });
    const fitted = await service.call('staticPool.fit', { files: [{ source: { kind: 'path', path: poolFile() } }], amortization: 'level_payment', termMonths: 12, rateAnnual: 0.2 });
    if (!fitted.ok) throw new Error(fitted.error.message);
    // One representative line of new 12-month level-payment loans at 20%: projection month k is month on book k.
    const pool: PoolFile = {
      name: 'New loans',
      cutoffDate: '2026-09-30',
      lines: [{ id: 'new', segment: 'salaried', amortization: 'level_payment', balance: 100_000_000, rate: 0.2, originalTerm: 12, remainingTerm: 12, loans: 10_000 }],
    };
    const projection = await runProjection(service, { source: { kind: 'lines', pool }, assumptions: fitted.value.assumptions });
    const last = projection.rows[projection.rows.length - 1];
    // defaultTiming makes the defaults 5% of the cutoff balance whatever the prepayments (docs/assumptions.md).
    expect(last?.cumulativeDefaultRate).toBeCloseTo(0.05, 4);
    // Months 1–11 prepay at the fitted 12% CPR (month 12 has only its last installment left).
    for (const row of projection.rows.slice(0, 11)) expect(Math.abs(row.cpr - 0.12), `month ${row.month}`).toBeLessThan(0.0005);
    // The month-by-month defaults follow the timing shares: month 5 carries 30% of the 5%.
    expect((projection.rows[4]?.defaults ?? 0) / 100_000_000).toBeCloseTo(0.05 * 0.3, 4);
  });
});

describe('staticPool over the browser transport', () => {
  it('takes the file only as an upload', async () => {
    const renderer = join(tempDir(), 'renderer');
    mkdirSync(renderer, { recursive: true });
    writeFileSync(join(renderer, 'index.html'), '<!doctype html>');
    service = new Service({ transport: 'http', workspaceFolder: tempDir() });
    const http = await startHttpTransport({ service, rendererDir: renderer });
    const send = (path: string, headers: Record<string, string>, body: string | Uint8Array): Promise<string> =>
      new Promise((resolve, reject) => {
        const req = request({ host: '127.0.0.1', port: http.port, path, method: 'POST', headers: { 'x-abs-token': http.token, ...headers } }, (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (text += chunk));
          res.on('end', () => resolve(text));
        });
        req.on('error', reject);
        req.end(body);
      });
    try {
      const path = poolFile();
      const invoke = async (params: unknown): Promise<unknown> =>
        JSON.parse(await send('/api/invoke', { 'content-type': 'application/json' }, JSON.stringify({ method: 'staticPool.preview', params })));
      expect(await invoke({ files: [{ source: { kind: 'path', path } }] })).toMatchObject({ ok: false, error: { code: 'PATH_NOT_ALLOWED' } });
      const bytes = readFileSync(path);
      const uploaded = JSON.parse(await send('/api/upload', { 'x-file-name': encodeURIComponent('静态池.csv'), 'content-length': String(bytes.length) }, bytes)) as { value: { uploadId: string } };
      expect(await invoke({ files: [{ source: { kind: 'upload', uploadId: uploaded.value.uploadId } }] })).toMatchObject({ ok: true, value: { tables: [{ file: '静态池.csv', layout: 'long' }] } });
    } finally {
      await http.close();
    }
  });
});
