import type { AppEvent, JobInfo, JobProgress } from '../service/api/contract.ts';
import type { Service } from '../service/service.ts';

/**
 * A progress bar on stderr: redrawn in place on a terminal, one line per 10% otherwise
 * (so logs and CI output stay readable).
 */
export class ProgressBar {
  readonly #stream: NodeJS.WriteStream;
  readonly #label: string;
  #lastDecile = -1;
  #drawn = false;

  constructor(stream: NodeJS.WriteStream, label: string) {
    this.#stream = stream;
    this.#label = label;
  }

  update(progress: JobProgress): void {
    const pct = progress.fraction === null ? null : Math.min(100, Math.floor(progress.fraction * 100));
    const rate = progress.rate ? ` · ${Math.round(progress.rate).toLocaleString('en-US')} ${progress.unit}/s` : '';
    const counts = `${progress.done.toLocaleString('en-US')} ${progress.unit}`;
    if (this.#stream.isTTY) {
      const width = 24;
      const filled = pct === null ? 0 : Math.round((pct / 100) * width);
      const bar = pct === null ? '·'.repeat(width) : `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
      this.#stream.write(`\r${this.#label} ${bar} ${pct === null ? '' : `${pct}% `}${counts}${rate}   `);
      this.#drawn = true;
      return;
    }
    const decile = pct === null ? Math.floor(progress.done / 100_000) : Math.floor(pct / 10);
    if (decile === this.#lastDecile) return;
    this.#lastDecile = decile;
    this.#stream.write(`${this.#label}: ${pct === null ? '' : `${pct}% · `}${counts}${rate}\n`);
  }

  done(): void {
    if (this.#drawn) this.#stream.write('\n');
    this.#drawn = false;
  }
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
    return await service.jobs.wait(job.id);
  } finally {
    bar?.done();
    service.events.off('event', onEvent);
    process.off('SIGINT', onSigint);
  }
}
