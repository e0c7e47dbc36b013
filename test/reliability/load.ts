/**
 * Load: the real HTTP transport (`npm run web`'s server: token, Host check, JSON invoke, uploads)
 * on a real workspace file with a sample tape uploaded and imported, then rounds of 20 API calls
 * fired at once — deal runs, a breakeven search, projections, a second import (a write job),
 * assumption saves and lists, tape lists, pool summaries and strats. Every call, and every job
 * it starts, must succeed: no `database is locked`, no WORKSPACE_BUSY, no lost save.
 */
import Database from 'better-sqlite3';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { ApiError, ApiResult, AssumptionFile, DealTemplate, JobInfo } from '../../service/api/contract.ts';
import { FILE_NAME_HEADER, TOKEN_HEADER } from '../../service/api/contract.ts';
import { Service } from '../../service/service.ts';
import { startHttpTransport, type HttpTransport } from '../../service/transport/http.ts';
import { errorText, inTempDir, sampleCsv, stopwatch, type FamilyFigures, type FamilySize, type TrialFailure } from './load-support.ts';

const SIZES = {
  small: { loans: 2_000, rounds: 1, importLoans: 1_000 },
  // Each round's import holds the write lock for seconds: the saves fired with it must wait for it, not fail.
  full: { loans: 20_000, rounds: 10, importLoans: 250_000 },
} as const;
const CONCURRENT_CALLS = 20;
/** A job still running after this long counts as hung. */
const JOB_DEADLINE_MS = 120_000;

/** A client of the API as the page is: the per-launch token in its header, JSON over POST. */
class ApiClient {
  readonly #http: HttpTransport;
  constructor(http: HttpTransport) {
    this.#http = http;
  }

