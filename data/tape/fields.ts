// The engine owns the amortization codes; the tape importer writes exactly these.
import { AMORTIZATION_TYPES, type AmortizationType } from '../../engine/schedule/amortization.ts';

/**
 * The canonical loan-tape fields (DESIGN.md, "Loan tape fields"): what every imported tape is
 * mapped onto, with the header synonyms Chinese and English loan systems use for each.
 * Header matching is case-, space-, underscore- and punctuation-insensitive (see headers.ts).
 */

export type FieldKind =
  | 'text' // trimmed string
  | 'date' // calendar date, stored as ISO YYYY-MM-DD
  | 'money' // amount in the tape's currency (yuan), float
  | 'rateAnnual' // annual rate as a decimal (0.15), from 0.15, 15 or "15%"
  | 'rateDaily' // daily rate, converted to annual (× 365, ACT/365)
  | 'integer' // whole number (terms in months, days past due)
  | 'number' // any number (credit score)
  | 'amortization' // one of AMORTIZATION_TYPES
  | 'frequency' // one of PAYMENT_FREQUENCIES
  | 'segment' // one of the borrower segments (free text kept if unknown)
  | 'boolean'; // restructured flag

export type CanonicalField =
  | 'loanId'
  | 'borrowerId'
  | 'originationDate'
  | 'maturityDate'
  | 'originalPrincipal'
  | 'currentPrincipal'
  | 'rateAnnual'
  | 'rateDaily'
  | 'originalTerm'
  | 'remainingTerm'
  | 'paymentFrequency'
  | 'amortization'
  | 'daysPastDue'
  | 'overduePrincipal'
  | 'overdueInterest'
  | 'segment'
  | 'product'
  | 'region'
  | 'creditScore'
  | 'restructured'
  | 'asOfDate';

export interface FieldSpec {
  readonly field: CanonicalField;
  readonly label: string;
  readonly kind: FieldKind;
  /** Column of the `loans` table the value lands in (rateDaily lands in rate_annual, × 365). */
  readonly column: string;
  readonly required: boolean;
  readonly synonyms: readonly string[];
  readonly help: string;
}

export { AMORTIZATION_TYPES, type AmortizationType };

export const AMORTIZATION_LABELS: Readonly<Record<AmortizationType, string>> = {
  level_payment: 'Level payment (等额本息)',
  equal_principal: 'Equal principal (等额本金)',
  interest_only: 'Interest-only, bullet (先息后本)',
  flat_fee: 'Flat fee on original principal (等本等息)',
};

const PAYMENT_FREQUENCIES = ['monthly', 'biweekly', 'weekly', 'quarterly', 'bullet'] as const;
export type PaymentFrequency = (typeof PAYMENT_FREQUENCIES)[number];

export const SEGMENTS = ['salaried', 'self_employed', 'gig'] as const;
export type Segment = (typeof SEGMENTS)[number];

