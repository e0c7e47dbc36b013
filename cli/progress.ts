import type { AppEvent, JobInfo, JobProgress } from '../service/api/contract.ts';
import type { Service } from '../service/service.ts';
import { progressCountsIn } from '../messages/progress.ts';

/** The least time between two progress lines off a terminal, when the job gives no fraction to count tenths of. */
export const PROGRESS_LINE_INTERVAL_MS = 1000;

/**
 * A progress bar on stderr: redrawn in place on a terminal. Otherwise (a log, CI, a pipe) one line
 * per tenth of the way when the job knows its total, else one line per change in the count at
 * most once a second (the count a job without a total reports — scenarios run, rows read — moves
 * in steps of any size); and at the end the last count the job reported, when no line said it yet,
 * so the log ends on how far the job got ("report: 7 scenarios", not the first step's "1 scenario").
 * Counts are said as the screens say them, in English (messages/progress.ts).
 */
export class ProgressBar {
  readonly #stream: Pick<NodeJS.WriteStream, 'isTTY' | 'write'>;
  readonly #label: string;
  readonly #now: () => number;
  #lastDecile = -1;
  #lastLineAt = Number.NEGATIVE_INFINITY;
  /** The count the last line said, and the newest progress not yet said. */
  #lastDone: number | null = null;
  #unsaid: JobProgress | null = null;
  #drawn = false;

  constructor(stream: Pick<NodeJS.WriteStream, 'isTTY' | 'write'>, label: string, now: () => number = () => performance.now()) {
    this.#stream = stream;
    this.#label = label;
    this.#now = now;
  }

  update(progress: JobProgress): void {
    const pct = percentOf(progress);
    if (this.#stream.isTTY) {
      const width = 24;
      const filled = pct === null ? 0 : Math.round((pct / 100) * width);
      const bar = pct === null ? '·'.repeat(width) : `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
      this.#stream.write(`\r${this.#label} ${bar} ${pct === null ? '' : `${pct}% `}${countsOf(progress)}   `);
      this.#drawn = true;
      return;
    }
    if (progress.done === this.#lastDone && this.#lastDecile === (pct === null ? -1 : Math.floor(pct / 10))) return;
    const first = this.#lastDone === null;
    const due = pct === null ? this.#now() - this.#lastLineAt >= PROGRESS_LINE_INTERVAL_MS : Math.floor(pct / 10) !== this.#lastDecile;
    if (first || due) this.#line(progress);
    else this.#unsaid = progress;
  }

  /** Ends the bar: a terminal's line is drawn at the last count and closed; off a terminal, the last count is said if no line said it (`last`: the job's final progress, when known). */
  done(last: JobProgress | null = null): void {
    // The job's events are throttled (service/jobs/job-manager.ts): its last count may not have been drawn.
    if (this.#drawn && last !== null) this.update(last);
    if (this.#drawn) this.#stream.write('\n');
    this.#drawn = false;
    if (this.#stream.isTTY) return;
    const final = last ?? this.#unsaid;
    if (final !== null && final.done !== this.#lastDone) this.#line(final);
    this.#unsaid = null;
  }

  #line(progress: JobProgress): void {
    const pct = percentOf(progress);
    this.#lastDone = progress.done;
    this.#lastDecile = pct === null ? -1 : Math.floor(pct / 10);
    this.#lastLineAt = this.#now();
    this.#unsaid = null;
    this.#stream.write(`${this.#label}: ${pct === null ? '' : `${pct}% · `}${countsOf(progress)}\n`);
  }
}

const percentOf = (progress: JobProgress): number | null => (progress.fraction === null ? null : Math.min(100, Math.floor(progress.fraction * 100)));

/** "1 scenario", "7 scenarios", "1,200 rows · 350,000 rows/s". */
function countsOf(progress: JobProgress): string {
  return progressCountsIn('en', progress);
}

/** Waits for a job, drawing its progress; Ctrl+C cancels it (an import rolls back). */
export async function followJob(service: Service, job: JobInfo, label: string, quiet: boolean): Promise<JobInfo> {
  const bar = quiet ? null : new ProgressBar(process.stderr, label);
  const onEvent = (event: AppEvent): void => {
    if (event.type === 'job.updated' && event.job.id === job.id && event.job.progress) bar?.update(event.job.progress);
  };
  const onSigint = (): void => {
    service.jobs.cancel(job.id);
  };
  service.events.on('event', onEvent);
  process.once('SIGINT', onSigint);
  try {
    const finished = await service.jobs.wait(job.id);
    bar?.done(finished.progress);
    return finished;
  } finally {
    bar?.done();
    service.events.off('event', onEvent);
    process.off('SIGINT', onSigint);
  }
}
