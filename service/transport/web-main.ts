/**
 * `npm run web`: the whole app in a browser. Serves the built renderer and the API on
 * 127.0.0.1 only, on a random free port unless --port is given, with a per-launch token.
 */
import { parseArgs } from 'node:util';
import pkg from '../../package.json' with { type: 'json' };
import { startHttpTransport } from './http.ts';
import { defaultWorkspacePath, rendererDistDir } from './paths.ts';
import { Service } from '../service.ts';

const USAGE = `Usage: npm run web -- [--db WORKSPACE.sqlite] [--port N]

Serves ABS Workbench on http://127.0.0.1 for a browser.
  --db FILE   workspace to open (created if missing); default ${defaultWorkspacePath()}
  --port N    port to listen on; default: a random free port`;

async function main(): Promise<void> {
  let values: { db?: string; port?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      options: { db: { type: 'string' }, port: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
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

  const service = new Service({ transport: 'http' });
  const opened = await service.call('workspace.open', { path: values.db ?? defaultWorkspacePath() });
  if (!opened.ok) {
    process.stderr.write(`abs web: ${opened.error.message}\n`);
    process.exit(1);
  }
  const transport = await startHttpTransport({ service, rendererDir: rendererDistDir(), port });
  process.stdout.write(
    `${pkg.productName} ${pkg.version} — browser transport\n` +
      `Workspace: ${opened.value.path}\n` +
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
