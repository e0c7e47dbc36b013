/**
 * The menu's commands on their way to the page (electron/menu.ts → IPC.menuCommand), held while the
 * page cannot carry them out. A message main sends before the page has subscribed is lost: at start
 * (the window loads; on macOS its menu works before the window shows), after View ▸ Reload, after a
 * crashed renderer. So main sends a command only to a page that said it is ready (IPC.menuReady:
 * renderer/app/desktop-shell.ts, once it listens and its language is loaded), and keeps the
 * commands given before that, in order, for the moment it says so. Each new document must say so
 * again. Pure, without Electron, so test/ runs it in Node and, in place of main, in Chromium.
 */
export class PageCommands<Command> {
  readonly #deliver: (command: Command) => void;
  #pageReady = false;
  #waiting: Command[] = [];

  /** `deliver` sends one command to the page (main: the window's webContents.send on IPC.menuCommand). */
  constructor(deliver: (command: Command) => void) {
    this.#deliver = deliver;
  }

  /**
   * A menu item chosen: to a ready page at once; else it waits. A command already waiting is not
   * queued twice (a shortcut pressed again while the page loads opens one dialog, not two).
   */
  send(command: Command): void {
    if (this.#pageReady) this.#deliver(command);
    else if (!this.#waiting.includes(command)) this.#waiting.push(command);
  }

  /** The page listens: what waited goes to it now, in the order chosen. */
  pageReady(): void {
    this.#pageReady = true;
    const waiting = this.#waiting;
    this.#waiting = [];
    for (const command of waiting) this.#deliver(command);
  }

  /** Another document is loading (or the renderer is gone): commands wait until it says it is ready. */
  pageLoading(): void {
    this.#pageReady = false;
  }

  /** Commands given since the page last said it was ready (for a test to read). */
  get waiting(): readonly Command[] {
    return [...this.#waiting];
  }
}
