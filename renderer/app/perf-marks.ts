/**
 * Performance marks for the "changed assumption → redrawn chart" bench (test/bench/redraw.bench.ts
 * reads them through Playwright): the analyst changes the scenario, and the Deal screen's charts
 * are drawn with the new run. Marks cost next to nothing and change nothing on screen.
 */
const CHANGED = 'abs:assumption-changed';
export const REDRAW_MEASURE = 'abs:assumption-to-chart';

/** The analyst changed the scenario a run uses (the moment of the event). */
export function markAssumptionChanged(): void {
  performance.clearMarks(CHANGED);
  performance.mark(CHANGED);
}

/**
 * The charts were drawn with a new run: measured from the last change, once (a later redraw with
 * no change in between measures nothing). Called after the frame that painted them.
 */
export function markChartDrawn(periods: number): void {
  if (performance.getEntriesByName(CHANGED, 'mark').length === 0) return;
  performance.measure(REDRAW_MEASURE, { start: CHANGED, detail: { periods } });
  performance.clearMarks(CHANGED);
}

/** After the browser has painted the frame the current render produces: the next animation frame, then the task after it. */
export function afterPaint(callback: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(callback, 0);
  });
  return () => {
    cancelAnimationFrame(frame);
    if (timer !== undefined) clearTimeout(timer);
  };
}
