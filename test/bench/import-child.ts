/**
 * One tape import in a fresh process, as the app runs it (service call → reader and writer
 * threads), printing its wall time, CPU time and peak RSS (the whole process, every thread) and
 * the tape's id as JSON.
 * Usage: node test/bench/import-child.ts TAPE WORKSPACE
 */
import { Service } from '../../service/service.ts';
import { importReportOf } from '../../service/jobs/job-manager.ts';
import { peakRssMb } from './peak-rss.ts';

const [file, workspace] = process.argv.slice(2);
if (!file || !workspace) throw new Error('usage: import-child.ts TAPE WORKSPACE');
const service = new Service({ transport: 'cli' });
const opened = await service.call('workspace.open', { path: workspace });
if (!opened.ok) throw new Error(opened.error.message);
const started = performance.now();
const job = await service.call('tape.import', { source: { kind: 'path', path: file }, mode: 'reject' });
if (!job.ok) throw new Error(job.error.message);
const done = await service.jobs.wait(job.value.id);
const seconds = (performance.now() - started) / 1000;
await service.close();
const report = importReportOf(done);
if (done.state !== 'succeeded' || !report) throw new Error(`import ${done.state}: ${done.error?.message ?? ''}`);
const usage = process.resourceUsage();
const cpuSeconds = (usage.userCPUTime + usage.systemCPUTime) / 1e6;
process.stdout.write(`${JSON.stringify({ seconds, cpuSeconds, rows: report.rowsImported, tapeId: report.tapeId, peakRssMb: peakRssMb() })}\n`);
