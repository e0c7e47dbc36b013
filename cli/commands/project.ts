import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import type { AssumptionFile, JobResultOf, ProjectionRequest } from '../../service/api/contract.ts';
import { projectionOf } from '../../service/jobs/job-manager.ts';
import { projectionCsv } from '../../service/runs/projection.ts';
import type { Service } from '../../service/service.ts';
import { formatMoney, formatPct, readJsonFile, textTable, UsageError } from '../output.ts';
import { followJob } from '../progress.ts';
import { storedNoteText } from '../stored-note.ts';
import { ApiCallError, unwrap, unwrapFile, type CommandIO } from '../run.ts';

const PROJECT_HELP = `Usage: abs project --db WORKSPACE --tape ID --assumptions A.json [--mode loan|repline] [--json | --csv] [--no-store] [--quiet]
       abs project --pool POOL.json --assumptions A.json [--json | --csv]

Projects a pool month by month (deterministic roll-rate model): interest, scheduled principal,
prepayments, defaults, recoveries, losses, balance by delinquency bucket, overdue total
(逾期总额), SMM/CPR, MDR/CDR, cumulative default rate. Amounts in the pool's currency (yuan),
rounded to cents; rates are decimals in --json/--csv.

  --mode loan      every loan of the tape (default)
  --mode repline   loans grouped into representative lines (segment, amortization, state,
                   terms, 2-point rate buckets, age): milliseconds, within 0.5% of loan level
  --pool FILE      a pool written as representative lines, no workspace needed
  --no-store       compute afresh and keep nothing in the workspace's run store (with --db, a
                   projection is stored, and an identical one is served from the store)

File formats: docs/schemas/assumptions.schema.json and docs/schemas/pool.schema.json, examples
templates/assumptions/consumer-base.json and docs/examples/pool-consumer-lines.json.`;

/** The monthly table for a person, with the job's compute time (the result itself holds none). */
export function formatProjection({ projection: result, seconds }: JobResultOf<'pool.project'>): string {
  const header = ['Month', 'Beginning (¥)', 'Interest (¥)', 'Sched. prin. (¥)', 'Prepaid (¥)', 'Defaults (¥)', 'Recov. (¥)', 'Ending (¥)', '30+ DPD (¥)', 'CPR', 'CDR', 'Cum. default'];
  const rows = result.rows.map((r) => [
    String(r.month),
    formatMoney(r.beginningBalance),
    formatMoney(r.interestCollected + r.penaltyInterest),
    formatMoney(r.scheduledPrincipal),
    formatMoney(r.prepayments),
    formatMoney(r.defaults),
    formatMoney(r.recoveries),
    formatMoney(r.endingBalance),
    formatMoney(r.dpd31_60 + r.dpd61_90 + r.dpd91_180),
    formatPct(r.cpr),
    formatPct(r.cdr),
    formatPct(r.cumulativeDefaultRate),
  ]);
  const { line } = textTable(header, rows, new Set());
  return [
    `${result.tapeId !== null ? `Tape ${result.tapeId}` : result.sourceName} · ${result.mode === 'loan' ? 'loan level' : `${(result.lines?.length ?? 0).toLocaleString('en-US')} representative lines`} · cutoff ${result.cutoffDate} · ${result.loans.toLocaleString('en-US')} loans · cutoff balance ¥${formatMoney(result.cutoffBalance)} · ${result.months} months · ${seconds.toFixed(2)} s`,
    line(header),
    ...rows.map(line),
  ].join('\n');
}

export async function projectCommand(args: readonly string[], service: Service, io: CommandIO): Promise<void> {
  const { values } = parseArgs({
    args: [...args],
    options: {
      db: { type: 'string' },
      tape: { type: 'string' },
      pool: { type: 'string' },
      assumptions: { type: 'string' },
      mode: { type: 'string' },
      json: { type: 'boolean' },
      csv: { type: 'boolean' },
      'no-store': { type: 'boolean' },
      quiet: { type: 'boolean', short: 'q' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    io.out(PROJECT_HELP);
    return;
  }
  if (values.pool !== undefined && (values.db !== undefined || values.tape !== undefined)) throw new UsageError('give either --pool FILE or --db WORKSPACE --tape ID, not both');
  if (values.mode !== undefined && values.mode !== 'loan' && values.mode !== 'repline') throw new UsageError(`--mode must be loan or repline, got '${values.mode}'`);
  if (values.pool !== undefined && values.mode === 'loan') throw new UsageError('a pool file is projected line by line: --mode loan needs a tape');
  if (values.pool === undefined) {
    if (!values.db) throw new UsageError('project needs --db WORKSPACE and --tape ID, or --pool FILE');
    if (!values.tape || !/^\d+$/.test(values.tape)) throw new UsageError(`project needs --tape ID (a whole number), got '${values.tape ?? ''}'`);
  }
  if (!values.assumptions) throw new UsageError('project needs --assumptions FILE.json');
  const assumptionsDraft = readJsonFile(values.assumptions, 'assumptions');
  // The files as the service reads them, in the order pool.project would: a bad file answers here, each problem at its JSON path.
  const assumptionsPath = values.assumptions;
  const readAssumptions = async (): Promise<AssumptionFile> =>
    unwrapFile(await service.call('assumptions.check', { assumptions: assumptionsDraft }), { what: 'assumption file', path: assumptionsPath }).assumptions;
  let request: ProjectionRequest;
  if (values.pool !== undefined) {
    const poolDraft = readJsonFile(values.pool, 'pool file');
    const assumptions = await readAssumptions();
    request = { source: { kind: 'lines', pool: unwrapFile(await service.call('pool.check', { pool: poolDraft }), { what: 'pool file', path: values.pool }).pool }, assumptions };
  } else {
    unwrap(await service.call('workspace.open', { path: values.db ?? '', create: false }));
    request = { source: { kind: 'tape', tapeId: Number(values.tape) }, assumptions: await readAssumptions(), mode: values.mode === 'repline' ? 'repline' : 'loan' };
  }
  request = { ...request, scenarioName: basename(values.assumptions), ...(values['no-store'] ? { store: false } : {}) };
  const job = unwrap(await service.call('pool.project', request));
  const finished = await followJob(service, job, 'project', values.quiet === true || values.json === true || values.csv === true);
  if (finished.error) throw new ApiCallError(finished.error);
  const projected = projectionOf(finished);
  if (!projected) throw new Error('the projection finished without a result');
  // --json holds the result only, so the same inputs print the same bytes; the time is the job's.
  const result = projected.projection;
  const note = storedNoteText('Projection', projected.stored);
  if (projected.stored?.warning) io.err(`Warning: ${projected.stored.warning}`);
  if (values.json || values.csv) {
    if (note !== null && !values.quiet) io.err(note);
    io.out(values.json ? JSON.stringify(result, null, 2) : projectionCsv(result).trimEnd());
    return;
  }
  io.out([formatProjection(projected), ...(note !== null ? [note] : [])].join('\n'));
}
