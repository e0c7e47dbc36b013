/**
 * `npm run web`: the whole app in a browser. Serves the built renderer and the API on
 * 127.0.0.1 only, on a random free port unless --port is given, with a per-launch token.
 */
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import pkg from '../../package.json' with { type: 'json' };
import { startHttpTransport } from './http.ts';
import { defaultWorkspacePath, rendererDistDir } from './paths.ts';
import { Service } from '../service.ts';
import { warmPoolWanted } from './warm-pool-env.ts';

const USAGE = `Usage: npm run web -- [--db WORKSPACE.sqlite] [--workspaces DIR] [--port N]

Serves ABS Workbench on http://127.0.0.1 for a browser.
  --db FILE         workspace to open (created if missing); default ${defaultWorkspacePath()}
  --workspaces DIR  the only folder the browser may open or create workspaces in;
                    default: the folder of --db (${dirname(defaultWorkspacePath())} without --db)
  --port N          port to listen on; default: a random free port

In the browser, tapes arrive as uploads; paths on this computer are not read.`;

async function main(): Promise<void> {
  let values: { db?: string; workspaces?: string; port?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      options: { db: { type: 'string' }, workspaces: { type: 'string' }, port: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
    }));
  } catch (error) {
    process.stderr.write(`abs web: ${(error as Error).message}\n${USAGE}\n`);
    process.exit(1);
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(`abs web: --port must be an integer 0–65535, got ${values.port}\n`);
    process.exit(1);
  }

  const db = resolve(values.db ?? defaultWorkspacePath());
  const workspaceFolder = resolve(values.workspaces ?? dirname(db));
  // The app keeps its sweep threads warm (docs/sweeps.md, "Warm threads in the app"); ABS_WARM_POOL=0 turns it off.
  const service = new Service({ transport: 'http', workspaceFolder, warmPool: warmPoolWanted() });
  const opened = await service.call('workspace.open', { path: db });
  if (!opened.ok) {
    process.stderr.write(`abs web: ${opened.error.message}\n`);
    process.exit(1);
  }
  const transport = await startHttpTransport({ service, rendererDir: rendererDistDir(), port });
  process.stdout.write(
    `${pkg.productName} ${pkg.version} — browser transport\n` +
      `Workspace: ${opened.value.path}\n` +
      `Workspaces folder (the browser opens and creates workspaces only here): ${workspaceFolder}\n` +
      `Open: ${transport.launchUrl}\n` +
      `(listening on 127.0.0.1 only; the token in the link is required for every API call; Ctrl+C to stop)\n`,
  );

  const stop = (): void => {
    void transport
      .close()
      .then(() => service.close())
      .then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`abs web: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(2);
});
