/**
 * The child the run-store family kills: opens the workspace, runs one deal job through the service
 * (stored as a run), prints "ready", then stores run after run through the same store path
 * (runThroughStore: hash, key figures, JSON, deflate, one transaction), each under distinct inputs
 * (the deal's default multiplier), printing "stored N" after each commit — until it is killed.
 *
 * Usage: node test/reliability/run-store-child.ts WORKSPACE TRIAL
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DealRunRequest } from '../../service/api/contract.ts';
import { readDealFile } from '../../service/files/deal-file.ts';
import { dealRunOf } from '../../service/jobs/job-manager.ts';
import { dealInputs, dealRunName } from '../../service/run-store/inputs.ts';
import { runThroughStore } from '../../service/run-store/stored-job.ts';
import { Service } from '../../service/service.ts';

const [file, trialText] = process.argv.slice(2);
if (file === undefined || trialText === undefined) throw new Error('usage: run-store-child.ts WORKSPACE TRIAL');
const trial = Number(trialText);
const root = new URL('../../', import.meta.url).pathname;
// A deal with 360 periods: its result is ~400 KB of JSON, stored deflated.
const deal = readDealFile(JSON.parse(readFileSync(join(root, 'templates', 'deals', 'pass-through.json'), 'utf8')));

const service = new Service({ transport: 'test' });
const opened = await service.call('workspace.open', { path: file, create: false });
if (!opened.ok) throw new Error(opened.error.message);
const job = await service.call('deal.run', { deal });
if (!job.ok) throw new Error(job.error.message);
const ran = dealRunOf(await service.jobs.wait(job.value.id));
if (!ran) throw new Error('the deal run failed');
process.stdout.write(`ready ${ran.stored?.runId ?? 'unstored'}\n`);

for (let i = 1; ; i++) {
  const request: DealRunRequest = { deal, scenarioOverrides: { defaultMultiplier: trial * 10_000 + i } };
  const plan = {
    workspace: service.requireWorkspace(),
    inputs: dealInputs('run', request, null),
    name: dealRunName('run', deal, null, request).message,
    nameCoded: dealRunName('run', deal, null, request),
    tapeId: null,
  };
  const stored = await runThroughStore(
    plan,
    () => Promise.resolve(ran),
    () => undefined,
  );
  const runId = stored.stored?.runId ?? null;
  if (runId === null) throw new Error(stored.stored?.warning ?? 'not stored');
  process.stdout.write(`stored ${runId}\n`);
}
