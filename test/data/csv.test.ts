import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { array, assert as checkProperty, boolean, constantFrom, nat, property, string } from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../data/errors.ts';
import { CsvFormatError, CsvParser, detectDelimiter, normalizeDelimiter, previewCsv, readCsvFile, type ReadCsvOptions } from '../../data/tape/csv.ts';
import { useTempDir } from '../helpers/tmp.ts';

const tempDir = useTempDir();

interface Rec {
  fields: string[];
  recordNo: number;
  lineNo: number;
}

/** RFC 4180 quoting where needed (and for empty fields and leading spaces, to vary the input). */
function quote(field: string): string {
  return /[",\r\n]/.test(field) || field.startsWith(' ') || field === '' ? `"${field.replaceAll('"', '""')}"` : field;
}

const ignoreRow = (): void => undefined;

/** Parses `chunks` pushed one after the other. */
function parseChunks(chunks: readonly string[], delimiter = ','): Rec[] {
  const out: Rec[] = [];
  const parser = new CsvParser({ delimiter, onRow: (fields, recordNo, lineNo) => void out.push({ fields, recordNo, lineNo }) });
  for (const chunk of chunks) parser.push(chunk);
  parser.end();
  return out;
}

const parse = (text: string, delimiter = ','): Rec[] => parseChunks([text], delimiter);
const rows = (text: string, delimiter = ','): string[][] => parse(text, delimiter).map((r) => r.fields);

function expectCsvError(fn: () => unknown): CsvFormatError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(CsvFormatError);
    return error as CsvFormatError;
  }
  throw new Error('expected a CsvFormatError');
}

async function expectCsvErrorAsync(promise: Promise<unknown>): Promise<CsvFormatError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(CsvFormatError);
    return error as CsvFormatError;
  }
  throw new Error('expected a CsvFormatError');
}

/** A sample with every tricky case: quotes, `""`, delimiters and every line break inside quotes, blank lines. */
const TRICKY = [
  '借据号,"金额, 元","备注"\r\n',
  'CL001,"12,000.00","他说""好""\r\n第二行"\r\n',
  '\r\n',
  'CL002,,"a\rb"\n',
  '"",x"y,"""q"""\r',
  'CL003,"ab"c,"\n"\r\n',
  '\n',
  'CL004,  spaced  ,last',
].join('');

const TRICKY_ROWS = [
  ['借据号', '金额, 元', '备注'],
  ['CL001', '12,000.00', '他说"好"\r\n第二行'],
  ['CL002', '', 'a\rb'],
  ['', 'x"y', '"q"'],
  ['CL003', 'abc', '\n'],
  ['CL004', '  spaced  ', 'last'],
];

