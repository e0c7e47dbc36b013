/** Categorical cells: repayment method (还款方式), payment frequency (还款频率), borrower segment (职业类型). */
import type { AmortizationType, PaymentFrequency, Segment } from '../fields.ts';
import { categoryKey, keyTable, memoized } from './category-key.ts';
import { fail, isMissing, MISSING, ok, type Parsed } from './parsed.ts';
import { VALUE_REASONS } from './reasons.ts';

/** A borrower segment: one of SEGMENTS, or the tape's own free text (segments are open-ended). */
export type SegmentValue = Segment | (string & Record<never, never>);

const AMORTIZATION_NAMES = keyTable<AmortizationType>({
  level_payment: [
    '等额本息',
    '等额本息还款',
    '按月等额本息',
    '等额本息还款法',
    'level payment',
    'level',
    'annuity',
    'mortgage',
    'mortgage style',
    'french',
    'equal installment',
    'equal installments',
    'EMI',
  ],
  equal_principal: ['等额本金', '等额本金还款', '按月等额本金', '等额本金还款法', 'equal principal', 'straight line', 'linear'],
  interest_only: ['先息后本', '按月付息到期还本', '按月付息', '到期还本', '一次性还本', '利随本清', '到期一次还本付息', '按月付息到期一次还本', 'interest only', 'IO', 'bullet', 'balloon'],
  flat_fee: ['等本等息', '等额等息', '平息', '平息法', 'flat', 'flat fee', 'flat rate', 'add-on', 'add on'],
});

/** Amortization (还款方式): 等额本息 / 等额本金 / 先息后本 / 等本等息 and their English names. */
export const parseAmortization: (text: string) => Parsed<AmortizationType> = memoized((text: string) => {
  const s = text.trim();
  if (s.length === 0 || isMissing(s)) return MISSING;
  const found = AMORTIZATION_NAMES.get(categoryKey(s));
  return found === undefined ? fail(VALUE_REASONS.say('unknownRepayment')) : ok(found);
});

const FREQUENCY_NAMES = keyTable<PaymentFrequency>({
  monthly: ['按月', '每月', '月', '月付', '按月还款', '每月还款', '月度', 'monthly', 'month', 'M', '1M'],
  biweekly: ['双周', '每两周', '双周付', '按双周', 'biweekly', 'bi-weekly', 'fortnightly', '2W'],
  weekly: ['每周', '周', '按周', '周付', 'weekly', 'week', 'W', '1W'],
  quarterly: ['按季', '每季', '季', '季付', '按季度', '每季度', '季度', 'quarterly', 'quarter', 'Q', '3M'],
  bullet: ['一次性', '到期一次性', '到期一次', '一次性还款', 'bullet', 'at maturity'],
});

/** Payment frequency (还款频率): 按月 / 双周 / 每周 / 按季 / 一次性 and their English names. */
export const parseFrequency: (text: string) => Parsed<PaymentFrequency> = memoized((text: string) => {
  const s = text.trim();
  if (s.length === 0 || isMissing(s)) return MISSING;
  const found = FREQUENCY_NAMES.get(categoryKey(s));
  return found === undefined ? fail(VALUE_REASONS.say('unknownFrequency')) : ok(found);
});

const SEGMENT_NAMES = keyTable<Segment>({
  salaried: ['工薪', '工薪族', '工薪阶层', '受薪', '受薪人士', '上班族', '白领', '企业员工', '公务员', '事业单位', '国企员工', 'salaried', 'employed', 'employee', 'wage earner'],
  self_employed: ['自雇', '自雇人士', '个体', '个体户', '个体工商户', '私营业主', '小微企业主', '企业主', 'self-employed', 'self employed', 'business owner', 'sole proprietor'],
  gig: ['灵活就业', '灵活就业人员', '零工', '临时工', '自由职业', '自由职业者', '外卖骑手', '网约车司机', 'gig', 'gig worker', 'temporary', 'temp', 'freelance', 'freelancer', 'contractor'],
});

/**
 * Borrower segment: salaried (工薪), self_employed (自雇/个体), gig (灵活就业/零工). Segments are
 * open-ended, so any other non-empty text is kept as written (trimmed): this never fails.
 */
export const parseSegment: (text: string) => Parsed<SegmentValue> = memoized((text: string) => {
  const s = text.trim();
  if (s.length === 0 || isMissing(s)) return MISSING;
  return ok(SEGMENT_NAMES.get(categoryKey(s)) ?? s);
});