  async call<T>(method: string, params: unknown): Promise<ApiResult<T>> {
    const response = await fetch(`${this.#http.origin}/api/invoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [TOKEN_HEADER]: this.#http.token },
      body: JSON.stringify({ method, params }),
    });
    if (response.status !== 200) return { ok: false, error: { code: `HTTP_${response.status}`, message: await response.text() } };
    return (await response.json()) as ApiResult<T>;
  }

  async upload(path: string): Promise<ApiResult<{ uploadId: string }>> {
    const response = await fetch(`${this.#http.origin}/api/upload`, {
      method: 'POST',
      headers: { [TOKEN_HEADER]: this.#http.token, [FILE_NAME_HEADER]: encodeURIComponent(basename(path)) },
      body: readFileSync(path),
    });
    return (await response.json()) as ApiResult<{ uploadId: string }>;
  }

  /** Polls a job over HTTP until it has finished (as the page does when its event stream drops). */
  async finished(job: JobInfo): Promise<JobInfo> {
    const deadline = Date.now() + JOB_DEADLINE_MS;
    let current = job;
    while (current.state === 'running') {
      if (Date.now() > deadline) throw new Error(`job ${job.title} still running after ${JOB_DEADLINE_MS / 1000} s`);
      await new Promise((resolve) => setTimeout(resolve, 50));
      const next = await this.call<JobInfo>('job.get', { id: job.id });
      if (!next.ok) throw new Error(`job.get: ${next.error.code} ${next.error.message}`);
      current = next.value;
    }
    return current;
  }
}

function unwrap<T>(result: ApiResult<T>, what: string): T {
  if (!result.ok) throw new Error(`${what}: ${result.error.code} ${result.error.message}`);
  return result.value;
}

interface Call {
  readonly name: string;
  readonly method: string;
  readonly params: unknown;
  /** The call starts a job, which must succeed too. */
  readonly job: boolean;
}

/**
 * The 20 calls of one round, in the mix an analyst's session makes (several tabs, one workspace),
 * the import first: the other 19 are fired together once it is writing. One pool summary is of the tape the previous round imported, never viewed: its summary is
 * computed and kept while this round's import holds the write lock.
 */
function roundCalls(round: number, importLoans: number, tapeId: number, freshTapeId: number, templates: readonly DealTemplate[], assumptions: AssumptionFile): Call[] {
  const tape = { tapeId };
  const calls: Call[] = [{ name: 'tape.importSample (a write job)', method: 'tape.importSample', params: { loans: importLoans, seed: 1_000 + round }, job: true }];
  templates.slice(0, 4).forEach((t, i) => calls.push({ name: `deal.run ${t.id}`, method: 'deal.run', params: { deal: t.deal, ...tape, mode: i % 2 === 0 ? 'repline' : 'loan' }, job: true }));
  const first = templates[0];
  if (first) calls.push({ name: 'deal.breakeven', method: 'deal.breakeven', params: { deal: first.deal, ...tape }, job: true });
  calls.push({ name: 'pool.project loan', method: 'pool.project', params: { source: { kind: 'tape', tapeId }, assumptions, mode: 'loan' }, job: true });
  calls.push({ name: 'pool.project repline', method: 'pool.project', params: { source: { kind: 'tape', tapeId }, assumptions, mode: 'repline' }, job: true });
  for (let i = 0; i < 3; i++) calls.push({ name: `assumptions.save load-${round}-${i}`, method: 'assumptions.save', params: { name: `load-${round}-${i}`, assumptions }, job: false });
  for (let i = 0; i < 2; i++) calls.push({ name: 'assumptions.list', method: 'assumptions.list', params: {}, job: false });
  for (let i = 0; i < 3; i++) calls.push({ name: 'tape.list', method: 'tape.list', params: {}, job: false });
  calls.push({ name: 'pool.summary', method: 'pool.summary', params: tape, job: false });
  calls.push({ name: `pool.summary of tape ${freshTapeId} (first view)`, method: 'pool.summary', params: { tapeId: freshTapeId }, job: false });
  calls.push({ name: 'pool.strat rate', method: 'pool.strat', params: { ...tape, by: 'rate' }, job: false });
  calls.push({ name: 'job.list', method: 'job.list', params: {}, job: false });
  return calls.slice(0, CONCURRENT_CALLS);
}

const isLockError = (error: ApiError | null): boolean => error !== null && (error.code === 'WORKSPACE_BUSY' || /database is locked|busy/i.test(error.message));

/** One call and, when it starts a job, the job to its end: problem null when it held, else what went wrong. */
interface Outcome {
  readonly problem: string | null;
  readonly lock: boolean;
  /** How long the call itself took to answer (a job's start, not its run). */
  readonly answerSeconds: number;
  /** The tape an import stored. */
  readonly tapeId?: number;
}

const failed = (problem: string, answerSeconds: number): Outcome => ({ problem, lock: /database is locked|busy/i.test(problem), answerSeconds });

async function jobOutcome(client: ApiClient, job: JobInfo, answerSeconds: number): Promise<Outcome> {
  try {
    const done = await client.finished(job);
    const tapeId = done.result?.kind === 'tape.import' ? done.result.report.tapeId : null;
    if (done.state === 'succeeded') return { problem: null, lock: false, answerSeconds, ...(tapeId !== null ? { tapeId } : {}) };
    return { problem: `job ${done.state}: ${done.error?.code ?? ''} ${done.error?.message ?? ''}`, lock: isLockError(done.error), answerSeconds };
  } catch (error) {
    return failed(errorText(error), answerSeconds);
  }
}

/** Makes the call: the job it started (to follow further), else the call's outcome. */
async function attempt(client: ApiClient, call: Call): Promise<{ outcome: Outcome } | { job: JobInfo; answerSeconds: number }> {
  const answered = stopwatch();
  try {
    const result = await client.call<JobInfo>(call.method, call.params);
    const answerSeconds = answered();
    if (!result.ok) return { outcome: { problem: `${result.error.code}: ${result.error.message}`, lock: isLockError(result.error), answerSeconds } };
    return call.job ? { job: result.value, answerSeconds } : { outcome: { problem: null, lock: false, answerSeconds } };
  } catch (error) {
    return { outcome: failed(errorText(error), answered()) };
  }
}

async function outcomeOf(client: ApiClient, call: Call): Promise<Outcome> {
  const started = await attempt(client, call);
  return 'outcome' in started ? started.outcome : jobOutcome(client, started.job, started.answerSeconds);
}

/** Polls an import until its transaction is open (its first rows read) or it has ended. */
async function untilWriting(client: ApiClient, job: JobInfo): Promise<void> {
  let current = job;
  while (current.state === 'running' && (current.progress?.done ?? 0) === 0) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    const next = await client.call<JobInfo>('job.get', { id: job.id });
    if (!next.ok) return;
    current = next.value;
  }
}

/** One round: the import started and writing, then the other calls at once; every outcome, the import's first. */
async function playRound(client: ApiClient, calls: readonly Call[]): Promise<Outcome[]> {
  const [write, ...others] = calls;
  if (!write) return [];
  const started = await attempt(client, write);
  if ('job' in started) await untilWriting(client, started.job);
  const writeOutcome = 'outcome' in started ? Promise.resolve(started.outcome) : jobOutcome(client, started.job, started.answerSeconds);
  return Promise.all([writeOutcome, ...others.map((call) => outcomeOf(client, call))]);
}

