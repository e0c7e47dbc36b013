import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { budget, round, type Bench, type BenchResult } from './harness.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const ABS = join(ROOT, 'bin', 'abs.js');
const DEAL = join(ROOT, 'templates', 'deals', 'cn-consumer-revolving.json');
const RUNS = 10;
/** The batch: the template at this many speeds, as a prospectus sweep runs it. */
const SWEEP = 20;

/**
 * CPU seconds of this process's finished children (user + system, every thread), from
 * /proc/self/stat's cutime and cstime in clock ticks (100 a second on Linux); NaN elsewhere. On a
 * loaded machine a run waits for a core, so its wall time says more about the load than about it.
 */
function childrenCpuSeconds(): number {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return Number.NaN;
  }
}

/** Wall and CPU seconds of one `abs` process to its exit. */
function timedRun(args: readonly string[], env: Record<string, string>): { wall: number; cpu: number } {
  const cpu = childrenCpuSeconds();
  const started = performance.now();
  const result = spawnSync(process.execPath, [ABS, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ...env } });
  const seconds = (performance.now() - started) / 1000;
  if (result.status !== 0) throw new Error(`abs ${args.join(' ')}: exit ${result.status}: ${result.stderr}`);
  return { wall: seconds, cpu: childrenCpuSeconds() - cpu };
}

const wall = (args: readonly string[], env: Record<string, string>): number => timedRun(args, env).wall;

const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

/**
 * Issue 24: the wall time of `abs run` on the template deal (its own representative lines) as a
 * user waits for it, from the bundle (npm run build:cli, Node's compile cache warm) against the
 * unbundled path (TypeScript sources stripped at every start, no compile cache), interleaved run
 * by run so both see the same machine; and a sweep of the template at 20 speeds as one
 * `abs batch` against 20 separate commands.
 */
export const bench: Bench = {
  name: 'cli',
  run(): BenchResult {
    execFileSync(process.execPath, [join(ROOT, 'scripts', 'build-cli.ts')], { cwd: ROOT });
    const bundled = { ABS_FROM_SOURCES: '0' };
    const sources = { ABS_FROM_SOURCES: '1', NODE_DISABLE_COMPILE_CACHE: '1' };
    const args = ['run', DEAL];
    wall(args, bundled); // fills the compile cache, as any earlier run of the same build has
    const bundleTimes = [];
    const sourceTimes = [];
    for (let i = 0; i < RUNS; i++) {
      bundleTimes.push(timedRun(args, bundled));
      sourceTimes.push(timedRun(args, sources));
    }
    const bundleRuns = bundleTimes.map((t) => t.wall);
    const sourceRuns = sourceTimes.map((t) => t.wall);
    const dir = mkdtempSync(join(tmpdir(), 'abs-bench-cli-'));
    try {
      const speeds = Array.from({ length: SWEEP }, (_, i) => `${(0.25 * (i + 1)).toFixed(2)} ABS`);
      const file = join(dir, 'sweep.txt');
      writeFileSync(file, speeds.map((speed) => `run ${DEAL} --prepay "${speed}"`).join('\n'));
      const batchSeconds = wall(['batch', file], bundled);
      let separateSeconds = 0;
      for (const speed of speeds) separateSeconds += wall(['run', DEAL, '--prepay', speed], bundled);
      const metrics = {
        runs: RUNS,
        templateRunSeconds: round(median(bundleRuns)),
        templateRunMinSeconds: round(Math.min(...bundleRuns)),
        templateRunMaxSeconds: round(Math.max(...bundleRuns)),
        referenceSeconds: round(median(sourceRuns)),
        referenceMinSeconds: round(Math.min(...sourceRuns)),
        referenceMaxSeconds: round(Math.max(...sourceRuns)),
        speedUp: round(median(sourceRuns) / median(bundleRuns), 2),
        templateRunCpuSeconds: round(median(bundleTimes.map((t) => t.cpu)), 2),
        referenceCpuSeconds: round(median(sourceTimes.map((t) => t.cpu)), 2),
        sweepRuns: SWEEP,
        sweepBatchSeconds: round(batchSeconds),
        sweepSeparateSeconds: round(separateSeconds),
      };
      return {
        name: 'cli',
        description: 'Wall time of `abs run` on the template deal from the bundle against the unbundled sources, and a 20-speed sweep as one `abs batch` against 20 commands',
        metrics,
        budgets: [budget(metrics, 'templateRunSeconds', 0.4)],
        notes: [
          `templateRun: abs run templates/deals/cn-consumer-revolving.json from dist/cli (compile cache warm), median of ${RUNS}; reference: the same command from the TypeScript sources with NODE_DISABLE_COMPILE_CACHE=1, interleaved run by run; min and max show the noise`,
          'both run the deal on the calling thread (a small job); before issue 24 it started a deal thread that loaded the sources again (0.8–1.3 s measured then)',
          'cpuSeconds: the abs process, every thread (Linux /proc children times, 10 ms ticks): what the run costs, whatever the load',
          `sweep: the template at ${SWEEP} ABS speeds (0.25 to ${(0.25 * SWEEP).toFixed(2)}), one abs batch file against ${SWEEP} abs run commands one after another, both from the bundle`,
        ],
      };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
