import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from '../../../data/excel.ts';
import type { ApiResult, JobInfo } from '../../../service/api/contract.ts';
import { readDealFile } from '../../../service/files/deal-file.ts';
import { Service } from '../../../service/service.ts';
import { startHttpTransport, type HttpTransport } from '../../../service/transport/http.ts';
import { REPO_ROOT } from '../../helpers/repo.ts';

let dir = '';
let service: Service;
let http: HttpTransport;

async function invoke<T>(method: string, params: unknown): Promise<ApiResult<T>> {
  const res = await fetch(`${http.origin}/api/invoke`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-abs-token': http.token }, body: JSON.stringify({ method, params }) });
  return (await res.json()) as ApiResult<T>;
}

async function finished(job: ApiResult<JobInfo>): Promise<JobInfo> {
  if (!job.ok) throw new Error(job.error.message);
  for (;;) {
    const now = await invoke<JobInfo>('job.get', { id: job.value.id });
    if (!now.ok) throw new Error(now.error.message);
    if (now.value.state !== 'running') return now.value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'abs-report-http-'));
  mkdirSync(join(dir, 'renderer'));
  writeFileSync(join(dir, 'renderer', 'index.html'), '<!doctype html><title>ABS</title>');
  mkdirSync(join(dir, 'workspaces'));
  service = new Service({ transport: 'http', workspaceFolder: join(dir, 'workspaces') });
  http = await startHttpTransport({ service, rendererDir: join(dir, 'renderer') });
});

afterAll(async () => {
  await http.close();
  await service.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('report.excel over the browser transport', () => {
  it('answers a download (token required, by id only) instead of writing a path', async () => {
    expect((await invoke('workspace.open', { path: 'ws.sqlite', create: true })).ok).toBe(true);
    const deal = readDealFile(JSON.parse(readFileSync(join(REPO_ROOT, 'templates', 'deals', 'us-auto-oc-turbo.json'), 'utf8')));
    expect((await finished(await invoke('deal.run', { deal }))).state).toBe('succeeded');
    // A path of this computer is not written from the browser.
    const refused = await invoke('report.excel', { runIds: [1], outPath: join(dir, 'x.xlsx') });
    expect(refused.ok ? null : refused.error).toMatchObject({
      code: 'PATH_NOT_ALLOWED',
      message: 'In the browser the report is a download: leave out outPath (a path on this computer is not written)',
    });
    const done = await finished(await invoke('report.excel', { runIds: [1] }));
    const report = done.result?.kind === 'report.excel' ? done.result.report : null;
    // "US auto-loan ABS, sequential pay with OC target and turbo": letters and digits kept, each run of other characters one '-' (messages/file-name.ts)
    expect(report).toMatchObject({ path: null, fileName: 'US-auto-loan-ABS-sequential-pay-with-OC-target-and-turbo-tranche-report.xlsx' });
    const url = `${http.origin}/api/download?id=${report?.downloadId ?? ''}`;
    expect((await fetch(url)).status).toBe(401);
    expect((await fetch(`${http.origin}/api/download?id=../../etc/passwd`, { headers: { 'x-abs-token': http.token } })).status).toBe(404);
    const res = await fetch(url, { headers: { 'x-abs-token': http.token } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent(report?.fileName ?? '')}`);
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(bytes.length).toBe(report?.bytes);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(report?.sheets);
  });

  it('names the download after the deal, its Chinese kept: filename* in UTF-8, the plain filename= an ASCII stand-in for old clients', async () => {
    const template = readDealFile(JSON.parse(readFileSync(join(REPO_ROOT, 'templates', 'deals', 'cn-consumer-revolving.json'), 'utf8')));
    const names: string[] = [];
    for (const name of [template.name ?? '', '消费贷二〇二七年第一期']) {
      const done = await finished(await invoke('report.excel', { deal: { ...template, name }, scenarios: { name: 'Base only', scenarios: [{ name: 'Base' }] }, language: 'zh-CN' }));
      const report = done.result?.kind === 'report.excel' ? done.result.report : null;
      const res = await fetch(`${http.origin}/api/download?id=${report?.downloadId ?? ''}`, { headers: { 'x-abs-token': http.token } });
      expect(res.status).toBe(200);
      // RFC 6266: a browser takes filename* (RFC 5987, UTF-8); filename= carries the name's ASCII, '_' for the rest.
      const disposition = res.headers.get('content-disposition') ?? '';
      expect(disposition).toContain(`filename*=UTF-8''${encodeURIComponent(report?.fileName ?? '')}`);
      expect(disposition).toMatch(/^attachment; filename="[\x20-\x7e]+"; /);
      names.push(report?.fileName ?? '');
    }
    // "消费贷 2027-1 revolving consumer-loan ABS": every letter and digit kept, each space one '-' (messages/file-name.ts)
    expect(names).toEqual(['消费贷-2027-1-revolving-consumer-loan-ABS-tranche-report.xlsx', '消费贷二〇二七年第一期-tranche-report.xlsx']);
  });
});
