import type { ImportProgress } from '../types.ts';

/** Rows counted so far, as the progress events report them. */
export interface RowCounts {
  readonly rowsRead: number;
  readonly rowsRejected: number;
}

/** Progress events at most every 200 ms (the import runs synchronously between file chunks), and always at the end. */
export class ProgressReporter {
  /** 0–1 when the total is known (CSV: by bytes), else null. */
  #fraction: number | null = null;
  #last = 0;
  readonly #onProgress: ((progress: ImportProgress) => void) | undefined;
  readonly #started: number;
  readonly #rows: RowCounts;

  /** `started`: performance.now() when the import began. */
  constructor(onProgress: ((progress: ImportProgress) => void) | undefined, started: number, rows: RowCounts) {
    this.#onProgress = onProgress;
    this.#started = started;
    this.#rows = rows;
  }

  /** CSV: `read` of the file's `total` bytes read. */
  bytes(read: number, total: number): void {
    this.#fraction = total > 0 ? read / total : null;
    this.report(false);
  }

  report(force: boolean): void {
    if (!this.#onProgress) return;
    const t = performance.now();
    if (!force && t - this.#last < 200) return;
    this.#last = t;
    const elapsed = (t - this.#started) / 1000;
    const { rowsRead, rowsRejected } = this.#rows;
    this.#onProgress({ rowsRead, rowsRejected, fraction: this.#fraction, rowsPerSecond: elapsed > 0 ? rowsRead / elapsed : 0, elapsedSeconds: elapsed });
  }

  /** The whole file is read: the last event says so. */
  finished(): void {
    this.#fraction = 1;
    this.report(true);
  }
}
