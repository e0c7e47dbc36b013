import { csvField } from '../../data/csv-out.ts';
import ExcelJS from '../../data/excel.ts';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  csvValue,
  encodeGbk,
  generateSampleLoans,
  SAMPLE_COLUMNS,
  SAMPLE_PARAMETERS,
  SAMPLE_VALUE_LABELS,
  sampleCsvLine,
  sampleHeaderRow,
  writeSampleTape,
  xoshiro128ss,
  type SampleLoan,
  type SampleOptions,
} from '../../data/sample/index.ts';
import { FIELD_BY_NAME } from '../../data/tape/fields.ts';
import { addMonths, parseIsoDate, toDayNumber } from '../../engine/dates.ts';
import { useTempDir } from '../helpers/tmp.ts';

const tempDir = useTempDir('abs-sample-');

function loansOf(options: SampleOptions): SampleLoan[] {
  return [...generateSampleLoans(options)];
}

function sha256(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

/** Day number of origination + k months, clamped to month end (the loan's k-th due date). */
function dueDay(originationDate: string, k: number): number {
  return toDayNumber(addMonths(parseIsoDate(originationDate), k));
}

const isFen = (amount: number): boolean => Math.abs(amount * 100 - Math.round(amount * 100)) < 1e-6;
const delinquent = (l: SampleLoan): boolean => l.daysPastDue > 0;
const mean = (values: number[]): number => values.reduce((a, b) => a + b, 0) / values.length;
/** Header matching as the importer does it, near enough: case- and underscore-insensitive. */
const normalise = (header: string): string => header.toLowerCase().replaceAll('_', ' ');

describe('xoshiro128**', () => {
  it('reproduces the reference implementation (prng.di.unimi.it/xoshiro128starstar.c) from state {1, 2, 3, 4}', () => {
    const prng = xoshiro128ss([1, 2, 3, 4]);
    const outputs = Array.from({ length: 10 }, () => prng.uint32());
    expect(outputs).toEqual([11520, 0, 5927040, 70819200, 2031721883, 1637235492, 1287239034, 3734860849, 3729100597, 4258142804]);
  });
});

describe('generateSampleLoans', () => {
  it('is deterministic: the same seed gives the same loans, another seed others', () => {
    const a = loansOf({ loans: 2_000, seed: 42 });
    expect(loansOf({ loans: 2_000, seed: 42 })).toEqual(a);
    const b = loansOf({ loans: 2_000, seed: 43 });
    expect(b.map((l) => l.currentPrincipal)).not.toEqual(a.map((l) => l.currentPrincipal));
  });

  it('extends the same stream when more loans are asked for (ids keep 6 digits up to 999,999)', () => {
    expect(loansOf({ loans: 5_000, seed: 9 }).slice(0, 1_000)).toEqual(loansOf({ loans: 1_000, seed: 9 }));
  });

  it('streams: the first loan arrives without generating the rest', () => {
    const iterator = generateSampleLoans({ loans: 5_000_000, seed: 1 })[Symbol.iterator]();
    const started = performance.now();
    expect(iterator.next().value?.loanId).toBe('CL20260000001');
    expect(performance.now() - started).toBeLessThan(500);
  });

  it('refuses impossible options', () => {
    expect(() => loansOf({ loans: 0, seed: 1 })).toThrow(RangeError);
    expect(() => loansOf({ loans: 1.5, seed: 1 })).toThrow(RangeError);
    expect(() => loansOf({ loans: 10, seed: -1 })).toThrow(RangeError);
    expect(() => loansOf({ loans: 10, seed: 1, cutoffDate: '2026-02-30' })).toThrow(/valid calendar date/);
  });

  // Cutoffs at month ends and in a leap February exercise the month-end clamping of due dates.
  it.each(['2026-09-30', '2024-02-29', '2025-01-31', '2026-03-15'])('every loan is internally consistent at cutoff %s', (cutoffDate) => {
    const cutoffDay = toDayNumber(parseIsoDate(cutoffDate));
    const year = cutoffDate.slice(0, 4);
    const loans = loansOf({ loans: cutoffDate === SAMPLE_PARAMETERS.defaultCutoffDate ? 10_000 : 4_000, seed: 11, cutoffDate });
    const ids = new Set<string>();
    const terms = new Set(SAMPLE_PARAMETERS.termMix.cash_loan.map(([t]) => t));
    const provinces = new Set(SAMPLE_PARAMETERS.provinces.map((p) => p.code));
    for (const l of loans) {
      const context = JSON.stringify(l);
      expect(l.loanId, context).toMatch(new RegExp(`^CL${year}\\d{6}$`));
      ids.add(l.loanId);
      expect(l.borrowerId).toMatch(/^CU\d{9}$/);
      expect(l.asOfDate).toBe(cutoffDate);
      expect(terms.has(l.originalTerm), context).toBe(true);
      expect(provinces.has(l.province), context).toBe(true);

      // Dates: originated on or before the cutoff, matures term months later, after the cutoff.
      const origination = toDayNumber(parseIsoDate(l.originationDate));
      const maturity = toDayNumber(parseIsoDate(l.maturityDate));
      expect(origination, context).toBeLessThanOrEqual(cutoffDay);
      expect(maturity, context).toBeGreaterThan(origination);
      expect(maturity, context).toBe(dueDay(l.originationDate, l.originalTerm));
      expect(maturity, context).toBeGreaterThan(cutoffDay);

      // Remaining term = installments not yet due at the cutoff, 1 … original term.
      let due = 0;
      while (dueDay(l.originationDate, due + 1) <= cutoffDay) due++;
      expect(l.remainingTerm, context).toBe(l.originalTerm - due);
      expect(l.remainingTerm, context).toBeGreaterThanOrEqual(1);

      // Amounts: yuan to the fen, never negative; current ≤ original unless restructured.
      expect(l.originalPrincipal % 100, context).toBe(0);
      expect(l.originalPrincipal).toBeGreaterThanOrEqual(1_000);
      expect(l.originalPrincipal).toBeLessThanOrEqual(300_000);
      for (const amount of [l.currentPrincipal, l.overduePrincipal, l.overdueInterest]) {
        expect(amount, context).toBeGreaterThanOrEqual(0);
        expect(isFen(amount), context).toBe(true);
      }
      if (!l.restructured) expect(l.currentPrincipal, context).toBeLessThanOrEqual(l.originalPrincipal);
      expect(l.overduePrincipal, context).toBeLessThanOrEqual(l.currentPrincipal);

      // Rates: APR as a decimal with 4 decimals, within the parameter range.
      expect(l.rateAnnual).toBeGreaterThanOrEqual(SAMPLE_PARAMETERS.rate.min);
      expect(l.rateAnnual).toBeLessThanOrEqual(SAMPLE_PARAMETERS.rate.max);
      expect(Math.abs(l.rateAnnual * 10_000 - Math.round(l.rateAnnual * 10_000))).toBeLessThan(1e-6);

      expect(Number.isInteger(l.creditScore)).toBe(true);
      expect(l.creditScore).toBeGreaterThanOrEqual(350);
      expect(l.creditScore).toBeLessThanOrEqual(950);
      if (l.product === 'installment') expect(l.amortization).not.toBe('interest_only');

      // Delinquency: DPD counts from a due date of this loan; a current loan owes nothing overdue.
      if (l.daysPastDue === 0) {
        expect(l.overduePrincipal + l.overdueInterest, context).toBe(0);
      } else {
        // The oldest unpaid installment k fell due exactly DPD days before the cutoff.
        const oldestUnpaid = Array.from({ length: due }, (_, i) => i + 1).find((k) => dueDay(l.originationDate, k) === cutoffDay - l.daysPastDue);
        expect(oldestUnpaid, context).toBeDefined();
        expect(l.overdueInterest, context).toBeGreaterThan(0);
      }
    }
    expect(ids.size).toBe(loans.length);
  });

  it('balances follow the contractual schedule (monthly rate APR / 12), checked in closed form', () => {
    // Level payment: B_m = P(1+r)^m − A((1+r)^m − 1)/r with A = P·r / (1 − (1+r)^−n);
    // equal principal and flat fee: B_m = P(1 − m/n); interest-only: B_m = P. The generator
    // rounds each installment to the fen, so allow 0.5 yuan. Partial prepayments only lower it.
    let onSchedule = 0;
    let checked = 0;
    for (const l of loansOf({ loans: 20_000, seed: 5 })) {
      if (l.restructured) continue;
      const n = l.originalTerm;
      const m = n - l.remainingTerm;
      const P = l.originalPrincipal;
      const r = l.rateAnnual / 12;
      const growth = (1 + r) ** m;
      const scheduled = l.amortization === 'level_payment' ? P * growth - ((P * r) / (1 - (1 + r) ** -n)) * ((growth - 1) / r) : l.amortization === 'interest_only' ? P : P * (1 - m / n);
      // A delinquent loan still owes its overdue principal: what is left after it is B_m.
      const afterArrears = l.currentPrincipal - l.overduePrincipal;
      expect(afterArrears, JSON.stringify(l)).toBeLessThanOrEqual(scheduled + 0.5);
      checked++;
      if (Math.abs(afterArrears - scheduled) <= 0.5) onSchedule++;
      if (l.daysPastDue > 0 && l.amortization === 'interest_only') {
        // Interest-only arrears are whole months of P·r, each rounded to the fen.
        const monthly = Math.round(P * 100 * r) / 100;
        const months = Math.round(l.overdueInterest / monthly);
        expect(l.overdueInterest).toBeCloseTo(months * monthly, 6);
        expect(l.overduePrincipal).toBe(0);
      }
    }
    // About 12% of seasoned performing loans have a partial prepayment; the rest are on schedule.
    expect(onSchedule / checked).toBeGreaterThan(0.85);
  });

  it('hits the pool targets on 50,000 loans: segment delinquency, mixes, restructured share, shared borrowers', () => {
    const loans = loansOf({ loans: 50_000, seed: 2026 });
    const count = (predicate: (l: SampleLoan) => boolean): number => loans.filter(predicate).length;
    const share = (predicate: (l: SampleLoan) => boolean, of: (l: SampleLoan) => boolean = () => true): number => count((l) => of(l) && predicate(l)) / count(of);

    // Delinquency targets (SAMPLE_PARAMETERS.delinquencyRate): 1.5% salaried, 8.3% self-employed
    // and gig. Tolerances are about 4–5 binomial standard deviations at these segment sizes.
    expect(share(delinquent, (l) => l.segment === 'salaried')).toBeCloseTo(0.015, 2); // ±0.5pp
    expect(Math.abs(share(delinquent, (l) => l.segment === 'self_employed') - 0.083)).toBeLessThan(0.011);
    expect(Math.abs(share(delinquent, (l) => l.segment === 'gig') - 0.083)).toBeLessThan(0.014);

    expect(Math.abs(share((l) => l.segment === 'salaried') - 0.6)).toBeLessThan(0.01);
    expect(Math.abs(share((l) => l.segment === 'self_employed') - 0.25)).toBeLessThan(0.01);
    expect(Math.abs(share((l) => l.product === 'cash_loan') - 0.55)).toBeLessThan(0.01);
    expect(Math.abs(share((l) => l.originalTerm === 3) - 0.25)).toBeLessThan(0.01);
    expect(Math.abs(share((l) => l.originalTerm === 6) - 0.3)).toBeLessThan(0.01);
    expect(Math.abs(share((l) => l.originalTerm === 12) - 0.35)).toBeLessThan(0.01);
    expect(Math.abs(share((l) => l.originalTerm > 12) - 0.1)).toBeLessThan(0.01);
    expect(Math.abs(share((l) => l.restructured) - 0.01)).toBeLessThan(0.003);
    expect(share((l) => l.restructured, delinquent)).toBeGreaterThan(
      5 *
        share(
          (l) => l.restructured,
          (l) => !delinquent(l),
        ),
    );

    // Salaried borrowers score higher and pay less.
    const of = (segment: string, pick: (l: SampleLoan) => number): number => mean(loans.filter((l) => l.segment === segment).map(pick));
    expect(of('salaried', (l) => l.creditScore)).toBeGreaterThan(of('gig', (l) => l.creditScore) + 50);
    expect(of('salaried', (l) => l.rateAnnual)).toBeLessThan(of('gig', (l) => l.rateAnnual) - 0.02);

    // Balances skew small: median ¥8,000–12,000.
    const balances = loans.map((l) => l.originalPrincipal).sort((a, b) => a - b);
    const median = balances[balances.length >> 1] ?? 0;
    expect(median).toBeGreaterThanOrEqual(8_000);
    expect(median).toBeLessThanOrEqual(12_000);

    // About 8% of loans share their borrower with 1–2 others, never more.
    const perBorrower = new Map<string, number>();
    for (const l of loans) perBorrower.set(l.borrowerId, (perBorrower.get(l.borrowerId) ?? 0) + 1);
    const shared = [...perBorrower.values()].filter((n) => n > 1);
    expect(Math.max(...shared)).toBeLessThanOrEqual(3);
    expect(Math.abs(shared.reduce((a, b) => a + b, 0) / loans.length - 0.08)).toBeLessThan(0.01);

    // DPD mix: most in 1–30, every bucket present, 180+ the rarest.
    const buckets = [0, 0, 0, 0, 0];
    for (const l of loans) {
      if (l.daysPastDue === 0) continue;
      const d = l.daysPastDue;
      buckets[d <= 30 ? 0 : d <= 60 ? 1 : d <= 90 ? 2 : d <= 180 ? 3 : 4]!++;
    }
    expect(buckets.every((n) => n > 0)).toBe(true);
    expect(buckets[0]).toBeGreaterThan(buckets[1]! + buckets[2]! + buckets[3]! + buckets[4]!);
    expect(buckets[4]).toBe(Math.min(...buckets));
  });
});

describe('CSV', () => {
  it('quotes fields as RFC 4180 says, only when needed', () => {
    expect(csvField('CL2026000001')).toBe('CL2026000001');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
  });

  it('writes each record exactly as the column table renders it', () => {
    for (const headers of ['zh', 'en'] as const) {
      for (const loan of loansOf({ loans: 3_000, seed: 8 })) {
        const expected = SAMPLE_COLUMNS.map((c) => csvValue(c, loan, SAMPLE_VALUE_LABELS[headers])).join(',');
        expect(sampleCsvLine(loan, headers)).toBe(`${expected}\r\n`);
      }
    }
  });

  it('writes a UTF-8 file with a BOM, the header row and one CRLF line per loan; same seed → same bytes', async () => {
    const dir = tempDir();
    const a = await writeSampleTape({ loans: 1_234, seed: 3, out: join(dir, 'a.csv'), format: 'csv' });
    const b = await writeSampleTape({ loans: 1_234, seed: 3, out: join(dir, 'b.csv'), format: 'csv' });
    const c = await writeSampleTape({ loans: 1_234, seed: 4, out: join(dir, 'c.csv'), format: 'csv' });
    expect(a).toEqual({ rows: 1_234, bytes: readFileSync(a.path).length, path: join(dir, 'a.csv') });
    expect(sha256(a.path)).toBe(sha256(b.path));
    expect(sha256(a.path)).not.toBe(sha256(c.path));

    const bytes = readFileSync(a.path);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).split('\r\n');
    expect(lines.pop()).toBe('');
    expect(lines).toHaveLength(1_235);
    expect(lines[0]).toBe('借据号,客户号,产品类型,放款日期,到期日期,合同金额,剩余本金,年化利率,总期数,剩余期数,还款方式,逾期天数,逾期本金,逾期利息,职业类型,省份,信用评分,是否重组,数据日期');
    expect(lines.slice(1).every((line) => line.split(',').length === SAMPLE_COLUMNS.length)).toBe(true);
    expect(lines[1]).toMatch(
      /^CL2026000001,CU\d{9},(现金贷|分期),\d{4}-\d{2}-\d{2},\d{4}-\d{2}-\d{2},\d+\.\d{2},\d+\.\d{2},0\.\d{4},\d+,\d+,(等额本息|等额本金|先息后本|等本等息),\d+,\d+\.\d{2},\d+\.\d{2},(工薪|自雇|灵活就业),[^,]+,\d+,[是否],2026-09-30$/,
    );
  });

  it('writes English headers and values', async () => {
    const { path } = await writeSampleTape({ loans: 50, seed: 3, out: join(tempDir(), 'en.csv'), format: 'csv', headers: 'en' });
    const lines = readFileSync(path, 'utf8').slice(1).split('\r\n');
    expect(lines[0]).toBe(
      'loan_id,borrower_id,product,origination_date,maturity_date,original_principal,current_principal,annual_rate,original_term,remaining_term,amortization,days_past_due,overdue_principal,overdue_interest,segment,province,credit_score,restructured,as_of_date',
    );
    expect(lines[1]).toMatch(/,(cash_loan|installment),.*,(level_payment|equal_principal|interest_only|flat_fee),.*,(salaried|self_employed|gig),[A-Z][a-z]+,\d+,[YN],2026-09-30$/);
  });

  it('GBK output decodes (WHATWG GBK decoder) to the same text as the UTF-8 output', async () => {
    const dir = tempDir();
    const utf8 = await writeSampleTape({ loans: 3_000, seed: 12, out: join(dir, 'u.csv'), format: 'csv' });
    const gbk = await writeSampleTape({ loans: 3_000, seed: 12, out: join(dir, 'g.csv'), format: 'csv', encoding: 'gbk' });
    const gbkBytes = readFileSync(gbk.path);
    expect([...gbkBytes.subarray(0, 2)]).toEqual([0xbd, 0xe8]); // 借 in GBK, no BOM
    expect(new TextDecoder('gbk', { fatal: true }).decode(gbkBytes)).toBe(new TextDecoder('utf-8').decode(readFileSync(utf8.path)));
    expect(gbk.bytes).toBeLessThan(utf8.bytes);
  });

  it('encodes GBK two bytes a Chinese character and refuses characters GBK lacks', () => {
    expect([...encodeGbk('广东,A1')]).toEqual([0xb9, 0xe3, 0xb6, 0xab, 0x2c, 0x41, 0x31]);
    expect(() => encodeGbk('😀')).toThrow(/GBK cannot encode U\+D83D/);
  });

  it('every header is a synonym the importer maps to the column’s field', () => {
    for (const column of SAMPLE_COLUMNS) {
      const synonyms = (FIELD_BY_NAME.get(column.field)?.synonyms ?? []).map(normalise);
      expect(synonyms, column.zh).toContain(normalise(column.zh));
      expect(synonyms, column.en).toContain(normalise(column.en));
    }
    expect(sampleHeaderRow('en')).toHaveLength(19);
  });

  it('reports progress up to the total, and leaves no file behind when it cannot write', async () => {
    const seen: number[] = [];
    await writeSampleTape({
      loans: 5_000,
      seed: 1,
      out: join(tempDir(), 'p.csv'),
      format: 'csv',
      onProgress: (done, total) => {
        expect(total).toBe(5_000);
        seen.push(done);
      },
    });
    expect(seen.at(-1)).toBe(5_000);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);

    const dir = tempDir();
    await expect(writeSampleTape({ loans: 10, seed: 1, out: join(dir, 'missing', 'x.csv'), format: 'csv' })).rejects.toMatchObject({ code: 'ENOENT' });
    await expect(writeSampleTape({ loans: 1_048_576, seed: 1, out: join(dir, 'big.xlsx'), format: 'xlsx' })).rejects.toThrow(/row limit/);
    expect(readdirSync(dir).filter((name) => !name.endsWith('.csv'))).toEqual([]);
    expect(existsSync(join(dir, 'big.xlsx'))).toBe(false);
  });
});

