/** The time of day a date cell may carry after the date (dropped, as written: no time-zone shift). */
import { digitsAt, isAllDigits, isDigitCode } from './scan.ts';

/** `H:MM`, `HH:MM:SS`, `HH:MM:SS.fff`, then optionally `Z`, `±HH:MM`, `±HHMM`, `AM`/`PM`. */
export function isTimeOfDay(t: string): boolean {
  const n = t.length;
  let i = 0;
  const field = (maxDigits: number, max: number): boolean => {
    let v = 0;
    let k = 0;
    while (i < n && k < maxDigits && isDigitCode(t.charCodeAt(i))) {
      v = v * 10 + t.charCodeAt(i) - 48;
      i++;
      k++;
    }
    return k >= 1 && (maxDigits === 1 || k === maxDigits || (max === 23 && k === 1)) && v <= max;
  };
  if (!field(2, 23)) return false;
  if (t.charCodeAt(i) !== 58) return false;
  i++;
  if (!field(2, 59)) return false;
  if (t.charCodeAt(i) === 58) {
    i++;
    if (!field(2, 60)) return false;
    if (t.charCodeAt(i) === 46) {
      i++;
      const start = i;
      while (i < n && isDigitCode(t.charCodeAt(i))) i++;
      if (i === start || i - start > 9) return false;
    }
  }
  while (i < n && t.charCodeAt(i) === 32) i++;
  if (i === n) return true;
  const rest = t.slice(i).toLowerCase();
  if (rest === 'z' || rest === 'am' || rest === 'pm' || rest === 'utc' || rest === 'gmt') return true;
  const sc = rest.charCodeAt(0);
  if (sc !== 43 && sc !== 45) return false;
  const offset = rest.slice(1);
  return (offset.length === 5 && offset.charCodeAt(2) === 58 && digitsAt(offset, 0, 2) >= 0 && digitsAt(offset, 3, 2) >= 0) || ((offset.length === 4 || offset.length === 2) && isAllDigits(offset));
}
