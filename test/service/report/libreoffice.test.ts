import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SCREENSHOT_DIR } from '../../helpers/browser.ts';
import { runAbs } from '../../helpers/cli.ts';
import { REPO_ROOT } from '../../helpers/repo.ts';
import { labelsFor } from '../../../service/report/labels.ts';
import { writeHostileTape } from './hostile-tape.ts';

const t = labelsFor('en');

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

/** The height (points) of the first box of each word in `pdftotext -bbox` output. */
function wordHeights(bbox: string): Map<string, number> {
  const heights = new Map<string, number>();
  for (const m of bbox.matchAll(/<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<\/word>/g)) {
    const [, yMin, yMax, word] = m;
    if (word !== undefined && !heights.has(word)) heights.set(word, Number(yMax) - Number(yMin));
  }
  return heights;
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
        // Printed legibly (docs/reports.md, "Print set-up"): the Summary's ~20 tranche columns fitted to one A4 page printed its
        // 11-point cells at about 3.5 pt. Now it spans pages across at MIN_PRINT_SCALE (70%) or more: a cell's text is at
        // least 7.7 pt, and pdftotext's word box is the font size to within a few % (the 14-point title's box is 1.27 × a cell's).
        const heights = wordHeights(run('pdftotext', ['-bbox', '-f', '1', '-l', '1', pdf, '-']));
        expect(heights.get('Class'), 'the tranche table header, page 1').toBeGreaterThanOrEqual(7.3);
        expect(heights.get('Tranche'), 'the Summary title, page 1').toBeGreaterThanOrEqual(9.3);
        // Each page across repeats the row labels (column A: the class of each row) beside that page's columns.
        const page2 = run('pdftotext', ['-layout', '-f', '2', '-l', '2', pdf, '-']);
        expect(page1).not.toContain(t('col.legalFinal'));
        expect(page2).toMatch(new RegExp(`^\\s*${t('col.class')}\\s+.*${t('col.legalFinal')}`, 'm'));
        // (the notes' rows: their dates — this undercollateralised deal pays B and Sub no principal, so only their legal final)
        for (const id of ['A', 'B', 'Sub']) expect(page2).toMatch(new RegExp(`^\\s*${id}\\s+\\d{4}-\\d{2}-\\d{2}\\b`, 'm'));
        const all = run('pdftotext', ['-layout', pdf, '-']);
        // Evaluated, =HYPERLINK would print "click", @SUM(1) "1" and =1+1 "2": printed as typed, they are text.
        for (const text of ['=HYPERLINK("http://evil.example","click")', '@SUM(1)', '=1+1', "=cmd|' /C calc'!A0"]) expect(all).toContain(text);
        mkdirSync(SCREENSHOT_DIR, { recursive: true });
        run('pdftoppm', ['-f', '1', '-l', '1', '-png', '-r', '110', '-singlefile', pdf, join(SCREENSHOT_DIR, 'excel-report-page1')]);
        expect(existsSync(join(SCREENSHOT_DIR, 'excel-report-page1.png'))).toBe(true);
        run('pdftoppm', ['-f', '2', '-l', '2', '-png', '-r', '110', '-singlefile', pdf, join(SCREENSHOT_DIR, 'excel-report-page2')]);
      });
    },
    300_000,
  );
});
