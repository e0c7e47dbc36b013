import { describe, expect, it } from 'vitest';
import { FIELD_SPECS, type CanonicalField } from '../../data/tape/fields.ts';
import { describeMapping, headerUnit, normalizeHeader, suggestMapping } from '../../data/tape/headers.ts';

const CANONICAL_ORDER: CanonicalField[] = [
  'loanId',
  'borrowerId',
  'product',
  'originationDate',
  'maturityDate',
  'originalPrincipal',
  'currentPrincipal',
  'rateAnnual',
  'originalTerm',
  'remainingTerm',
  'amortization',
  'daysPastDue',
  'overduePrincipal',
  'overdueInterest',
  'segment',
  'region',
  'creditScore',
  'restructured',
  'asOfDate',
];

/** The field one header maps to on its own (no other columns competing). */
function alone(header: string): CanonicalField | null {
  return suggestMapping([header])[0] ?? null;
}

describe('normalizeHeader', () => {
  it.each([
    ['Loan ID', 'loanid'],
    ['LOAN_ID', 'loanid'],
    ['loan-id', 'loanid'],
    ['Loan.ID', 'loanid'],
    ['\uFEFFLoan ID', 'loanid'], // BOM of a UTF-8 CSV stuck to the first header
    ['Loan\u200B ID', 'loanid'], // zero-width space
    ['ＬＯＡＮ＿ＩＤ', 'loanid'], // full-width letters (NFKC)
    ['剩余本金(元)', '剩余本金'],
    ['剩余本金（元）', '剩余本金'], // full-width parentheses
    ['年化利率(%)', '年化利率'],
    ['年化利率（％）', '年化利率'],
    ['总期数(月)', '总期数'],
    ['逾期天数(天)', '逾期天数'],
    ['Current Balance [yuan]', 'currentbalance'],
    ['Outstanding Balance (CNY)', 'outstandingbalance'],
    ['放款日期(yyyy-mm-dd)', '放款日期'],
    ['*借据号', '借据号'],
    ['as-of date', 'asofdate'],
    ['还款方式/类型', '还款方式类型'],
  ])('%j → %j', (header, expected) => {
    expect(normalizeHeader(header)).toBe(expected);
  });

  it('drops a unit the values are read in — (万元), （亿元）, (%) — and keeps a qualifier: (日) makes a rate daily', () => {
    expect(normalizeHeader('贷款余额(万元)')).toBe('贷款余额');
    expect(normalizeHeader('合同金额（亿元）')).toBe('合同金额');
    expect(normalizeHeader('年化利率(%)')).toBe('年化利率');
    expect(normalizeHeader('利率(日)')).toBe('利率(日)');
    expect(normalizeHeader('剩余本金(千元)')).toBe('剩余本金(千元)');
  });

  it('reads the unit a header states: a scale on amounts, a unit on rates; an unknown suffix as unknown', () => {
    expect(headerUnit('合同金额(万元)')).toEqual({ written: '万元', kind: 'money', power: 4 });
    expect(headerUnit('剩余本金（万元）')).toEqual({ written: '万元', kind: 'money', power: 4 });
    expect(headerUnit('剩余本金(亿元)')).toEqual({ written: '亿元', kind: 'money', power: 8 });
    expect(headerUnit('剩余本金(元)')).toEqual({ written: '元', kind: 'money', power: 0 });
    expect(headerUnit('年化利率(%)')).toEqual({ written: '%', kind: 'rate', power: -2 });
    expect(headerUnit('年化利率（百分比）')).toEqual({ written: '百分比', kind: 'rate', power: -2 });
    expect(headerUnit('年化利率(‰)')).toEqual({ written: '‰', kind: 'rate', power: -3 });
    expect(headerUnit('剩余本金(千元)')).toEqual({ written: '千元', kind: 'unknown', power: 0 });
    expect(headerUnit('剩余本金')).toBeNull();
    expect(headerUnit('总期数(月)')).toBeNull();
    expect(headerUnit('利率(日)')).toBeNull();
    expect(headerUnit('放款日期(yyyy-mm-dd)')).toBeNull();
  });

  it('no two fields share a normalized synonym (so an exact match is never ambiguous)', () => {
    const owner = new Map<string, CanonicalField>();
    for (const spec of FIELD_SPECS) {
      for (const synonym of spec.synonyms) {
        const key = normalizeHeader(synonym);
        expect(owner.get(key) ?? spec.field, `${synonym} (${spec.field})`).toBe(spec.field);
        owner.set(key, spec.field);
      }
    }
  });
});

