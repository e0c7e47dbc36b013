/**
 * The import's detection line says why the tape is read in its encoding in the chosen language
 * (walkthrough: "valid UTF-8 in the first 399 bytes" on the Chinese screen). The reason comes coded
 * from the real detector (data/tape/encoding.ts) and through previewCsv on a real file.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { previewCsv } from '../../data/tape/csv.ts';
import { detectEncoding } from '../../data/tape/encoding.ts';
import { sayCodedIn } from '../../messages/say.ts';
import { loadCatalogue } from '../../renderer/app/catalogues.ts';

const dir = mkdtempSync(join(tmpdir(), 'abs-encoding-reason-'));
beforeAll(() => loadCatalogue('zh-CN'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the encoding reason in the chosen language', () => {
  it('says a UTF-8 file with Chinese headers in Chinese and English', async () => {
    const path = join(dir, 'tape.csv');
    const text = '借据号,剩余本金\nL1,100\n';
    writeFileSync(path, text);
    const bytes = Buffer.byteLength(text);
    const preview = await previewCsv(path);
    expect(sayCodedIn('zh-CN', preview.encodingReasonCoded)).toBe(`前 ${bytes} 字节为有效的 UTF-8`);
    expect(sayCodedIn('en', preview.encodingReasonCoded)).toBe(`valid UTF-8 in the first ${bytes} bytes`);
    expect(preview.encodingReason).toBe(`valid UTF-8 in the first ${bytes} bytes`);
    const forced = await previewCsv(path, { encoding: 'gb18030' });
    expect(sayCodedIn('zh-CN', forced.encodingReasonCoded)).toBe('由用户选择');
  });

  it('says GBK, a byte-order mark and ASCII in Chinese', () => {
    expect(sayCodedIn('zh-CN', detectEncoding(new Uint8Array([0x61, 0x2c, 0xbd, 0xe8, 0x0a, 0xff])).reasonCoded)).toBe('第 2 字节处不是有效的 UTF-8；按 GB18030（GBK）解码');
    expect(sayCodedIn('zh-CN', detectEncoding(new Uint8Array([0xff, 0xfe, 0x61, 0x00])).reasonCoded)).toBe('UTF-16LE 字节顺序标记（FF FE）');
    expect(sayCodedIn('zh-CN', detectEncoding(new TextEncoder().encode('a,b\n')).reasonCoded)).toBe('前 4 字节均为 ASCII；按 UTF-8 读取');
  });
});
