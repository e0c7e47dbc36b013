import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT } from '../../helpers/repo.ts';
import { check, type Random } from '../harness.ts';

const ABS = join(REPO_ROOT, 'bin', 'abs.js');

export interface KilledRun {
  /** True when SIGKILL ended the command; false when it finished before the kill fell. */
  readonly killed: boolean;
  readonly status: number | null;
  readonly stderr: string;
}

/** When the kill's delay starts: at the spawn, or once the operation is seen under way (a file appears). */
export type KillClock = { readonly from: 'spawn' } | { readonly from: 'started'; readonly started: () => boolean };

const POLL_MS = 2;

/**
 * Runs the real `abs` command in a child and SIGKILLs it `delayMs` after the spawn, or after the
 * operation was seen starting (kill -9: no handler, no cleanup, worker threads die with it). A
 * command that finishes first is reported as such.
 */
export function absKilledAfter(args: readonly string[], delayMs: number, env: Readonly<Record<string, string>> = {}, clock: KillClock = { from: 'spawn' }): Promise<KilledRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [ABS, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    let timer: NodeJS.Timeout | undefined;
    const arm = (): void => {
      timer = setTimeout(() => child.kill('SIGKILL'), delayMs);
    };
    const poll =
      clock.from === 'started'
        ? setInterval(() => {
            if (!clock.started()) return;
            clearInterval(poll);
            arm();
          }, POLL_MS)
        : undefined;
    if (clock.from === 'spawn') arm();
    child.on('error', reject);
    child.on('exit', (status, signal) => {
      clearTimeout(timer);
      clearInterval(poll);
      resolve({ killed: signal === 'SIGKILL', status, stderr });
    });
  });
}

/** How long a complete run took from the spawn, and from when it was seen starting. */
export interface Calibration {
  readonly fullMs: number;
  readonly operationMs: number;
}

/**
 * One complete run of the command, timed. Each trial's next operation is such a run, so the kills
 * are spread over the latest run's timing: on a shared machine a run's time drifts with the load.
 */
export async function timedRun(args: readonly string[], started: () => boolean): Promise<Calibration & { status: number | null; stderr: string }> {
  const spawned = performance.now();
  let seen: number | null = null;
  const poll = setInterval(() => {
    if (seen === null && started()) seen = performance.now();
  }, POLL_MS);
  const run = await absKilledAfter(args, 10 * 60_000);
  clearInterval(poll);
  const ended = performance.now();
  return { fullMs: ended - spawned, operationMs: ended - (seen ?? spawned), status: run.status, stderr: run.stderr };
}

/** The first timing, from a run that must succeed. */
export async function calibrate(args: readonly string[], started: () => boolean): Promise<Calibration> {
  const run = await timedRun(args, started);
  if (run.status !== 0) throw new Error(`calibration run abs ${args.join(' ')} failed (${run.status}): ${run.stderr}`);
  return run;
}

/** Half the trials at a random moment of the whole command, half at a random moment after the operation was seen starting. */
export function randomKill(random: Random, calibration: Calibration, started: () => boolean): { delayMs: number; clock: KillClock; label: string } {
  if (random.chance(0.5)) return { delayMs: random.next() * calibration.fullMs, clock: { from: 'spawn' }, label: 'from spawn' };
  return { delayMs: random.next() * calibration.operationMs, clock: { from: 'started', started }, label: 'in the operation' };
}

/**
 * Opens a workspace file as the next program would (the WAL a kill left is recovered), checks
 * `PRAGMA integrity_check` and hands the connection to `read`.
 */
export function withCheckedDb<T>(file: string, read: (db: Database.Database) => T): T {
  const db = new Database(file, { timeout: 0 });
  try {
    const integrity = db.pragma('integrity_check', { simple: true });
    check(integrity === 'ok', `PRAGMA integrity_check of ${file} = ${String(integrity)}`);
    return read(db);
  } finally {
    db.close();
  }
}

export interface TapeCounts {
  readonly id: number;
  readonly rowsImported: number;
  readonly loans: number;
}

/** Each tape with its recorded row count and the loans it really holds. */
export function tapeCounts(db: Database.Database): TapeCounts[] {
  return db.prepare<[], TapeCounts>('SELECT t.id AS id, t.rows_imported AS rowsImported, (SELECT count(*) FROM loans l WHERE l.tape_id = t.id) AS loans FROM tapes t ORDER BY t.id').all();
}
