/**
 * Bundles the `abs` command and its worker threads into dist/cli (ESM, one file each), so a run
 * starts from plain JavaScript — no type stripping of some 300 modules on the main thread and
 * again on each worker. Dependencies stay in node_modules (better-sqlite3 is a native module).
 * bin/abs.js uses the bundle when it is present and newer than every source it was built from
 * (dist/cli/inputs.json), and the sources otherwise, so an edit in dev never runs stale code.
 */
import { build, type Metafile } from 'esbuild';
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { hashEngineSources } from '../service/run-store/engine-identity.ts';
import { CLI_WORKERS } from '../cli/bundle.ts';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node22',
  packages: 'external',
  format: 'esm',
  logLevel: 'warning',
  metafile: true,
  // The bundle's stored runs name the engine that made them by the hash of the sources bundled now.
  define: { ABS_ENGINE_SOURCES_SHA256: JSON.stringify(hashEngineSources()), ABS_CLI_BUNDLE: 'true' },
} as const;

const inputs = new Set<string>(['package.json']);
const keep = (metafile: Metafile): void => Object.keys(metafile.inputs).forEach((input) => inputs.add(input));

// Built aside and swapped in whole: an `abs` starting meanwhile finds the old bundle, none (and
// runs the sources), or the new one — never a half-written file.
const staging = `dist/cli-${process.pid}`;
keep((await build({ ...common, entryPoints: ['cli/main.ts'], outfile: `${staging}/abs.mjs` })).metafile);
for (const name of CLI_WORKERS) {
  keep((await build({ ...common, entryPoints: [`service/jobs/workers/${name}.ts`], outfile: `${staging}/${name}.mjs` })).metafile);
}
writeFileSync(`${staging}/inputs.json`, `${JSON.stringify([...inputs].sort(), null, 1)}\n`);
rmSync('dist/cli', { recursive: true, force: true });
renameSync(staging, 'dist/cli');
process.stdout.write(`built dist/cli/abs.mjs and ${CLI_WORKERS.length} workers from ${inputs.size} sources\n`);
