import type { WorkerName } from '../service/api/context.ts';

// Every worker name once: a worker added to WorkerName without a line here fails the typecheck.
const WORKERS: Readonly<Record<WorkerName, true>> = {
  'import-worker': true,
  'writer-worker': true,
  'query-worker': true,
  'project-worker': true,
  'deal-worker': true,
  'pool-worker': true,
};

/** The worker threads the service can start, each bundled next to the CLI by scripts/build-cli.ts. */
export const CLI_WORKERS = Object.keys(WORKERS) as readonly WorkerName[];

declare const ABS_CLI_BUNDLE: boolean | undefined;

/**
 * Where the service finds its workers: next to the bundle (dist/cli/<name>.mjs) when this code runs
 * bundled, else undefined (the service's default, the TypeScript sources).
 */
export function bundledWorkerUrl(): ((name: WorkerName) => URL) | undefined {
  if (typeof ABS_CLI_BUNDLE === 'undefined' || !ABS_CLI_BUNDLE) return undefined;
  return (name) => new URL(`./${name}.mjs`, import.meta.url);
}
