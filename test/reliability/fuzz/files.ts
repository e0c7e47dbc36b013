import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openWorkspace } from '../../../data/workspace.ts';
import { FuzzCaseFailure, type ReliabilityFamily } from '../harness.ts';
import { fileCase, loadBases, type FileTarget } from './file-corpus.ts';
import { FuzzRunner } from './runner.ts';
import { outcomeOf, verdict } from './verdict.ts';

const CASE_SECONDS = 10;
const TARGETS: readonly FileTarget[] = ['deal', 'assumptions', 'pool'];

/**
 * Malformed deal, assumption and pool files through the service: read as the CLI reads a file,
 * checked by deal.validate / assumptions.check / pool.check, and what a check accepts is run
 * (deal.run; the pass-through deal under the assumptions; pool.project of the lines).
 */
export const fuzzFilesFamily: ReliabilityFamily = {
  name: 'fuzz-files',
  description: `seeded mutations of the shipped deal templates, assumption sets and pool example (1–3 each: wrong types, deleted keys, huge and non-finite numbers, nesting up to 20,000 deep, __proto__/constructor/prototype keys, 64 KiB–1 MiB strings; some truncated or with a character changed), read as the CLI reads a file, checked by deal.validate / assumptions.check / pool.check of a real Service (in a child process), and run when the check accepts them (deal.run; the pass-through deal under the assumptions; pool.project); each case must end within ${CASE_SECONDS} s in a result or an error with a user code whose message names the file or the JSON path ($…), with no stack trace, no "internal error", at most 2,000 characters, and no built-in prototype polluted`,
  trials: { small: 30, full: 600 },
  prepare(workDir) {
    const bases = loadBases();
    const workspace = join(workDir, 'files.sqlite');
    openWorkspace(workspace).close();
    const runner = new FuzzRunner(workspace, CASE_SECONDS * 1000);
    return Promise.resolve({
      async trial(index, random) {
        const target = TARGETS[index % TARGETS.length] ?? 'deal';
        const file = fileCase(random, target, bases);
        const path = join(workDir, `case-${index}-${target}.json`);
        writeFileSync(path, file.text);
        const end = await runner.run({ id: index, target, path });
        rmSync(path, { force: true });
        try {
          const result = verdict(file.input, end, new RegExp(`\\$|case-${index}-${target}\\.json`));
          return { outcome: outcomeOf(result), input: file.input, said: result.message };
        } catch (error) {
          if (error instanceof FuzzCaseFailure) throw new FuzzCaseFailure(file.input, `${error.message} [mutations: ${file.mutations}]`);
          throw error;
        }
      },
      close: () => runner.close(),
    });
  },
};