export const FIELD_SPECS: readonly FieldSpec[] = [
  {
    field: 'loanId',
    label: 'Loan ID',
    kind: 'text',
    column: 'loan_id',
    required: true,
    synonyms: [
      'loan id',
      'loan_id',
      'loan number',
      'loan no',
      'loanid',
      'account id',
      'account number',
      'contract no',
      'contract id',
      'note id',
      '借据号',
      '借据编号',
      '贷款编号',
      '贷款号',
      '合同号',
      '合同编号',
      '借款编号',
      '资产编号',
    ],
    help: 'Unique identifier of the loan; duplicates are rejected',
  },
  {
    field: 'borrowerId',
    label: 'Borrower ID',
    kind: 'text',
    column: 'borrower_id',
    required: false,
    synonyms: ['borrower id', 'borrower_id', 'customer id', 'customer number', 'client id', 'obligor id', 'cust id', '客户号', '客户编号', '借款人编号', '借款人id', '客户id'],
    help: 'Identifier of the borrower (for concentration)',
  },
  {
    field: 'originationDate',
    label: 'Origination date',
    kind: 'date',
    column: 'origination_date',
    required: true,
    synonyms: ['origination date', 'orig date', 'loan date', 'disbursement date', 'funding date', 'start date', 'value date', '放款日期', '放款日', '发放日期', '起息日', '借款日期', '合同起始日'],
    help: 'Date the loan was funded',
  },
  {
    field: 'maturityDate',
    label: 'Maturity date',
    kind: 'date',
    column: 'maturity_date',
    required: false,
    synonyms: ['maturity date', 'maturity', 'end date', 'final payment date', 'due date', '到期日期', '到期日', '合同到期日', '贷款到期日'],
    help: 'Contractual final payment date',
  },
  {
    field: 'originalPrincipal',
    label: 'Original principal',
    kind: 'money',
    column: 'original_principal',
    required: true,
    synonyms: [
      'original principal',
      'original balance',
      'orig balance',
      'original amount',
      'loan amount',
      'principal amount',
      'disbursed amount',
      'contract amount',
      '合同金额',
      '放款金额',
      '借款金额',
      '贷款金额',
      '发放金额',
      '本金金额',
    ],
    help: 'Principal at origination (yuan)',
  },
  {
    field: 'currentPrincipal',
    label: 'Current principal',
    kind: 'money',
    column: 'current_principal',
    required: true,
    synonyms: [
      'current principal',
      'current balance',
      'outstanding principal',
      'outstanding balance',
      'principal balance',
      'unpaid principal balance',
      'upb',
      'balance',
      '剩余本金',
      '未偿本金余额',
      '未偿本金',
      '剩余未还本金',
      '贷款余额',
      '本金余额',
      '在贷余额',
    ],
    help: 'Unpaid principal at the cutoff date (yuan)',
  },
  {
    field: 'rateAnnual',
    label: 'Annual rate',
    kind: 'rateAnnual',
    column: 'rate_annual',
    required: false,
    synonyms: ['annual rate', 'interest rate', 'rate', 'apr', 'note rate', 'coupon', 'gross rate', 'annual interest rate', '年化利率', '年利率', '执行利率', '合同利率', '贷款利率', '利率'],
    help: 'Annual rate: 0.15, 15 or 15% all mean 15%',
  },
  {
    field: 'rateDaily',
    label: 'Daily rate',
    kind: 'rateDaily',
    column: 'rate_annual',
    required: false,
    synonyms: ['daily rate', 'daily interest rate', 'day rate', '日利率', '日息', '日利息率'],
    help: 'Daily rate, converted to an annual rate × 365 (ACT/365)',
  },
  {
    field: 'originalTerm',
    label: 'Original term (months)',
    kind: 'integer',
    column: 'original_term',
    required: true,
    synonyms: ['original term', 'term', 'orig term', 'loan term', 'tenor', 'number of installments', 'installments', 'total periods', '总期数', '贷款期数', '期数', '借款期限', '分期期数', '合同期数'],
    help: 'Number of scheduled payments',
  },
  {
    field: 'remainingTerm',
    label: 'Remaining term (months)',
    kind: 'integer',
    column: 'remaining_term',
    required: false,
    synonyms: ['remaining term', 'remaining periods', 'remaining installments', 'rem term', 'months remaining', '剩余期数', '剩余期限', '剩余还款期数'],
    help: 'Scheduled payments left at the cutoff',
  },
  {
    field: 'paymentFrequency',
    label: 'Payment frequency',
    kind: 'frequency',
    column: 'payment_frequency',
    required: false,
    synonyms: ['payment frequency', 'frequency', 'pay frequency', '还款频率', '还款周期'],
    help: 'monthly (default), biweekly, weekly, quarterly or bullet',
  },
  {
    field: 'amortization',
    label: 'Amortization type',
    kind: 'amortization',
    column: 'amortization',
    required: false,
    synonyms: ['amortization', 'amortization type', 'repayment method', 'repayment type', 'payment type', '还款方式', '还款类型', '偿还方式'],
    help: '等额本息 level payment, 等额本金 equal principal, 先息后本 interest-only, 等本等息 flat fee',
  },
  {
    field: 'daysPastDue',
    label: 'Days past due',
    kind: 'integer',
    column: 'days_past_due',
    required: false,
    synonyms: ['days past due', 'dpd', 'days delinquent', 'delinquency days', 'overdue days', '逾期天数', '逾期日数', '当前逾期天数'],
    help: 'Days past due at the cutoff (0 = current)',
  },
  {
    field: 'overduePrincipal',
    label: 'Overdue principal',
    kind: 'money',
    column: 'overdue_principal',
    required: false,
    synonyms: ['overdue principal', 'past due principal', 'delinquent principal', 'arrears principal', '逾期本金'],
    help: 'Principal due and unpaid (yuan)',
  },
  {
    field: 'overdueInterest',
    label: 'Overdue interest',
    kind: 'money',
    column: 'overdue_interest',
    required: false,
    synonyms: ['overdue interest', 'past due interest', 'delinquent interest', 'arrears interest', '逾期利息'],
    help: 'Interest due and unpaid (yuan)',
  },
  {
    field: 'segment',
    label: 'Borrower segment',
    kind: 'segment',
    column: 'segment',
    required: false,
    synonyms: ['segment', 'borrower segment', 'occupation', 'occupation type', 'employment type', 'employment', '职业类型', '职业', '客户类型', '就业类型', '职业分类'],
    help: 'salaried (工薪), self_employed (自雇), gig (灵活就业/临时工)',
  },
  {
    field: 'product',
    label: 'Product',
    kind: 'text',
    column: 'product',
    required: false,
    synonyms: ['product', 'product type', 'loan type', 'product name', '产品', '产品类型', '产品名称', '贷款类型'],
    help: 'Product, e.g. cash loan (现金贷) or installment (分期)',
  },
  {
    field: 'region',
    label: 'Region / province',
    kind: 'text',
    column: 'region',
    required: false,
    synonyms: ['region', 'province', 'state', 'geography', 'location', '省份', '地区', '所在省份', '借款人所在省份', '区域'],
    help: 'Province or region of the borrower',
  },
  {
    field: 'creditScore',
    label: 'Credit score',
    kind: 'number',
    column: 'credit_score',
    required: false,
    synonyms: ['credit score', 'score', 'fico', 'fico score', 'bureau score', 'internal score', '信用评分', '评分', '信用分', '内部评分'],
    help: 'Credit score (any scale)',
  },
  {
    field: 'restructured',
    label: 'Restructured',
    kind: 'boolean',
    column: 'restructured',
    required: false,
    synonyms: ['restructured', 'modified', 'restructure flag', 'is restructured', '是否重组', '重组标识', '重组', '是否展期'],
    help: 'Restructured or modified loan (是/否, Y/N, 1/0, true/false)',
  },
  {
    field: 'asOfDate',
    label: 'Data date (cutoff)',
    kind: 'date',
    column: 'as_of_date',
    required: false,
    synonyms: ['as of date', 'as-of date', 'cutoff date', 'cut-off date', 'data date', 'report date', 'snapshot date', '数据日期', '统计日期', '封包日', '基准日', '截止日期'],
    help: 'The tape’s data date; used as the cutoff when none is given',
  },
];

export const FIELD_BY_NAME: ReadonlyMap<CanonicalField, FieldSpec> = new Map(FIELD_SPECS.map((spec) => [spec.field, spec]));

/** Fields a tape must map (a rate is also required: annual or daily, either one). */
export const REQUIRED_FIELDS: readonly CanonicalField[] = FIELD_SPECS.filter((f) => f.required).map((f) => f.field);
