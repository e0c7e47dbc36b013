import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT } from './repo.ts';

export interface WebServer {
  readonly url: string;
  readonly origin: string;
  readonly token: string;
  readonly output: () => string;
  stop(): Promise<void>;
}

/** Starts `npm run web`'s server (service/transport/web-main.ts) as a child process, as a user would. */
export async function startWebServer(args: readonly string[]): Promise<WebServer> {
  const child: ChildProcess = spawn(process.execPath, [join(REPO_ROOT, 'service', 'transport', 'web-main.ts'), ...args], {
    cwd: REPO_ROOT,
    // No warm-up of the sweep threads (docs/sweeps.md): every test starts a server, and CI has 2 cores.
    env: { ...process.env, ABS_WARM_POOL: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));

  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`web server did not start:\n${output}`)), 20_000);
    const check = (): void => {
      const match = /^Open: (\S+)$/m.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`web server exited with ${code}:\n${output}`));
    });
  });
  const parsed = new URL(url);
  return {
    url,
    origin: parsed.origin,
    token: parsed.hash.replace('#token=', ''),
    output: () => output,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** A call of the API as the page makes it (the token comes from the launch link). */
export async function invokeApi<T>(server: WebServer, method: string, params: unknown): Promise<T> {
  const response = await fetch(`${server.origin}/api/invoke`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-abs-token': server.token },
    body: JSON.stringify({ method, params }),
  });
  const result = (await response.json()) as { ok: true; value: T } | { ok: false; error: { message: string } };
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value;
}
