import { describe, expect, it } from 'vitest';
import { writesMonthlyBuckets } from '../../renderer/areas/assumptions/model.ts';

// The roll-rate grid edits the compact 91–180 row; a set written month by month (91–120, 121–150,
// 151–180) is edited in the JSON view, and the grid says so instead of showing the compact row.
describe('writesMonthlyBuckets', () => {
  it('is false for the compact form the grid edits', () => {
    expect(writesMonthlyBuckets({ rollForward: { current: 0.02, dpd91_180: 0.9 }, cure: { dpd1_30: 0.3 }, chargeOffAt: 'dpd91_180' })).toBe(false);
    expect(writesMonthlyBuckets(undefined)).toBe(false);
  });

  it('is true when any move names a monthly bucket, or the charge-off bucket is one', () => {
    expect(writesMonthlyBuckets({ cure: { dpd121_150: 0.05 } })).toBe(true);
    expect(writesMonthlyBuckets({ rollBack: { dpd151_180: 0.01 } })).toBe(true);
    expect(writesMonthlyBuckets({ rollForward: { current: 0.02 }, chargeOffAt: 'dpd121_150' })).toBe(true);
  });
});
