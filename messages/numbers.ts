/** Numbers inside a coded message, as the app shows them (the screens and the Excel report alike). */

const yuan = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const whole = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** Yuan with the ¥ sign and 2 decimals, grouped by thousands. */
export function formatYuan(x: number | null | undefined): string {
  return x === null || x === undefined || !Number.isFinite(x) ? '—' : `¥${yuan.format(x)}`;
}

/** An amount in the deal's currency, no sign: 2 decimals, grouped (the Excel report states the currency once, on its Summary). */
export function formatAmount(x: number): string {
  return Number.isFinite(x) ? yuan.format(x) : '—';
}

/** A whole count grouped by thousands. */
export function formatCount(x: number | null | undefined): string {
  return x === null || x === undefined ? '—' : whole.format(x);
}
