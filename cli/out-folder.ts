import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join, resolve } from 'node:path';
import { UsageError } from './output.ts';

/**
 * The stages at which the crash-safety tests may SIGKILL the command (env ABS_TEST_KILL_OUT):
 * `file-N` after the N-th file is written into the temporary folder, `aside` after an earlier DIR
 * was renamed aside and before the new one is renamed in. Unset in normal use.
 */
const KILL_STAGE_ENV = 'ABS_TEST_KILL_OUT';

function killPoint(stage: string): void {
  if (process.env[KILL_STAGE_ENV] === stage) process.kill(process.pid, 'SIGKILL');
}

/** `.NAME.abs-partial-PID-xxxx` (being written) and `.NAME.abs-old-PID-xxxx` (the earlier set, moved aside). */
function siblingPrefix(name: string, kind: 'partial' | 'old'): string {
  return `.${name}.abs-${kind}-`;
}

/** True when the process that owns a sibling folder (its PID is in the name) is still running. */
function ownerAlive(entry: string, prefix: string): boolean {
  const pid = Number(entry.slice(prefix.length).split('-')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Clears what a killed run left beside DIR: an earlier set moved aside is put back when DIR is
 * missing (the kill fell between the two renames), then leftover temporary folders are removed.
 * Folders of a run still in progress (its PID alive) are left alone.
 */
function recoverLeftovers(parent: string, name: string, target: string): void {
  const oldPrefix = siblingPrefix(name, 'old');
  const partialPrefix = siblingPrefix(name, 'partial');
  for (const entry of readdirSync(parent)) {
    const isOld = entry.startsWith(oldPrefix);
    if (!isOld && !entry.startsWith(partialPrefix)) continue;
    if (ownerAlive(entry, isOld ? oldPrefix : partialPrefix)) continue;
    if (isOld && !existsSync(target)) renameSync(join(parent, entry), target);
    else rmSync(join(parent, entry), { recursive: true, force: true });
  }
}

/** An existing DIR is replaced whole, so it may hold only the files a run writes: anything else is the user's. */
function checkReplaceable(target: string, fileNames: readonly string[]): void {
  if (!existsSync(target)) return;
  if (!statSync(target).isDirectory()) throw new UsageError(`--out ${target} is a file, not a folder`);
  const foreign = readdirSync(target).filter((entry) => !fileNames.includes(entry));
  if (foreign.length > 0) {
    const shown = foreign.slice(0, 3).join(', ') + (foreign.length > 3 ? ` and ${foreign.length - 3} more` : '');
    throw new UsageError(`--out ${target} holds other files (${shown}); the run replaces the whole folder, so choose a new or empty folder`);
  }
}

/**
 * Writes a run's files as one set: into a temporary sibling of DIR (same parent, so the rename is
 * atomic on one filesystem), then renamed onto DIR. An earlier DIR is renamed aside, the new one
 * renamed in, and the old one removed, so a kill at any point leaves DIR as the earlier complete
 * set or the new complete set, never a mix (a kill between the two renames leaves DIR missing
 * for that instant, and the next run puts the earlier set back before it starts).
 */
export function writeFolderAtomically(dir: string, files: ReadonlyMap<string, string>): void {
  const target = resolve(dir);
  const parent = dirname(target);
  const name = basename(target);
  mkdirSync(parent, { recursive: true });
  recoverLeftovers(parent, name, target);
  checkReplaceable(target, [...files.keys()]);
  const tag = `${process.pid}-${randomBytes(4).toString('hex')}`;
  const partial = join(parent, `${siblingPrefix(name, 'partial')}${tag}`);
  mkdirSync(partial);
  try {
    let written = 0;
    for (const [fileName, text] of files) {
      writeFileSync(join(partial, fileName), text);
      killPoint(`file-${++written}`);
    }
    swapIn(partial, target, join(parent, `${siblingPrefix(name, 'old')}${tag}`));
  } finally {
    rmSync(partial, { recursive: true, force: true });
  }
}

/** Renames the complete set onto DIR; an earlier DIR goes aside first and comes back if the swap fails. */
function swapIn(partial: string, target: string, old: string): void {
  const hadEarlier = existsSync(target);
  if (hadEarlier) renameSync(target, old);
  killPoint('aside');
  try {
    renameSync(partial, target);
  } catch (error) {
    if (hadEarlier && !existsSync(target)) renameSync(old, target);
    throw error;
  }
  if (hadEarlier) rmSync(old, { recursive: true, force: true });
}
