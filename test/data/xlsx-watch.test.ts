import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../data/errors.ts';
import { watchRead } from '../../data/tape/xlsx.ts';

describe('watchRead: every XLSX read ends (issue 17, defect 1)', () => {
  it('ends a read that makes no progress with an error naming the file', async () => {
    const input = new PassThrough(); // never written: exceljs's reader waiting on a stuck part looks like this
    const watch = watchRead('/tapes/stuck.xlsx', input, 0.4, undefined);
    const started = Date.now();
    const error = await watch.ended.then(
      () => null,
      (e: unknown) => e,
    );
    watch.close();
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).message).toBe('stuck.xlsx is not a readable XLSX workbook: reading stalled (no progress for 0.4 s); the file is probably damaged');
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('keeps a read alive while bytes arrive, and ends it when asked to stop', async () => {
    const input = new PassThrough();
    input.resume();
    let stop = false;
    const watch = watchRead('/tapes/slow.xlsx', input, 0.4, () => stop);
    const feeding = setInterval(() => input.write('x'), 100);
    setTimeout(() => {
      stop = true;
    }, 1_000); // 1 s of steady bytes outlasts the 0.4 s stall limit: only the stop ends it
    await expect(watch.ended).resolves.toBe('stopped');
    clearInterval(feeding);
    watch.close();
  });

  it('ends the read on an error of the zip stream the reader pipes into', async () => {
    const input = new PassThrough();
    const watch = watchRead('/tapes/bad.xlsx', input, 10, undefined);
    const zip = new PassThrough();
    input.pipe(zip);
    zip.emit('error', new Error('invalid distance too far back'));
    await expect(watch.ended).rejects.toThrow('bad.xlsx is not a readable XLSX workbook: invalid distance too far back');
    watch.close();
  });
});
