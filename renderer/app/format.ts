/** Display formats. Every number shown carries its unit or convention. */

import { typedFileName } from '../../messages/file-name.ts';
import { translate } from './i18n.tsx';

// money and counts as coded messages show them too (messages/numbers.ts: one definition for the screens and the Excel report)
export { formatCount, formatYuan } from '../../messages/numbers.ts';

/** A fraction as a percentage: 0.1234 → "12.34%". */
export function formatPct(x: number | null | undefined, digits = 2): string {
  return x === null || x === undefined || !Number.isFinite(x) ? '—' : `${(x * 100).toFixed(digits)}%`;
}

export function formatMonths(x: number | null | undefined): string {
  return x === null || x === undefined || !Number.isFinite(x) ? '—' : translate('unit.months', { months: x.toFixed(1) });
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 ** 2) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 ** 2).toFixed(1)} MiB`;
}

const two = (n: number): string => String(n).padStart(2, '0');

/** A moment in the app's one date form, ISO 8601 in local time to the minute: "2026-12-07 08:37". */
export function formatDateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}`;
}

/** Saves text as a file through the browser's (or Electron's) download, under its name as given, made savable (file-name.ts). */
export function downloadText(fileName: string, text: string, type = 'text/csv;charset=utf-8'): void {
  // A BOM lets Excel open UTF-8 CSV with Chinese text correctly.
  const blob = new Blob([type.startsWith('text/csv') ? '\uFEFF' : '', text], { type });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = typedFileName(fileName);
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A compute time in the language's unit: "1.19 s" / "1.19 秒", under a second in milliseconds. */
export function formatSeconds(x: number): string {
  return x < 1 ? translate('unit.milliseconds', { milliseconds: Math.round(x * 1000) }) : translate('unit.seconds', { seconds: x.toFixed(2) });
}
