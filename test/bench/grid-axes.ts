/** The grid bench's deal and axes (grid.bench.ts, and its ceiling's child grid-cells-child.ts). */
export const GRID_BENCH_TEMPLATE = new URL('../../templates/deals/cn-consumer-revolving.json', import.meta.url);
// 20 × 20: default multiplier 0.5× to 10× by 0.5, prepayment multiplier 0.25× to 5× by 0.25.
export const GRID_BENCH_ROWS = 'defaultMult=0.5:10:0.5';
export const GRID_BENCH_COLUMNS = 'prepayMult=0.25:5:0.25';
