import type { LossHistogramBin } from '../../../service/api/contract.ts';

/** The most decimals a bin edge needs: the engine's edges are multiples of 1/20 of a ½% (pool) or 5% (note) step, so 3 at most. */
const MAX_EDGE_DECIMALS = 4;

/**
 * Each bin's range in percent, every edge exact: as many decimals as the bins' edges need (0.95%
 * wide bins read 0.00–0.95%, 2.85–3.80%; 5% wide ones 0–5%), the same for every bin of a chart.
 * Rounding each edge to one decimal misstated them (0.0–0.9%, 2.8–3.8%). Numbers only: the same in
 * every language.
 */
export function binLabels(bins: readonly LossHistogramBin[]): string[] {
  const edges = bins.flatMap((b) => [b.from * 100, b.to * 100]);
  const exactAt = (d: number): boolean => edges.every((e) => Math.abs(Number(e.toFixed(d)) - e) < 1e-9);
  let decimals = 0;
  while (decimals < MAX_EDGE_DECIMALS && !exactAt(decimals)) decimals += 1;
  return bins.map((b) => `${(b.from * 100).toFixed(decimals)}–${(b.to * 100).toFixed(decimals)}%`);
}