describe('CsvParser: RFC 4180', () => {
  it('numbers records from 1 (the header) and gives the line each starts on', () => {
    expect(parse('a,b\n1,2\n3,4\n')).toEqual([
      { fields: ['a', 'b'], recordNo: 1, lineNo: 1 },
      { fields: ['1', '2'], recordNo: 2, lineNo: 2 },
      { fields: ['3', '4'], recordNo: 3, lineNo: 3 },
    ]);
  });

  it('reads quoted fields holding delimiters, escaped quotes and line breaks', () => {
    expect(rows('"a,b","say ""hi""","x\ny"\n')).toEqual([['a,b', 'say "hi"', 'x\ny']]);
    expect(rows('"",""\n')).toEqual([['', '']]);
    expect(rows('"""",x\n')).toEqual([['"', 'x']]);
  });

  it('counts lines inside quoted fields, so lineNo and recordNo differ', () => {
    const records = parse('h1,h2\n"a\nb\r\nc\rd",1\nnext,2\n');
    expect(records.map((r) => [r.recordNo, r.lineNo])).toEqual([
      [1, 1],
      [2, 2],
      [3, 6],
    ]);
    expect(records[1]?.fields[0]).toBe('a\nb\r\nc\rd');
  });

  it('treats CRLF, LF and lone CR line ends alike', () => {
    const expected = [
      ['a', 'b'],
      ['1', '2'],
      ['3', '4'],
    ];
    expect(rows('a,b\r\n1,2\r\n3,4\r\n')).toEqual(expected);
    expect(rows('a,b\n1,2\n3,4\n')).toEqual(expected);
    expect(rows('a,b\r1,2\r3,4\r')).toEqual(expected);
    expect(rows('a,b\r\n1,2\r3,4\n')).toEqual(expected);
    expect(parse('a,b\r1,2\r\r3,4').map((r) => r.lineNo)).toEqual([1, 2, 4]);
  });

  it('reads a last line without a line break, and a trailing delimiter as an empty last field', () => {
    expect(rows('a,b\n1,2')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect(rows('a,b\n1,')).toEqual([
      ['a', 'b'],
      ['1', ''],
    ]);
    expect(rows('a,b\n1,"x"')).toEqual([
      ['a', 'b'],
      ['1', 'x'],
    ]);
    expect(rows('a,\n,\n')).toEqual([
      ['a', ''],
      ['', ''],
    ]);
  });

  it('skips blank lines but counts them in lineNo', () => {
    const records = parse('\n\r\na,b\n\n\r\r\n1,2\n\n');
    expect(records.map((r) => r.fields)).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect(records.map((r) => [r.recordNo, r.lineNo])).toEqual([
      [1, 3],
      [2, 7],
    ]);
    expect(parse('')).toEqual([]);
    expect(parse('\r\n\n')).toEqual([]);
  });

  it('does not trim fields', () => {
    expect(rows(' a , b \t,\t\n')).toEqual([[' a ', ' b \t', '\t']]);
  });

  it('is lenient like Excel with quotes out of place', () => {
    expect(rows('ab"c,d\n')).toEqual([['ab"c', 'd']]); // a quote inside an unquoted field is kept
    expect(rows('a "b" c,d\n')).toEqual([['a "b" c', 'd']]);
    expect(rows('"ab"c,d\n')).toEqual([['abc', 'd']]); // text after the closing quote is kept
    expect(rows(' "a,b"\n')).toEqual([[' "a', 'b"']]); // not a quoted field: it starts with a space
  });

  it('gives a fresh fields array to every record', () => {
    const kept: string[][] = [];
    const parser = new CsvParser({ delimiter: ',', onRow: (fields) => void kept.push(fields) });
    parser.push('a,b\n1,2\n3,4\n');
    parser.end();
    expect(new Set(kept).size).toBe(3);
    expect(kept).toEqual([
      ['a', 'b'],
      ['1', '2'],
      ['3', '4'],
    ]);
  });

  it('handles ragged rows (different field counts)', () => {
    expect(rows('a,b,c\n1\n1,2,3,4\n1,2\n')).toEqual([['a', 'b', 'c'], ['1'], ['1', '2', '3', '4'], ['1', '2']]);
  });

  it('reads the tricky sample', () => {
    expect(rows(TRICKY)).toEqual(TRICKY_ROWS);
  });

  it('splits on tabs, semicolons and pipes too', () => {
    expect(rows('a\tb\t"c\td"\n', '\t')).toEqual([['a', 'b', 'c\td']]);
    expect(rows('a;"b;c";d\n', ';')).toEqual([['a', 'b;c', 'd']]);
    expect(rows('a|"b|c"|d\n', '|')).toEqual([['a', 'b|c', 'd']]);
  });

  it('refuses a delimiter that cannot work, as a user error', () => {
    for (const delimiter of ['"', '\n', '\r', ',,', '']) {
      expect(() => new CsvParser({ delimiter, onRow: ignoreRow })).toThrow(/delimiter/);
      expect(() => normalizeDelimiter(delimiter)).toThrow(UserError);
    }
  });

  it('accepts delimiter names a user may type', () => {
    expect(normalizeDelimiter('tab')).toBe('\t');
    expect(normalizeDelimiter('\\t')).toBe('\t');
    expect(normalizeDelimiter('Semicolon')).toBe(';');
    expect(normalizeDelimiter('pipe')).toBe('|');
    expect(normalizeDelimiter('comma')).toBe(',');
    expect(normalizeDelimiter('\t')).toBe('\t');
    expect(rows('a\tb\n', 'tab')).toEqual([['a', 'b']]);
  });
});

describe('CsvParser: errors and stopping', () => {
  it('throws on an unterminated quoted field, naming the line where the quote opened', () => {
    const error = expectCsvError(() => parse('a,b\n1,2\n3,"open\nmore\nstill more'));
    expect(error.lineNo).toBe(3);
    expect(error.recordNo).toBe(3);
    expect(error.message).toMatch(/line 3/);
    expect(error).toBeInstanceOf(UserError);
    expect(error.code).toBe('BAD_FILE');
    expect(error.details).toMatchObject({ lineNo: 3, recordNo: 3 });
  });

  it('finds the unterminated quote whatever the chunking', () => {
    const text = 'a,b\n"x\ny",2\n3,"open\nmore';
    for (let split = 0; split <= text.length; split++) {
      const error = expectCsvError(() => parseChunks([text.slice(0, split), text.slice(split)]));
      expect(error.lineNo).toBe(4);
    }
  });

  it('refuses a quoted field longer than maxFieldChars instead of buffering the rest of the file', () => {
    const parser = new CsvParser({ delimiter: ',', maxFieldChars: 100, onRow: ignoreRow });
    parser.push('a,b\n1,"never closed');
    const error = expectCsvError(() => {
      for (let i = 0; i < 20; i++) parser.push('x'.repeat(10) + '\n');
    });
    expect(error.lineNo).toBe(2);
    expect(error.message).toMatch(/line 2 runs on for more than 100 characters/);
  });

  it('stops when onRow returns false, and ignores later input', () => {
    const seen: string[] = [];
    const parser = new CsvParser({
      delimiter: ',',
      onRow: (fields) => {
        seen.push(fields[0] ?? '');
        return fields[0] === 'stop' ? false : undefined;
      },
    });
    parser.push('a,b\n1,2\nstop,3\n4,5\n');
    parser.push('6,7\n"unterminated');
    parser.end();
    expect(seen).toEqual(['a', '1', 'stop']);
    expect(parser.isStopped).toBe(true);
    expect(parser.recordCount).toBe(3);
  });

  it('stops inside a record that spans chunks', () => {
    const seen: string[][] = [];
    const parser = new CsvParser({ delimiter: ',', onRow: (fields) => (seen.push(fields), false) });
    parser.push('"a\n');
    parser.push('b",c\nnext\n');
    expect(seen).toEqual([['a\nb', 'c']]);
  });
});

describe('CsvParser: chunk boundaries', () => {
  const variants: Record<string, string> = {
    tricky: TRICKY,
    'tricky, LF only': TRICKY.replaceAll('\r\n', '\n').replaceAll('\r', '\n'),
    'tricky, CR only': TRICKY.replaceAll('\r\n', '\r').replaceAll('\n', '\r'),
    'tricky, ends with CRLF': TRICKY + '\r\n',
    'tricky, ends inside quotes after a quote': TRICKY + '\n"a""b"',
  };

  for (const [name, text] of Object.entries(variants)) {
    it(`gives the same records for every split position (${name})`, () => {
      const whole = parse(text);
      expect(whole.length).toBeGreaterThanOrEqual(6);
      for (let split = 0; split <= text.length; split++) {
        expect(parseChunks([text.slice(0, split), text.slice(split)]), `split at ${split}`).toEqual(whole);
      }
    });

    it(`gives the same records for every pair of split positions (${name})`, () => {
      const whole = parse(text);
      for (let a = 0; a <= text.length; a++) {
        for (let b = a; b <= text.length; b++) {
          const records = parseChunks([text.slice(0, a), text.slice(a, b), text.slice(b)]);
          if (JSON.stringify(records) !== JSON.stringify(whole)) {
            expect(records, `splits at ${a} and ${b}`).toEqual(whole);
          }
        }
      }
    });

    it(`gives the same records in 1-character chunks (${name})`, () => {
      expect(parseChunks(text.split(''))).toEqual(parse(text));
    });
  }

  it('keeps CRLF whole when the chunk ends between CR and LF', () => {
    expect(parseChunks(['a,b\r', '\n1,2\r', '\n'])).toEqual([
      { fields: ['a', 'b'], recordNo: 1, lineNo: 1 },
      { fields: ['1', '2'], recordNo: 2, lineNo: 2 },
    ]);
    expect(parseChunks(['"x\r', '\ny",1\r', '\r', '\nz,2'])).toEqual([
      { fields: ['x\r\ny', '1'], recordNo: 1, lineNo: 1 },
      { fields: ['z', '2'], recordNo: 2, lineNo: 4 },
    ]);
  });

  it('keeps a "" escape whole when the chunk ends between its two quotes', () => {
    expect(parseChunks(['"a"', '"b",c\n'])).toEqual([{ fields: ['a"b', 'c'], recordNo: 1, lineNo: 1 }]);
    expect(parseChunks(['"a"', '', '"",c\n'])).toEqual([{ fields: ['a"', 'c'], recordNo: 1, lineNo: 1 }]);
  });

  it('round-trips random tables through RFC 4180 with random chunking (property)', () => {
    const field = string({ unit: constantFrom('a', 'Z', '借', ' ', ',', '"', '\r', '\n', '\t', '1'), maxLength: 6 });
    const table = array(array(field, { minLength: 2, maxLength: 5 }), { minLength: 1, maxLength: 8 });
    checkProperty(
      property(table, constantFrom('\n', '\r\n', '\r'), boolean(), array(nat(), { maxLength: 6 }), (records, eol, finalEol, cuts) => {
        const text = records.map((r) => r.map(quote).join(',')).join(eol) + (finalEol ? eol : '');
        const positions = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
        const chunks: string[] = [];
        let from = 0;
        for (const p of positions) {
          chunks.push(text.slice(from, p));
          from = p;
        }
        chunks.push(text.slice(from));
        expect(parseChunks(chunks).map((r) => r.fields)).toEqual(records);
      }),
      { numRuns: 400 },
    );
  });
});

describe('detectDelimiter', () => {
  it('finds comma, tab, semicolon and pipe', () => {
    expect(detectDelimiter('loan_id,amount,rate\nL1,100,0.1\nL2,200,0.2\n')).toBe(',');
    expect(detectDelimiter('loan_id\tamount\trate\nL1\t100\t0.1\n')).toBe('\t');
    expect(detectDelimiter('loan_id;amount;rate\nL1;100;0.1\n')).toBe(';');
    expect(detectDelimiter('loan_id|amount|rate\nL1|100|0.1\n')).toBe('|');
  });

  it('ignores delimiters inside quoted fields', () => {
    const semicolons = 'id;name;city\n1;"Wang, Li";"Wuhan, Hubei"\n2;"Zhao, Min";"Xi\'an, Shaanxi"\n';
    expect(detectDelimiter(semicolons)).toBe(';');
    const tabs = 'id\tnote\tamount\n1\t"a;b;c|d"\t100\n2\t"x,y,z"\t200\n';
    expect(detectDelimiter(tabs)).toBe('\t');
    const commas = 'id,note,amount\n1,"a;b;c",100\n2,"x|y|z",200\n';
    expect(detectDelimiter(commas)).toBe(',');
  });

  it('prefers the delimiter that splits the lines consistently', () => {
    // Semicolons everywhere; commas only in some lines.
    expect(detectDelimiter('a;b;c\n1,5;2;3\n4;5;6\n7;8,5;9\n')).toBe(';');
    // Decimal commas in every line give a consistent 2 fields, semicolons a consistent 3.
    expect(detectDelimiter('a;b,x;c\n1;2,5;3\n4;5,5;6\n')).toBe(';');
  });

  it('falls back to comma on a tie or when nothing splits', () => {
    expect(detectDelimiter('a,b;c\n1,2;3\n')).toBe(','); // 2 fields either way
    expect(detectDelimiter('loan_id\nL1\nL2\n')).toBe(',');
    expect(detectDelimiter('')).toBe(',');
  });

  it('reads a header-only sample without a line break', () => {
    expect(detectDelimiter('借据号\t合同金额\t年化利率')).toBe('\t');
  });
});

const GBK: Record<string, number[]> = { 借: [0xbd, 0xe8], 据: [0xbe, 0xdd], 号: [0xba, 0xc5] };

/** ASCII as is, 借/据/号 as their GBK bytes. */
function gbkBytes(text: string): Buffer {
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0) as number;
    if (code < 0x80) out.push(code);
    else {
      const pair = GBK[ch];
      if (!pair) throw new Error(`no GBK bytes for ${ch} in this test`);
      out.push(...pair);
    }
  }
  return Buffer.from(out);
}

