/**
 * Bundles the Electron main process (ESM) and the sandboxed preload (CommonJS, as sandboxed
 * preloads require) into dist/electron. Dependencies stay in node_modules; better-sqlite3
 * loads its Node-API prebuild, which works under Electron without a rebuild.
 */
import { build } from 'esbuild';
import { hashEngineSources } from '../service/run-store/engine-identity.ts';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node22',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
  // The app ships no sources: the engine identity of its stored runs is the hash of the sources bundled now.
  define: { ABS_ENGINE_SOURCES_SHA256: JSON.stringify(hashEngineSources()) },
} as const;

await build({
  ...common,
  entryPoints: ['electron/main.ts'],
  outfile: 'dist/electron/main.mjs',
  format: 'esm',
  external: ['electron'],
});

for (const name of ['import-worker', 'writer-worker', 'query-worker', 'project-worker', 'deal-worker', 'pool-worker']) {
  await build({ ...common, entryPoints: [`service/jobs/workers/${name}.ts`], outfile: `dist/electron/${name}.mjs`, format: 'esm' });
}

await build({
  ...common,
  entryPoints: ['electron/preload.ts'],
  outfile: 'dist/electron/preload.cjs',
  format: 'cjs',
  external: ['electron'],
});

process.stdout.write('built dist/electron/main.mjs, the six workers and preload.cjs\n');
