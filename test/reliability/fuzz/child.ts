/**
 * The fuzz child: a real Service on a real workspace, fed one hostile case at a time over IPC by
 * runner.ts (which kills it when a case overruns its time). After each case it reports whether
 * Object.prototype (or Array's, Function's) gained a property.
 *
 *   node test/reliability/fuzz/child.ts WORKSPACE
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readJsonFile, UsageError } from '../../../cli/output.ts';
import type { ApiError, ApiResult, JobInfo } from '../../../service/api/contract.ts';
import { importReportOf } from '../../../service/jobs/job-manager.ts';
import { Service } from '../../../service/service.ts';
import { REPO_ROOT } from '../../helpers/repo.ts';
import type { CaseReply, CaseRequest, CaseResult } from './protocol.ts';

const [workspace] = process.argv.slice(2);
if (!workspace || !process.send) throw new Error('usage: node child.ts WORKSPACE (as a forked child)');

const service = new Service({ transport: 'cli' });
const opened = await service.call('workspace.open', { path: workspace });
if (!opened.ok) throw new Error(opened.error.message);
const passThrough = JSON.parse(readFileSync(join(REPO_ROOT, 'templates', 'deals', 'pass-through.json'), 'utf8')) as unknown;
const exampleAssumptions = JSON.parse(readFileSync(join(REPO_ROOT, 'templates', 'assumptions', 'consumer-base.json'), 'utf8')) as unknown;

const PROTOTYPES = { Object: Object.prototype, Array: Array.prototype, Function: Function.prototype, String: String.prototype } as const;
const baseline = Object.fromEntries(Object.entries(PROTOTYPES).map(([name, proto]) => [name, new Set(Reflect.ownKeys(proto).map(String))]));

/** Properties the case added to a built-in prototype. */
function pollution(): string[] {
  const found: string[] = [];
  for (const [name, proto] of Object.entries(PROTOTYPES)) {
    for (const key of Reflect.ownKeys(proto).map(String)) if (!baseline[name]?.has(key)) found.push(`${name}.prototype.${key}`);
  }
  return found;
}

const failed = (error: ApiError): CaseResult => ({ kind: 'error', code: error.code, message: error.message });

async function job(started: ApiResult<JobInfo>): Promise<{ ok: true; job: JobInfo } | { ok: false; result: CaseResult }> {
  if (!started.ok) return { ok: false, result: failed(started.error) };
  const done = await service.jobs.wait(started.value.id);
  if (done.error) return { ok: false, result: failed(done.error) };
  return { ok: true, job: done };
}

async function importTape(request: Extract<CaseRequest, { target: 'tape' }>): Promise<CaseResult> {
  const done = await job(
    await service.call('tape.import', {
      source: { kind: 'path', path: request.path },
      mode: request.mode,
      allowDuplicate: true,
      ...(request.encoding !== undefined ? { encoding: request.encoding } : {}),
    }),
  );
  if (!done.ok) return done.result;
  const report = importReportOf(done.job);
  if (!report) return { kind: 'threw', message: 'the import finished without a report' };
  return { kind: report.status, message: report.problems[0]?.message ?? '', rows: report.rowsImported };
}

/** A file as the CLI reads it, then the service's check, then a run on what the check accepted. */
async function checkAndRun(request: Extract<CaseRequest, { target: 'deal' | 'assumptions' | 'pool' }>): Promise<CaseResult> {
  let draft: unknown;
  try {
    draft = readJsonFile(request.path, `${request.target} file`);
  } catch (error) {
    if (error instanceof UsageError) return { kind: 'error', code: 'USAGE', message: error.message };
    throw error;
  }
  if (request.target === 'deal') {
    const checked = await service.call('deal.validate', { deal: draft });
    if (!checked.ok) return failed(checked.error);
    const ran = await job(await service.call('deal.run', { deal: checked.value.deal }));
    return ran.ok ? { kind: 'ran', message: '' } : ran.result;
  }
  if (request.target === 'assumptions') {
    const checked = await service.call('assumptions.check', { assumptions: draft });
    if (!checked.ok) return failed(checked.error);
    const deal = await service.call('deal.validate', { deal: passThrough });
    if (!deal.ok) return { kind: 'threw', message: `the pass-through template does not validate: ${deal.error.message}` };
    const ran = await job(await service.call('deal.run', { deal: deal.value.deal, assumptions: checked.value.assumptions }));
    return ran.ok ? { kind: 'ran', message: '' } : ran.result;
  }
  const checked = await service.call('pool.check', { pool: draft });
  if (!checked.ok) return failed(checked.error);
  const assumptions = await service.call('assumptions.check', { assumptions: exampleAssumptions });
  if (!assumptions.ok) return { kind: 'threw', message: `the example assumptions do not read: ${assumptions.error.message}` };
  const ran = await job(await service.call('pool.project', { source: { kind: 'lines', pool: checked.value.pool }, assumptions: assumptions.value.assumptions }));
  return ran.ok ? { kind: 'ran', message: '' } : ran.result;
}

process.on('message', (request: CaseRequest) => {
  const run = request.target === 'tape' ? importTape(request) : checkAndRun(request);
  void run
    .catch((error: unknown): CaseResult => ({ kind: 'threw', message: error instanceof Error ? (error.stack ?? error.message) : String(error) }))
    .then((result) => {
      const reply: CaseReply = { id: request.id, result, polluted: pollution() };
      process.send?.(reply);
    });
});
process.send({ ready: true });
