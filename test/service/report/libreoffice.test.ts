import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SCREENSHOT_DIR } from '../../helpers/browser.ts';
import { runAbs } from '../../helpers/cli.ts';
import { REPO_ROOT } from '../../helpers/repo.ts';
import { writeHostileTape } from './hostile-tape.ts';

const onPath = (command: string): boolean => spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;
const available = onPath('libreoffice') && onPath('pdftotext') && onPath('pdftoppm');
const INSTALL = 'apt-get install -y --no-install-recommends libreoffice-calc-nogui poppler-utils';
const SKIPPED = `skipped: LibreOffice or poppler-utils is not installed — on Debian/Ubuntu: sudo ${INSTALL} (CI's .ci/run installs them)`;
if (!available) process.stderr.write(`Excel report: the LibreOffice check is ${SKIPPED}\n`);

const dir = mkdtempSync(join(tmpdir(), 'abs-report-lo-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(command: string, args: readonly string[]): string {
  const result = spawnSync(command, args, { encoding: 'utf8', timeout: 240_000 });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${result.status}): ${result.stderr}`);
  return result.stdout;
}

describe('the Excel report in a real spreadsheet program', () => {
  it.skipIf(!available)(
    `abs report writes a workbook LibreOffice opens and prints: the tranche table on page 1, hostile tape text printed as text${available ? '' : ` (${SKIPPED})`}`,
    () => {
      const ws = join(dir, 'ws.sqlite');
      const tape = join(dir, 'hostile.csv');
      const deal = join(REPO_ROOT, 'templates', 'deals', 'cn-consumer-revolving.json');
      const out = join(dir, 'report.xlsx');
      return writeHostileTape(tape, 300, 3).then(() => {
        for (const args of [
          ['import', tape, '--db', ws, '--cutoff', '2026-09-30'],
          ['run', deal, '--db', ws, '--tape', '1', '-q'],
          ['report', deal, '--db', ws, '--runs', '1', '--out', out, '-q'],
        ]) {
          const cli = runAbs(args);
          expect(cli.stderr, args.join(' ')).not.toMatch(/abs: /);
          expect(cli.status, `${args.join(' ')}: ${cli.stderr}`).toBe(0);
        }
        // A private LibreOffice profile: tests running at once do not share (and lock) one.
        run('libreoffice', [`-env:UserInstallation=file://${join(dir, 'lo-profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, out]);
        const pdf = join(dir, 'report.pdf');
        expect(existsSync(pdf)).toBe(true);
        const page1 = run('pdftotext', ['-layout', '-f', '1', '-l', '1', pdf, '-']);
        expect(page1).toContain('Tranche report — 消费贷 2027-1 revolving consumer-loan ABS');
        // the coupon's indent prints as a gap after the right-aligned balance (one space, without it: "320,000,000.00 2.80% fixed")
        expect(page1).toMatch(/Senior A 优先A\s+320,000,000\.00 {2,}2\.80% fixed/);
        const all = run('pdftotext', ['-layout', pdf, '-']);
        // Evaluated, =HYPERLINK would print "click", @SUM(1) "1" and =1+1 "2": printed as typed, they are text.
        for (const text of ['=HYPERLINK("http://evil.example","click")', '@SUM(1)', '=1+1', "=cmd|' /C calc'!A0"]) expect(all).toContain(text);
        mkdirSync(SCREENSHOT_DIR, { recursive: true });
        run('pdftoppm', ['-f', '1', '-l', '1', '-png', '-r', '110', '-singlefile', pdf, join(SCREENSHOT_DIR, 'excel-report-page1')]);
        expect(existsSync(join(SCREENSHOT_DIR, 'excel-report-page1.png'))).toBe(true);
      });
    },
    300_000,
  );
});
