/**
 * A pool thread of a loan-level projection (service/jobs/project-chunks.ts): each task is a range
 * of the pool's chunks (engine PROJECTION_CHUNK_LOANS loans each); the loans (typed arrays on
 * shared memory), the assumptions and the options are the pool's shared data, sent once per thread.
 * Each chunk comes back as its own accumulators, added in chunk order on the calling thread.
 */
import { projectChunks, type ChunkAccumulators } from '../../../engine/index.ts';
import type { ChunkRange, ProjectionShare } from '../project-chunks.ts';
import { serveTasks } from '../pool/pool-thread.ts';

serveTasks<ChunkRange, ChunkAccumulators[], ProjectionShare>((range, share) => projectChunks(share.loans, share.assumptions, share.options, range.first, range.last));