interface ReadLog {
  header: string[] | null;
  rows: Rec[];
}

async function readAll(file: string, options: Partial<ReadCsvOptions> = {}) {
  const log: ReadLog = { header: null, rows: [] };
  const result = await readCsvFile(file, {
    onHeader: (fields) => void (log.header = fields),
    onRow: (fields, recordNo, lineNo) => void log.rows.push({ fields, recordNo, lineNo }),
    ...options,
  });
  return { ...log, result };
}

const sha256 = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('readCsvFile', () => {
  it('reads a UTF-8 tape: header, rows with record and line numbers, hash and size', async () => {
    const file = join(tempDir(), 'tape.csv');
    writeFileSync(file, '借据号,合同金额,还款方式\r\nCL001,"12,000.00",等额本息\r\n\r\nCL002,500.00,"先息\r\n后本"\r\nCL003,1.00,等额本金');
    const { header, rows: read, result } = await readAll(file);
    expect(header).toEqual(['借据号', '合同金额', '还款方式']);
    expect(read).toEqual([
      { fields: ['CL001', '12,000.00', '等额本息'], recordNo: 2, lineNo: 2 },
      { fields: ['CL002', '500.00', '先息\r\n后本'], recordNo: 3, lineNo: 4 },
      { fields: ['CL003', '1.00', '等额本金'], recordNo: 4, lineNo: 6 },
    ]);
    expect(result).toEqual({
      encoding: 'utf-8',
      encodingReason: expect.stringContaining('valid UTF-8'),
      delimiter: ',',
      sha256: sha256(file),
      bytes: statSync(file).size,
      records: 4,
      stopped: false,
    });
  });

  it('gives identical results in tiny chunks (characters and CRLF split across reads)', async () => {
    const file = join(tempDir(), 'tape.csv');
    writeFileSync(file, `\ufeff${TRICKY}`);
    const whole = await readAll(file);
    expect([whole.header, ...whole.rows.map((r) => r.fields)]).toEqual(TRICKY_ROWS);
    for (const chunkBytes of [1, 2, 3, 5, 7, 64]) {
      const chunked = await readAll(file, { chunkBytes });
      expect(chunked.header).toEqual(whole.header);
      expect(chunked.rows).toEqual(whole.rows);
      expect(chunked.result).toEqual(whole.result);
    }
  });

  it('reads UTF-8 with a BOM without the BOM in the first header name', async () => {
    const file = join(tempDir(), 'bom.csv');
    writeFileSync(file, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('借据号,金额\r\nCL1,1\r\n')]));
    const { header, result } = await readAll(file);
    expect(header).toEqual(['借据号', '金额']);
    expect(header?.[0]?.charCodeAt(0)).not.toBe(0xfeff);
    expect(result.encoding).toBe('utf-8-bom');
    expect(result.sha256).toBe(sha256(file));
  });

  it('strips a BOM even when the user says plain UTF-8', async () => {
    const file = join(tempDir(), 'bom.csv');
    writeFileSync(file, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('loan_id,amount\nL1,1\n')]));
    const { header, result } = await readAll(file, { encoding: 'utf-8' });
    expect(header).toEqual(['loan_id', 'amount']);
    expect(result.encodingReason).toBe('chosen by the user');
  });

  it('detects and decodes a GBK tape with a Chinese header', async () => {
    expect(new TextDecoder('gbk').decode(gbkBytes('借据号'))).toBe('借据号');
    const file = join(tempDir(), 'gbk.csv');
    writeFileSync(file, gbkBytes('借据号,amount\r\nCL001,100\r\n号,200\r\n'));
    const { header, rows: read, result } = await readAll(file);
    expect(header).toEqual(['借据号', 'amount']);
    expect(read.map((r) => r.fields)).toEqual([
      ['CL001', '100'],
      ['号', '200'],
    ]);
    expect(result.encoding).toBe('gb18030');
    expect(result.encodingReason).toBe('not valid UTF-8 at byte 0; decoded as GB18030 (GBK)');
    expect(result.sha256).toBe(sha256(file));
  });

  it('decodes GBK split at every byte', async () => {
    const file = join(tempDir(), 'gbk.csv');
    writeFileSync(file, gbkBytes('借据号,"据,号"\n借,号\n'));
    const { header, rows: read } = await readAll(file, { chunkBytes: 1 });
    expect(header).toEqual(['借据号', '据,号']);
    expect(read.map((r) => r.fields)).toEqual([['借', '号']]);
  });

  it('refuses an auto-detected UTF-8 file that turns out to be GBK after the sample', async () => {
    const file = join(tempDir(), 'late-gbk.csv');
    const ascii = 'loan_id,region\n' + 'L0000001,guangdong\n'.repeat(5000); // 95 KB of ASCII
    writeFileSync(file, Buffer.concat([Buffer.from(ascii), gbkBytes('L9,借据号\n')]));
    const error = await expectCsvErrorAsync(readAll(file));
    expect(error.message).toMatch(/not valid UTF-8 at byte 95018 \(line 5002\)/);
    expect(error.message).toMatch(/GB18030/);
    expect(error.lineNo).toBe(5002);
    // Told it is GBK, the same file reads fine.
    const { rows: read, result } = await readAll(file, { encoding: 'gb18030' });
    expect(read.at(-1)?.fields).toEqual(['L9', '借据号']);
    expect(result.records).toBe(5002);
  });

  it('reads Excel\'s UTF-16LE "Unicode text" (BOM, tab-delimited)', async () => {
    const file = join(tempDir(), 'unicode.txt');
    const text = '借据号\t合同金额\t备注\r\nCL001\t12000.00\t"a\tb"\r\nCL002\t500\t\r\n';
    writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    for (const chunkBytes of [undefined, 1, 3]) {
      const { header, rows: read, result } = await readAll(file, chunkBytes ? { chunkBytes } : {});
      expect(header).toEqual(['借据号', '合同金额', '备注']);
      expect(read.map((r) => r.fields)).toEqual([
        ['CL001', '12000.00', 'a\tb'],
        ['CL002', '500', ''],
      ]);
      expect(result).toMatchObject({ encoding: 'utf-16le', delimiter: '\t', records: 3 });
    }
  });

  it('reads UTF-16BE with a BOM', async () => {
    const file = join(tempDir(), 'be.txt');
    const le = Buffer.from('借据号;金额\n号;1\n', 'utf16le');
    const be = Buffer.alloc(le.length);
    for (let i = 0; i < le.length; i += 2) {
      be[i] = le[i + 1] as number;
      be[i + 1] = le[i] as number;
    }
    writeFileSync(file, Buffer.concat([Buffer.from([0xfe, 0xff]), be]));
    const { header, rows: read, result } = await readAll(file);
    expect(header).toEqual(['借据号', '金额']);
    expect(read.map((r) => r.fields)).toEqual([['号', '1']]);
    expect(result).toMatchObject({ encoding: 'utf-16be', delimiter: ';' });
  });

  it('uses the delimiter it is given', async () => {
    const file = join(tempDir(), 'pipe.csv');
    writeFileSync(file, 'a|b,c\n1|2,3\n');
    expect((await readAll(file)).header).toEqual(['a|b', 'c']);
    const given = await readAll(file, { delimiter: '|' });
    expect(given.header).toEqual(['a', 'b,c']);
    expect(given.result.delimiter).toBe('|');
  });

  it('detects the delimiter from enough text even in tiny chunks', async () => {
    const file = join(tempDir(), 'semi.csv');
    writeFileSync(file, 'loan_id;amount;rate\nL1;100;0,15\nL2;200;0,16\n');
    const { header, result } = await readAll(file, { chunkBytes: 4 });
    expect(header).toEqual(['loan_id', 'amount', 'rate']);
    expect(result.delimiter).toBe(';');
  });

  it('reports an unterminated quote with the line where it opened', async () => {
    const file = join(tempDir(), 'open.csv');
    writeFileSync(file, 'a,b\n1,2\n"multi\nline",3\n4,"never closed\n5,6\n7,8\n');
    const error = await expectCsvErrorAsync(readAll(file));
    expect(error.lineNo).toBe(5);
    expect(error.recordNo).toBe(4);
    expect(error.message).toMatch(/^open\.csv: Unterminated quoted field: the quote opened on line 5/);
    expect(error.code).toBe('BAD_FILE');
  });

  it('stops between chunks when shouldStop says so', async () => {
    const file = join(tempDir(), 'big.csv');
    writeFileSync(file, 'id,v\n' + Array.from({ length: 2000 }, (_, i) => `L${i},${i}\n`).join(''));
    let checks = 0;
    const { rows: read, result } = await readAll(file, { delimiter: ',', chunkBytes: 1024, shouldStop: () => ++checks > 3 });
    expect(result.stopped).toBe(true);
    expect(result.bytes).toBe(3 * 1024);
    expect(read.length).toBeGreaterThan(0);
    expect(read.length).toBeLessThan(2000);
    expect(result.records).toBe(read.length + 1);
  });

  it('stops when onRow returns false', async () => {
    const file = join(tempDir(), 'rows.csv');
    writeFileSync(file, 'id,v\n' + Array.from({ length: 100 }, (_, i) => `L${i},${i}\n`).join(''));
    const seen: string[] = [];
    const result = await readCsvFile(file, {
      onHeader: () => undefined,
      onRow: (fields) => (seen.push(fields[0] ?? ''), seen.length < 10 ? undefined : false),
    });
    expect(seen).toHaveLength(10);
    expect(result).toMatchObject({ stopped: true, records: 11 });
  });

  it('stops when onHeader returns false', async () => {
    const file = join(tempDir(), 'rows.csv');
    writeFileSync(file, 'id,v\n1,2\n');
    let rowsSeen = 0;
    const result = await readCsvFile(file, { onHeader: () => false, onRow: () => void rowsSeen++ });
    expect(result).toMatchObject({ stopped: true, records: 1 });
    expect(rowsSeen).toBe(0);
  });

  it('reports progress about every MiB, ending at the total', async () => {
    const file = join(tempDir(), 'progress.csv');
    const line = 'CL2026000001,C000123,现金贷,2026-03-14,2026-09-14,12000.00,6123.45,0.1560,6,3\n';
    writeFileSync(file, 'h1,h2,h3,h4,h5,h6,h7,h8,h9,h10\n' + line.repeat(Math.ceil((3.5 * 1048576) / line.length)));
    const total = statSync(file).size;
    const calls: [number, number][] = [];
    const { result } = await readAll(file, { onProgress: (read, of) => void calls.push([read, of]) });
    expect(calls.length).toBe(4);
    expect(calls.every(([, of]) => of === total)).toBe(true);
    expect(calls.at(-1)?.[0]).toBe(total);
    for (let i = 1; i < calls.length; i++) expect((calls[i]?.[0] ?? 0) - (calls[i - 1]?.[0] ?? 0)).toBeGreaterThan(0);
    expect(result.sha256).toBe(sha256(file));
  });

  it('hashes a multi-chunk 9 MiB file exactly as crypto does', async () => {
    const file = join(tempDir(), 'big.csv');
    const line = 'CL2026000001,C000123,现金贷,"12,000.00",等额本息,0.1560\r\n';
    writeFileSync(file, 'a,b,c,d,e,f\r\n' + line.repeat(Math.ceil((9 * 1048576) / line.length)));
    let rowCount = 0;
    const result = await readCsvFile(file, {
      onHeader: () => undefined,
      onRow: (fields) => {
        if (fields.length !== 6 || fields[3] !== '12,000.00') throw new Error(`bad row ${rowCount}`);
        rowCount++;
      },
    });
    expect(result.sha256).toBe(sha256(file));
    expect(result.bytes).toBe(statSync(file).size);
    expect(result.records).toBe(rowCount + 1);
  });

  it('reads a header-only file', async () => {
    const file = join(tempDir(), 'header.csv');
    writeFileSync(file, '借据号,合同金额');
    const { header, rows: read, result } = await readAll(file);
    expect(header).toEqual(['借据号', '合同金额']);
    expect(read).toEqual([]);
    expect(result.records).toBe(1);
  });

  it('refuses an empty file, and one of blank lines only', async () => {
    const empty = join(tempDir(), 'empty.csv');
    writeFileSync(empty, '');
    const error = await expectCsvErrorAsync(readAll(empty));
    expect(error.message).toMatch(/^empty\.csv is empty/);
    expect(error.code).toBe('BAD_FILE');
    const blank = join(tempDir(), 'blank.csv');
    writeFileSync(blank, '\r\n\r\n\n');
    expect((await expectCsvErrorAsync(readAll(blank))).message).toMatch(/no header row/);
  });

  it('says when the file is missing or not a file', async () => {
    await expect(readAll(join(tempDir(), 'missing.csv'))).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const dir = join(tempDir(), 'folder.csv');
    mkdirSync(dir);
    await expect(readAll(dir)).rejects.toMatchObject({ code: 'BAD_FILE' });
  });
});

