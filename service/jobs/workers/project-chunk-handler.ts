/**
 * A loan-level projection's chunks on a pool thread (pool-worker.ts; service/jobs/project-chunks.ts): each task is a range
 * of the pool's chunks (engine PROJECTION_CHUNK_LOANS loans each); the loans (typed arrays on
 * shared memory), the assumptions and the options are the pool's shared data, sent once per thread.
 * The pool is validated and its assumptions resolved once per call (keyed on its shared object,
 * new for every call), not per task. Each chunk comes back as its own accumulators, added in chunk
 * order on the calling thread, with what the calling thread needs of the resolved segments.
 */
import { prepareChunkProjection, projectChunks, type ChunkProjection } from '../../../engine/index.ts';
import type { ChunkRange, ChunkReply, ProjectionShare } from '../project-chunks.ts';

let current: { readonly share: ProjectionShare; readonly projection: ChunkProjection } | null = null;

function projectionOf(share: ProjectionShare): ChunkProjection {
  if (current?.share !== share) current = { share, projection: prepareChunkProjection(share.loans, share.assumptions, share.options) };
  return current.projection;
}

/** Lets go of the call's loans and resolved pool (the thread left the call). */
export function releaseProjectChunks(): void {
  current = null;
}

/** One range of chunks on this thread. */
export function projectChunkTask(range: ChunkRange, share: ProjectionShare): ChunkReply {
  const projection = projectionOf(share);
  return { chunks: projectChunks(projection, range.first, range.last), defaultsFirst: projection.defaultsFirst };
}
