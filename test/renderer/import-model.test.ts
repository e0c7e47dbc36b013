import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TAPE_ROW_MESSAGES } from '../../data/tape/rows/messages.ts';
import { VALUE_REASONS } from '../../data/tape/values/reasons.ts';
import { loadCatalogue } from '../../renderer/app/catalogues.ts';
import { chooseLanguage } from '../../renderer/app/language.ts';
import type { FieldInfo, ImportReport, TapePreview } from '../../service/api/contract.ts';
import {
  cutoffNeeded,
  cutoffUnreadable,
  defaultTapeName,
  DETECT,
  doubledFields,
  effectiveMapping,
  headerMapping,
  IMPORT_DEFAULTS,
  importRequest,
  problemsCsv,
  readRequest,
  unmappedFields,
} from '../../renderer/areas/tapes/import/model.ts';

// The import wizard's rules (renderer/areas/tapes/import/model.ts) over a three-column Chinese tape.
const field = (f: FieldInfo['field'], label: string, required: boolean): FieldInfo => ({ field: f, label, kind: 'text', required, help: '' });

const preview = {
  sourceFile: 'originator-a-2026-09.csv',
  mapping: [
    { column: 0, header: '借据号', field: 'loanId' },
    { column: 1, header: '剩余本金', field: 'currentPrincipal' },
    { column: 2, header: '日利率', field: null },
  ],
  fields: [field('loanId', 'Loan id', true), field('currentPrincipal', 'Current principal', true), field('rateAnnual', 'Annual rate', false), field('rateDaily', 'Daily rate', false)],
} as unknown as TapePreview;
const source = { kind: 'upload', uploadId: 'u1' } as const;

describe('the column mapping', () => {
  it('is the preview’s, with the analyst’s choices over it (null keeps a column as an extra attribute)', () => {
    const mapping = effectiveMapping(preview, { 日利率: 'rateDaily', 剩余本金: null });
    expect(mapping.map((m) => m.field)).toEqual(['loanId', null, 'rateDaily']);
    expect(headerMapping(mapping)).toEqual({ 借据号: 'loanId', 剩余本金: null, 日利率: 'rateDaily' });
  });

  it('names the required fields still unmapped, and a rate unless annual or daily is mapped', () => {
    expect(unmappedFields(preview, effectiveMapping(preview, {}))).toEqual(['an interest rate (annual or daily)']);
    expect(unmappedFields(preview, effectiveMapping(preview, { 日利率: 'rateDaily' }))).toEqual([]);
    expect(unmappedFields(preview, effectiveMapping(preview, { 剩余本金: null, 日利率: 'rateAnnual' }))).toEqual(['Current principal']);
  });

  it('asks for the cutoff date when no column maps to 数据日期 and none is typed (never today)', () => {
    expect(cutoffNeeded(effectiveMapping(preview, {}), '')).toBe(true);
    expect(cutoffNeeded(effectiveMapping(preview, {}), '  ')).toBe(true);
    expect(cutoffNeeded(effectiveMapping(preview, {}), '2026-09-30')).toBe(false);
    expect(cutoffNeeded(effectiveMapping(preview, { 日利率: 'asOfDate' }), '')).toBe(false);
    // A typed cutoff must be a YYYY-MM-DD date on the calendar: 2027 is not a leap year, 09/30/2026 is the US form.
    expect(cutoffUnreadable('2026-09-30')).toBe(false);
    expect(cutoffUnreadable('')).toBe(false);
    expect(cutoffUnreadable('2027-02-29')).toBe(true);
    expect(cutoffUnreadable('2028-02-29')).toBe(false);
    expect(cutoffUnreadable('09/30/2026')).toBe(true);
  });

  it('flags a field two columns map to', () => {
    expect([...doubledFields(effectiveMapping(preview, { 日利率: 'loanId' }))]).toEqual(['loanId']);
    expect(doubledFields(effectiveMapping(preview, {})).size).toBe(0);
  });
});

describe('the requests', () => {
  it('preview with only the read choices that override detection', () => {
    expect(readRequest(source, DETECT)).toEqual({ source });
    expect(readRequest(source, { ...DETECT, encoding: 'gbk', delimiter: '\t', mappingName: 'Originator A' })).toEqual({
      source,
      encoding: 'gbk',
      delimiter: '\t',
      mappingName: 'Originator A',
    });
  });

  it('import with the mapping as shown, a trimmed name and only the options set', () => {
    const mapping = effectiveMapping(preview, { 日利率: 'rateDaily' });
    const read = { ...DETECT, encoding: 'gbk', mappingName: 'Originator A' };
    expect(importRequest(source, read, mapping, '  A 2026-09 ', { ...IMPORT_DEFAULTS, cutoff: '2026-09-30', allowDuplicate: true })).toEqual({
      source,
      mode: 'reject',
      mapping: { 借据号: 'loanId', 剩余本金: 'currentPrincipal', 日利率: 'rateDaily' },
      name: 'A 2026-09',
      cutoffDate: '2026-09-30',
      encoding: 'gbk',
      allowDuplicate: true,
    });
    expect(importRequest(source, DETECT, mapping, ' ', { ...IMPORT_DEFAULTS, mode: 'keepValid' })).not.toHaveProperty('name');
  });

  it('name a tape after its file unless the analyst types a name', () => {
    expect(defaultTapeName('originator-a-2026-09.csv')).toBe('originator-a-2026-09');
    expect(defaultTapeName('贷款明细.2026.xlsx')).toBe('贷款明细.2026');
  });
});

describe('the problems CSV', () => {
  it('writes one line a problem, a tape value that looks like a formula guarded with a quote (OWASP CSV injection)', () => {
    const report = {
      problems: [{ row: 3, column: '放款日期', field: 'originationDate', value: '=1+1', rule: 'date', message: 'row 3, 放款日期: not a date' }],
    } as unknown as ImportReport;
    expect(problemsCsv(report)).toBe('Row,Column,Field,Value,Rule,Why\n3,放款日期,originationDate,"\'=1+1",date,not a date\n');
  });

  describe('in Chinese', () => {
    beforeAll(async () => {
      await loadCatalogue('zh-CN');
      await chooseLanguage('zh-CN');
    });
    afterAll(() => chooseLanguage('en'));

    it('heads its columns and says a coded problem in Chinese (walkthrough: English headers and messages on the Chinese screen)', () => {
      const coded = TAPE_ROW_MESSAGES.say('unreadable', { reason: VALUE_REASONS.say('notADate') });
      const report = {
        problems: [{ row: 3, column: '放款日期', field: 'originationDate', value: '2026/13/40', rule: 'format', message: `row 3, 放款日期: ${coded.message}`, code: coded.code, params: coded.params }],
      } as unknown as ImportReport;
      expect(problemsCsv(report)).toBe('行,列,字段,值,规则,原因\n3,放款日期,originationDate,2026/13/40,format,无法识别：不是日期（应为 YYYY-MM-DD）\n');
    });
  });
});
