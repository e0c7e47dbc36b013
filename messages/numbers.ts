/** Numbers inside a coded message, as the app shows them (the screens and the Excel report alike). */

// 'negative': an amount that rounds to zero reads 0.00, not -0.00 (a cent of float noise is no loss).
const cents = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2, signDisplay: 'negative' });
const whole = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/**
 * The sign an amount is written with, by the currency a deal file states (service/files/deal-file.ts
 * DEAL_CURRENCIES, ISO 4217): yuan ¥, US dollars $ — the same in English and Chinese.
 */
const CURRENCY_SIGNS = { CNY: '¥', USD: '$' } as const;

/** A currency a deal file may state its amounts in. */
export type Currency = keyof typeof CURRENCY_SIGNS;

/**
 * An amount in a currency: its sign, 2 decimals, grouped by thousands (¥1,234.50, $1,234.50).
 * Without a currency (a deal file that states none) the amount alone, as the Excel report writes it
 * (its Summary says "deal currency"). A negative amount puts its minus before the currency sign,
 * as accounts write it: -¥1,234.50, never ¥-1,234.50 — the ASCII hyphen-minus every number of the
 * app is written with (Intl's en-US, formatPct's toFixed), in Chinese too.
 */
export function formatMoneyIn(x: number | null | undefined, currency: Currency | undefined): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '—';
  const text = cents.format(x);
  const sign = currency === undefined ? '' : CURRENCY_SIGNS[currency];
  return text.startsWith('-') ? `-${sign}${text.slice(1)}` : `${sign}${text}`;
}

/** Yuan with the ¥ sign and 2 decimals, grouped by thousands. */
export function formatYuan(x: number | null | undefined): string {
  return formatMoneyIn(x, 'CNY');
}

/** An amount in the deal's currency, no sign: 2 decimals, grouped (the Excel report states the currency once, on its Summary). */
export function formatAmount(x: number): string {
  return formatMoneyIn(x, undefined);
}

/** A whole count grouped by thousands. */
export function formatCount(x: number | null | undefined): string {
  return x === null || x === undefined ? '—' : whole.format(x);
}
