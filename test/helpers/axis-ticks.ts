import type { Locator } from 'playwright-core';
import { expect } from 'vitest';

/** Chinese scale words (CLDR zh compact-short): 万 = 10^4, 亿 = 10^8. */
const ZH_UNITS: Readonly<Record<string, number>> = { '': 1, 万: 1e4, 亿: 1e8 };

/** The tick labels of a chart's first (left, money) y axis, as drawn. */
export function moneyTickLabels(chart: Locator): Promise<string[]> {
  return chart.evaluate((figure) => [...(figure.querySelector('.recharts-yAxis-tick-labels')?.querySelectorAll('.recharts-cartesian-axis-tick-value') ?? [])].map((el) => el.textContent ?? ''));
}

/**
 * A Chinese money axis read as a reader reads it: every label in one unit (万 or 亿), from 0 (or
 * below) up in equal steps of 1, 2 or 5 × 10^n yuan (Heckbert's nice numbers), so no label stands
 * for a rounded amount (the walkthrough's 0 / 8500万 / 1.7亿 / 2.5亿 failed both).
 */
export function expectOneUnitRoundTicks(name: string, ticks: readonly string[]): void {
  const where = `${name}: ${ticks.join(' / ')}`;
  expect(ticks.length, where).toBeGreaterThanOrEqual(2);
  const parsed = ticks.map((tick) => /^(-?\d+(?:\.\d+)?)([万亿]?)$/.exec(tick));
  for (const match of parsed) expect(match, where).not.toBeNull();
  const units = new Set(parsed.filter((m) => m !== null && m[1] !== '0').map((m) => m?.[2] ?? ''));
  expect(units.size, where).toBe(1);
  const factor = ZH_UNITS[[...units][0] ?? ''] ?? Number.NaN;
  const values = parsed.map((m) => Number(m?.[1]) * factor);
  expect(values[0], where).toBeLessThanOrEqual(0);
  const step = (values[1] ?? 0) - (values[0] ?? 0);
  const mantissa = step / 10 ** Math.floor(Math.log10(step));
  expect(
    [1, 2, 5].some((m) => Math.abs(mantissa - m) < 1e-9),
    where,
  ).toBe(true);
  values.forEach((value, k) => expect(Math.abs(value - ((values[0] ?? 0) + k * step)), where).toBeLessThan(step * 1e-9));
}

/** A chart's money axis once it reads Chinese (万 or 亿 drawn): one unit, round even steps. */
export async function expectChineseMoneyAxis(chart: Locator, name: string): Promise<void> {
  await expect.poll(async () => (await moneyTickLabels(chart)).some((tick) => /[万亿]$/.test(tick)), { timeout: 10_000 }).toBe(true);
  expectOneUnitRoundTicks(name, await moneyTickLabels(chart));
}

/** The delinquency pipeline with its delinquent buckets alone: the axis rescales to their smaller amounts, still one unit and round; then the whole pool again. */
export async function expectDelinquentOnlyAxis(pipeline: Locator, name: string): Promise<void> {
  const whole = await moneyTickLabels(pipeline);
  await pipeline.getByRole('checkbox').check();
  await expect.poll(async () => (await moneyTickLabels(pipeline)).join(' ')).not.toBe(whole.join(' '));
  expectOneUnitRoundTicks(`${name} (delinquent only)`, await moneyTickLabels(pipeline));
  await pipeline.getByRole('checkbox').uncheck();
}
