/**
 * The app's warm-up of its sweep threads (docs/sweeps.md, "Warm threads in the app"). Each pool
 * thread is a V8 isolate that compiles the engine's hot code for itself, and only after about a
 * thousand deal runs does that compilation settle; a sweep on threads that have not got there runs
 * its first cells in the slower tiers while the compiler, on V8's helper threads, takes the cores'
 * spare time — which a 2-worker sweep does not have. So an open app runs, in the background, grid
 * cells of every shipped deal template on each of the pool's threads, and keeps the threads
 * (pool-idle.ts keepIdleThreads): the analyst's first grid starts on compiled code.
 *
 * The cells are real grid cells (the sweep worker, a deal's own lines, cellOverrides), stressed both
 * ways so the hot code meets the paths a real grid takes (heavy defaults and losses, triggers, slow
 * and fast prepayment); their results are thrown away. Every call is a background call (worker-pool.ts):
 * a sweep that wants a thread gets it after the cell in hand, and the warm-up then ends.
 */
import type { GridAxis, GridRequest } from '../api/contract.ts';
import { dealTemplates } from '../api/handlers/deal.ts';
import { cellOverrides } from '../runs/grid-parameters.ts';
import type { GridCellOutcome } from '../runs/grid.ts';
import { KEPT_THREADS_MAX } from './pool/pool-idle.ts';
import { poolSize } from './pool/pool-size.ts';
import { foregroundGrants } from './pool/pool-slots.ts';
import { runTasks } from './pool/worker-pool.ts';
import { sharedOf } from './sweep-job.ts';
import type { SweepTask } from './workers/sweep-handler.ts';

/** How a warm-up ended: every round run, a sweep took the threads, the service closed, or a call failed. */
export type WarmUpEnd = 'finished' | 'yielded' | 'cancelled' | 'failed';

export interface WarmUpOptions {
  /** The sweep worker module (the service's workerUrl('pool-worker'): sources, or the desktop app's bundle). */
  readonly worker: URL;
  /** Aborted when the service closes: the threads stop at once. */
  readonly signal: AbortSignal;
  /** Whether a job of the service runs now: the warm-up waits between its calls until none does. */
  readonly busy: () => boolean;
  /** Rounds over the deals (default WARM_UP_ROUNDS). */
  readonly rounds?: number;
  /** The deals warmed (default: every shipped template, templates/deals/). */
  readonly deals?: readonly GridRequest['deal'][];
}

/** Default multiplier × prepayment multiplier of each deal's cells: 3 × 2 = 6 cells, from mild to well past every note's breakeven, slow and fast prepayment. */
const DEFAULT_MULTS = [0.5, 3, 10];
const PREPAY_MULTS = [0.25, 2];

/**
 * Rounds over the templates: a round gives each thread about the 6 cells of each of the 5 templates
 * (30 cells; the long amortising deals' cells cost the most). Four rounds cost ≈ 1.1 s of CPU per
 * thread on the 2-core machine, its start-up included (docs/sweeps.md, "Warm threads in the app"); the rounds interleave the deals so the compiled code is left fitting
 * all of them, not the last one warmed.
 */
export const WARM_UP_ROUNDS = 4;

/** How often a warm-up waiting for the service's jobs looks again. */
const BUSY_POLL_MS = 100;

const axis = (parameter: GridAxis['parameter'], values: readonly number[]): GridAxis => ({ parameter, values: [...values] });

/** One call's tasks: the deal's 6 cells once per thread, so each thread runs about all of them. */
function warmUpTasks(threads: number): SweepTask[] {
  const cells = DEFAULT_MULTS.flatMap((d) =>
    PREPAY_MULTS.map((p): SweepTask => ({
      kind: 'cell',
      overrides: cellOverrides(
        {},
        [
          ['defaultMult', d],
          ['prepayMult', p],
        ],
        undefined,
      ),
    })),
  );
  return Array.from({ length: threads }, () => cells).flat();
}

/** Resolves true once no job runs, false as soon as the signal aborts. */
function whileBusy(busy: () => boolean, signal: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    let timer: NodeJS.Timeout | undefined;
    const onAbort = (): void => {
      clearTimeout(timer);
      resolve(false);
    };
    const look = (): void => {
      if (signal.aborted) resolve(false);
      else if (busy()) timer = setTimeout(look, BUSY_POLL_MS).unref();
      else {
        signal.removeEventListener('abort', onAbort);
        resolve(true);
      }
    };
    signal.addEventListener('abort', onAbort, { once: true });
    look();
  });
}

/**
 * Runs the warm-up: for each round, each deal, one background call of its cells on up to the
 * pool's size threads (at most the KEPT_THREADS_MAX the app keeps); between calls, waits while a job of the service runs. Resolves how it ended
 * ('yielded' once any other call has had pool threads, during a call or between two: the sweep's
 * own cells warm them further); a failed call rejects (the service logs it once and stops warming).
 */
export async function warmSweepThreads(options: WarmUpOptions): Promise<WarmUpEnd> {
  const deals = options.deals ?? dealTemplates().map((template) => template.deal);
  const rounds = options.rounds ?? WARM_UP_ROUNDS;
  // The threads the app keeps (pool-idle.ts KEPT_THREADS_MAX): a thread warmed beyond them would stop after the idle timeout.
  const threads = Math.min(poolSize(), KEPT_THREADS_MAX);
  const tasks = warmUpTasks(threads);
  const grants = foregroundGrants();
  for (let round = 0; round < rounds; round += 1) {
    for (const deal of deals) {
      if (!(await whileBusy(options.busy, options.signal))) return 'cancelled';
      // A sweep had the threads between two calls (it came while none ran): it ends the warm-up as a yield does.
      if (foregroundGrants() !== grants) return 'yielded';
      const request: GridRequest = { deal, rows: axis('defaultMult', DEFAULT_MULTS), columns: axis('prepayMult', PREPAY_MULTS) };
      const outcome = await runTasks<SweepTask, GridCellOutcome>(tasks, {
        worker: options.worker,
        shared: sharedOf(request, { workspacePath: null, tapeId: null }),
        signal: options.signal,
        jobs: threads,
        background: true,
      });
      if (outcome.yielded) return 'yielded';
    }
  }
  return 'finished';
}
