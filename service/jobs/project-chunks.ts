/**
 * A loan-level projection split across the worker pool (service/jobs/pool/worker-pool.ts): the
 * pool's loans go to the threads once, on shared memory; each task projects a range of the
 * engine's fixed chunks (PROJECTION_CHUNK_LOANS loans) into per-chunk accumulators, and the chunks
 * are added in chunk order here (engine addChunks) — so the figures are those of projectPool on one
 * thread, to the bit, for any number of threads.
 */
import {
  addChunks,
  loanCount,
  projectionChunkCount,
  projectPool,
  PROJECTION_CHUNK_LOANS,
  type ChunkAccumulators,
  type LoanArrays,
  type PoolAssumptions,
  type PoolCashFlows,
  type ProjectionOptions,
} from '../../engine/index.ts';
import { runTasks } from './pool/worker-pool.ts';
import type { PoolWork } from './workers/pool-work.ts';

/** Chunks first … last − 1 (engine projectChunks). */
export interface ChunkRange {
  readonly first: number;
  readonly last: number;
}

/** What every thread of one projection gets once: the loans on shared memory, the assumptions, the options (no callbacks). */
export interface ProjectionShare {
  readonly loans: LoanArrays;
  readonly assumptions: PoolAssumptions;
  readonly options: Omit<ProjectionOptions, 'onProgress'>;
}

/** A task's answer: its chunks' accumulators, and ChunkProjection.defaultsFirst (the same from every thread). */
export interface ChunkReply {
  readonly chunks: ChunkAccumulators[];
  readonly defaultsFirst: boolean;
}

/**
 * Chunks per task: one. A chunk of 1M × 36 months is ≈ 30 ms of a thread and its reply ≈ 5.5 KB, so
 * a task's round trip costs nothing; with two chunks a task, the thread that drew the last full
 * task finished up to ≈ 60 ms after the other, one chunk halves that tail.
 */
const CHUNKS_PER_TASK = 1;

export interface ProjectChunksOptions {
  /** At most this many pool threads (else the pool's size); the figures are the same for any number. */
  readonly jobs?: number;
  readonly signal?: AbortSignal;
  /** Called with (loans projected, loans in all) after each task. */
  readonly onProgress?: (done: number, total: number) => void;
}

/** A copy of a typed array on a SharedArrayBuffer: threads read it without a copy of their own. */
function shared<A extends Float64Array | Uint16Array | Uint8Array>(array: A, make: (buffer: SharedArrayBuffer) => A): A {
  if (array.buffer instanceof SharedArrayBuffer) return array;
  const copy = make(new SharedArrayBuffer(array.byteLength));
  copy.set(array);
  return copy;
}

const f64 = (a: Float64Array): Float64Array => shared(a, (b) => new Float64Array(b));
const u16 = (a: Uint16Array): Uint16Array => shared(a, (b) => new Uint16Array(b));
const u8 = (a: Uint8Array): Uint8Array => shared(a, (b) => new Uint8Array(b));

/** The loans with every array on shared memory (arrays already there are kept). */
export function sharedLoans(loans: LoanArrays): LoanArrays {
  return {
    ...loans,
    currentPrincipal: f64(loans.currentPrincipal),
    originalPrincipal: f64(loans.originalPrincipal),
    rateAnnual: f64(loans.rateAnnual),
    originalTerm: u16(loans.originalTerm),
    remainingTerm: u16(loans.remainingTerm),
    ageMonths: u16(loans.ageMonths),
    amortization: u8(loans.amortization),
    delinquency: u8(loans.delinquency),
    overduePrincipal: f64(loans.overduePrincipal),
    overdueInterest: f64(loans.overdueInterest),
    segment: u8(loans.segment),
    restructured: f64(loans.restructured),
  };
}

/**
 * projectPool's cash flows for a pool whose loans all start in month 1, projected on the worker
 * pool (`worker`: service/jobs/workers/pool-worker.ts). Byte-identical to projectPool.
 */
export async function projectOnThreads(worker: URL, loans: LoanArrays, assumptions: PoolAssumptions, options: ProjectionOptions, run: ProjectChunksOptions = {}): Promise<PoolCashFlows> {
  const { onProgress: _progress, ...plain } = options;
  const count = loanCount(loans);
  const chunks = projectionChunkCount(count);
  if (chunks === 0) return projectPool(loans, assumptions, plain);
  const tasks: ChunkRange[] = [];
  for (let first = 0; first < chunks; first += CHUNKS_PER_TASK) tasks.push({ first, last: Math.min(chunks, first + CHUNKS_PER_TASK) });
  const share: ProjectionShare = { loans: sharedLoans(loans), assumptions, options: plain };
  const { onProgress } = run;
  const replies = await runTasks<ChunkRange, ChunkReply>(tasks, {
    worker,
    shared: { work: 'projectChunks', data: share } satisfies PoolWork<ProjectionShare>,
    ...(run.jobs !== undefined ? { jobs: run.jobs } : {}),
    ...(run.signal ? { signal: run.signal } : {}),
    ...(onProgress ? { onDone: (done: number) => onProgress(Math.min(count, done * CHUNKS_PER_TASK * PROJECTION_CHUNK_LOANS), count) } : {}),
  });
  return addChunks(
    loans,
    replies.every((reply) => reply.defaultsFirst),
    replies.flatMap((reply) => reply.chunks),
  );
}
