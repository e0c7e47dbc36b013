import { fileError } from './file-issues.ts';

/**
 * Each line's start month within the projection's `months` (the engine refuses one beyond it without
 * a path): the error names the line, in the pool file (`$.lines[j]`) or the deal file's pool
 * (`$.pool.lines[j]`).
 */
export function checkStartMonths(startMonths: Uint16Array | undefined, months: number, file: 'Pool' | 'Deal'): void {
  if (startMonths === undefined) return;
  const late = startMonths.findIndex((start) => start > months);
  if (late < 0) return;
  const path = file === 'Pool' ? `$.lines[${late}].startMonth` : `$.pool.lines[${late}].startMonth`;
  throw fileError(file, [{ path, message: `the line starts in month ${startMonths[late]}, after the last projected month (${months})` }]);
}
