import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { histogram } from '../../engine/mc/index.ts';
import { binLabels } from '../../renderer/areas/deal/loss-bins.ts';
import { chooseLanguage } from '../../renderer/app/language.ts';
import { loadCatalogue } from '../../renderer/app/catalogues.ts';

beforeAll(() => loadCatalogue('zh-CN'));
afterEach(() => chooseLanguage('en'));

/**
 * A Monte Carlo histogram's bin labels state each bin's edges exactly. The engine's histogram
 * (engine/mc/statistics.ts) has 20 bins from 0 to the largest loss rounded up to its step (½% for
 * the pool, 5% for a note), so a bin is top ÷ 20 wide: a pool whose worst path loses 18.7% has
 * top 19% and bins 0.95% wide — edges 0, 0.95, 1.90, 2.85, 3.80 … 19.00%, which one decimal misstated
 * (the walkthrough's 0.0–0.9% and 2.8–3.8%).
 */

describe('Monte Carlo histogram bin labels', () => {
  it('give every edge of 0.95% bins exactly, with two decimals on every bin', () => {
    const labels = binLabels(histogram([0, 0.012, 0.03, 0.187], 20, 0.005));
    expect(labels).toHaveLength(20);
    expect(labels[0]).toBe('0.00–0.95%');
    expect(labels[1]).toBe('0.95–1.90%');
    expect(labels[3]).toBe('2.85–3.80%');
    expect(labels[19]).toBe('18.05–19.00%');
  });

  it('use as many decimals as the bin width needs: 0.025% bins three, 0.25% bins two, 5% bins none', () => {
    // top ½% (every loss under it): bins 0.025% wide.
    expect(binLabels(histogram([0.001, 0.004], 20, 0.005)).slice(0, 2)).toEqual(['0.000–0.025%', '0.025–0.050%']);
    // a note whose worst loss is 3%: top 5%, bins 0.25% wide.
    expect(binLabels(histogram([0, 0.03], 20, 0.05)).slice(0, 3)).toEqual(['0.00–0.25%', '0.25–0.50%', '0.50–0.75%']);
    // a note that loses everything on some path: top 100%, bins 5% wide.
    expect(binLabels(histogram([0, 1], 20, 0.05)).slice(0, 2)).toEqual(['0–5%', '5–10%']);
  });

  it('read the same in Chinese (numbers and a percent sign only)', async () => {
    const bins = histogram([0, 0.012, 0.03, 0.187], 20, 0.005);
    const english = binLabels(bins);
    await chooseLanguage('zh-CN');
    expect(binLabels(bins)).toEqual(english);
  });
});
