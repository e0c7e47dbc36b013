import { readdirSync, readFileSync } from 'node:fs';

/**
 * CPU seconds of this process's threads by kind, read from Linux's /proc/self/task/<tid>/stat
 * (utime + stime, in clock ticks of 1/100 s): where a parallel run's CPU goes. V8 names its helper
 * threads (parallel and concurrent garbage collection, background compilation) "V8Worker" (Node
 * prefixes "node-"), Node's worker_threads "WorkerThread", the main thread is the process's own id;
 * anything else (libuv's pool, the inspector, signal handling) is "other". null off Linux.
 */
export interface ThreadCpu {
  readonly main: number;
  readonly workers: number;
  readonly v8Helpers: number;
  readonly other: number;
}

const TICKS_PER_SECOND = 100;

/** Per thread id: its name and CPU seconds so far. */
function readThreads(): Map<string, { name: string; seconds: number }> | null {
  let ids: string[];
  try {
    ids = readdirSync('/proc/self/task');
  } catch {
    return null;
  }
  const threads = new Map<string, { name: string; seconds: number }>();
  for (const id of ids) {
    let stat: string;
    try {
      stat = readFileSync(`/proc/self/task/${id}/stat`, 'utf8');
    } catch {
      continue; // the thread ended between the listing and the read
    }
    // "tid (name) state …": the name may hold spaces or parentheses, so split at the last ')'.
    const close = stat.lastIndexOf(')');
    const fields = stat.slice(close + 2).split(' ');
    // After the name: state is field 3 of stat(5), utime 14 and stime 15 — here indices 0, 11 and 12.
    threads.set(id, { name: stat.slice(stat.indexOf('(') + 1, close), seconds: (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND });
  }
  return threads;
}

function kindOf(id: string, name: string): keyof ThreadCpu {
  if (id === String(process.pid)) return 'main';
  if (name.includes('V8Worker')) return 'v8Helpers';
  if (name === 'WorkerThread') return 'workers';
  return 'other';
}

/** Starts counting; the returned function gives the CPU seconds each kind of thread used since (threads that ended meanwhile are not seen). */
export function threadCpuSince(): () => ThreadCpu | null {
  const before = readThreads();
  return () => {
    const after = readThreads();
    if (before === null || after === null) return null;
    const sums: Record<keyof ThreadCpu, number> = { main: 0, workers: 0, v8Helpers: 0, other: 0 };
    for (const [id, thread] of after) sums[kindOf(id, thread.name)] += thread.seconds - (before.get(id)?.seconds ?? 0);
    return sums;
  };
}
