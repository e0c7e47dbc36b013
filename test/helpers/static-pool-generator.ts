import { writeFileSync } from 'node:fs';
import ExcelJS from '../../data/excel.ts';

/**
 * Builds a static pool (静态池) from KNOWN curves, month by month forward, so a fit can be checked
 * against the truth it came from. Per unit of a vintage's original balance, with a_k the scheduled
 * balance after k installments and s the surviving share of loans:
 *   defaults  d_k = L·(T_k − T_{k−1})                       (T: the true cumulative timing share),
 *   MDR_k = d_k / (s·a_{k−1}),  prepaid p_k = s·(1 − MDR_k)·a_k·SMM_k, SMM_k = 1 − (1 − CPR_k)^(1/12),
 *   s ← s·(1 − MDR_k)·(1 − SMM_k);  month-end balance s·a_k;
 *   1–30 at k = r0·current_{k−1}, 31–60 = r1·(1–30)_{k−1}, 61–90 = r2·(31–60)_{k−1}, current = balance − delinquent (≥ 0).
 */
export interface TrueCurves {
  /** Average lifetime cumulative default (decimal); vintage i's is L·(1 + spread·sin(i + 1)). */
  readonly lifetimeDefault: number;
  readonly lifetimeSpread: number;
  /** Share of the lifetime default in each month on book, percent, summing to 100. */
  readonly timingPct: readonly number[];
  /** CPR (annual decimal) at each month on book; the last is held. */
  readonly cprByAge: readonly number[];
  readonly termMonths: number;
  readonly rateAnnual: number;
  readonly roll: { readonly current: number; readonly dpd1_30: number; readonly dpd31_60: number };
}

export interface GeneratedVintage {
  readonly vintage: string;
  readonly balance: number;
  readonly lifetimeDefault: number;
  readonly cumulativeDefault: number[];
  readonly cumulativePrepayment: number[];
  readonly dpd1_30: number[];
  readonly dpd31_60: number[];
  readonly dpd61_90: number[];
}

/** Level-payment balance factor a_k at r = APR / 12 (SIFMA Standard Formulas); at r = 0 equal principal, 1 − k/n. */
function scheduled(curves: TrueCurves, k: number): number {
  const n = curves.termMonths;
  if (k >= n) return 0;
  const r = curves.rateAnnual / 12;
  if (r === 0) return 1 - k / n;
  return ((1 + r) ** n - (1 + r) ** k) / ((1 + r) ** n - 1);
}

/** `count` monthly vintages from `first` ('YYYY-MM'), observed up to `observedMonths` months, the last ones fewer (as of one date). */
export function generateStaticPool(curves: TrueCurves, count: number, observedMonths: number, first = '2021-01'): GeneratedVintage[] {
  const [year = 2021, month = 1] = first.split('-').map(Number);
  return Array.from({ length: count }, (_, i) => {
    const at = year * 12 + (month - 1) + i;
    const vintage = `${Math.floor(at / 12)}-${String((at % 12) + 1).padStart(2, '0')}`;
    const lifetime = curves.lifetimeDefault * (1 + curves.lifetimeSpread * Math.sin(i + 1));
    return simulate(curves, vintage, 100_000_000 * (1 + 0.02 * i), lifetime, Math.min(observedMonths, count - i));
  });
}

function simulate(curves: TrueCurves, vintage: string, balance: number, lifetime: number, months: number): GeneratedVintage {
  const out: GeneratedVintage = { vintage, balance, lifetimeDefault: lifetime, cumulativeDefault: [], cumulativePrepayment: [], dpd1_30: [], dpd31_60: [], dpd61_90: [] };
  let s = 1;
  let defaulted = 0;
  let prepaid = 0;
  let buckets = { current: 1, d1: 0, d2: 0, d3: 0 };
  for (let k = 1; k <= months; k++) {
    const share = (curves.timingPct[k - 1] ?? 0) / 100;
    const d = lifetime * share;
    const mdr = d / (s * scheduled(curves, k - 1));
    const cpr = curves.cprByAge[Math.min(k, curves.cprByAge.length) - 1] ?? 0;
    const smm = 1 - (1 - cpr) ** (1 / 12);
    const p = s * (1 - mdr) * scheduled(curves, k) * smm;
    s *= (1 - mdr) * (1 - smm);
    defaulted += d;
    prepaid += p;
    const d1 = curves.roll.current * buckets.current;
    const d2 = curves.roll.dpd1_30 * buckets.d1;
    const d3 = curves.roll.dpd31_60 * buckets.d2;
    buckets = { current: Math.max(0, s * scheduled(curves, k) - d1 - d2 - d3), d1, d2, d3 };
    out.cumulativeDefault.push(defaulted);
    out.cumulativePrepayment.push(prepaid);
    out.dpd1_30.push(d1);
    out.dpd31_60.push(d2);
    out.dpd61_90.push(d3);
  }
  return out;
}

