import { describe, expect, it } from 'vitest';
import { LOAN_COLUMNS } from '../../data/tape/loan-columns.ts';
import { LOAN_VALUES_PER_ROW, LoanDecoder, LoanEncoder, transferablesOf, type EncodedLoans, type LoanValue } from '../../data/tape/loan-codec.ts';

/** Position of a column among a loan's values (LOAN_COLUMNS without tape_id). */
const at = (column: (typeof LOAN_COLUMNS)[number]): number => LOAN_COLUMNS.indexOf(column) - 1;

/** A loan as the row normalizer appends it, with `overrides` by column. */
function loan(rowNo: number, overrides: Partial<Record<(typeof LOAN_COLUMNS)[number], LoanValue>> = {}): LoanValue[] {
  const values: LoanValue[] = [
    rowNo,
    `CL${String(rowNo).padStart(11, '0')}`,
    'CU000000001',
    '2025-10-21',
    '2026-10-21',
    2800,
    233.37,
    0.1447,
    12,
    1,
    11,
    'monthly',
    'flat_fee',
    0,
    0,
    0,
    '工薪',
    '现金贷',
    '贵州',
    654,
    0,
    null,
  ];
  for (const [column, value] of Object.entries(overrides)) values[at(column as (typeof LOAN_COLUMNS)[number])] = value ?? null;
  return values;
}

/** Every loan of the batches, decoded `chunkRows` at a time, with the chunk sizes seen. */
function roundTrip(batches: readonly EncodedLoans[], chunkRows: number, decoder = new LoanDecoder()): { loans: LoanValue[][]; chunks: number[] } {
  const loans: LoanValue[][] = [];
  const chunks: number[] = [];
  for (const batch of batches) {
    decoder.decode(batch, chunkRows, (values, rows) => {
      chunks.push(rows);
      expect(values).toHaveLength(rows * LOAN_VALUES_PER_ROW);
      for (let r = 0; r < rows; r++) loans.push(values.slice(r * LOAN_VALUES_PER_ROW, (r + 1) * LOAN_VALUES_PER_ROW));
    });
  }
  return { loans, chunks };
}

