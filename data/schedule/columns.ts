import { normalizeHeader } from '../tape/headers.ts';

/** The columns a collection schedule may have (engine/schedule-pool ScheduleRow), plus two the reader only checks or skips. */
export const SCHEDULE_COLUMNS = ['periodEnd', 'paymentDate', 'openingBalance', 'scheduledPrincipal', 'interest', 'prepayment', 'defaults', 'recoveries', 'delinquent', 'closingBalance'] as const;
export type ScheduleColumn = (typeof SCHEDULE_COLUMNS)[number];

export const REQUIRED_COLUMNS: readonly ScheduleColumn[] = ['periodEnd', 'openingBalance', 'scheduledPrincipal', 'interest'];

/**
 * Header synonyms, matched whole after normalizeHeader (case, spaces, punctuation and a trailing
 * unit such as （万元） dropped). Chinese as circulars print their 现金流归集表 and originators their
 * run-off tables (和享 2017-5: 归集时间, 支付日, 期初本金总余额, 本期本金回收款, 本期利息回收款, 期末本金总余额).
 */
const SYNONYMS: Readonly<Record<ScheduleColumn, readonly string[]>> = {
  periodEnd: [
    '归集时间',
    '归集日',
    '归集日期',
    '收款期间截止日',
    '收款期间结束日',
    '收款期末',
    '归集期间截止日',
    '期间截止日',
    '计算日',
    'period end',
    'collection period end',
    'period end date',
    'collection date',
  ],
  paymentDate: ['支付日', '兑付日', '预计支付日', '信托分配日', 'payment date', 'distribution date'],
  openingBalance: ['期初本金余额', '期初本金总余额', '期初未偿本金余额', '期初资产池余额', '期初余额', '期初本金', 'opening balance', 'beginning balance', 'opening principal balance'],
  scheduledPrincipal: ['应收本金', '本期本金回收款', '本金回收款', '正常本金回收', '本金回收', '计划本金', '本金', 'scheduled principal', 'principal', 'principal collections'],
  interest: [
    '应收利息',
    '本期利息回收款',
    '利息回收款',
    '应收手续费',
    '手续费回收款',
    '本期手续费回收款',
    '利息',
    '手续费',
    '收入回收款',
    'interest',
    'fee',
    'interest and fee',
    'interest collections',
    'fee collections',
  ],
  prepayment: ['早偿本金', '早偿', '提前还款', '提前还款本金', 'prepayment', 'prepayments'],
  defaults: ['违约本金', '违约金额', '违约', '新增违约', 'default', 'defaults', 'defaulted principal'],
  recoveries: ['回收款', '违约回收款', '违约回收', '回收金额', '回收', 'recovery', 'recoveries'],
  delinquent: ['逾期本金', '拖欠本金', '逾期余额', '拖欠余额', 'delinquent', 'delinquent balance', 'delinquency'],
  closingBalance: ['期末本金余额', '期末本金总余额', '期末未偿本金余额', '期末余额', 'closing balance', 'ending balance'],
};

const BY_HEADER: ReadonlyMap<string, ScheduleColumn> = new Map(SCHEDULE_COLUMNS.flatMap((column) => SYNONYMS[column].map((synonym) => [normalizeHeader(synonym), column] as const)));

/** A trailing bracketed unit: （万元）, (元), [万元], (人民币万元). */
const UNIT_SUFFIX = /[（(［[]\s*(万元|元|人民币万元|人民币元|wan yuan|yuan|cny)\s*[）)］\]]\s*$/i;

/** The column a header names, or null (an unknown column is reported, not guessed). */
export function scheduleColumnOf(header: string): ScheduleColumn | null {
  return BY_HEADER.get(normalizeHeader(header.normalize('NFKC').replace(UNIT_SUFFIX, ''))) ?? null;
}

/** The unit a header states in a trailing bracket: （万元） / (元) / [万元]; null when it states none. */
export function headerUnit(header: string): ScheduleUnit | null {
  const match = UNIT_SUFFIX.exec(header.normalize('NFKC').trim());
  if (!match) return null;
  const unit = (match[1] ?? '').toLowerCase();
  return unit.includes('万') || unit === 'wan yuan' ? '万元' : '元';
}

/** Amounts as printed: 元 (yuan) or 万元 (10,000 yuan, the unit of most circulars' tables). */
export const SCHEDULE_UNITS = ['元', '万元'] as const;
export type ScheduleUnit = (typeof SCHEDULE_UNITS)[number];
export const UNIT_FACTOR: Readonly<Record<ScheduleUnit, number>> = { 元: 1, 万元: 10_000 };
