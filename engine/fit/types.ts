/**
 * A static pool (静态池): the performance of each origination month's loans (a vintage) by months
 * on book, as an originator's offering document prints it. Every rate is a decimal share of the
 * vintage's ORIGINAL balance at month end (0.0123 = 1.23%); index k − 1 holds month on book k.
 */
export interface VintageHistory {
  /** Origination month, 'YYYY-MM'. */
  readonly vintage: string;
  /** The vintage's original principal (初始本金), in yuan. */
  readonly originalBalance: number;
  /** Cumulative defaulted principal ÷ original balance (累计违约率), months on book 1..n. */
  readonly cumulativeDefault: readonly number[];
  /** Cumulative prepaid principal ÷ original balance (累计早偿率), months on book 1..n. */
  readonly cumulativePrepayment: readonly number[];
  /** Month-end delinquent balance ÷ original balance by bucket (逾期1-30天 …), months on book 1..n. */
  readonly delinquency: DelinquencyHistory;
}

/** Month-end balances by days past due, as shares of the original balance; empty arrays when not given. */
export interface DelinquencyHistory {
  readonly dpd1_30: readonly number[];
  readonly dpd31_60: readonly number[];
  readonly dpd61_90: readonly number[];
}

/** The scheduled amortisation of the pool's loans, which the CPR fit needs to find the balance that could prepay. */
export interface AmortisationProfile {
  /** 'level_payment' (等额本息), 'equal_principal' (等额本金) or 'flat_fee' (等本等息: principal repaid evenly), 'interest_only' (先息后本: no scheduled principal before maturity). */
  readonly amortization: 'level_payment' | 'equal_principal' | 'flat_fee' | 'interest_only';
  /** Original term in months. */
  readonly termMonths: number;
  /** Contract rate, annual decimal (APR / 12 a month); only level payment uses it. */
  readonly rateAnnual: number;
}
