import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { splitCommandLine } from '../../cli/commands/batch.ts';
import { runAbs } from '../helpers/cli.ts';
import { REPO_ROOT } from '../helpers/repo.ts';
import { useTempDir } from '../helpers/tmp.ts';

const tempDir = useTempDir();

/** A folder with the template deal and a scenario set under relative paths, and a batch file of `lines`. */
function batchFolder(lines: readonly string[]): { dir: string; file: string } {
  const dir = tempDir();
  mkdirSync(join(dir, 'deals'), { recursive: true });
  cpSync(join(REPO_ROOT, 'templates', 'deals', 'cn-consumer-revolving.json'), join(dir, 'deals', 'deal.json'));
  const file = join(dir, 'sweep.txt');
  writeFileSync(file, `${lines.join('\n')}\n`);
  return { dir, file };
}

/** The lines' outputs, each as the command alone prints it: split at the "== abs …" headers. */
function sections(stdout: string): string[] {
  return stdout.split(/^== abs .*\n/m).slice(1);
}

describe('abs batch', () => {
  it('runs every line in one process, each printing what the command alone prints', () => {
    const { dir, file } = batchFolder([
      '# the template, then two speeds and a default stress',
      '',
      'run deals/deal.json --json',
      'abs run deals/deal.json --prepay "150 PSA" --json',
      "run deals/deal.json --default '2 CDR' --json",
      'tables deals/deal.json --speeds "0.5,1.5 ABS" --no-call --csv',
    ]);
    const batch = runAbs(['batch', file]);
    expect(batch.status, batch.stderr).toBe(0);
    // One header a line, naming the line as written and where it is.
    expect(batch.stdout.match(/^== abs .*$/gm)).toEqual([
      '== abs run deals/deal.json --json (sweep.txt line 3)',
      '== abs run deals/deal.json --prepay "150 PSA" --json (sweep.txt line 4)',
      "== abs run deals/deal.json --default '2 CDR' --json (sweep.txt line 5)",
      '== abs tables deals/deal.json --speeds "0.5,1.5 ABS" --no-call --csv (sweep.txt line 6)',
    ]);
    expect(batch.stderr).toMatch(/^abs batch: 4 lines run, 0 failed, \d+\.\d\d s$/m);

    // Each section is byte for byte the output of the same command run alone (from the batch file's folder).
    const deal = join('deals', 'deal.json');
    const alone = [
      runAbs(['run', deal, '--json'], dir),
      runAbs(['run', deal, '--prepay', '150 PSA', '--json'], dir),
      runAbs(['run', deal, '--default', '2 CDR', '--json'], dir),
      runAbs(['tables', deal, '--speeds', '0.5,1.5 ABS', '--no-call', '--csv'], dir),
    ];
    expect(sections(batch.stdout)).toEqual(alone.map((r) => r.stdout));
    // The scenarios differ: a faster prepayment and a default stress change the notes' figures.
    const [base, fast, stressed] = alone.map((r) => r.stdout);
    expect(fast).not.toBe(base);
    expect(stressed).not.toBe(base);
  });

  it('goes on past a failed line, says which, and exits with the worst line’s code', () => {
    const { file } = batchFolder(['run deals/missing.json', 'run deals/deal.json --prepay "150 XYZ"', 'frobnicate', 'run deals/deal.json --json']);
    const batch = runAbs(['batch', file]);
    expect(batch.status).toBe(1);
    expect(batch.stdout.match(/^== abs .*$/gm)?.length).toBe(4);
    expect(batch.stderr).toContain('missing.json');
    expect(batch.stderr).toContain("abs: unknown command 'frobnicate'");
    expect(batch.stderr).toMatch(/^abs batch: 4 lines run, 3 failed, /m);
    // The last line still ran: its JSON follows its header.
    expect(JSON.parse(sections(batch.stdout)[3] ?? '')).toHaveProperty('run');
  });

  it('refuses an unclosed quote before running anything, a missing file, and batch inside batch', () => {
    const unclosed = batchFolder(['run deals/deal.json', 'run deals/deal.json --prepay "150 PSA']);
    const bad = runAbs(['batch', unclosed.file]);
    expect(bad.status).toBe(1);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toContain('sweep.txt line 2: the double quote opened is never closed');

    const missing = runAbs(['batch', join(tempDir(), 'nope.txt')]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/cannot read .*nope\.txt: no such file/);

    const nested = batchFolder(['batch other.txt']);
    const inner = runAbs(['batch', nested.file]);
    expect(inner.status).toBe(1);
    expect(inner.stderr).toContain('a batch file cannot run batch');
  });
});

describe('splitCommandLine', () => {
  it('splits on spaces, groups quoted words, keeps empty quoted words and unescapes \\" and \\\\ in double quotes', () => {
    expect(splitCommandLine(`run  a.json --prepay "150 PSA" --x '2 CDR'`, 'f')).toEqual(['run', 'a.json', '--prepay', '150 PSA', '--x', '2 CDR']);
    expect(splitCommandLine(`a "" b`, 'f')).toEqual(['a', '', 'b']);
    expect(splitCommandLine(`a "say \\"hi\\" C:\\\\x" 'it''s'`, 'f')).toEqual(['a', 'say "hi" C:\\x', 'its']);
    expect(splitCommandLine(`a pre"quoted part"post`, 'f')).toEqual(['a', 'prequoted partpost']);
    expect(() => splitCommandLine(`a 'open`, 'f line 3')).toThrow('f line 3: the single quote opened is never closed');
  });
});