describe('previewCsv', () => {
  it('returns the header and the first rows, and says whether more follow', async () => {
    const file = join(tempDir(), 'tape.csv');
    writeFileSync(file, '\ufeff借据号,金额\r\n' + Array.from({ length: 30 }, (_, i) => `CL${i},"${i},00"\r\n`).join(''));
    const preview = await previewCsv(file);
    expect(preview.header).toEqual(['借据号', '金额']);
    expect(preview.rows).toHaveLength(20);
    expect(preview.rows[0]).toEqual(['CL0', '0,00']);
    expect(preview).toMatchObject({ encoding: 'utf-8-bom', delimiter: ',', truncated: true });
    expect((await previewCsv(file, { maxRows: 30 })).truncated).toBe(false);
    expect((await previewCsv(file, { maxRows: 29 })).truncated).toBe(true);
  });

  it('takes encoding and delimiter overrides', async () => {
    const file = join(tempDir(), 'gbk.csv');
    writeFileSync(file, gbkBytes('借据号;号\n1;2\n'));
    const detected = await previewCsv(file);
    expect(detected).toMatchObject({ encoding: 'gb18030', delimiter: ';', header: ['借据号', '号'], truncated: false });
    const forced = await previewCsv(file, { encoding: 'gb18030', delimiter: ',' });
    expect(forced.header).toEqual(['借据号;号']);
    expect(forced.encodingReason).toBe('chosen by the user');
  });

  it('reads only the first MiB of a big file', async () => {
    const file = join(tempDir(), 'big.csv');
    const line = 'CL2026000001,现金贷,12000.00\n';
    writeFileSync(file, 'id,product,amount\n' + line.repeat(Math.ceil((3 * 1048576) / line.length)));
    const preview = await previewCsv(file, { maxRows: 5 });
    expect(preview.rows).toHaveLength(5);
    expect(preview.truncated).toBe(true);
  });

  it('refuses an empty file and reports an unterminated quote in a small one', async () => {
    const empty = join(tempDir(), 'empty.csv');
    writeFileSync(empty, '');
    await expect(previewCsv(empty)).rejects.toBeInstanceOf(CsvFormatError);
    const open = join(tempDir(), 'open.csv');
    writeFileSync(open, 'a,b\n1,"2\n');
    expect((await expectCsvErrorAsync(previewCsv(open))).lineNo).toBe(2);
  });
});

