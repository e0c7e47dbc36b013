/**
 * `npm run docs:screenshots`: the README's pictures (docs/screenshot-*.png), taken by the end-to-end
 * tests that walk those screens — the pool of the sample tape, the Results screen, the Deal screen,
 * the structure editor and Compare — with ABS_DOCS_SCREENSHOTS=1, which makes them copy their
 * screenshot into docs/ (test/helpers/browser.ts publishScreenshot). A plain `npm test` leaves
 * docs/ as it was. Build the renderer first (the script does).
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const TESTS = ['test/e2e/tapes.test.ts', 'test/e2e/projection.test.ts', 'test/e2e/deal.test.ts', 'test/e2e/deal-editor.test.ts', 'test/e2e/compare.test.ts'];
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const build = spawnSync(npm, ['run', 'build:renderer'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
const vitest = join(root, 'node_modules', 'vitest', 'vitest.mjs');
const run = spawnSync(process.execPath, [vitest, 'run', ...TESTS], { cwd: root, stdio: 'inherit', env: { ...process.env, ABS_DOCS_SCREENSHOTS: '1' } });
process.exit(run.status ?? 1);
