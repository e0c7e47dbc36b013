import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAbs } from '../helpers/cli.ts';
import { REPO_ROOT } from '../helpers/repo.ts';
import { useTempDir } from '../helpers/tmp.ts';

const tempDir = useTempDir();
const HX5_DEAL = join(REPO_ROOT, 'test', 'fixtures', 'prospectus', 'hx5-2017.json');

type Step = { kind: string; amount?: string };
type Note = { id: string; expectedMaturity?: string };
type Deal = { notes: Note[]; waterfall: { interest: Step[]; principal: Step[] } };

/** The golden deal paying only the schedule's principal (no turbo), class A expected by `aExpected`. */
function noTurboDeal(aExpected: string): string {
  const deal = JSON.parse(readFileSync(HX5_DEAL, 'utf8')) as Deal & { $schema?: string };
  delete deal.$schema;
  deal.notes = deal.notes.map((n) => (n.id === 'A' ? { ...n, expectedMaturity: aExpected } : n));
  deal.waterfall.principal = deal.waterfall.principal.map((s) => (s.kind === 'principal' ? { ...s, amount: 'principalDue' } : s));
  const file = join(tempDir(), 'hx5-no-turbo.json');
  writeFileSync(file, JSON.stringify(deal));
  return file;
}

describe('abs run: expected maturity beside the computed expected final and the legal final', () => {
  it('prints each class’s 预期到期日 (p. 80) and the legal final 2021-11-26', () => {
    const run = runAbs(['run', noTurboDeal('2019-04-26')]);
    expect(run.status).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toContain('· legal final 2021-11-26 ·');
    expect(lines[1]).toMatch(/Exp\. final \(computed\)\s+Exp\. maturity/);
    // Schedule principal alone: A's last principal 2019-03-26, B's 2019-05-26 (test/service/prospectus/hx5-2017.test.ts, by hand).
    expect(lines.find((l) => l.startsWith('优先A档'))).toMatch(/2019-03-26\s+2019-04-26\s/);
    expect(lines.find((l) => l.startsWith('优先B档'))).toMatch(/2019-05-26\s+2019-06-26\s/);
  });

  it('a missed expected maturity shows the balance left after it', () => {
    // Expected 2019-03-01: after 2019-02-26 class A still owes its last payment of 2019-03-26, 310,336,300.00.
    const out = join(tempDir(), 'out');
    const run = runAbs(['run', noTurboDeal('2019-03-01'), '--out', out]);
    expect(run.stdout.split('\n').find((l) => l.startsWith('优先A档'))).toMatch(/2019-03-26\s+2019-03-01 \(missed: 310,336,300\.00 left\)/);
    // tranches.csv carries the same three columns after the computed expected final.
    const [header, a] = readFileSync(join(out, 'tranches.csv'), 'utf8').split('\n');
    expect(header).toContain(',Expected final date,Expected maturity date (deal file),Balance after expected maturity,Legal final date,');
    expect(a).toContain(',2019-03-26,2019-03-26,2019-03-01,310336300,2021-11-26,');
  });
});