describe('readCsvFile: where the 64 KiB decode slices of one read meet', () => {
  // readCsvFile decodes each 1 MiB read 65,536 bytes at a time (DECODE_SLICE_BYTES): the decoder
  // and the parser carry what a slice cuts. Here each of four records is cut at the next slice
  // boundary inside the piece that breaks most easily, with a filler row before it sized to put
  // the cut there; the whole file (< 1 MiB) is one read, so only the slicing splits it.
  const SLICE = 65_536;
  /** [id, the record's text after "id,", the text before the piece cut, the piece, its bytes before the cut (UTF-8, UTF-16), the note read]. */
  const CASES = [
    ['E1', '"a😀b"\r\n', '"a', '😀', [2, 2], 'a😀b'], // a 4-byte character / a surrogate pair
    ['E2', '"c\r\nd"\r\n', '"c', '\r\n', [1, 2], 'c\r\nd'], // CRLF inside quotes
    ['E3', 'e\r\n', 'e', '\r\n', [1, 2], 'e'], // the record's own CRLF
    ['E4', '"f""g"\r\n', '"f', '""', [1, 2], 'f"g'], // a "" escape
  ] as const;

  async function sliced(name: string, bom: Buffer, encode: (text: string) => Buffer, unit: 0 | 1): Promise<void> {
    const expected: string[][] = [];
    let text = 'id,note\r\n';
    for (const [k, [id, record, before, piece, into, note]] of CASES.entries()) {
      const filler = `F${k},\r\n`;
      const cutAt = (k + 1) * SLICE;
      const free = cutAt - bom.length - encode(text + filler + id + ',' + before).length - into[unit];
      const pad = 'y'.repeat(free / encode('y').length);
      text += `F${k},${pad}\r\n${id},`;
      // The cut falls inside the piece, as intended.
      expect(record.startsWith(before + piece)).toBe(true);
      expect(bom.length + encode(text + before).length + into[unit]).toBe(cutAt);
      text += record;
      expected.push([`F${k}`, pad], [id, note]);
    }
    const file = join(tempDir(), name);
    writeFileSync(file, Buffer.concat([bom, encode(text)]));
    const { header, rows: read, result } = await readAll(file);
    expect(header).toEqual(['id', 'note']);
    expect(read.map((r) => r.fields)).toEqual(expected);
    expect(result.records).toBe(1 + expected.length);
  }

  it('UTF-8 with a BOM: a 4-byte character, CRLF in and after quotes, a "" escape', async () => {
    await sliced('slices-utf8.csv', Buffer.from([0xef, 0xbb, 0xbf]), (text) => Buffer.from(text, 'utf8'), 0);
  });

  it('UTF-16LE: a surrogate pair, CRLF in and after quotes, a "" escape', async () => {
    await sliced('slices-utf16.csv', Buffer.from([0xff, 0xfe]), (text) => Buffer.from(text, 'utf16le'), 1);
  });
});
