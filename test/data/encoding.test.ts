import { describe, expect, it } from 'vitest';
import { createDecoder, detectEncoding, firstInvalidUtf8, incompleteUtf8Tail, parseEncodingName } from '../../data/tape/encoding.ts';

/** 借据号 in GBK, byte by byte (借 = BD E8, 据 = BE DD, 号 = BA C5). */
const GBK_JIEJUHAO = [0xbd, 0xe8, 0xbe, 0xdd, 0xba, 0xc5];

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const bytes = (...parts: (number[] | Uint8Array)[]): Uint8Array => new Uint8Array(parts.flatMap((p) => [...p]));

describe('parseEncodingName', () => {
  it('maps GBK and GB2312 onto their superset GB18030', () => {
    expect(parseEncodingName('gbk')).toBe('gb18030');
    expect(parseEncodingName('GB2312')).toBe('gb18030');
    expect(parseEncodingName('gb18030')).toBe('gb18030');
  });

  it('accepts the UTF spellings, ignoring case, spaces and underscores', () => {
    expect(parseEncodingName('utf8')).toBe('utf-8');
    expect(parseEncodingName(' UTF-8 ')).toBe('utf-8');
    expect(parseEncodingName('utf-8-bom')).toBe('utf-8-bom');
    expect(parseEncodingName('UTF_8_BOM')).toBe('utf-8-bom');
    expect(parseEncodingName('utf-16le')).toBe('utf-16le');
    expect(parseEncodingName('UTF-16BE')).toBe('utf-16be');
  });

  it('returns null for encodings we do not read', () => {
    expect(parseEncodingName('latin1')).toBeNull();
    expect(parseEncodingName('big5')).toBeNull();
    expect(parseEncodingName('')).toBeNull();
  });
});

describe('detectEncoding', () => {
  it('trusts a byte-order mark first', () => {
    expect(detectEncoding(bytes([0xef, 0xbb, 0xbf], utf8('a,b'))).encoding).toBe('utf-8-bom');
    expect(detectEncoding(bytes([0xff, 0xfe], [0x61, 0, 0x2c, 0]))).toMatchObject({
      encoding: 'utf-16le',
      reason: expect.stringContaining('FF FE'),
    });
    expect(detectEncoding(bytes([0xfe, 0xff], [0, 0x61, 0, 0x2c])).encoding).toBe('utf-16be');
  });

  it('reads ASCII and valid UTF-8 as UTF-8', () => {
    expect(detectEncoding(utf8('loan_id,amount\r\nL1,100\r\n'))).toMatchObject({
      encoding: 'utf-8',
      reason: expect.stringContaining('ASCII'),
    });
    expect(detectEncoding(utf8('借据号,合同金额\nL1,100\n'))).toMatchObject({
      encoding: 'utf-8',
      reason: expect.stringContaining('valid UTF-8'),
    });
  });

  it('ignores a multi-byte character cut off by the end of the sample', () => {
    const full = utf8('借据号,合同金额\nL1,现金贷');
    for (let cut = 1; cut <= 2; cut++) {
      const sample = full.subarray(0, full.length - cut); // 贷 is 3 bytes: 1 or 2 of them remain
      expect(detectEncoding(sample).encoding).toBe('utf-8');
    }
    const emoji = utf8('a,😀'); // 4 bytes: keep 1, 2 or 3 of them
    for (let cut = 1; cut <= 3; cut++) expect(detectEncoding(emoji.subarray(0, emoji.length - cut)).encoding).toBe('utf-8');
  });

  it('falls back to GB18030 for GBK bytes, saying where UTF-8 failed', () => {
    expect(new TextDecoder('gbk').decode(new Uint8Array(GBK_JIEJUHAO))).toBe('借据号');
    const sample = bytes(utf8('id,'), GBK_JIEJUHAO, utf8('\r\n1,2\r\n'));
    const detected = detectEncoding(sample);
    expect(detected.encoding).toBe('gb18030');
    expect(detected.reason).toBe('not valid UTF-8 at byte 3; decoded as GB18030 (GBK)');
  });

  it('recognises UTF-16 without a BOM by its NUL bytes', () => {
    const le = new Uint8Array(Buffer.from('loan_id\tamount\r\nL1\t100\r\n', 'utf16le'));
    expect(detectEncoding(le).encoding).toBe('utf-16le');
    const be = new Uint8Array(le.length);
    for (let i = 0; i < le.length; i += 2) {
      be[i] = le[i + 1] as number;
      be[i + 1] = le[i] as number;
    }
    expect(detectEncoding(be).encoding).toBe('utf-16be');
  });

  it('calls an empty sample UTF-8', () => {
    expect(detectEncoding(new Uint8Array(0)).encoding).toBe('utf-8');
  });
});

describe('createDecoder', () => {
  it('skips the BOM of UTF-8 and UTF-16 files', () => {
    expect(createDecoder('utf-8-bom').decode(bytes([0xef, 0xbb, 0xbf], utf8('借,b')))).toBe('借,b');
    expect(createDecoder('utf-16le').decode(bytes([0xff, 0xfe], [0x1f, 0x50, 0x2c, 0]))).toBe('借,');
    expect(createDecoder('utf-16be').decode(bytes([0xfe, 0xff], [0x50, 0x1f, 0, 0x2c]))).toBe('借,');
  });

  it('decodes GBK through GB18030, characters split across chunks included', () => {
    const decoder = createDecoder('gb18030');
    const input = bytes(GBK_JIEJUHAO, utf8(','));
    let text = '';
    for (const byte of input) text += decoder.decode(new Uint8Array([byte]), { stream: true });
    text += decoder.decode();
    expect(text).toBe('借据号,');
  });

  it('can be strict about invalid bytes', () => {
    expect(() => createDecoder('utf-8', { fatal: true }).decode(new Uint8Array(GBK_JIEJUHAO))).toThrow();
    expect(createDecoder('utf-8').decode(new Uint8Array([0x61, 0xff]))).toBe('a\ufffd');
  });
});

describe('UTF-8 helpers', () => {
  it('incompleteUtf8Tail counts the bytes of a cut-off last character', () => {
    expect(incompleteUtf8Tail(utf8('abc'))).toBe(0);
    expect(incompleteUtf8Tail(utf8('a借'))).toBe(0);
    expect(incompleteUtf8Tail(utf8('a借').subarray(0, 2))).toBe(1);
    expect(incompleteUtf8Tail(utf8('a借').subarray(0, 3))).toBe(2);
    expect(incompleteUtf8Tail(utf8('😀').subarray(0, 3))).toBe(3);
    expect(incompleteUtf8Tail(new Uint8Array(0))).toBe(0);
  });

  it('firstInvalidUtf8 finds the first bad byte', () => {
    expect(firstInvalidUtf8(utf8('借据号'))).toBe(9);
    expect(firstInvalidUtf8(bytes(utf8('ab'), [0xc0, 0x80]))).toBe(2); // overlong
    expect(firstInvalidUtf8(bytes(utf8('ab'), [0xed, 0xa0, 0x80]))).toBe(2); // surrogate
    expect(firstInvalidUtf8(bytes(utf8('a'), GBK_JIEJUHAO))).toBe(1);
    expect(firstInvalidUtf8(bytes(utf8('a'), [0xe5, 0x80]))).toBe(1); // cut short
  });
});
