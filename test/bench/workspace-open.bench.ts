import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openWorkspace } from '../../data/workspace.ts';
import { summarize, type Bench } from './harness.ts';

const RUNS = 100;

/** Create + migrate a fresh workspace file, and reopen an existing one, 100 times each. */
export const bench: Bench = {
  name: 'workspace-open',
  run() {
    const dir = mkdtempSync(join(tmpdir(), 'abs-bench-'));
    try {
      const create: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const start = performance.now();
        openWorkspace(join(dir, `new-${i}.sqlite`)).close();
        create.push(performance.now() - start);
      }
      const reopen: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const start = performance.now();
        openWorkspace(join(dir, 'new-0.sqlite')).close();
        reopen.push(performance.now() - start);
      }
      const created = summarize(create);
      const reopened = summarize(reopen);
      return {
        name: 'workspace-open',
        description: `Open + migrate a new workspace file ${RUNS} times; reopen an existing one ${RUNS} times`,
        metrics: {
          runs: RUNS,
          createMeanMs: created['meanMs'] ?? 0,
          createP95Ms: created['p95Ms'] ?? 0,
          createTotalMs: created['totalMs'] ?? 0,
          reopenMeanMs: reopened['meanMs'] ?? 0,
          reopenP95Ms: reopened['p95Ms'] ?? 0,
          reopenTotalMs: reopened['totalMs'] ?? 0,
        },
      };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
