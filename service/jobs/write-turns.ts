import { UserError } from '../../data/errors.ts';

/**
 * The app's writes to the workspace take turns. SQLite lets one connection write at a time, and
 * an import holds the write lock for its whole transaction (seconds for a large tape, on the
 * writer thread's connection). A save on the main connection that met that lock would spin in
 * SQLite's busy handler — freezing every call the main thread serves — and after 5 s fail as if
 * another program held the file. So every write the service makes (an import for its whole
 * transaction; a save, rename or delete) runs in its turn, first come first served, and a later
 * one waits without blocking. Only a writer outside the app can still meet a busy workspace.
 */
export class WriteTurns {
  /** Settles when the last turn handed out has ended; never rejects. */
  #last: Promise<void> = Promise.resolve();
  /** Turns handed out and not yet ended (the one running and those waiting). */
  #open = 0;

  /** A write is running or waiting: a new one will wait. */
  get busy(): boolean {
    return this.#open > 0;
  }

  /**
   * Runs `write` once every earlier turn has ended; its result or error is the caller's. Aborting
   * `signal` while still waiting gives up the turn (CANCELLED with `cancelled`) without running.
   */
  async run<T>(write: () => T | Promise<T>, wait?: { readonly signal: AbortSignal; readonly cancelled: string }): Promise<T> {
    const earlier = this.#last;
    const turn: { end?: () => void } = {};
    this.#last = new Promise<void>((resolve) => (turn.end = resolve));
    this.#open++;
    try {
      await (wait ? untilAborted(earlier, wait.signal, wait.cancelled) : earlier);
      return await write();
    } finally {
      // A turn given up while waiting still ends only after the earlier ones: the order holds.
      void earlier.then(() => {
        this.#open--;
        turn.end?.();
      });
    }
  }
}

function untilAborted(earlier: Promise<void>, signal: AbortSignal, cancelled: string): Promise<void> {
  if (signal.aborted) return Promise.reject(new UserError('CANCELLED', cancelled));
  return new Promise<void>((resolve, reject) => {
    const onAbort = (): void => reject(new UserError('CANCELLED', cancelled));
    signal.addEventListener('abort', onAbort, { once: true });
    void earlier.then(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    });
  });
}
