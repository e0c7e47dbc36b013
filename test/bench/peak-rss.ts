import { readFileSync } from 'node:fs';

/**
 * The peak resident memory of this process (every thread: they share one address space), in MB.
 * On Linux from /proc/self/status's VmHWM — the high-water mark of this process image's own memory.
 * Not getrusage's maxRSS: a child started by fork + exec inherits its parent's high-water mark
 * there (a bench parent holding 366 MB made every child report ≥ 366 MB). Elsewhere maxRSS, with
 * that caveat.
 */
export function peakRssMb(): number {
  try {
    const hwm = /^VmHWM:\s+(\d+)\s+kB/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (hwm?.[1]) return Number(hwm[1]) / 1024;
  } catch {
    // not Linux: fall through
  }
  return process.resourceUsage().maxRSS / 1024;
}
