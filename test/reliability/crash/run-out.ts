import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../../helpers/repo.ts';
import { check, type ReliabilityFamily } from '../harness.ts';
import { absKilledAfter, calibrate, timedRun } from './kill.ts';

const DEALS = ['pass-through', 'us-auto-oc-turbo', 'us-cmo-sequential'].map((name) => ({ name, file: join(REPO_ROOT, 'templates', 'deals', `${name}.json`) }));
/** The stages cli/out-folder.ts can kill itself at (ABS_TEST_KILL_OUT): after each file, and between the two renames. */
const STAGES = ['file-1', 'file-2', 'file-3', 'aside'];

type FolderSet = Readonly<Record<string, string>>;

function folderSet(dir: string): FolderSet {
  return Object.fromEntries(
    readdirSync(dir)
      .sort()
      .map((name) => [name, readFileSync(join(dir, name), 'utf8')]),
  );
}

function sameSet(a: FolderSet, b: FolderSet | null): boolean {
  return b !== null && JSON.stringify(a) === JSON.stringify(b);
}

/**
 * After a kill, DIR is the earlier complete set or the new complete set; or — killed between the
 * two renames — missing while the earlier set waits whole beside it for the next run to put back.
 */
function checkOut(parent: string, earlier: FolderSet | null, next: FolderSet): string {
  const out = join(parent, 'results');
  if (existsSync(out)) {
    const found = folderSet(out);
    if (sameSet(found, next)) return 'new set';
    check(sameSet(found, earlier), `DIR holds neither the earlier nor the new set: ${Object.keys(found).join(', ')}`);
    return 'earlier set';
  }
  if (earlier === null) return 'absent';
  const aside = readdirSync(parent).filter((name) => name.startsWith('.results.abs-old-'));
  check(
    aside.some((name) => sameSet(folderSet(join(parent, name)), earlier)),
    `DIR is missing and the earlier set is not whole beside it (${readdirSync(parent).join(', ')})`,
  );
  return 'earlier set aside';
}

/**
 * kill -9 of `abs run DEAL --out DIR`, each trial over the set the previous trial left: at a random
 * moment of the run, or at a random stage of the folder write.
 */
export const crashRunOutFamily: ReliabilityFamily = {
  name: 'crash-run-out',
  description: `kill -9 of \`abs run DEAL --out DIR\` (a random template deal, not the previous trial's, over the set the previous trial left), half the trials at a random moment (uniform over the latest complete run of that deal), half at a random stage of the folder write (${STAGES.join(', ')}: the ABS_TEST_KILL_OUT hook of cli/out-folder.ts); checks DIR is the earlier complete set, the new complete set, or (killed between the renames) missing with the earlier set whole beside it, never a mix — and that a rerun then succeeds, writes exactly the new set and leaves no temporary folder`,
  trials: { small: 5, full: 50 },
  async prepare(workDir, size) {
    const references = new Map<string, FolderSet>();
    const fullMs = new Map<string, number>();
    // Two of the deals in CI: each costs a reference run.
    const deals = size === 'full' ? DEALS : DEALS.slice(0, 2);
    for (const deal of deals) {
      const out = join(workDir, 'reference', deal.name);
      fullMs.set(deal.name, (await calibrate(['run', deal.file, '--out', out], () => false)).fullMs);
      references.set(deal.name, folderSet(out));
    }
    const parent = join(workDir, 'runs');
    mkdirSync(parent);
    let earlier: FolderSet | null = null;
    let previous: (typeof DEALS)[number] | null = null;

    return {
      async trial(_index, random) {
        // Another deal than the last trial's, so the earlier set and the new one differ.
        const deal = random.pick(deals.filter((d) => d !== previous));
        const next = references.get(deal.name) ?? {};
        const byStage = random.chance(0.5);
        const stage = random.pick(STAGES);
        const args = ['run', deal.file, '--out', join(parent, 'results'), '--quiet'];
        const run = byStage ? await absKilledAfter(args, 60_000, { ABS_TEST_KILL_OUT: stage }) : await absKilledAfter(args, random.next() * (fullMs.get(deal.name) ?? 1000));
        check(run.killed || run.status === 0, `the run exited ${run.status} without the kill: ${run.stderr}`);
        const state = checkOut(parent, earlier, next);

        const rerun = await timedRun(args, () => false);
        check(rerun.status === 0, `the rerun after the kill failed (${rerun.status}): ${rerun.stderr.trim()}`);
        fullMs.set(deal.name, rerun.fullMs);
        check(sameSet(folderSet(join(parent, 'results')), next), 'the rerun did not write exactly the new set');
        check(readdirSync(parent).join() === 'results', `temporary folders left after the rerun: ${readdirSync(parent).join(', ')}`);
        earlier = next;
        previous = deal;
        const how = byStage ? `at ${stage}` : 'at a random moment';
        return { outcome: run.killed ? `killed ${how}: ${state}` : `finished before the kill: ${state}` };
      },
    };
  },
};
