#!/usr/bin/env node
// The `abs` command. Runs the bundle `npm run build` writes (dist/cli/abs.mjs) when it is there and
// newer than every source it was built from; else the TypeScript sources (Node >= 22.18 strips
// types), so an edit in dev never runs stale code. ABS_FROM_SOURCES=1 forces the sources.
import { readFileSync, statSync } from 'node:fs';
import module from 'node:module';

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 18)) {
  process.stderr.write(
    `abs: Node ${process.versions.node} is too old; ABS Workbench needs Node >= 22.18 ` +
      '(run ". scripts/use-node.sh" in the repository to install a current one)\n',
  );
  process.exit(1);
}

// Node's on-disk cache of compiled modules (in the OS temporary folder): later runs skip parsing.
module.enableCompileCache?.();

const root = new URL('../', import.meta.url);

/** The bundle's URL if it is present and no source it lists changed after it was built. */
function freshBundle() {
  if (process.env.ABS_FROM_SOURCES === '1') return null;
  const bundle = new URL('dist/cli/abs.mjs', root);
  try {
    const builtMs = statSync(bundle).mtimeMs;
    const inputs = JSON.parse(readFileSync(new URL('dist/cli/inputs.json', root), 'utf8'));
    return inputs.every((input) => statSync(new URL(input, root)).mtimeMs <= builtMs) ? bundle : null;
  } catch {
    return null; // no bundle, or a source it was built from is gone
  }
}

const bundle = freshBundle();
if (process.env.ABS_DEBUG_LOADER === '1') process.stderr.write(`abs: running ${bundle ? 'the bundle dist/cli/abs.mjs' : 'the sources'}\n`);
await import(bundle ? bundle.href : '../cli/main.ts');