describe('suggestMapping: exact matches', () => {
  it('maps every column of a typical Chinese originator tape', () => {
    const headers = '借据号,客户号,产品类型,放款日期,到期日期,合同金额,剩余本金,年化利率,总期数,剩余期数,还款方式,逾期天数,逾期本金,逾期利息,职业类型,省份,信用评分,是否重组,数据日期'.split(',');
    expect(suggestMapping(headers)).toEqual(CANONICAL_ORDER);
  });

  it('maps every column of the English snake_case tape the same way', () => {
    const headers =
      'loan_id,borrower_id,product,origination_date,maturity_date,original_principal,current_principal,annual_rate,original_term,remaining_term,amortization,days_past_due,overdue_principal,overdue_interest,segment,province,credit_score,restructured,as_of_date'.split(
        ',',
      );
    expect(suggestMapping(headers)).toEqual(CANONICAL_ORDER);
  });

  it('accepts the canonical field names themselves (a tape exported by this app)', () => {
    expect(suggestMapping(CANONICAL_ORDER)).toEqual(CANONICAL_ORDER);
    expect(alone('rateDaily')).toBe('rateDaily');
    expect(alone('rate_annual')).toBe('rateAnnual');
  });

  it.each([
    ['Loan ID', 'loanId'],
    ['LOAN_ID', 'loanId'],
    ['贷款编号', 'loanId'],
    ['剩余本金(元)', 'currentPrincipal'],
    ['年化利率（%）', 'rateAnnual'],
    ['日利率', 'rateDaily'],
    ['日利率(%)', 'rateDaily'],
    ['未偿本金余额', 'currentPrincipal'],
    ['放款金额', 'originalPrincipal'],
    ['Current Balance', 'currentPrincipal'],
    ['UPB', 'currentPrincipal'],
    ['DPD', 'daysPastDue'],
    ['\uFEFF借据号', 'loanId'],
    ['放款日期(yyyy-mm-dd)', 'originationDate'],
    ['借款人所在省份', 'region'],
  ] as const)('%j → %s', (header, field) => {
    expect(alone(header)).toBe(field);
  });

  it('maps both an annual and a daily rate column when a tape has both', () => {
    expect(suggestMapping(['借据号', '年化利率', '日利率'])).toEqual(['loanId', 'rateAnnual', 'rateDaily']);
  });

  it('gives each field to the first column in order that names it; later ones stay unmapped', () => {
    expect(suggestMapping(['借据号', '合同号', 'loan_id'])).toEqual(['loanId', null, null]);
    expect(suggestMapping(['剩余本金', '贷款余额'])).toEqual(['currentPrincipal', null]);
  });

  it.each(['客户经理', 'branch', '备注', 'Channel', ''])('leaves an unknown column %j unmapped (kept as an extra attribute)', (header) => {
    expect(alone(header)).toBeNull();
  });
});

