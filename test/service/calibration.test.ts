import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkAssumptions } from '../../service/files/assumption-file.ts';
import { REPO_ROOT } from '../helpers/repo.ts';

/**
 * The shipped assumption sets are calibrated to the sample tape's delinquency ratios: the implied
 * long-run share 1+ days past due of each segment's roll rates (the stationary mix of the monthly
 * chain with charge-offs replaced by new current loans) is within ±0.2 percentage points of the
 * seed ratio in docs/sample-tapes.md ("Delinquency (DPD > 0) by segment": salaried 1.5%,
 * self_employed 8.3%, gig 8.3%; data/sample/generate.ts SAMPLE_PARAMETERS.delinquencyRate).
 * Before the calibration the shipped rates implied about 4.4% / 15.7% / 19.4%.
 */
const SEED_RATIOS: Record<string, number> = { '$.pool': 0.015, '$.segments.salaried': 0.015, '$.segments.self_employed': 0.083, '$.segments.gig': 0.083 };
const TOLERANCE = 0.002;

function shares(file: unknown): Map<string, number> {
  return new Map(checkAssumptions(file).impliedDelinquency.map((row) => [row.path, row.delinquentShare]));
}

describe('calibration of the shipped assumption sets to the seed delinquency ratios', () => {
  const consumerBase = JSON.parse(readFileSync(join(REPO_ROOT, 'templates', 'assumptions', 'consumer-base.json'), 'utf8')) as unknown;
  const deal = JSON.parse(readFileSync(join(REPO_ROOT, 'templates', 'deals', 'cn-consumer-revolving.json'), 'utf8')) as { assumptions: unknown };

  for (const [name, file] of [
    ['templates/assumptions/consumer-base.json', consumerBase],
    ['cn-consumer-revolving assumptions', deal.assumptions],
  ] as const) {
    it(`${name}: salaried (the pool's set), self_employed and gig within ±0.2 pp`, () => {
      const implied = shares(file);
      for (const path of ['$.pool', '$.segments.self_employed', '$.segments.gig']) {
        const share = implied.get(path);
        expect(share, path).toBeDefined();
        expect(Math.abs((share ?? 0) - (SEED_RATIOS[path] ?? 0)), `${path}: ${share}`).toBeLessThanOrEqual(TOLERANCE);
      }
    });
  }

  it('assumptions.check names the roll rates each share comes from, and notes what it does not apply', () => {
    const file = {
      months: 12,
      pool: {
        default: '1 CDR',
        rollRates: { rollForward: { current: 0.1, dpd1_30: 0.2 }, cure: { dpd1_30: 0.5 }, chargeOffAt: 'dpd1_30' },
      },
      segments: { gig: { prepayment: '4 CPR' } },
    };
    const checked = checkAssumptions(file);
    // π(1–30) = 0.1 / (0.1 + 0.5 + 0.2) = 0.125 (longRunDelinquency's hand example).
    expect(checked.impliedDelinquency).toEqual([
      { path: '$.pool', rollRatesPath: '$.pool.rollRates', delinquentShare: expect.closeTo(0.125, 12) },
      { path: '$.segments.gig', rollRatesPath: '$.pool.rollRates', delinquentShare: expect.closeTo(0.125, 12) },
    ]);
    expect(checked.notes).toEqual([expect.stringMatching(/^\$\.pool\.default is not applied: the set takes its defaults from the roll-rate charge-offs/)]);
    const legacy = checkAssumptions({ months: 12, pool: { rollRates: { rollForward: { current: 0.01, dpd1_30: 0.3, dpd31_60: 0.5, dpd61_90: 0.6, dpd91_180: 0.3 } } } });
    expect(legacy.notes).toEqual([expect.stringMatching(/^\$\.pool\.rollRates: rollForward\.dpd91_180 \(0\.3\) is not used/)]);
  });
});