describe('XLSX', () => {
  it('reads back with exceljs: sheet "loans", bold headers, real dates, numeric amounts and rates', async () => {
    const loans = loansOf({ loans: 300, seed: 21 });
    const result = await writeSampleTape({ loans: 300, seed: 21, out: join(tempDir(), 'tape.xlsx'), format: 'xlsx' });
    expect(result.rows).toBe(300);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(result.path);
    const sheet = workbook.getWorksheet('loans');
    if (!sheet) throw new Error('no sheet named loans');
    expect(sheet.rowCount).toBe(301);

    const header = sheet.getRow(1);
    expect(SAMPLE_COLUMNS.map((_, i) => header.getCell(i + 1).value)).toEqual(sampleHeaderRow('zh'));
    expect(header.getCell(1).font?.bold).toBe(true);

    const labels = SAMPLE_VALUE_LABELS.zh;
    loans.forEach((loan, index) => {
      const row = sheet.getRow(index + 2);
      SAMPLE_COLUMNS.forEach((column, c) => {
        const cell = row.getCell(c + 1);
        const expected = column.value(loan, labels);
        switch (column.kind) {
          case 'date':
            expect(cell.type).toBe(ExcelJS.ValueType.Date);
            expect((cell.value as Date).toISOString().slice(0, 10)).toBe(expected);
            expect(cell.numFmt).toBe('yyyy-mm-dd');
            break;
          case 'money':
            expect(cell.type).toBe(ExcelJS.ValueType.Number);
            expect(cell.value).toBe(expected);
            expect(cell.numFmt).toBe('#,##0.00');
            break;
          case 'rate':
            expect(cell.value).toBe(expected);
            expect(cell.numFmt).toBe('0.00%');
            break;
          default:
            expect(cell.value).toBe(expected);
        }
      });
    });
  });
});
