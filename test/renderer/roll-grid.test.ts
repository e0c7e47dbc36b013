import { describe, expect, it } from 'vitest';
import { buildTransitionMatrix } from '../../engine/index.ts';
import { withChargeOffAt, writesMonthlyBuckets } from '../../renderer/areas/assumptions/model.ts';
import { layoutOf, toCompact, toMonthly } from '../../renderer/areas/assumptions/range-layout.ts';

// The roll-rate grid writes the 91–180 range as one compact row or month by month (91–120,
// 121–150, 151–180). The compact row's cure c and roll back b apply in each monthly bucket and
// its roll forward is 1 − c − b (docs/assumptions.md, "The compact 91–180 row"), so the two forms
// convert exactly where they say the same thing.
describe('writesMonthlyBuckets', () => {
  it('is false for the compact form', () => {
    expect(writesMonthlyBuckets({ rollForward: { current: 0.02, dpd91_180: 0.9 }, cure: { dpd1_30: 0.3 }, chargeOffAt: 'dpd91_180' })).toBe(false);
    expect(writesMonthlyBuckets(undefined)).toBe(false);
  });

  it('is true when any move names a monthly bucket, or the charge-off bucket is one', () => {
    expect(writesMonthlyBuckets({ cure: { dpd121_150: 0.05 } })).toBe(true);
    expect(writesMonthlyBuckets({ rollBack: { dpd151_180: 0.01 } })).toBe(true);
    expect(writesMonthlyBuckets({ rollForward: { current: 0.02 }, chargeOffAt: 'dpd121_150' })).toBe(true);
  });
});

// The shipped example's pool set (templates/assumptions/consumer-base.json), with a roll back added.
const compact = {
  rollForward: { current: 0.005, dpd1_30: 0.35, dpd31_60: 0.55, dpd61_90: 0.7 },
  cure: { dpd1_30: 0.45, dpd31_60: 0.2, dpd61_90: 0.1, dpd91_180: 0.02 },
  rollBack: { dpd91_180: 0.05 },
};
// By hand: each monthly bucket cures 2%, rolls back 5% and rolls forward 1 − 0.02 − 0.05 = 93%.
const monthly = {
  rollForward: { current: 0.005, dpd1_30: 0.35, dpd31_60: 0.55, dpd61_90: 0.7, dpd91_120: 0.93, dpd121_150: 0.93, dpd151_180: 0.93 },
  cure: { dpd1_30: 0.45, dpd31_60: 0.2, dpd61_90: 0.1, dpd91_120: 0.02, dpd121_150: 0.02, dpd151_180: 0.02 },
  rollBack: { dpd91_120: 0.05, dpd121_150: 0.05, dpd151_180: 0.05 },
};

describe('the 91–180 layout', () => {
  it('follows the set when it names either form, else the analyst’s choice', () => {
    expect(layoutOf(compact, 'monthly')).toBe('compact');
    expect(layoutOf(monthly, 'compact')).toBe('monthly');
    expect(layoutOf({ rollForward: { current: 0.01 } }, 'monthly')).toBe('monthly');
    expect(layoutOf(undefined, 'compact')).toBe('compact');
  });

  it('writes the compact row as three monthly rows (hand-computed), the engine reading the same matrix', () => {
    expect(toMonthly(compact)).toEqual(monthly);
    // Equal to float rounding (the engine's 1 − 0.02 − 0.05 is 0.9299999999999999, the grid writes 0.93).
    const fromCompact = buildTransitionMatrix(compact);
    buildTransitionMatrix(monthly).forEach((p, k) => expect(p).toBeCloseTo(fromCompact[k] ?? Number.NaN, 14));
    // Without a roll back: 1 − 0.02 = 98% a month on, and no roll-back table is made.
    const { rollBack: _b, ...plain } = compact;
    const plainMonthly = toMonthly(plain) as typeof monthly;
    expect(plainMonthly.rollForward.dpd151_180).toBe(0.98);
    expect(plainMonthly).not.toHaveProperty('rollBack');
    // chargeOffAt dpd91_180 means 151–180: the monthly form leaves it implicit too.
    expect(toMonthly({ ...compact, chargeOffAt: 'dpd91_180' })).toEqual(monthly);
  });

  it('writes monthly rows back as the compact row when they are its shape', () => {
    expect(toCompact(monthly)).toEqual({ rollRates: compact });
    expect(toCompact({ ...monthly, chargeOffAt: 'dpd151_180' })).toEqual({ rollRates: compact });
  });

  it('refuses to fold monthly rows that say more than one row can', () => {
    expect(toCompact({ ...monthly, cure: { ...monthly.cure, dpd151_180: 0.01 } })).toEqual({ reason: 'the monthly buckets have different cure or roll-back rates' });
    // 151–180 rolls forward 90% with cure 2% and roll back 5%: 3% stays, which the compact row cannot say.
    expect(toCompact({ ...monthly, rollForward: { ...monthly.rollForward, dpd151_180: 0.9 } })).toHaveProperty('reason', expect.stringContaining('keeps loans in it'));
    expect(toCompact({ ...monthly, chargeOffAt: 'dpd121_150' })).toEqual({ reason: 'a charge-off inside 91–180 days needs the monthly rows' });
  });

  it('a charge-off bucket chosen in the monthly layout drops the buckets after it; 151–180 is the default, left implicit', () => {
    expect(withChargeOffAt(monthly, 'dpd121_150', 'monthly')).toEqual({
      rollForward: { current: 0.005, dpd1_30: 0.35, dpd31_60: 0.55, dpd61_90: 0.7, dpd91_120: 0.93, dpd121_150: 0.93 },
      cure: { dpd1_30: 0.45, dpd31_60: 0.2, dpd61_90: 0.1, dpd91_120: 0.02, dpd121_150: 0.02 },
      rollBack: { dpd91_120: 0.05, dpd121_150: 0.05 },
      chargeOffAt: 'dpd121_150',
    });
    expect(withChargeOffAt({ ...monthly, chargeOffAt: 'dpd121_150' }, 'dpd151_180', 'monthly')).toEqual(monthly);
  });
});
