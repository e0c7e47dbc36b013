import { STRAT_DIMENSIONS, type PoolSummary, type StratTable } from '../../../data/pool/index.ts';
import { getTape } from '../../../data/tape/store.ts';
import { roundCentsOfDouble } from '../../../engine/index.ts';
import { checkAssumptions } from '../../files/assumption-file.ts';
import { readPoolFile } from '../../files/pool-file.ts';
import { runProjectionInWorker } from '../../jobs/project-job.ts';
import { timed, type Timed } from '../../jobs/timed.ts';
import { projectInput } from '../../runs/projection.ts';
import type { CsvDownload, FileDraft, JobInfo, JobResultOf, PoolCheck, ProjectionRequest, ProjectionResult, StratDimensionInfo, StratRequest } from '../contract.ts';
import type { JobContext } from '../../jobs/job-manager.ts';
import { projectionInputs, projectionName } from '../../run-store/inputs.ts';
import { runThroughStore, type RunPlan } from '../../run-store/stored-job.ts';
import type { ServiceContext } from '../context.ts';
import type { CodedMessage } from '../../../engine/messages.ts';
import { JOB_TITLES } from '../../jobs/job-titles.ts';
import { exportFileName } from '../../../messages/file-name.ts';

const STRAT_DIMENSION_INFO: readonly StratDimensionInfo[] = STRAT_DIMENSIONS.map((d) => ({
  id: d.id,
  label: d.label,
  kind: d.kind,
  unit: d.unit,
  defaultEdges: d.kind === 'numeric' ? d.defaultEdges : [],
  fixedBuckets: d.kind === 'numeric' && d.namedBuckets !== undefined,
  wholeNumbers: d.kind === 'numeric' && d.wholeNumbers,
}));

export function poolDimensions(): readonly StratDimensionInfo[] {
  return STRAT_DIMENSION_INFO;
}

// Pool queries run on the workspace's query thread (service/jobs/workers/query-worker.ts).

export function poolSummaryHandler(params: { tapeId: number }, service: ServiceContext): Promise<PoolSummary> {
  return service.queries().summary(params.tapeId);
}

export function poolStrat(params: StratRequest, service: ServiceContext): Promise<StratTable> {
  return service.queries().strat(params.tapeId, params.by, params.edges);
}

export async function poolStratCsv(params: StratRequest, service: ServiceContext): Promise<CsvDownload> {
  const tape = getTape(service.requireWorkspace().db, params.tapeId);
  const csv = await service.queries().stratCsv(params.tapeId, params.by, params.edges);
  return { fileName: exportFileName([tape.name, 'strat', params.by], 'csv', 'tape'), csv };
}

/** Reads a pool file as a projection would, and sums it up: the balance to the cent, the rate weighted by balance. */
export function poolCheck(params: { pool: FileDraft }): PoolCheck {
  const { file, lines, loanCount, segmentNames } = readPoolFile(params.pool);
  const balance = lines.reduce((sum, line) => sum + line.balance, 0);
  const rateTimesBalance = lines.reduce((sum, line) => sum + line.rateAnnual * line.balance, 0);
  return {
    name: file.name ?? null,
    cutoffDate: file.cutoffDate,
    lines: lines.length,
    loans: loanCount,
    balance: roundCentsOfDouble(balance),
    weightedAverageRate: balance > 0 ? rateTimesBalance / balance : null,
    segments: segmentNames,
    pool: file,
  };
}

/**
 * Starts a projection job. The assumption file's shape, notation and matrices are checked
 * before the job starts (so a typo answers at once, with its JSON path); the segments and
 * products it names are checked against the pool inside the job. Loan level on a tape runs on
 * its own thread; representative lines of a tape on the query thread (grouping cached per
 * tape); a pool file's lines here (they are few).
 */
export function poolProject(params: ProjectionRequest, service: ServiceContext): JobInfo {
  checkAssumptions(params.assumptions);
  const { source } = params;
  const tape = source.kind === 'tape' ? getTape(service.requireWorkspace().db, source.tapeId) : null;
  const workspace = service.workspace;
  const generated = projectionName(params, tape);
  const named = params.runName !== undefined ? { name: params.runName, nameCoded: null } : { name: generated.message, nameCoded: generated };
  const plan: RunPlan | null = workspace === null || params.store === false ? null : { workspace, inputs: projectionInputs(params, tape), ...named, tapeId: tape?.id ?? null, writes: service.writes };
  const start = (title: CodedMessage, calculate: (ctx: JobContext) => Promise<Timed<ProjectionResult>>): JobInfo =>
    service.jobs.start('pool.project', title, (ctx) =>
      runThroughStore(
        plan,
        () => calculate(ctx).then(projected),
        () => service.emit({ type: 'runs.changed' }),
      ),
    );
  if (source.kind === 'lines') {
    const input = readPoolFile(source.pool);
    return start(JOB_TITLES.say('projectPoolFile', { pool: input.sourceName, lines: input.lines.length }), () => Promise.resolve(timed(() => projectInput(input, params.assumptions))));
  }
  if (!tape) throw new Error('a tape projection needs its tape');
  if (params.mode === 'repline') {
    return start(JOB_TITLES.say('projectRepline', { tape: tape.name }), () => service.queries().projectLines(tape.id, params.assumptions));
  }
  return start(JOB_TITLES.say('projectLoanLevel', { tape: tape.name }), (ctx) => runProjectionInWorker(service, tape.id, params.assumptions, ctx));
}

/** A projection job's result: the table, and beside it the time the projection took where it ran. */
function projected({ result, seconds }: Timed<ProjectionResult>): JobResultOf<'pool.project'> {
  return { kind: 'pool.project', projection: result, seconds };
}