interface Session {
  readonly client: ApiClient;
  readonly tapeId: number;
  readonly workspacePath: string;
  readonly templates: readonly DealTemplate[];
  readonly assumptions: AssumptionFile;
}

/** The workspace opened and the tape uploaded and imported over HTTP, as the browser does it. */
async function openSession(client: ApiClient, dir: string, loans: number): Promise<Session> {
  const info = unwrap(await client.call<{ path: string }>('workspace.open', { path: 'load.sqlite' }), 'workspace.open');
  const tapeFile = await sampleCsv(dir, loans, 17);
  const upload = unwrap(await client.upload(tapeFile), 'upload');
  const job = unwrap(await client.call<JobInfo>('tape.import', { source: { kind: 'upload', uploadId: upload.uploadId }, mode: 'keepValid' }), 'tape.import');
  const imported = await client.finished(job);
  const report = imported.result?.kind === 'tape.import' ? imported.result.report : null;
  if (!report || report.tapeId === null) throw new Error(`import ${imported.state}: ${imported.error?.message ?? 'no tape stored'}`);
  return {
    client,
    tapeId: report.tapeId,
    workspacePath: info.path,
    templates: unwrap(await client.call<DealTemplate[]>('deal.templates', {}), 'deal.templates'),
    assumptions: unwrap(await client.call<AssumptionFile>('assumptions.example', {}), 'assumptions.example'),
  };
}

/** After the load: the file is sound, and every save of every round is there. */
function checkWorkspace(path: string, expectedSets: number): string | null {
  const db = new Database(path, { readonly: true });
  try {
    const integrity = db.pragma('integrity_check', { simple: true });
    const sets = (db.prepare("SELECT count(*) AS n FROM assumption_sets WHERE name LIKE 'load-%'").get() as { n: number }).n;
    if (integrity !== 'ok') return `integrity_check: ${String(integrity)}`;
    return sets === expectedSets ? null : `${sets} assumption sets saved, expected ${expectedSets}`;
  } finally {
    db.close();
  }
}

export async function run(size: FamilySize): Promise<FamilyFigures> {
  const { loans, rounds, importLoans } = SIZES[size];
  const elapsed = stopwatch();
  return inTempDir('abs-reliability-load-', async (dir) => {
    const renderer = join(dir, 'renderer');
    mkdirSync(renderer);
    writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>ABS</title>');
    mkdirSync(join(dir, 'workspaces'));
    const service = new Service({ transport: 'http', workspaceFolder: join(dir, 'workspaces') });
    const http = await startHttpTransport({ service, rendererDir: renderer });
    const failures: TrialFailure[] = [];
    let trials = 0;
    let lockErrors = 0;
    let slowestAnswer = 0;
    const roundSeconds: number[] = [];
    try {
      const session = await openSession(new ApiClient(http), dir, loans);
      let freshTapeId = session.tapeId;
      for (let round = 0; round < rounds; round++) {
        const roundClock = stopwatch();
        const calls = roundCalls(round, importLoans, session.tapeId, freshTapeId, session.templates, session.assumptions);
        const outcomes = await playRound(session.client, calls);
        slowestAnswer = Math.max(slowestAnswer, ...outcomes.map((outcome) => outcome.answerSeconds));
        freshTapeId = outcomes.find((outcome) => outcome.tapeId !== undefined)?.tapeId ?? freshTapeId;
        roundSeconds.push(roundClock());
        outcomes.forEach((outcome, i) => {
          trials++;
          if (outcome.lock) lockErrors++;
          if (outcome.problem !== null) failures.push({ trial: `round ${round + 1}: ${calls[i]?.name ?? '?'}`, problem: outcome.problem });
        });
      }
      await http.close();
      await service.close();
      const problem = checkWorkspace(session.workspacePath, rounds * 3);
      trials++;
      if (problem !== null) failures.push({ trial: 'workspace after the load', problem });
    } catch (error) {
      failures.push({ trial: 'session setup', problem: errorText(error) });
    } finally {
      await http.close();
      await service.close();
    }
    return {
      family: 'load',
      size,
      trials,
      survived: trials - failures.length,
      failures,
      seconds: elapsed(),
      tapeLoans: loans,
      importLoansPerRound: importLoans,
      rounds,
      concurrentCalls: CONCURRENT_CALLS,
      lockErrors,
      slowestRoundSeconds: Math.max(0, ...roundSeconds),
      // A save waits for the import's commit (its turn), so the slowest answer is about one import long.
      slowestAnswerSeconds: slowestAnswer,
    };
  });
}