describe('loan batches between the reader and the writer (loan-codec)', () => {
  it('gives back every value exactly: numbers (−0, extremes), nulls, Latin-1, Chinese and lone surrogates', () => {
    const encoder = new LoanEncoder();
    const sent = [
      loan(2),
      loan(3, { current_principal: -0, rate_annual: Number.MIN_VALUE, original_principal: Number.MAX_VALUE, credit_score: null, borrower_id: null, maturity_date: null }),
      loan(4, { loan_id: '借据-0001', borrower_id: 'Zoë Ångström ÿ', extra_json: '{"branch":"Hangzhou, West Lake"}' }),
      // A lone surrogate cannot be written as UTF-8; the batch carries UTF-16 code units as they are.
      loan(5, { loan_id: 'X\uD800Y', segment: '\uDC00', extra_json: '' }),
      loan(6, { loan_id: '', region: 'A'.repeat(300) + '省' }),
    ];
    for (const values of sent) encoder.add(values);
    expect(encoder.rows).toBe(5);
    const { loans } = roundTrip([encoder.take()], 64);
    expect(loans).toEqual(sent);
    expect(Object.is(loans[1]?.[at('current_principal')], -0)).toBe(true);
    expect(encoder.rows).toBe(0);
  });

  it('hands the loans over in full chunks of the INSERT size, the rest in a last short chunk', () => {
    const encoder = new LoanEncoder();
    const sent = Array.from({ length: 150 }, (_, i) => loan(i + 2));
    for (const values of sent) encoder.add(values);
    const { loans, chunks } = roundTrip([encoder.take()], 64);
    // 150 = 64 + 64 + 22
    expect(chunks).toEqual([64, 64, 22]);
    expect(loans).toEqual(sent);
  });

  it('sends a string that repeats the loan before as a tag alone, across batches, and decodes them in order', () => {
    const encoder = new LoanEncoder();
    const decoder = new LoanDecoder();
    const batches: EncodedLoans[] = [];
    const sent: LoanValue[][] = [];
    for (let i = 0; i < 3000; i++) {
      const values = loan(i + 2, { origination_date: `2025-${String((i % 12) + 1).padStart(2, '0')}-15`, region: i % 2 ? '贵州' : '广东' });
      sent.push(values);
      encoder.add(values);
      if (encoder.rows === 1024) batches.push(encoder.take());
    }
    batches.push(encoder.take());
    expect(batches.map((b) => b.rows)).toEqual([1024, 1024, 952]);
    // In the last batch every loan writes its loan id (a length byte and 13 characters), its
    // borrower id (1 + 11: the same text, but not a repeating column), its origination date
    // (1 + 10: it changes every loan) and its region (1 + 2 × 2: Chinese, in UTF-16, alternating);
    // the maturity date, frequency, amortization, segment and product repeat: a tag alone.
    expect(batches[2]?.text.byteLength).toBe(952 * (14 + 12 + 11 + 5));
    expect(roundTrip(batches, 64, decoder).loans).toEqual(sent);
  });

  it('repeats the last string a column held across nulls, a refused-row gap and batch ends; long and late-wide strings; NaN and infinities', () => {
    const encoder = new LoanEncoder();
    const decoder = new LoanDecoder();
    // 20,000 Latin-1 characters then one Chinese: the encoder rewrites the whole string two bytes
    // a code unit behind a 3-byte length (20,001 ≥ 128²).
    const lateWide = 'x'.repeat(20_000) + '省';
    const sent = [
      loan(2, { segment: '工薪', region: lateWide, current_principal: Number.NaN }),
      loan(3, { segment: null, region: lateWide, current_principal: Number.POSITIVE_INFINITY }), // region: a tag alone
      // row 4 refused: never packed
      loan(5, { segment: '工薪', region: '', current_principal: Number.NEGATIVE_INFINITY }), // segment: the string before the null
      loan(6, { segment: '工薪', region: '' }),
    ];
    encoder.add(sent[0] as LoanValue[]);
    encoder.add(sent[1] as LoanValue[]);
    const first = encoder.take();
    encoder.add(sent[2] as LoanValue[]);
    const second = encoder.take();
    encoder.add(sent[3] as LoanValue[]);
    const third = encoder.take();
    // The first batch's text: the wide region once (3 + 2 × 20,001 bytes), not twice.
    expect(first.text.byteLength).toBeLessThan(2 * 20_001 + 200);
    expect(roundTrip([first, second, third], 64, decoder).loans).toEqual(sent);
  });

  it('each batch owns its buffers whole, so they can be transferred to the writer thread', () => {
    const encoder = new LoanEncoder();
    encoder.add(loan(2));
    const batch = encoder.take();
    for (const buffer of transferablesOf(batch)) expect(buffer.byteLength).toBeGreaterThan(0);
    expect(batch.tags.byteOffset + batch.numbers.byteOffset + batch.text.byteOffset).toBe(0);
    expect(batch.tags.byteLength).toBe(batch.tags.buffer.byteLength);
    expect(batch.numbers.byteLength).toBe(batch.numbers.buffer.byteLength);
    expect(batch.text.byteLength).toBe(batch.text.buffer.byteLength);
  });

  it('refuses a loan with the wrong number of values, and a batch that does not add up', () => {
    const encoder = new LoanEncoder();
    expect(() => encoder.add([1, 'x'])).toThrow(`a loan has ${LOAN_VALUES_PER_ROW} values, not 2`);
    encoder.add(loan(2));
    const batch = encoder.take();
    expect(() => new LoanDecoder().decode({ ...batch, rows: 2 }, 64, () => undefined)).toThrow('loan batch');
    // A repeat of a loan the decoder never saw (batches out of order): refused, not guessed.
    encoder.add(loan(3));
    expect(() => new LoanDecoder().decode(encoder.take(), 64, () => undefined)).toThrow('no earlier origination_date to repeat');
  });
});
