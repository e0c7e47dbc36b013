import { fork, type ChildProcess } from 'node:child_process';
import type { CaseReply, CaseRequest } from './protocol.ts';

const CHILD = new URL('./child.ts', import.meta.url);

/** How a case ended as the runner saw it: the child's reply, or the child overran or died. */
export type CaseEnd = { readonly kind: 'reply'; readonly reply: CaseReply; readonly ms: number } | { readonly kind: 'timeout' | 'died'; readonly detail: string; readonly ms: number };

interface Live {
  readonly child: ChildProcess;
  stderr: string;
}

/**
 * Runs cases in one long-lived child (a real Service on the workspace), one at a time. A case that
 * has not answered within `timeoutMs` is a hang: the child is killed (kill -9) and a fresh one started
 * for the next case, as is a child that died.
 */
export class FuzzRunner {
  readonly #workspace: string;
  readonly #timeoutMs: number;
  #live: Live | null = null;

  constructor(workspace: string, timeoutMs: number) {
    this.#workspace = workspace;
    this.#timeoutMs = timeoutMs;
  }

  async #start(): Promise<Live> {
    const child = fork(CHILD, [this.#workspace], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    const live: Live = { child, stderr: '' };
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (live.stderr = (live.stderr + chunk).slice(-4000)));
    await new Promise<void>((resolve, reject) => {
      child.once('message', () => resolve());
      child.once('exit', (code) => reject(new Error(`the fuzz child did not start (exit ${code}): ${live.stderr}`)));
    });
    child.removeAllListeners('exit');
    this.#live = live;
    return live;
  }

  async run(request: CaseRequest): Promise<CaseEnd> {
    const live = this.#live ?? (await this.#start());
    const started = performance.now();
    const ms = (): number => Math.round(performance.now() - started);
    const end = await new Promise<CaseEnd>((resolve) => {
      const timer = setTimeout(() => {
        live.child.kill('SIGKILL');
        resolve({ kind: 'timeout', detail: `no answer within ${this.#timeoutMs / 1000} s`, ms: ms() });
      }, this.#timeoutMs);
      live.child.once('exit', (code, signal) => {
        clearTimeout(timer);
        resolve({ kind: 'died', detail: `the service process died (exit ${code ?? signal}): ${live.stderr.trim().slice(-1500)}`, ms: ms() });
      });
      live.child.once('message', (reply: CaseReply) => {
        clearTimeout(timer);
        resolve({ kind: 'reply', reply, ms: ms() });
      });
      live.child.send(request);
    });
    live.child.removeAllListeners('exit');
    live.child.removeAllListeners('message');
    if (end.kind !== 'reply') await this.close();
    return end;
  }

  async close(): Promise<void> {
    const live = this.#live;
    this.#live = null;
    if (!live || live.child.exitCode !== null || live.child.signalCode !== null) return;
    const exited = new Promise((resolve) => live.child.once('exit', resolve));
    live.child.kill('SIGKILL');
    await exited;
  }
}
