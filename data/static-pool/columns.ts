import { categoryKey } from '../tape/values/category-key.ts';

/** What a static-pool column holds. The five metrics are rates; the rest identify the row. */
export const METRICS = ['cumulativeDefault', 'cumulativePrepayment', 'dpd1_30', 'dpd31_60', 'dpd61_90'] as const;
export type Metric = (typeof METRICS)[number];
export type ColumnRole = 'vintage' | 'originalBalance' | 'monthOnBook' | 'metric' | Metric;

/** The Chinese name a user reads beside each metric. */
export const METRIC_LABELS: Readonly<Record<Metric, string>> = {
  cumulativeDefault: '累计违约率 (cumulative default rate)',
  cumulativePrepayment: '累计早偿率 (cumulative prepayment rate)',
  dpd1_30: '逾期1-30天 (1–30 days past due)',
  dpd31_60: '逾期31-60天 (31–60 days past due)',
  dpd61_90: '逾期61-90天 (61–90 days past due)',
};

/** Header names (and wide-form metric names) by role, matched on categoryKey: case, width, spaces, '-' and '_' ignored. */
const ALIASES: Readonly<Record<Exclude<ColumnRole, 'dpd1_30' | 'dpd31_60' | 'dpd61_90'>, readonly string[]>> = {
  vintage: [
    '放款月份',
    '起始月份',
    '发放月份',
    '放款月',
    '放款年月',
    '发放年月',
    '贷款发放月份',
    '初始起算月份',
    '静态池',
    '批次',
    'vintage',
    'vintage month',
    'origination month',
    'orig month',
    'cohort',
  ],
  originalBalance: [
    '初始本金',
    '放款金额',
    '发放金额',
    '初始本金余额',
    '放款本金',
    '放款总额',
    '初始金额',
    '初始资产池余额',
    '贷款发放金额',
    'original balance',
    'original principal',
    'orig balance',
    'origination amount',
    'initial balance',
    'disbursed amount',
  ],
  monthOnBook: ['账龄', '月份', '账龄月份', '账龄(月)', '观察月', '期数', '月末账龄', 'months on book', 'month on book', 'mob', 'age', 'month', 'period'],
  metric: ['指标', '指标名称', '类型', 'metric', 'measure'],
  cumulativeDefault: ['累计违约率', '累计违约比率', '累计违约金额占比', '累计违约', '累积违约率', 'cumulative default rate', 'cumulative default', 'cum default', 'cumulative gross default rate'],
  cumulativePrepayment: ['累计早偿率', '累计提前还款率', '累计早偿', '累积早偿率', '累计早偿比率', 'cumulative prepayment rate', 'cumulative prepayment', 'cum prepayment', 'cumulative prepay rate'],
};

const TABLE = new Map<string, ColumnRole>();
for (const [role, names] of Object.entries(ALIASES) as [ColumnRole, readonly string[]][]) for (const name of names) TABLE.set(categoryKey(name), role);

/** A header as read: its role, whether its rates are percents ('(%)' in the header), and its money scale ('万元' = 10⁴). */
export interface HeaderInfo {
  readonly role: ColumnRole | null;
  /** Month on book of a wide-form column (M3, 3, 第3个月, MOB 3, 3月), else null. */
  readonly month: number | null;
  readonly percent: boolean;
  readonly scale: number;
}

const UNIT = /[(（]([^)）]*)[)）]\s*$/;
const MONTH_COLUMN = /^(?:m|mob|第)?\s*(\d{1,3})\s*(?:个月|月|期|m)?$/i;
const BUCKET = /(\d{1,3})\s*(?:天|日|days?)?\s*[-~～—–至到]\s*(\d{1,3})/;

/** What a header names. Delinquency buckets are read from their day range (逾期1-30天余额占比, DPD 31–60, 61-90 days past due). */
export function readHeader(header: string): HeaderInfo {
  const folded = header.normalize('NFKC').trim();
  const unit = UNIT.exec(folded)?.[1] ?? '';
  const bare = folded.replace(UNIT, '').trim();
  const percent = unit.includes('%') || /%|百分比/.test(bare);
  const scale = /亿/.test(unit) ? 1e8 : /万/.test(unit) ? 1e4 : 1;
  const month = MONTH_COLUMN.exec(bare);
  if (month) return { role: null, month: Number(month[1]), percent, scale };
  return { role: roleOf(bare.replace(/%/g, '')), month: null, percent, scale };
}

/** A metric's role from a name (a header, a wide form's metric cell, a sheet name or a title line), or null. */
export function roleOf(name: string): ColumnRole | null {
  const key = categoryKey(name.normalize('NFKC'));
  const exact = TABLE.get(key);
  if (exact) return exact;
  const bucket = BUCKET.exec(name.normalize('NFKC'));
  if (bucket && /逾期|dpd|past\s*due|拖欠|days/i.test(name)) return bucketRole(Number(bucket[1]), Number(bucket[2]));
  for (const [alias, role] of TABLE) if (alias.length >= 4 && (role === 'cumulativeDefault' || role === 'cumulativePrepayment') && key.startsWith(alias)) return role;
  return null;
}

function bucketRole(from: number, to: number): ColumnRole | null {
  if (from === 1 && to === 30) return 'dpd1_30';
  if (from === 31 && to === 60) return 'dpd31_60';
  if (from === 61 && to === 90) return 'dpd61_90';
  return null;
}

export function isMetric(role: ColumnRole | null): role is Metric {
  return role !== null && (METRICS as readonly string[]).includes(role);
}
