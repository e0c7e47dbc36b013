import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import ExcelJS from '../../data/excel.ts';
import { runAbs } from '../helpers/cli.ts';
import { REPO_ROOT } from '../helpers/repo.ts';
import { useTempDir } from '../helpers/tmp.ts';

const tempDir = useTempDir();
const DEAL = join(REPO_ROOT, 'templates', 'deals', 'cn-consumer-revolving.json');
const SET = join(REPO_ROOT, 'docs', 'examples', 'scenario-set-downturn.json');

describe('abs report', () => {
  it('writes the workbook of a scenario set, one sheet set per scenario, in Chinese', async () => {
    const out = join(tempDir(), 'downturn.xlsx');
    const run = runAbs(['report', DEAL, '--scenarios', SET, '--out', out, '--lang', 'zh-CN', '-q']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`^Wrote ${out.replaceAll('.', '\\.')} \\(.*\\): \\d+ sheets — 概要, 情景比较, 假设, Base · 资产池,`));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const names = workbook.worksheets.map((s) => s.name);
    // The downturn set's scenarios, in file order, each with pool, three notes and accounts.
    for (const scenario of ['Base', 'Gig downturn', 'Slow prepay', 'Rates +200 bp', 'Rate path']) expect(names).toContain(`${scenario} · 资产池`);
    expect(names).toContain('Gig downturn · Sub');
  }, 180_000);

  it('off a terminal, prints how far the scenarios got and ends on the last count (7 of the 7-scenario set, not the first step’s 1)', () => {
    const out = join(tempDir(), 'standard.xlsx');
    const run = runAbs(['report', DEAL, '--scenarios', join(REPO_ROOT, 'templates', 'scenarios', 'cn-consumer-revolving.json'), '--out', out]);
    expect(run.status, run.stderr).toBe(0);
    // stderr is a pipe here: the report knows the set's size, so a line per tenth of the way, then the last count.
    const lines = run.stderr.trimEnd().split('\n');
    // One scenario is "1 scenario" (the unit's plural: messages/progress.ts).
    const counts = lines.map((line) => Number(/^report: \d+% · (\d+) scenarios?$/.exec(line)?.[1]));
    expect(lines.filter((line) => line.endsWith(' 1 scenarios'))).toEqual([]);
    expect(counts.every((n) => n >= 1 && n <= 7)).toBe(true);
    expect(counts).toEqual([...new Set(counts)].sort((a, b) => a - b));
    expect(lines.at(-1)).toBe('report: 100% · 7 scenarios');
  }, 180_000);

  it('says what is missing or wrong, in one line, exit 1', () => {
    const out = join(tempDir(), 'x.xlsx');
    const cases: [string[], string][] = [
      [['report', DEAL, '--out', out], 'abs report: give either --runs ID,… (stored runs) or --scenarios SET.json'],
      [['report', DEAL, '--scenarios', SET], 'abs report: report needs --out FILE.xlsx'],
      [['report', DEAL, '--runs', '1', '--out', out], 'abs report: --runs needs --db WORKSPACE (the workspace that stores the runs)'],
      [['report', DEAL, '--runs', '1,x', '--db', 'w.sqlite', '--out', out], "abs report: --runs takes run ids separated by commas (abs runs list shows them), got 'x'"],
      [['report', DEAL, '--scenarios', SET, '--out', out, '--lang', 'fr'], "abs report: --lang must be en or zh-CN, got 'fr'"],
      [['report', DEAL, '--runs', '1', '--db', 'w.sqlite', '--tape', '1', '--out', out], 'abs report: --tape goes with --scenarios: stored runs keep their own pool and assumptions'],
    ];
    for (const [args, message] of cases) {
      const run = runAbs(args);
      expect(run.status, args.join(' ')).toBe(1);
      expect(run.stderr.trim()).toBe(message);
    }
  });
});
