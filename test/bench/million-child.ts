/**
 * One step of the 1M-loan bench in a fresh process, so each step's peak resident memory (the
 * process's, all threads) is its own. Prints `{ seconds, peakRssMb, ... }` as JSON.
 *
 *   node test/bench/million-child.ts generate TAPE LOANS
 *   node test/bench/million-child.ts project WORKSPACE TAPE_ID loan|repline [JOBS]
 *   node test/bench/million-child.ts run WORKSPACE TAPE_ID loan|repline
 *
 * JOBS: the worker pool's size for the step (default the machine's cores); the projection is then
 * computed afresh. (The import step is test/bench/import-child.ts.) A step that fails throws: the
 * bench stops.
 */
import { readFileSync } from 'node:fs';
import { writeSampleTape } from '../../data/sample/index.ts';
import type { ProjectionMode } from '../../service/api/contract.ts';
import { dealRunOf, projectionOf } from '../../service/jobs/job-manager.ts';
import { Service } from '../../service/service.ts';
import { peakRssMb } from './peak-rss.ts';

const TEMPLATE = new URL('../../templates/deals/cn-consumer-revolving.json', import.meta.url);
const ASSUMPTIONS = new URL('../../templates/assumptions/consumer-base.json', import.meta.url);
/** The template's notes resized to the pool: senior 80%, mezzanine 9%, subordinate 11% (as test/bench/deal.bench.ts). */
const NOTE_SHARES = [0.8, 0.09, 0.11];

function unwrap<T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }, what: string): T {
  if (!result.ok) throw new Error(`${what}: ${result.error.message}`);
  return result.value;
}

async function generate(tape: string, loans: number): Promise<Record<string, number>> {
  const started = performance.now();
  const written = await writeSampleTape({ loans, seed: 1_000_000, out: tape, format: 'csv' });
  return { seconds: (performance.now() - started) / 1000, loans: written.rows, megabytes: written.bytes / 1024 ** 2 };
}

/** `fresh`: computed afresh (store: false), not served from the run store where an earlier step put it. */
async function project(service: Service, tapeId: number, mode: ProjectionMode, fresh = false): Promise<Record<string, number>> {
  const assumptions = unwrap(await service.call('assumptions.check', { assumptions: JSON.parse(readFileSync(ASSUMPTIONS, 'utf8')) }), 'assumptions.check').assumptions;
  const started = performance.now();
  const job = unwrap(await service.call('pool.project', { source: { kind: 'tape', tapeId }, assumptions, mode, ...(fresh ? { store: false } : {}) }), 'pool.project');
  const done = await service.jobs.wait(job.id);
  const projected = projectionOf(done);
  if (!projected) throw new Error(`projection ${done.state}: ${done.error?.message ?? ''}`);
  return { seconds: (performance.now() - started) / 1000, workerSeconds: projected.seconds, loans: projected.projection.loans, months: projected.projection.months };
}

/** The revolving consumer-loan template with its dates at the tape's cutoff and its notes sized to the pool. */
async function templateOnTape(service: Service, tapeId: number): Promise<unknown> {
  const summary = unwrap(await service.call('pool.summary', { tapeId }), 'pool.summary');
  const raw = JSON.parse(readFileSync(TEMPLATE, 'utf8')) as { notes: Record<string, unknown>[]; dates: Record<string, string> };
  return {
    ...raw,
    notes: raw.notes.map((note, i) => ({ ...note, originalBalance: Math.round(summary.currentBalance * (NOTE_SHARES[i] ?? 0) * 100) / 100 })),
    dates: { ...raw.dates, cutoff: summary.cutoffDate, closing: '2026-10-20', firstPaymentDate: '2026-11-26', legalFinalMaturity: '2029-11-26' },
  };
}

async function runDeal(service: Service, tapeId: number, mode: ProjectionMode): Promise<Record<string, number>> {
  const deal = unwrap(await service.call('deal.validate', { deal: await templateOnTape(service, tapeId) }), 'deal.validate').deal;
  const started = performance.now();
  const job = unwrap(await service.call('deal.run', { deal, tapeId, mode }), 'deal.run');
  const done = await service.jobs.wait(job.id);
  const run = dealRunOf(done);
  if (!run) throw new Error(`deal run ${done.state}: ${done.error?.message ?? ''}`);
  return { seconds: (performance.now() - started) / 1000, workerSeconds: run.seconds, loans: run.run.loans, periods: run.run.periods.length };
}

async function onWorkspace(workspace: string, step: (service: Service) => Promise<Record<string, number>>, jobs?: number): Promise<Record<string, number>> {
  const service = new Service({ transport: 'cli', ...(jobs !== undefined ? { jobs } : {}) });
  try {
    unwrap(await service.call('workspace.open', { path: workspace, create: false }), 'workspace.open');
    return await step(service);
  } finally {
    await service.close();
  }
}

const [step, first, second, third, fourth] = process.argv.slice(2);
const mode: ProjectionMode = third === 'loan' ? 'loan' : 'repline';
let figures: Record<string, number>;
if (step === 'generate' && first && second) figures = await generate(first, Number(second));
else if (step === 'project' && first && second)
  figures = await onWorkspace(first, (service) => project(service, Number(second), mode, fourth !== undefined), fourth === undefined ? undefined : Number(fourth));
else if (step === 'run' && first && second) figures = await onWorkspace(first, (service) => runDeal(service, Number(second), mode));
else throw new Error('usage: million-child.ts generate TAPE LOANS | project WORKSPACE TAPE_ID MODE [JOBS] | run WORKSPACE TAPE_ID MODE');
process.stdout.write(`${JSON.stringify({ ...figures, peakRssMb: peakRssMb() })}\n`);