/** A rate printed as an offering document's table prints it: percent at `digits` decimals. */
const percent = (x: number, digits: number): string => (x * 100).toFixed(digits);

/** Long form, Chinese headers, rates in percent (the header says %), GB18030-encoded like a Chinese originator's export. */
export function writeLongCsv(path: string, vintages: readonly GeneratedVintage[], digits: number): void {
  const lines = ['放款月份,初始本金(元),账龄,累计违约率(%),累计早偿率(%),逾期1-30天余额占比(%),逾期31-60天余额占比(%),逾期61-90天余额占比(%)'];
  for (const v of vintages) {
    v.cumulativeDefault.forEach((_, i) => {
      const cells = [v.cumulativeDefault[i], v.cumulativePrepayment[i], v.dpd1_30[i], v.dpd31_60[i], v.dpd61_90[i]].map((x) => percent(x ?? 0, digits));
      lines.push([`${v.vintage.replace('-', '年')}月`, v.balance.toFixed(2), String(i + 1), ...cells].join(','));
    });
  }
  writeFileSync(path, gb18030Bytes(`${lines.join('\r\n')}\r\n`));
}

const SHEETS: readonly [string, keyof GeneratedVintage][] = [
  ['累计违约率', 'cumulativeDefault'],
  ['累计早偿率', 'cumulativePrepayment'],
  ['逾期1-30天', 'dpd1_30'],
  ['逾期31-60天', 'dpd31_60'],
  ['逾期61-90天', 'dpd61_90'],
];

/** Wide form, one sheet per metric named by it, a title line, balances in 万元, rates as decimals shown as percentages (rounded to `digits` decimals of a percent). */
export async function writeWideXlsx(path: string, vintages: readonly GeneratedVintage[], digits: number): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const months = Math.max(...vintages.map((v) => v.cumulativeDefault.length));
  for (const [name, key] of SHEETS) {
    const sheet = workbook.addWorksheet(name);
    sheet.addRow([`静态池数据：${name}`]);
    sheet.addRow([]);
    sheet.addRow(['起始月份', '放款金额(万元)', ...Array.from({ length: months }, (_, i) => `M${i + 1}`)]);
    for (const v of vintages) {
      const values = v[key] as number[];
      const row = sheet.addRow([v.vintage, v.balance / 1e4, ...values.map((x) => Number(x.toFixed(digits + 2)))]);
      row.eachCell((cell, column) => {
        if (column > 2) cell.numFmt = `0.${'0'.repeat(digits)}%`;
      });
    }
  }
  await workbook.xlsx.writeFile(path);
}

let gbTable: Map<string, number[]> | null = null;

/** Text as GB18030 bytes: ASCII as is, each other character by the two-byte GBK code that decodes to it. */
export function gb18030Bytes(text: string): Buffer {
  gbTable ??= buildGbTable();
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code < 0x80) out.push(code);
    else {
      const bytes = gbTable.get(ch);
      if (!bytes) throw new Error(`no two-byte GBK code for ${ch}`);
      out.push(...bytes);
    }
  }
  return Buffer.from(out);
}

function buildGbTable(): Map<string, number[]> {
  const decoder = new TextDecoder('gb18030');
  const table = new Map<string, number[]>();
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const ch = decoder.decode(new Uint8Array([lead, trail]));
      if (ch.length === 1 && !table.has(ch)) table.set(ch, [lead, trail]);
    }
  }
  return table;
}