describe('suggestMapping: containment fallback (conservative)', () => {
  it.each([
    ['当前剩余本金(元)', 'currentPrincipal'],
    ['客户所在省份', 'region'],
    ['loan_amount_cny', 'originalPrincipal'],
    ['Int Rate', 'rateAnnual'], // "rate" is a 4-letter synonym of rateAnnual, matched as a whole word
    ['IntRate', 'rateAnnual'], // camelCase splits into words
    ['合同到期日期', 'maturityDate'],
    ['实际放款日', 'originationDate'],
    ['贷款利率(年化)', 'rateAnnual'],
    ['逾期本金余额', 'overduePrincipal'], // 本金余额 (current principal) is vetoed by the 逾期 left over
  ] as const)('%j → %s (contains a synonym of exactly one field)', (header, field) => {
    expect(alone(header)).toBe(field);
  });

  it.each([
    ['罚息利率', 'a penalty rate is not the loan rate'],
    ['利率(日)', 'a daily rate must not land in the annual rate'],
    ['月利率', 'a monthly rate is neither annual nor daily'],
    ['利率类型', 'a rate type is a category, not a rate'],
    ['Interest Rate Type', 'a rate type is a category, not a rate'],
    ['已还期数', 'periods paid are not the term'],
    ['逾期期数', 'overdue periods are not the term'],
    ['重组日期', 'a restructuring date is not the flag'],
    ['下次到期日', 'the next due date is not the maturity date'],
    ['贷款余额万元', 'amounts in 万元 need a scale, and without parentheses it is not read as a unit'],
    ['statement date', '"state" is only part of a word'],
    ['Loan State', 'a loan state is a status, not a region'],
    ['original maturity', 'an original maturity is usually a term in months'],
    ['Original Principal Balance', 'contains synonyms of two open fields'],
    ['CurrentPrincipal%', 'a ratio of principal is not an amount'],
  ])('declines %j: %s', (header) => {
    expect(alone(header)).toBeNull();
  });

  it('maps a header with a unit in parentheses as the header without it', () => {
    expect(suggestMapping(['借据号', '合同金额(万元)', '剩余本金（万元）', '年化利率(%)'])).toEqual(['loanId', 'originalPrincipal', 'currentPrincipal', 'rateAnnual']);
  });

  it('never takes a field whose exact synonym is elsewhere in the header row', () => {
    expect(suggestMapping(['当前剩余本金', '剩余本金'])).toEqual([null, 'currentPrincipal']);
    expect(suggestMapping(['Int Rate', '年化利率'])).toEqual([null, 'rateAnnual']);
    expect(suggestMapping(['年化利率', '日利率', 'Int Rate'])).toEqual(['rateAnnual', 'rateDaily', null]);
  });

  it('maps a header containing synonyms of two fields when one of them is already taken exactly', () => {
    expect(suggestMapping(['Original Principal Balance', 'current balance'])).toEqual(['originalPrincipal', 'currentPrincipal']);
  });

  it('gives a field claimed by two headers through the fallback to neither', () => {
    expect(suggestMapping(['当前剩余本金', '借款人剩余本金'])).toEqual([null, null]);
  });
});

describe('describeMapping', () => {
  it('lists mapped columns, unmapped columns (extra attributes) and missing required fields', () => {
    const headers = ['借据号', '放款日期', '合同金额', '客户经理', '年化利率'];
    const description = describeMapping(headers, suggestMapping(headers));
    expect(description.mapped).toEqual([
      { header: '借据号', field: 'loanId' },
      { header: '放款日期', field: 'originationDate' },
      { header: '合同金额', field: 'originalPrincipal' },
      { header: '年化利率', field: 'rateAnnual' },
    ]);
    expect(description.unmapped).toEqual(['客户经理']);
    expect(description.missingRequired).toEqual(['currentPrincipal', 'originalTerm']);
  });

  it('reports a missing rate as rateAnnual unless an annual or a daily rate is mapped', () => {
    const headers = ['借据号', '放款日期', '合同金额', '剩余本金', '总期数'];
    expect(describeMapping(headers, suggestMapping(headers)).missingRequired).toEqual(['rateAnnual']);
    const withDaily = [...headers, '日利率'];
    expect(describeMapping(withDaily, suggestMapping(withDaily)).missingRequired).toEqual([]);
  });

  it('describes a mapping the analyst edited (a column removed, a column added by hand)', () => {
    const headers = ['借据号', '利率(日)'];
    const description = describeMapping(headers, [null, 'rateDaily']);
    expect(description.mapped).toEqual([{ header: '利率(日)', field: 'rateDaily' }]);
    expect(description.unmapped).toEqual(['借据号']);
    expect(description.missingRequired).toEqual(['loanId', 'originationDate', 'originalPrincipal', 'currentPrincipal', 'originalTerm']);
  });
});
