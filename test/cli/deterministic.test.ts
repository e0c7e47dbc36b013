import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAbs } from '../helpers/cli.ts';
import { REPO_ROOT } from '../helpers/repo.ts';

const DEAL = join(REPO_ROOT, 'templates', 'deals', 'cn-consumer-revolving.json');
const POOL = ['--pool', join(REPO_ROOT, 'docs', 'examples', 'pool-consumer-lines.json'), '--assumptions', join(REPO_ROOT, 'templates', 'assumptions', 'consumer-base.json')];

/** Runs `abs` twice with the same arguments; both outputs, after checking each succeeded. */
function twice(args: readonly string[]): readonly [string, string] {
  const [first, second] = [runAbs(args), runAbs(args)];
  expect(first.status, first.stderr).toBe(0);
  expect(second.status, second.stderr).toBe(0);
  return [first.stdout, second.stdout];
}

// DESIGN, Numbers: "the same inputs give byte-identical results". The time a calculation took is
// the job's, not the result's: the text output shows it, --json holds the result only.
describe('abs --json prints the same bytes for the same inputs', () => {
  it('abs run of a deal template, with its breakevens', () => {
    const [first, second] = twice(['run', DEAL, '--breakeven', '--json']);
    expect(second).toBe(first);
    expect(first).not.toContain('"seconds"');
  });

  it('abs project of a pool file', () => {
    const [first, second] = twice(['project', ...POOL, '--json']);
    expect(second).toBe(first);
    expect(first).not.toContain('"seconds"');
  });

  it('the text output still says how long each job took', () => {
    const run = runAbs(['run', DEAL, '--breakeven']);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/ · \d+ periods · \d+\.\d\d s$/m);
    expect(run.stdout).toMatch(/^Breakevens: \d+ runs, \d+\.\d\d s; /m);
    const project = runAbs(['project', ...POOL]);
    expect(project.status, project.stderr).toBe(0);
    expect(project.stdout).toMatch(/^Consumer-loan pool, representative lines · .* · 24 months · \d+\.\d\d s$/m);
  });
});
