import { describe, expect, it } from 'vitest';
import { PROGRESS_LINE_INTERVAL_MS, ProgressBar } from '../../cli/progress.ts';
import type { JobProgress } from '../../service/api/contract.ts';

/** stderr as a log or a pipe sees it (not a terminal), or as a terminal does: what was written. */
function stream(isTTY: boolean): { isTTY: boolean; written: string[]; write: (text: string) => boolean } {
  const written: string[] = [];
  return { isTTY, written, write: (text: string) => written.push(text) > 0 };
}

/** A clock the test moves. */
function clock(): { now: () => number; at: (ms: number) => void } {
  let ms = 0;
  return { now: () => ms, at: (t) => (ms = t) };
}

const step = (done: number, fraction: number | null = null): JobProgress => ({ fraction, done, unit: 'scenarios', rate: null, message: '' });

describe('the command’s progress off a terminal', () => {
  it('without a total: a line per change in the count at most once a second, and the last count at the end', () => {
    const err = stream(false);
    const time = clock();
    const bar = new ProgressBar(err, 'report', time.now);
    // Seven scenarios 300 ms apart: 1 at 0 ms is said; 5 at 1,200 ms is the first a second after it; 6 and 7 come sooner.
    for (let done = 1; done <= 7; done++) {
      time.at((done - 1) * 300);
      bar.update(step(done));
    }
    expect(PROGRESS_LINE_INTERVAL_MS).toBe(1000);
    bar.done();
    expect(err.written).toEqual(['report: 1 scenario\n', 'report: 5 scenarios\n', 'report: 7 scenarios\n']);
  });

  it('repeats no count, and ends on the job’s final progress when its last event never came (events are throttled)', () => {
    const err = stream(false);
    const time = clock();
    const bar = new ProgressBar(err, 'report', time.now);
    bar.update(step(1));
    time.at(5000);
    bar.update(step(1));
    bar.update(step(3));
    bar.done(step(7));
    bar.done();
    expect(err.written).toEqual(['report: 1 scenario\n', 'report: 3 scenarios\n', 'report: 7 scenarios\n']);
  });

  it('with a total: a line per tenth of the way, and the last count when no line said it', () => {
    const err = stream(false);
    const bar = new ProgressBar(err, 'Monte Carlo', () => 0);
    for (const done of [0, 40, 90, 150, 155]) bar.update({ ...step(done, done / 200), unit: 'paths' });
    bar.done();
    // 0%, 20% (40), 45% (90) and 75% (150) each start a tenth; 77% (155) does not, and is the last count.
    expect(err.written).toEqual(['Monte Carlo: 0% · 0 paths\n', 'Monte Carlo: 20% · 40 paths\n', 'Monte Carlo: 45% · 90 paths\n', 'Monte Carlo: 75% · 150 paths\n', 'Monte Carlo: 77% · 155 paths\n']);
  });

  it('on a terminal, redraws in place and closes the line at the job’s final count', () => {
    const tty = stream(true);
    const bar = new ProgressBar(tty, 'report', () => 0);
    bar.update(step(1));
    bar.done(step(7));
    expect(tty.written.map((w) => w.trimEnd())).toEqual([`\rreport ${'·'.repeat(24)} 1 scenario`, `\rreport ${'·'.repeat(24)} 7 scenarios`, '']);
  });
});
