import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT } from './repo.ts';

export interface CliRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the real `abs` command (bin/abs.js) in a child process, as a user would. */
export function runAbs(args: readonly string[], cwd: string = REPO_ROOT): CliRun {
  const result = spawnSync(process.execPath, [join(REPO_ROOT, 'bin', 'abs.js'), ...args], { cwd, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
